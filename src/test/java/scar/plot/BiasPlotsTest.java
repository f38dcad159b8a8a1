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

class BiasPlotsTest {

    @Test
    void everyStepIsNamedByItsClass(@TempDir Path dir) throws Exception {
        XYChart chart = BiasPlots.stepSizeDistribution("Bias", new String[] {"image", "text"},
                new double[][] {{63_000, 58_000, 60_000}, {61_000, 59_000, 62_000}},
                new String[][] {{"art", "biology", "history"}, {"art", "biology", "history"}});
        var field = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredField("annotations");
        field.setAccessible(true);
        List<StepLabel> labels = ((List<?>) field.get(chart)).stream().map(StepLabel.class::cast).toList();
        // in step order: image 58,000 biology, 60,000 history, 63,000 art; text 59,000, 61,000, 62,000
        assertEquals(List.of("biology", "history", "art", "biology", "art", "history"),
                labels.stream().map(StepLabel::text).toList());
        assertTrue(labels.subList(0, 3).stream().allMatch(StepLabel::left), "image's labels left of its steps");
        assertTrue(labels.subList(3, 6).stream().noneMatch(StepLabel::left), "text's labels right of its steps");
        Rendered.png(chart, dir, "bias-labelled", Theme.WIDTH, Theme.HEIGHT);
        assertThrows(IllegalArgumentException.class, () -> BiasPlots.stepSizeDistribution("Bias",
                new String[] {"image"}, new double[][] {{1, 2}}, new String[][] {{"a"}}));
    }

    @Test
    void oneStaircasePerModalityEndingAtOne(@TempDir Path dir) {
        XYChart chart = BiasPlots.stepSizeDistribution("Bias", new String[] {"image", "text"},
                new double[][] {{300, 100, 200}, {1000, 400, 900, 500}});
        String image = "image (K = 3, median 200)";
        String text = "text (K = 4, median 700)";
        assertEquals(List.of(image, "image" + BiasPlots.POINTS_SUFFIX, text, "text" + BiasPlots.POINTS_SUFFIX),
                List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries stairs = chart.getSeriesMap().get(image);
        // ECDF of {100, 200, 300}: jumps of 1/3 at each value
        assertArrayEquals(new double[] {100, 100, 200, 200, 300, 300}, stairs.getXData(), 0);
        assertArrayEquals(new double[] {0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1}, stairs.getYData(), 1e-15);
        XYSeries points = chart.getSeriesMap().get("text" + BiasPlots.POINTS_SUFFIX);
        assertEquals(4, points.getXData().length);
        assertFalse(points.isShowInLegend(), "class markers share the staircase's legend entry");
        assertEquals(1.0, points.getYData()[3], 0);
        assertEquals(BiasPlots.X_TITLE, chart.getXAxisTitle(), "100 .. 1000 spans less than a factor 100");
        assertEquals(BiasPlots.Y_TITLE, chart.getYAxisTitle());
        Rendered.png(chart, dir, "bias", Theme.WIDTH, Theme.HEIGHT);
    }

    @Test
    void logAxisWhenStepSizesSpanDecades(@TempDir Path dir) {
        XYChart chart = BiasPlots.stepSizeDistribution("", new String[] {"a"}, new double[][] {{10, 50, 5000}});
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        Rendered.png(chart, dir, "bias-log", Theme.WIDTH, Theme.HEIGHT);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BiasPlots.stepSizeDistribution("", new String[] {"a", "b"}, new double[][] {{1}, {}}));
        assertTrue(e.getMessage().contains("(b)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BiasPlots.stepSizeDistribution("", new String[] {"a"}, new double[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class,
                () -> BiasPlots.stepSizeDistribution("", new String[] {"a"}, new double[][] {{Double.NaN}}));
    }
}
