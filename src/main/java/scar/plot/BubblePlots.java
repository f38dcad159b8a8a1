package scar.plot;

import java.awt.Color;
import scar.text.Format;
import org.knowm.xchart.BubbleChart;
import org.knowm.xchart.BubbleSeries;


/**
 * The dataset-level SCAR summary (SPEC §5.6) of several datasets or modalities side by side: x = coverage,
 * y = authenticity, bubble area = scale, bubble colour = richness on the viridis ramp (dark purple = low,
 * yellow = high), one series per name, each bubble named beside it.
 */
public final class BubblePlots {

    /** X-axis title. */
    public static final String X_TITLE = "coverage C";
    /** Appended to the chart title: the size and colour encoding. */
    public static final String KEY = " · area: scale S, colour: richness R";
    /** Y-axis title. */
    public static final String Y_TITLE = "authenticity A";
    /** Diameter in pixels of a bubble with scale 1; the area is proportional to the scale. */
    public static final double MAX_DIAMETER = 70;
    /** Smallest diameter in pixels, so that a scale near 0 stays visible. */
    public static final double MIN_DIAMETER = 10;
    /** Pixels between a bubble's edge and its name. */
    private static final int LABEL_GAP = 4;

    private BubblePlots() {}

    /**
     * One bubble per name, with the name beside it (bubbles of equal richness have the same colour). The legend
     * entry of each bubble reads {@code "name: S 0.820, R 0.350"}; the title gets
     * {@link #KEY} appended. Both axes span [0, 1] with a small margin.
     *
     * @param names one unique name per dataset or modality
     * @param scale, coverage, authenticity, richness dataset-level measures, one per name, each in [0, 1]
     * @throws IllegalArgumentException on a length mismatch or a value outside [0, 1]
     */
    public static BubbleChart scar(String title, String[] names, double[] scale, double[] coverage,
            double[] authenticity, double[] richness) {
        Inputs.title(title);
        Inputs.names("names", names);
        Inputs.unit("scale", Inputs.vector("scale", scale, names.length, "names"));
        Inputs.unit("coverage", Inputs.vector("coverage", coverage, names.length, "names"));
        Inputs.unit("authenticity", Inputs.vector("authenticity", authenticity, names.length, "names"));
        Inputs.unit("richness", Inputs.vector("richness", richness, names.length, "names"));
        BubbleChart chart = Theme.apply(new BubbleChart(Theme.WIDTH, Theme.HEIGHT));
        chart.setTitle(title + KEY);
        chart.setXAxisTitle(X_TITLE);
        chart.setYAxisTitle(Y_TITLE);
        chart.getStyler().setXAxisMin(-0.05);
        chart.getStyler().setXAxisMax(1.05);
        chart.getStyler().setYAxisMin(-0.05);
        chart.getStyler().setYAxisMax(1.05);
        for (int i = 0; i < names.length; i++) {
            String name = names[i] + ": S " + Format.share(scale[i]) + ", R " + Format.share(richness[i]);
            BubbleSeries s = chart.addSeries(name, new double[] {coverage[i]}, new double[] {authenticity[i]},
                    new double[] {diameter(scale[i])});
            Color c = Theme.viridis(richness[i]);
            s.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 200));
            s.setLineColor(c.darker());
            // bubbles of the same richness share a colour, so the legend alone cannot tell them apart
            chart.addAnnotation(new StepLabel(names[i], coverage[i], authenticity[i], false, Theme.TEXT,
                    (int) Math.ceil(diameter(scale[i]) / 2) + LABEL_GAP));
        }
        return chart;
    }

    /** Bubble diameter in pixels for a scale in [0, 1]: area proportional to the scale, at least the minimum. */
    static double diameter(double scale) {
        return Math.max(MIN_DIAMETER, MAX_DIAMETER * Math.sqrt(scale));
    }
}
