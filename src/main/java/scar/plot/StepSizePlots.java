package scar.plot;

import scar.text.Format;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Step sizes n_c per class (SPEC §5.3) next to the items each class has now, with the dataset foundation size N_F
 * (SPEC §5.5) as a dashed reference line.
 */
public final class StepSizePlots {

    /** Name of the step-size bars. */
    public static final String STEP_SIZES = "step size n_c";
    /** Name of the class-count bars. */
    public static final String PRESENT = "items present";
    /** Prefix of the foundation-size line's name; the value follows. */
    public static final String FOUNDATION_PREFIX = "foundation size N_F = ";
    /** Y-axis title. */
    public static final String Y_TITLE = "items";
    /** Chart height in pixels. */
    static final int HEIGHT = Theme.HEIGHT + 80;

    private StepSizePlots() {}

    /**
     * A grouped bar chart: per class, its step size and its current item count; a dashed line at the dataset
     * foundation size. The y axis is logarithmic when the positive values span a factor of 100 or more (step sizes
     * are often tens of thousands while classes hold hundreds; the axis title then ends in " (log scale)"); category labels are rotated when there are more
     * than 8 classes or long names.
     *
     * @param title          chart title
     * @param classNames     one unique name per class
     * @param stepSizes      n_c per class, finite and ≥ 0
     * @param classCounts    items of each class in the dataset, ≥ 0
     * @param foundationSize N_F of the dataset, finite and &gt; 0
     * @throws IllegalArgumentException on length mismatch or a value out of range
     */
    public static CategoryChart stepSizes(String title, String[] classNames, double[] stepSizes, int[] classCounts,
            double foundationSize) {
        return stepSizes(title, classNames, stepSizes, classCounts, foundationSize, null, null);
    }

    /** Name of the markers at the smallest step size over seeds. */
    public static final String LOWEST = "lowest over seeds";
    /** Name of the markers at the largest step size over seeds. */
    public static final String HIGHEST = "highest over seeds";

    /**
     * As {@link #stepSizes(String, String[], double[], int[], double)}, with markers at the lowest and highest step
     * size of each class over the seeds of a repeated study ({@code low}/{@code high} null for none).
     */
    public static CategoryChart stepSizes(String title, String[] classNames, double[] stepSizes, int[] classCounts,
            double foundationSize, double[] low, double[] high) {
        Inputs.title(title);
        Inputs.names("classNames", classNames);
        Inputs.vector("stepSizes", stepSizes, classNames.length, "classNames");
        Inputs.finite("stepSizes", stepSizes);
        for (int i = 0; i < stepSizes.length; i++) {
            if (stepSizes[i] < 0) {
                throw new IllegalArgumentException("stepSizes[" + i + "] is " + stepSizes[i] + "; expected ≥ 0");
            }
        }
        Inputs.counts("classCounts", classCounts, classNames.length, "classNames");
        Inputs.positive("foundationSize", new double[] {foundationSize});

        // taller than the default: rotated class names and the three-line legend sit below the plot
        CategoryChart chart = Theme.category(Theme.WIDTH, HEIGHT, title, "class", Y_TITLE);
        double[] counts = Arrays.stream(classCounts).asDoubleStream().toArray();
        double[] line = new double[classNames.length];
        Arrays.fill(line, foundationSize);
        boolean log = spansDecades(stepSizes, counts, foundationSize);
        Theme.logY(chart, log);
        Theme.legendBelow(chart);
        Labels.rotateIfCrowded(chart, classNames);
        List<String> categories = List.of(classNames);
        Labels.bars(chart, STEP_SIZES, categories, Labels.boxed(stepSizes), 4);
        Labels.bars(chart, PRESENT, categories, Labels.boxed(counts), 0);
        CategorySeries nf = chart.addSeries(FOUNDATION_PREFIX + Format.items(foundationSize), categories,
                Labels.boxed(line));
        Theme.style(nf, 7).setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        nf.setLineStyle(Theme.line(8));
        nf.setMarker(SeriesMarkers.NONE);
        if (low != null && high != null) {
            // bars drawn over each other (the items present in front of the step size, like a bullet chart), so
            // that the markers of the range sit on the class's own bar
            chart.getStyler().setOverlapped(true);
            chart.getStyler().setAvailableSpaceFill(0.55);
            Inputs.vector("low", low, classNames.length, "classNames");
            Inputs.vector("high", high, classNames.length, "classNames");
            for (String name : new String[] {LOWEST, HIGHEST}) {
                CategorySeries range = chart.addSeries(name, categories, Labels.boxed(name.equals(LOWEST) ? low : high));
                range.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
                range.setMarker(name.equals(LOWEST) ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.TRIANGLE_DOWN);
                range.setMarkerColor(Theme.TEXT);
            }
        }
        if (log) {
            // bars on a log axis start at the axis minimum; keep it below every positive value
            chart.getStyler().setYAxisMin(Labels.floorDecade(Labels.minPositive(stepSizes, counts, foundationSize)));
        } else {
            chart.getStyler().setYAxisMin(0.0);
        }
        return chart;
    }

    private static boolean spansDecades(double[] a, double[] b, double c) {
        double min = Labels.minPositive(a, b, c);
        double max = Math.max(c, Math.max(Arrays.stream(a).max().orElse(0), Arrays.stream(b).max().orElse(0)));
        return max / min >= 100;
    }
}
