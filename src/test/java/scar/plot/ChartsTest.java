package scar.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartsTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    static XYChart line(String title, int series) {
        XYChart chart = Theme.xy(400, 300, title, "x", "y");
        for (int i = 0; i < series; i++) {
            Theme.style(chart.addSeries("s" + i, new double[] {1, 2, 3}, new double[] {i, i + 1, i * 2}), i);
        }
        return chart;
    }

    @Test
    void pngAndSvgFilesOfAChart(@TempDir Path dir) throws Exception {
        XYChart chart = line("one", 3);
        Rendered.png(chart, dir.resolve("nested/folder"), "chart", 400, 300);
        Path svg = Charts.svg(chart, dir.resolve("chart.svg"));
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.contains("</svg>"), "not an SVG document");
        assertTrue(text.contains("viewBox=\"0 0 400 300\""), "SVG keeps the chart's size: " + text.substring(0, 300));
    }

    @Test
    void gridComposesPanelsUnderATitleWithASharedLegend(@TempDir Path dir) throws Exception {
        ChartGrid grid = ChartGrid.of("Grid", 2, List.of(line("a", 2), line("b", 2), line("c", 2)));
        assertEquals(2, grid.columns());
        assertEquals(2, grid.rows());
        assertEquals(800, grid.width());
        assertTrue(grid.height() > 600 && grid.height() < 700, "title + 2 rows + legend: " + grid.height());
        assertEquals(List.of("s0", "s1"), grid.legendNames());
        grid.charts().forEach(c -> assertTrue(!c.getStyler().isLegendVisible(), "panel legends are hidden"));
        byte[] png = grid.toPng();
        assertArrayEquals(PNG, Arrays.copyOf(png, 4));
        Rendered.png(grid, dir, "grid", grid.width(), grid.height());
        String svg = new String(Charts.svgBytes(grid), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), "grid SVG");
        assertTrue(grid.toString().contains("3 charts in 2 × 2"), grid.toString());
    }

    @Test
    void gridWithManySeriesReplacesTheLegendByANote() {
        ChartGrid grid = ChartGrid.of("", 1, List.of(line("many", ChartGrid.MAX_LEGEND_ENTRIES + 1)));
        assertEquals(List.of(), grid.legendNames());
        assertEquals(300 + 2 * 10 + 24, grid.height(), "no title; one note row in the legend strip");
    }

    @Test
    void gridRejectsNoChartsAndBadColumns() {
        assertThrows(IllegalArgumentException.class, () -> ChartGrid.of("", 2, List.of()));
        assertThrows(IllegalArgumentException.class, () -> ChartGrid.of("", 0, List.of(line("a", 1))));
    }

    @Test
    void unknownObjectsAreRejectedByType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.pngBytes("chart"));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void writeFailureNamesThePath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path target = file.resolve("chart.png"); // a file cannot be a folder
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Charts.png(line("a", 1), target));
        assertTrue(e.getMessage().contains(target.toAbsolutePath().toString()), e.getMessage());
    }
}
