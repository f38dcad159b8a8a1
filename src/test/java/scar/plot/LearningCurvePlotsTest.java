package scar.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class LearningCurvePlotsTest {

    /** A curve with every legend entry: band, points, fit and back-test. */
    private static LearningCurvePlots.Curve full(String name, double level) {
        double[] sizes = {1600, 800, 320, 160};
        double[] means = {level, level - 0.01, level - 0.03, level - 0.05};
        double[] x = {160, 1600, 16000};
        return new LearningCurvePlots.Curve(name, sizes, means, new double[] {Double.NaN, 0.01, 0.01, 0.02}, x,
                new double[] {level - 0.05, level, level + 0.02}, new double[] {1600, 16000},
                new double[] {level - 0.02, level - 0.05}, new double[] {level + 0.02, level + 0.05},
                new double[] {1600, level - 0.01, level - 0.04, level + 0.02});
    }

    @Test
    void theBackTestsMarkerIsNoModalitysMarker() {
        // it was the fifth modality's triangle: on mfeat the back-tests read as more points of 'zer'
        List<LearningCurvePlots.Curve> curves = IntStream.range(0, 7).mapToObj(m -> full("m" + m, 0.5 + 0.05 * m))
                .toList();
        XYChart chart = LearningCurvePlots.learningCurves("curves", "held-out accuracy", curves);
        var markers = new java.util.HashMap<String, Class<?>>();
        chart.getSeriesMap().forEach((name, s) -> markers.put(name, s.getMarker() == null ? null
                : s.getMarker().getClass()));
        for (int m = 0; m < 7; m++) {
            Class<?> back = markers.get("m" + m + " back-test");
            assertTrue(back != null, "m" + m + " has a back-test point");
            for (int other = 0; other < 7; other++) {
                assertTrue(!back.equals(markers.get("m" + other + " ± sd")), "m" + m + "'s back-test looks like m" + other
                        + "'s points: " + back.getSimpleName());
            }
        }
    }

    @Test
    void theLegendOfSixModalitiesFitsTheChart(@TempDir Path dir) throws Exception {
        // mfeat's six modalities give 24 legend entries, which ran off the top and bottom of a 440-pixel chart
        for (int modalities : new int[] {1, 2, 6}) {
            List<LearningCurvePlots.Curve> curves = IntStream.range(0, modalities)
                    .mapToObj(m -> full("m" + m, 0.7 + 0.04 * m)).toList();
            XYChart chart = LearningCurvePlots.learningCurves("curves", "held-out accuracy", curves);
            BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            chart.paint(g, chart.getWidth(), chart.getHeight());
            g.dispose();
            var field = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredField("legend");
            field.setAccessible(true);
            Rectangle2D legend = ((org.knowm.xchart.internal.chartpart.Legend_<?, ?>) field.get(chart)).getBounds();
            assertTrue(legend.getMinY() >= 0 && legend.getMaxY() <= chart.getHeight(), modalities
                    + " modalities: legend " + legend + " in a chart " + chart.getHeight() + " pixels high");
            Rendered.png(chart, dir, "curves-" + modalities, chart.getWidth(), chart.getHeight());
        }
    }

    @Test
    void theBackTestIsDrawnWithItsOwnIntervalNotASymmetricOne() {
        // wine: the back-test predicts 0.998 [0.961–1.000]; drawn as 0.998 ± 0.037 it reached 1.035, above any accuracy
        double[] back = {144, 0.998, 0.961, 1.0};
        LearningCurvePlots.Curve c = full("features", 0.99);
        LearningCurvePlots.Curve curve = new LearningCurvePlots.Curve(c.name(), c.sizes(), c.means(), c.sds(),
                c.fitX(), c.fitY(), c.bandX(), c.bandLow(), c.bandHigh(), back);
        XYChart chart = LearningCurvePlots.learningCurves("curve", "held-out accuracy", List.of(curve));
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (!s.getName().startsWith("features back-test")) {
                continue;
            }
            double[] y = s.getYData();
            double[] e = s.getExtraValues();
            for (int j = 0; j < y.length; j++) {
                double err = e == null ? 0 : e[j];
                assertTrue(s.getXData()[j] == back[0], s.getName() + " is drawn at the current size");
                low = Math.min(low, y[j] - err);
                high = Math.max(high, y[j] + err);
            }
        }
        assertArrayEquals(new double[] {back[2], back[3]}, new double[] {low, high}, 1e-12,
                "what the chart draws of the back-test spans its interval, no more");
    }
}
