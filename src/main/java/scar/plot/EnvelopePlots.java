package scar.plot;

import scar.text.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The lower exponential envelope of one class (SPEC §5.2): the hypothesis-space sizes h at x = 1/r and the fitted
 * curve y = a · (1 − exp(−λ x)), whose a at λ₀ = 1e-4 is the class's H.
 */
public final class EnvelopePlots {

    /** Name of the series of h points. */
    public static final String POINTS = "h at x = 1/r";
    /** Name of the fitted curve's series. */
    public static final String CURVE = "envelope a·(1 − e^(−λx))";
    /** Y-axis title. */
    public static final String Y_TITLE = "hypothesis-space size h";
    /** Number of points on which the curve is drawn. */
    public static final int CURVE_POINTS = 100;

    private EnvelopePlots() {}

    /**
     * The envelope chart of {@code className}. Points with a non-finite or non-positive h are not valid for the fit
     * (SPEC §5.2) and are left out; the points' legend entry says how many. The curve is drawn at
     * {@value #CURVE_POINTS} points over (0, 1]. The y axis is logarithmic when the valid h span a factor of 100 or
     * more (the curve then starts at half the smallest x so it does not plunge toward 0); the x axis is logarithmic
     * when the fractions span a factor of 10 or more, with log-spaced curve points. A logarithmic axis's title ends
     * in " (log scale)".
     *
     * @param className  the class, named in the title
     * @param ratios     the sweep's ratios r (finite, &gt; 0), one per h
     * @param h          h per ratio
     * @param envelopeA  the fitted a (= H), finite and &gt; 0
     * @param lambda     the fitted λ, finite and &gt; 0
     * @throws IllegalArgumentException on length mismatch, bad a or λ, or when no h is valid
     */
    public static XYChart envelope(String className, double[] ratios, double[] h, double envelopeA, double lambda) {
        Objects.requireNonNull(className, "className");
        Inputs.positive("ratios", Inputs.nonEmpty("ratios", ratios));
        Inputs.vector("h", h, ratios.length, "ratios");
        if (!(envelopeA > 0) || Double.isInfinite(envelopeA)) {
            throw new IllegalArgumentException("envelopeA is " + envelopeA + "; expected a finite number > 0");
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda is " + lambda + "; expected a finite number > 0");
        }
        List<double[]> valid = new ArrayList<>();
        for (int i = 0; i < h.length; i++) {
            if (h[i] > 0 && Double.isFinite(h[i])) {
                valid.add(new double[] {1.0 / ratios[i], h[i]});
            }
        }
        if (valid.isEmpty()) {
            throw new IllegalArgumentException("class '" + className + "' has no h that is finite and > 0 among "
                    + h.length + " values; nothing to plot");
        }
        valid.sort((p, q) -> Double.compare(p[0], q[0]));
        double[] px = valid.stream().mapToDouble(p -> p[0]).toArray();
        double[] py = valid.stream().mapToDouble(p -> p[1]).toArray();
        double minX = px[0];
        double maxX = Math.max(1.0, px[px.length - 1]);
        double minY = valid.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        double maxY = valid.stream().mapToDouble(p -> p[1]).max().orElseThrow();
        boolean logY = maxY / minY >= 100;
        boolean logX = maxX / minX >= 10;

        double start = logY || logX ? minX / 2 : maxX / CURVE_POINTS;
        double[] cx = new double[CURVE_POINTS];
        double[] cy = new double[CURVE_POINTS];
        for (int k = 0; k < CURVE_POINTS; k++) {
            double t = k / (CURVE_POINTS - 1.0);
            cx[k] = logX ? start * Math.pow(maxX / start, t) : start + (maxX - start) * t;
            cy[k] = envelopeA * (1 - Math.exp(-lambda * cx[k]));
        }

        String title = "Envelope of class " + className + ": H = " + Format.ratio(envelopeA) + " (λ = "
                + Format.number(lambda) + ")";
        XYChart chart = Theme.xy(Theme.WIDTH, Theme.HEIGHT, title, MeasurePlots.X_TITLE, Y_TITLE);
        Theme.logY(chart, logY);
        Theme.logX(chart, logX);

        int omitted = h.length - valid.size();
        String pointsName = omitted == 0 ? POINTS : POINTS + " (" + omitted + " invalid omitted)";
        XYSeries points = Theme.style(chart.addSeries(pointsName, px, py), 0);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        XYSeries curve = Theme.style(chart.addSeries(CURVE, cx, cy), 4);
        curve.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        curve.setMarker(SeriesMarkers.NONE);
        return chart;
    }
}
