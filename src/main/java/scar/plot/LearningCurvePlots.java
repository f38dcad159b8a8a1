package scar.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Held-out evidence as pictures: learning curves (the sweep's held-out scores against the training size, the fitted
 * power law carried on to 10× the current size with its 95 % band, and the back-test's prediction of the full-data
 * point), and the held-out recall of every class in every modality beside SCAR's bottleneck.
 */
public final class LearningCurvePlots {

    /** X-axis title of the learning curve. */
    public static final String X_TITLE = "training items";
    /** Pixels a legend entry takes, and the title and padding around the legend, for the chart's height. */
    static final int LEGEND_ENTRY = 22;
    static final int LEGEND_MARGIN = 80;

    private LearningCurvePlots() {}

    /**
     * One modality's curve.
     *
     * @param name         legend name (the modality)
     * @param sizes        training items at each ratio
     * @param means        mean held-out score at each ratio
     * @param sds          its standard deviation over the ratio's fits (NaN or 0 for a single fit)
     * @param fitX         sizes at which the fitted curve is drawn (empty when none was fitted)
     * @param fitY         the fitted curve there
     * @param bandX        sizes of the interval band (empty for none)
     * @param bandLow      its low ends
     * @param bandHigh     its high ends
     * @param backTest     {x, predicted, low, high} of the back-test, or null
     */
    public record Curve(String name, double[] sizes, double[] means, double[] sds, double[] fitX, double[] fitY,
                        double[] bandX, double[] bandLow, double[] bandHigh, double[] backTest) {
    }

    /**
     * The learning curves of one or more modalities on a logarithmic size axis.
     *
     * @throws IllegalArgumentException on a shape mismatch or a size that is not positive
     */
    public static XYChart learningCurves(String title, String yTitle, List<Curve> curves) {
        Inputs.title(title);
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("a learning-curve chart needs at least one curve");
        }
        // up to four legend entries a curve (band, points, fit, back-test), in one column beside the plot: with many
        // curves the chart grows taller so that none is cut off (six modalities' 24 entries overflowed 440 pixels)
        int entries = curves.stream().mapToInt(c -> (c.bandX().length > 1 ? 1 : 0) + 1 + (c.fitX().length > 1 ? 1 : 0)
                + (c.backTest() != null ? 1 : 0)).sum();
        XYChart chart = Theme.xy(Theme.WIDTH, Math.max(Theme.HEIGHT, LEGEND_MARGIN + LEGEND_ENTRY * entries), title,
                X_TITLE, yTitle);
        Theme.logX(chart, true);
        chart.getStyler().setErrorBarsColor(Theme.TEXT);
        for (int m = 0; m < curves.size(); m++) {
            Curve c = curves.get(m);
            Inputs.positive("sizes of " + c.name(), Inputs.nonEmpty("sizes of " + c.name(), c.sizes()));
            Inputs.length("means of " + c.name(), c.means().length, c.sizes().length, "sizes");
            Color colour = Theme.color(m);
            if (c.bandX().length > 1) {
                double[] px = new double[2 * c.bandX().length];
                double[] py = new double[px.length];
                int n = c.bandX().length;
                for (int j = 0; j < n; j++) {
                    px[j] = c.bandX()[j];
                    py[j] = c.bandLow()[j];
                    px[2 * n - 1 - j] = c.bandX()[j];
                    py[2 * n - 1 - j] = c.bandHigh()[j];
                }
                XYSeries band = chart.addSeries(c.name() + " 95%", px, py);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
                band.setLineColor(new Color(0, 0, 0, 0));
                band.setMarker(SeriesMarkers.NONE);
            }
            double[] errors = new double[c.sds().length];
            for (int j = 0; j < errors.length; j++) {
                errors[j] = Double.isNaN(c.sds()[j]) ? 0 : c.sds()[j];
            }
            XYSeries measured = chart.addSeries(c.name() + " ± sd", c.sizes(), c.means(), errors);
            measured.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            Theme.style(measured, m);
            if (c.fitX().length > 1) {
                XYSeries fit = chart.addSeries(c.name() + " fit", c.fitX(), c.fitY());
                fit.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                Theme.style(fit, m);
                fit.setMarker(SeriesMarkers.NONE);
            }
            if (c.backTest() != null) {
                double[] b = c.backTest();
                // the interval as it is: XChart's error bars are symmetric, and the larger side drawn on both
                // sides reached past an accuracy of 1 (0.998 [0.961–1.000] drawn up to 1.035)
                if (Double.isFinite(b[2]) && Double.isFinite(b[3])) {
                    XYSeries interval = chart.addSeries(c.name() + " back-test interval", new double[] {b[0], b[0]},
                            new double[] {b[2], b[3]});
                    interval.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    interval.setMarker(SeriesMarkers.NONE);
                    interval.setLineColor(Theme.TEXT);
                    interval.setShowInLegend(false);
                }
                XYSeries back = chart.addSeries(c.name() + " back-test", new double[] {b[0]}, new double[] {b[1]});
                back.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                back.setMarker(Theme.PREDICTION_MARKER);
                back.setMarkerColor(colour.darker());
            }
        }
        return chart;
    }

    /**
     * Grouped bars: per class, the held-out recall of each modality's full-data probe; a class's label ends in
     * " ✓" when SCAR's bottleneck is the evidence's weaker modality, " ✗" when they differ.
     *
     * @param recalls {@code [modality][class]}, in [0, 1] (NaN drawn as 0)
     * @param agrees  per class "yes", "no" or anything else for undecided
     */
    public static CategoryChart agreement(String title, String[] classes, String[] modalities, double[][] recalls,
                                          String[] agrees) {
        Inputs.title(title);
        Inputs.names("classes", classes);
        Inputs.names("modalities", modalities);
        Inputs.matrix("recalls", recalls, modalities.length, "modalities", classes.length, "classes");
        Inputs.length("agrees", agrees.length, classes.length, "classes");
        CategoryChart chart = Theme.category(Theme.WIDTH, Theme.HEIGHT, title, "", "held-out recall");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setXAxisTitleVisible(false);
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes.length; c++) {
            labels.add(classes[c] + ("yes".equals(agrees[c]) ? " ✓" : "no".equals(agrees[c]) ? " ✗" : ""));
        }
        Labels.rotateIfCrowded(chart, labels.toArray(String[]::new));
        for (int m = 0; m < modalities.length; m++) {
            List<Double> y = new ArrayList<>();
            for (double v : recalls[m]) {
                y.add(Double.isNaN(v) ? 0 : v);
            }
            Theme.style(chart.addSeries(modalities[m], labels, y), m)
                    .setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
        }
        return chart;
    }
}
