package scar.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

class StepSizePlotsTest {

    static final String[] CLASSES = {"a", "b", "c"};

    @Test
    void barsForStepsAndCountsAndALineForTheFoundationSize(@TempDir Path dir) {
        CategoryChart chart = StepSizePlots.stepSizes("Steps", CLASSES, new double[] {52000, 61000, 48000},
                new int[] {300, 250, 120}, 68524.13);
        // whole items with separators, as the tables print N_F (not rounded to 4 significant digits)
        String nf = StepSizePlots.FOUNDATION_PREFIX + "68,524";
        assertEquals(List.of(StepSizePlots.STEP_SIZES, StepSizePlots.PRESENT, nf),
                List.copyOf(chart.getSeriesMap().keySet()));
        CategorySeries steps = chart.getSeriesMap().get(StepSizePlots.STEP_SIZES);
        assertEquals(List.of("a", "b", "c"), List.copyOf(steps.getXData()));
        assertEquals(List.of(52000.0, 61000.0, 48000.0), List.copyOf(steps.getYData()));
        assertEquals(List.of(300.0, 250.0, 120.0),
                List.copyOf(chart.getSeriesMap().get(StepSizePlots.PRESENT).getYData()));
        assertEquals(CategorySeries.CategorySeriesRenderStyle.Line,
                chart.getSeriesMap().get(nf).getChartCategorySeriesRenderStyle());
        assertTrue(chart.getStyler().isYAxisLogarithmic(), "120 .. 68524 spans more than a factor 100");
        assertEquals(100.0, chart.getStyler().getYAxisMin(), "log axis starts at the decade below 120");
        assertEquals("class", chart.getXAxisTitle());
        Rendered.png(chart, dir, "steps", Theme.WIDTH, StepSizePlots.HEIGHT);
    }

    @Test
    void linearAxisWhenValuesAreClose(@TempDir Path dir) {
        CategoryChart chart = StepSizePlots.stepSizes("", CLASSES, new double[] {500, 600, 0},
                new int[] {300, 250, 120}, 900);
        assertFalse(chart.getStyler().isYAxisLogarithmic());
        assertEquals(StepSizePlots.Y_TITLE, chart.getYAxisTitle());
        Rendered.png(chart, dir, "steps-linear", Theme.WIDTH, StepSizePlots.HEIGHT);
    }

    @Test
    void zeroBarsOnALogAxisStillRender(@TempDir Path dir) {
        CategoryChart chart = StepSizePlots.stepSizes("", CLASSES, new double[] {52000, 0, 48000},
                new int[] {0, 250, 120}, 60000);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        Rendered.png(chart, dir, "steps-zero", Theme.WIDTH, StepSizePlots.HEIGHT);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepSizePlots.stepSizes("",
                CLASSES, new double[] {1, -2, 3}, new int[] {1, 2, 3}, 10));
        assertTrue(e.getMessage().contains("stepSizes[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StepSizePlots.stepSizes("", CLASSES,
                new double[] {1, 2, 3}, new int[] {1, 2}, 10));
        assertThrows(IllegalArgumentException.class, () -> StepSizePlots.stepSizes("", CLASSES,
                new double[] {1, 2, 3}, new int[] {1, 2, 3}, Double.NaN));
    }
}
