package scar.plot;

import scar.text.Format;
import java.util.Arrays;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The generalisation bias across modalities (SPEC §7) as overlaid empirical distribution functions of the class step
 * sizes: a modality whose curve lies to the right needs more data per class.
 */
public final class BiasPlots {

    /** X-axis title. */
    public static final String X_TITLE = "step size n_c (items)";
    /** Y-axis title. */
    public static final String Y_TITLE = "share of classes with step size ≤ x";
    /** Suffix of the hidden per-modality series that carries one marker per class. */
    static final String POINTS_SUFFIX = " (classes)";

    private BiasPlots() {}

    /**
     * One ECDF staircase per modality, F(x) = (number of classes with n_c ≤ x) / K, with a marker at each class.
     * The legend names each modality with its class count and median step size. The x axis is logarithmic when
     * all step sizes are positive and span a factor of 100 or more (its title then ends in " (log scale)"). Each modality gets its own colour and line
     * style, so the curves stay apart in grey print.
     *
     * <p>The chart holds two series per modality: the staircase, named as in the legend, and its class markers,
     * named {@code modality + " (classes)"} and hidden from the legend.
     *
     * @param title                chart title
     * @param modalities           one unique name per modality
     * @param stepSizesPerModality {@code [modality][class]} step sizes, finite; each modality needs at least one
     * @throws IllegalArgumentException on a count mismatch, an empty modality or a non-finite step size
     */
    public static XYChart stepSizeDistribution(String title, String[] modalities, double[][] stepSizesPerModality) {
        return stepSizeDistribution(title, modalities, stepSizesPerModality, null);
    }

    /**
     * As {@link #stepSizeDistribution(String, String[], double[][])}, with every step named by its class: the label
     * sits beside the riser that climbs to the class's marker, left of it and near its top for the first, third, …
     * modality, right of it and near its bottom for the others, so that two modalities' labels stay apart.
     *
     * @param classNames {@code [modality][class]} the class of every step size, or {@code null} for no labels
     */
    public static XYChart stepSizeDistribution(String title, String[] modalities, double[][] stepSizesPerModality,
            String[][] classNames) {
        Inputs.title(title);
        Inputs.names("modalities", modalities);
        Objects.requireNonNull(stepSizesPerModality, "stepSizesPerModality");
        Inputs.length("stepSizesPerModality", stepSizesPerModality.length, modalities.length, "modalities");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < modalities.length; m++) {
            String what = "stepSizesPerModality[" + m + "] (" + modalities[m] + ")";
            Inputs.nonEmpty(what, stepSizesPerModality[m]);
            Inputs.finite(what, stepSizesPerModality[m]);
            for (double v : stepSizesPerModality[m]) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        XYChart chart = Theme.xy(Theme.WIDTH, Theme.HEIGHT, title, X_TITLE, Y_TITLE);
        Theme.logX(chart, min > 0 && max / min >= 100);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        Theme.legendBelow(chart);
        if (classNames != null) {
            Inputs.length("classNames", classNames.length, modalities.length, "modalities");
            for (int m = 0; m < modalities.length; m++) {
                Inputs.length("classNames[" + m + "]", classNames[m].length, stepSizesPerModality[m].length,
                        "stepSizesPerModality[" + m + "]");
            }
        }
        for (int m = 0; m < modalities.length; m++) {
            double[] steps = stepSizesPerModality[m];
            Integer[] order = new Integer[steps.length];
            Arrays.setAll(order, i -> i);
            // stable: equal step sizes keep the class order
            Arrays.sort(order, (i, j) -> Double.compare(steps[i], steps[j]));
            double[] sorted = Arrays.stream(order).mapToDouble(i -> steps[i]).toArray();
            int n = sorted.length;
            double[] sx = new double[2 * n];
            double[] sy = new double[2 * n];
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                sx[2 * i] = sorted[i];
                sy[2 * i] = (double) i / n;
                sx[2 * i + 1] = sorted[i];
                sy[2 * i + 1] = (i + 1.0) / n;
                px[i] = sorted[i];
                py[i] = (i + 1.0) / n;
            }
            String name = modalities[m] + " (K = " + n + ", median " + Format.items(median(sorted)) + ")";
            XYSeries stairs = Theme.style(chart.addSeries(name, sx, sy), m);
            stairs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            stairs.setLineStyle(Theme.distinctLine(m));
            stairs.setMarker(SeriesMarkers.NONE);
            XYSeries points = Theme.style(chart.addSeries(modalities[m] + POINTS_SUFFIX, px, py), m);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setShowInLegend(false);
            if (classNames != null) {
                for (int i = 0; i < n; i++) {
                    // even modalities: left of the riser, near its top; odd ones: right of it, near its bottom
                    double y = m % 2 == 0 ? (i + 0.75) / n : (i + 0.25) / n;
                    chart.addAnnotation(new StepLabel(classNames[m][order[i]], px[i], y, m % 2 == 0,
                            Theme.color(m)));
                }
            }
        }
        return chart;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
