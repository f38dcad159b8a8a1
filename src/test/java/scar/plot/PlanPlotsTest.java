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

class PlanPlotsTest {

    static final String[] CLASSES = {"a", "b", "c"};

    @Test
    void presentWithToAddStackedOnTop(@TempDir Path dir) {
        CategoryChart chart = PlanPlots.plan("Plan", CLASSES, new int[] {100, 200, 50}, new int[] {30, 0, 80});
        assertTrue(chart.getStyler().isStacked());
        assertEquals(List.of(PlanPlots.PRESENT, PlanPlots.TO_ADD), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(List.of(100.0, 200.0, 50.0), List.copyOf(chart.getSeriesMap().get(PlanPlots.PRESENT).getYData()));
        assertEquals(List.of(30.0, 0.0, 80.0), List.copyOf(chart.getSeriesMap().get(PlanPlots.TO_ADD).getYData()));
        assertEquals(List.of("a", "b", "c"), List.copyOf(chart.getSeriesMap().get(PlanPlots.TO_ADD).getXData()));
        assertEquals(PlanPlots.Y_TITLE, chart.getYAxisTitle());
        Rendered.png(chart, dir, "plan", Theme.WIDTH, Theme.HEIGHT);
    }

    @Test
    void onePanelPerModalityOnOneScale(@TempDir Path dir) {
        ChartGrid grid = PlanPlots.plan("Per modality", CLASSES, new String[] {"image", "text", "audio"},
                new int[][] {{10, 0, 5}, {0, 300, 0}, {1, 1, 1}}, new int[] {100, 200, 50});
        assertEquals(3, grid.charts().size());
        assertEquals(2, grid.rows());
        assertEquals(List.of(PlanPlots.PRESENT, PlanPlots.TO_ADD), grid.legendNames());
        CategoryChart text = (CategoryChart) grid.charts().get(1);
        assertEquals("text: 300 to add", text.getTitle());
        assertEquals(List.of(0.0, 300.0, 0.0), List.copyOf(text.getSeriesMap().get(PlanPlots.TO_ADD).getYData()));
        double top = 500 * 1.05; // class b: 200 present + 300 to add in text
        for (var panel : grid.charts()) {
            assertEquals(top, ((CategoryChart) panel).getStyler().getYAxisMax(), 1e-9);
        }
        Rendered.png(grid, dir, "plan-grid", grid.width(), grid.height());
    }

    @Test
    void presentTooThinToSeeStandsBesideToAddOnALogAxis(@TempDir Path dir) {
        // SCAR's usual plan: a few hundred items present, sixty thousand to add
        CategoryChart chart = PlanPlots.plan("Plan", CLASSES, new int[] {138, 272, 0}, new int[] {64_363, 56_622,
                1_000});
        assertFalse(chart.getStyler().isStacked());
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertTrue(chart.getYAxisTitle().endsWith(Theme.LOG_SUFFIX), chart.getYAxisTitle());
        assertEquals(100.0, chart.getStyler().getYAxisMin(), "a decade below the smallest positive bar");
        assertEquals(List.of(PlanPlots.PRESENT, PlanPlots.TO_ADD), List.copyOf(chart.getSeriesMap().keySet()));
        Rendered.png(chart, dir, "plan-log", Theme.WIDTH, Theme.HEIGHT);

        ChartGrid grid = PlanPlots.plan("Per modality", CLASSES, new String[] {"image", "text"},
                new int[][] {{64_234, 56_205, 1_000}, {64_363, 56_622, 1_000}}, new int[] {138, 272, 0});
        CategoryChart image = (CategoryChart) grid.charts().get(0);
        assertEquals("image: 121,439 to add", image.getTitle());
        assertTrue(grid.charts().stream().allMatch(c -> ((CategoryChart) c).getStyler().isYAxisLogarithmic()));
        Rendered.png(grid, dir, "plan-grid-log", grid.width(), grid.height());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanPlots.plan("", CLASSES, new int[] {1, 2, 3}, new int[] {0, -1, 0}));
        assertTrue(e.getMessage().contains("toAdd[1]"), e.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> PlanPlots.plan("", CLASSES,
                new String[] {"image", "text"}, new int[][] {{1, 2, 3}, {1, 2}}, new int[] {1, 2, 3}));
        assertTrue(m.getMessage().contains("(text)"), m.getMessage());
    }
}
