package scar.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scar.plot.DemoCharts;
import tech.tablesaw.api.StringColumn;
import scar.text.Columns;
import tech.tablesaw.api.Table;

class HtmlReportTest {

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void escapesEveryText() {
        String html = HtmlReport.titled("<script>alert(1)</script>")
                .heading("A & B")
                .paragraph("x < y \"quoted\" 'single'")
                .keyValues(Map.of("<k>", "<v>"))
                .toHtml();
        assertFalse(html.contains("<script>"), "title must be escaped");
        assertTrue(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assertTrue(html.contains("<h2>A &amp; B</h2>"));
        assertTrue(html.contains("x &lt; y &quot;quoted&quot; &#39;single&#39;"));
        assertTrue(html.contains("&lt;k&gt;") && html.contains("&lt;v&gt;"));
        assertEquals("", HtmlReport.escape(null));
    }

    @Test
    void oneEmbeddedPngPerChartAndNoExternalResource() {
        DemoCharts demo = new DemoCharts(3);
        HtmlReport report = HtmlReport.titled("Charts")
                .chart("measures", demo.measures())
                .chart("steps", demo.stepSizes())
                .chart("bubbles", demo.bubbles());
        String html = report.toHtml();
        assertEquals(3, count(html, "<img "));
        Matcher m = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            byte[] png = Base64.getDecoder().decode(m.group(1));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
            images++;
        }
        assertEquals(3, images, "every <img> is a PNG data URI");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resource");
        assertFalse(html.contains("<link") || html.contains("<script"), "no linked style sheets or scripts");
        assertTrue(html.contains("max-width: 100%"), "images shrink to the page width");
        assertEquals(3, report.size());
    }

    @Test
    void tableRowsAreBoundedAndNumbersFormatted() {
        int n = 10;
        String[] names = new String[n];
        int[] counts = new int[n];
        double[] sizes = new double[n];
        for (int i = 0; i < n; i++) {
            names[i] = "c<" + i + ">";
            counts[i] = 100 + i;
            sizes[i] = 52840.123 + i;
        }
        Table table = Table.create("Steps & counts", StringColumn.create("class", names),
                Columns.counts("items", counts), Columns.doubles("step size", sizes, Columns.Kind.ITEMS));
        String html = HtmlReport.titled("T").table(table, 3).toHtml();
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        assertEquals(3, count(body, "<tr>"), "only the first 3 rows");
        assertTrue(html.contains("Showing the first 3 of 10 rows."));
        assertTrue(html.contains("<caption>Steps &amp; counts</caption>"));
        assertTrue(body.contains("c&lt;0&gt;") && !body.contains("c&lt;3&gt;"));
        assertTrue(body.contains("<td class=\"num\">52,840</td>"), "whole items with separators: " + body);
        assertTrue(body.contains("<td class=\"num\">100</td>"), body);
        String all = HtmlReport.titled("T").table(table).toHtml();
        assertFalse(all.contains("Showing the first"), "10 rows fit the default bound");
        assertThrows(IllegalArgumentException.class, () -> HtmlReport.titled("T").table(table, -1));
    }

    @Test
    void tableColumnsAndCellTextAreBoundedWithANote() {
        tech.tablesaw.api.IntColumn[] wide = java.util.stream.IntStream.range(0, 5000)
                .mapToObj(c -> tech.tablesaw.api.IntColumn.create("c" + c, new int[] {c}))
                .toArray(tech.tablesaw.api.IntColumn[]::new);
        String html = HtmlReport.titled("T").table(Table.create("wide", wide)).toHtml();
        String table = html.substring(html.indexOf("<table class=\"data\">"));
        assertEquals(HtmlReport.MAX_COLUMNS, count(table, "<th class=\"num\">"), "only the first 50 columns");
        assertTrue(table.contains("Showing the first 50 of 5000 columns."), table);
        assertTrue(table.length() < 20_000, table.length() + " characters");

        String megabyte = "&".repeat(1 << 20);
        html = HtmlReport.titled("T").table(Table.create(megabyte, StringColumn.create("text", megabyte),
                StringColumn.create(megabyte, "x"))).toHtml();
        String shown = "&amp;".repeat(HtmlReport.MAX_CELL) + "\u2026 (1,048,076 more characters)";
        assertEquals(3, count(html, shown), "the caption, the column name and the cell, each cut: " + html.length());
        assertTrue(html.length() < 20_000, html.length() + " characters");
        String pairs = "x" + "\uD83D\uDE00".repeat(300); // the cut would fall inside a surrogate pair: before it
        assertEquals("x" + "\uD83D\uDE00".repeat(249) + "\u2026 (102 more characters)", HtmlReport.escapeCell(pairs));
    }

    @Test
    void footerNamesOptionsVersionAndTime() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("seed", "7");
        options.put("ratios", "1 2 5");
        String html = HtmlReport.titled("T").footer(options, Duration.ofMillis(12_340)).toHtml();
        assertTrue(html.contains("<th scope=\"row\">seed</th><td>7</td>"), html);
        assertTrue(html.contains("<td>" + HtmlReport.version() + "</td>"));
        assertEquals("dev", HtmlReport.version(), "tests run from classes, not from the jar");
        assertTrue(html.contains("12.3 s"));
        assertThrows(IllegalArgumentException.class,
                () -> HtmlReport.titled("T").footer(options, Duration.ofSeconds(-1)));
    }

    @Test
    void rejectsBytesThatAreNotPng() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HtmlReport.titled("T").image("logo", new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("logo"), e.getMessage());
    }

    @Test
    void writesTheDemoReportToAFile(@TempDir Path dir) throws Exception {
        Path file = DemoReport.build(7).write(dir.resolve("out/report.html"));
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(8, count(html, "<img "), "one image per demo chart");
        assertTrue(html.contains("Showing the first 5 of 10 rows."));
        assertTrue(html.trim().endsWith("</html>"));
        Path blocked = Files.writeString(dir.resolve("file"), "x").resolve("report.html");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> HtmlReport.titled("T").write(blocked));
        assertTrue(e.getMessage().contains(blocked.toAbsolutePath().toString()), e.getMessage());
    }
}
