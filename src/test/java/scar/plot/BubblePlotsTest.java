package scar.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BubbleChart;
import org.knowm.xchart.BubbleSeries;

class BubblePlotsTest {

    @Test
    void oneBubblePerNameWithSizeAndColourEncodings(@TempDir Path dir) {
        BubbleChart chart = BubblePlots.scar("SCAR", new String[] {"wiki/image", "wiki/text"},
                new double[] {1.0, 0.25}, new double[] {0.3, 0.8}, new double[] {0.9, 0.6}, new double[] {0.0, 1.0});
        assertEquals("SCAR" + BubblePlots.KEY, chart.getTitle());
        assertEquals(BubblePlots.X_TITLE, chart.getXAxisTitle());
        assertEquals(BubblePlots.Y_TITLE, chart.getYAxisTitle());
        assertEquals(List.of("wiki/image: S 1.000, R 0.000", "wiki/text: S 0.250, R 1.000"),
                List.copyOf(chart.getSeriesMap().keySet()));
        BubbleSeries text = chart.getSeriesMap().get("wiki/text: S 0.250, R 1.000");
        assertArrayEquals(new double[] {0.8}, text.getXData(), 0);
        assertArrayEquals(new double[] {0.6}, text.getYData(), 0);
        // area ∝ scale: a quarter of the scale is half the diameter
        assertEquals(BubblePlots.MAX_DIAMETER / 2, text.getExtraValues()[0], 1e-12);
        Color yellow = Theme.viridis(1.0);
        assertEquals(yellow.getRGB() & 0xFFFFFF, text.getFillColor().getRGB() & 0xFFFFFF);
        assertEquals(BubblePlots.MIN_DIAMETER, BubblePlots.diameter(0.0), 0);
        Rendered.png(chart, dir, "bubbles", Theme.WIDTH, Theme.HEIGHT);
    }

    @Test
    void bubblesOfTheSameRichnessAreNamedBesideThem(@TempDir Path dir) throws Exception {
        // as in the Wikipedia evaluation: both modalities have R = 1, so both bubbles are the same yellow
        BubbleChart chart = BubblePlots.scar("SCAR", new String[] {"image", "text"}, new double[] {0.018, 0.019},
                new double[] {0.611, 0.600}, new double[] {0.261, 0.675}, new double[] {1.0, 1.0});
        var field = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredField("annotations");
        field.setAccessible(true);
        List<StepLabel> labels = ((List<?>) field.get(chart)).stream().map(StepLabel.class::cast).toList();
        assertEquals(List.of("image", "text"), labels.stream().map(StepLabel::text).toList());
        Rendered.png(chart, dir, "bubbles-named", Theme.WIDTH, Theme.HEIGHT);
    }

    @Test
    void rejectsValuesOutsideTheUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BubblePlots.scar("",
                new String[] {"a"}, new double[] {0.5}, new double[] {1.2}, new double[] {0.5}, new double[] {0.5}));
        assertTrue(e.getMessage().contains("coverage[0]") && e.getMessage().contains("1.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BubblePlots.scar("", new String[] {"a", "b"},
                new double[] {0.5}, new double[] {0.5}, new double[] {0.5}, new double[] {0.5}));
    }
}
