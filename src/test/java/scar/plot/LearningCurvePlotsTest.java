package scar.plot;

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
}
