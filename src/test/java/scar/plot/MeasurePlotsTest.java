package scar.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class MeasurePlotsTest {

    static final double[] RATIOS = {1, 2, 5, 10};
    static final String[] CLASSES = {"cat", "dog", "bird"};

    /** value = measure index + class / 10 + ratio index / 100, so every point can be traced back. */
    static double[][] grid(int measure) {
        double[][] m = new double[RATIOS.length][CLASSES.length];
        for (int r = 0; r < RATIOS.length; r++) {
            for (int c = 0; c < CLASSES.length; c++) {
                m[r][c] = measure + c / 10.0 + r / 100.0;
            }
        }
        return m;
    }

    static ChartGrid chart() {
        return MeasurePlots.measures("Demo", RATIOS, CLASSES, grid(0), grid(1), grid(2), grid(3));
    }

    @Test
    void fourPanelsOneLinePerClassSortedByFraction() {
        ChartGrid grid = chart();
        assertEquals("Demo", grid.title());
        assertEquals(4, grid.charts().size());
        assertEquals(2, grid.rows());
        assertEquals(2, grid.columns());
        assertEquals(List.of(CLASSES), grid.legendNames());
        for (int m = 0; m < 4; m++) {
            XYChart panel = (XYChart) grid.charts().get(m);
            assertEquals(MeasurePlots.PANELS.get(m), panel.getTitle());
            assertTrue(panel.getXAxisTitle().startsWith(MeasurePlots.X_TITLE), panel.getXAxisTitle());
            assertEquals(List.of(CLASSES), List.copyOf(panel.getSeriesMap().keySet()));
            XYSeries dog = panel.getSeriesMap().get("dog");
            // x = 1/r increasing: r = 10, 5, 2, 1; y follows its ratio
            assertArrayEquals(new double[] {0.1, 0.2, 0.5, 1.0}, dog.getXData(), 1e-15);
            assertArrayEquals(new double[] {m + 0.13, m + 0.12, m + 0.11, m + 0.10}, dog.getYData(), 1e-12);
            assertTrue(panel.getStyler().isXAxisLogarithmic(), "fractions 0.1..1 span a decade");
        }
    }

    @Test
    void rendersTwoByTwoWithLegendStrip(@TempDir Path dir) {
        ChartGrid grid = chart();
        assertEquals(2 * MeasurePlots.PANEL_WIDTH, grid.width());
        assertTrue(grid.height() > 2 * MeasurePlots.PANEL_HEIGHT, "title and legend add height");
        Rendered.png(grid, dir, "measures", grid.width(), grid.height());
    }

    @Test
    void nanLeavesAGapButInfinityIsRejected(@TempDir Path dir) {
        double[][] s = grid(0);
        s[1][2] = Double.NaN;
        ChartGrid grid = MeasurePlots.measures("", RATIOS, CLASSES, s, grid(1), grid(2), grid(3));
        Rendered.png(grid, dir, "gap", grid.width(), grid.height());
        s[1][2] = Double.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeasurePlots.measures("", RATIOS, CLASSES, s, grid(1), grid(2), grid(3)));
        assertTrue(e.getMessage().contains("scale[1][2]"), e.getMessage());
    }

    @Test
    void shapeMismatchNamesTheArgument() {
        double[][] shortRow = grid(2);
        shortRow[3] = new double[] {1, 2};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeasurePlots.measures("", RATIOS, CLASSES, grid(0), grid(1), shortRow, grid(3)));
        assertTrue(e.getMessage().contains("authenticity[3]") && e.getMessage().contains("classNames"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MeasurePlots.measures("", new double[] {1, 0, 5, 10}, CLASSES, grid(0), grid(1), grid(2), grid(3)));
        assertThrows(IllegalArgumentException.class, () -> MeasurePlots.measures("", RATIOS,
                new String[] {"a", "a", "b"}, grid(0), grid(1), grid(2), grid(3)));
    }
}
