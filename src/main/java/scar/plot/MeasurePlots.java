package scar.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The four SCAR measures of every class against the sampling fraction x = 1/r of the scaling sweep (SPEC §4): a
 * 2 × 2 small-multiples figure (Scale, Coverage, Authenticity, Richness), one line per class, one shared legend.
 */
public final class MeasurePlots {

    /** Pixel size of one panel; the 2 × 2 figure is twice as wide, which fits a notebook column. */
    static final int PANEL_WIDTH = 500;
    static final int PANEL_HEIGHT = 330;

    /** The x-axis title of every panel. */
    public static final String X_TITLE = "sampling fraction 1/r";

    /** Panel titles, in panel order. */
    public static final List<String> PANELS = List.of("Scale S", "Coverage C", "Authenticity A", "Richness R");

    private MeasurePlots() {}

    /**
     * Small multiples of S, C, A, R per class. Arrays are indexed {@code [ratioIndex][class]}; a NaN value leaves a
     * gap in that class's line. Points are drawn in increasing x = 1/r whatever the order of {@code ratios}. The x
     * axis is logarithmic when the fractions span a factor of 10 or more (the default sweep 1/30 … 1 does), so the
     * small fractions do not crowd together, and its title then ends in " (log scale)".
     *
     * @param title        figure title (may be empty)
     * @param ratios       the sweep's ratios r, each finite and &gt; 0
     * @param classNames   one unique name per class
     * @param scale        S, {@code ratios.length × classNames.length}
     * @param coverage     C, same shape
     * @param authenticity A, same shape
     * @param richness     R, same shape
     * @throws IllegalArgumentException on a shape mismatch, a non-positive ratio or an infinite measure
     */
    public static ChartGrid measures(String title, double[] ratios, String[] classNames, double[][] scale,
            double[][] coverage, double[][] authenticity, double[][] richness) {
        Inputs.title(title);
        Inputs.names("classNames", classNames);
        Inputs.positive("ratios", Inputs.nonEmpty("ratios", ratios));
        double[][][] measures = {scale, coverage, authenticity, richness};
        String[] argNames = {"scale", "coverage", "authenticity", "richness"};
        for (int m = 0; m < measures.length; m++) {
            Inputs.matrix(argNames[m], measures[m], ratios.length, "ratios", classNames.length, "classNames");
            Inputs.finiteOrNaN(argNames[m], measures[m]);
        }
        Integer[] order = increasingFraction(ratios);
        double[] x = new double[ratios.length];
        for (int k = 0; k < order.length; k++) {
            x[k] = 1.0 / ratios[order[k]];
        }
        boolean logX = x[x.length - 1] / x[0] >= 10;
        List<XYChart> panels = new ArrayList<>();
        for (int m = 0; m < measures.length; m++) {
            XYChart chart = Theme.xy(PANEL_WIDTH, PANEL_HEIGHT, PANELS.get(m), X_TITLE, PANELS.get(m).split(" ")[0]);
            Theme.logX(chart, logX);
            for (int c = 0; c < classNames.length; c++) {
                double[] y = new double[order.length];
                for (int k = 0; k < order.length; k++) {
                    y[k] = measures[m][order[k]][c];
                }
                XYSeries s = chart.addSeries(classNames[c], x.clone(), y);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                Theme.style(s, c);
            }
            panels.add(chart);
        }
        return ChartGrid.of(title, 2, panels);
    }

    /** Indices of {@code ratios} ordered by increasing 1/r, i.e. decreasing r. */
    private static Integer[] increasingFraction(double[] ratios) {
        Integer[] order = new Integer[ratios.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(ratios[b], ratios[a]));
        return order;
    }
}
