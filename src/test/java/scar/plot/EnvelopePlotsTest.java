package scar.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class EnvelopePlotsTest {

    static final double[] RATIOS = {1, 2, 5, 10, 15, 20, 30};

    @Test
    void pointsAtOneOverRAndTheFittedCurve(@TempDir Path dir) {
        double[] h = {0.02, 0.025, 0.03, 0.05, 0.06, 0.07, 0.09};
        XYChart chart = EnvelopePlots.envelope("cat", RATIOS, h, 200.0, 1e-4);
        assertEquals(List.of(EnvelopePlots.POINTS, EnvelopePlots.CURVE), List.copyOf(chart.getSeriesMap().keySet()));
        assertTrue(chart.getTitle().contains("cat") && chart.getTitle().contains("H = 200"), chart.getTitle());
        assertEquals(EnvelopePlots.Y_TITLE, chart.getYAxisTitle());
        XYSeries points = chart.getSeriesMap().get(EnvelopePlots.POINTS);
        assertEquals(7, points.getXData().length);
        assertEquals(1.0 / 30, points.getXData()[0], 1e-15, "sorted by x = 1/r");
        assertEquals(0.09, points.getYData()[0], 0);
        XYSeries curve = chart.getSeriesMap().get(EnvelopePlots.CURVE);
        assertEquals(EnvelopePlots.CURVE_POINTS, curve.getXData().length);
        for (int k = 0; k < curve.getXData().length; k++) {
            double x = curve.getXData()[k];
            assertTrue(x > 0 && x <= 1, "curve x in (0, 1]: " + x);
            assertEquals(200.0 * (1 - Math.exp(-1e-4 * x)), curve.getYData()[k], 1e-15);
        }
        assertFalse(chart.getStyler().isYAxisLogarithmic(), "h spans less than a factor 100");
        Rendered.png(chart, dir, "envelope", Theme.WIDTH, Theme.HEIGHT);
    }

    @Test
    void invalidPointsAreLeftOutAndCounted(@TempDir Path dir) {
        double[] h = {0.5, 0.0, Double.NaN, 0.05, 0.004, 0.003, 0.002};
        XYChart chart = EnvelopePlots.envelope("dog", RATIOS, h, 4000.1, 1e-4);
        String name = EnvelopePlots.POINTS + " (2 invalid omitted)";
        assertTrue(chart.getSeriesMap().containsKey(name), chart.getSeriesMap().keySet().toString());
        assertArrayEquals(new double[] {0.002, 0.003, 0.004, 0.05, 0.5}, chart.getSeriesMap().get(name).getYData(), 0);
        assertTrue(chart.getStyler().isYAxisLogarithmic(), "0.002 .. 0.5 spans more than a factor 100");
        assertTrue(chart.getYAxisTitle().endsWith(Theme.LOG_SUFFIX));
        Rendered.png(chart, dir, "envelope-log", Theme.WIDTH, Theme.HEIGHT);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> EnvelopePlots.envelope("bird", new double[] {1, 2}, new double[] {0, Double.NaN}, 1, 1e-4));
        assertTrue(none.getMessage().contains("bird"), none.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EnvelopePlots.envelope("x", new double[] {1, 2}, new double[] {1}, 1, 1e-4));
        assertThrows(IllegalArgumentException.class,
                () -> EnvelopePlots.envelope("x", new double[] {1}, new double[] {1}, Double.POSITIVE_INFINITY, 1e-4));
        assertThrows(IllegalArgumentException.class,
                () -> EnvelopePlots.envelope("x", new double[] {1}, new double[] {1}, 1, 0));
    }
}
