package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import scar.data.Tabular;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The renderers on a bare jjava Renderer: no kernel, no Jupyter. */
class ScarRenderersTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Renderer renderer;

    @BeforeEach
    void register() {
        renderer = new Renderer();
        ScarRenderers.registerAll(renderer);
    }

    @Test
    void longTableIsBoundedWithACount() {
        Table table = Table.create("numbers", IntColumn.create("n", java.util.stream.IntStream.range(0, 45).toArray()));
        DisplayData data = renderer.render(table);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("showing 20 of 45 rows"), html);
        assertEquals(ScarRenderers.MAX_ROWS, html.split("<tr>", -1).length - 2, "header row + 20 body rows");
        assertTrue(html.contains("<td>19</td>") && !html.contains("<td>20</td>"), html);
        assertTrue(data.hasDataForType(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aWideTableAndALongCellAreBoundedWithANote() {
        IntColumn[] wide = java.util.stream.IntStream.range(0, 5000).mapToObj(c -> IntColumn.create("c" + c, new int[] {c}))
                .toArray(IntColumn[]::new);
        String html = (String) renderer.render(Table.create("wide", wide)).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("1 row \u00d7 5000 columns, showing the first 50 of 5000 columns"), html);
        assertEquals(50, html.split("<th>", -1).length - 1, "only the first 50 columns");
        assertTrue(html.contains("<td>49</td>") && !html.contains("<td>50</td>"));
        assertTrue(html.length() < 10_000, html.length() + " characters");

        String megabyte = "<".repeat(1 << 20);
        html = (String) renderer.render(Table.create("long", StringColumn.create("text", megabyte),
                StringColumn.create(megabyte, "x"))).getData(MIMEType.TEXT_HTML);
        String shown = "&lt;".repeat(500) + "\u2026 (1,048,076 more characters)";
        assertTrue(html.contains("<td>" + shown + "</td>") && html.contains("<th>" + shown + "</th>"), html);
        assertTrue(html.length() < 10_000, html.length() + " characters");
    }

    @Test
    void shortTableHasNoShowingNoteAndEscapesCells() {
        Table table = Table.create("t", StringColumn.create("s", "<b>&"));
        String html = ScarRenderers.tableHtml(table, 20);
        assertFalse(html.contains("showing"), html);
        assertTrue(html.contains("<td>&lt;b&gt;&amp;</td>"), html);
        assertTrue(html.contains("1 row"), html);
        assertThrows(IllegalArgumentException.class, () -> ScarRenderers.tableHtml(table, -1));
    }

    @Test
    void chartBecomesAPng() {
        CategoryChart chart = new CategoryChartBuilder().width(200).height(150).title("counts").build();
        chart.addSeries("c", new double[] {1, 2}, new double[] {3, 4});
        DisplayData data = renderer.render(chart);
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
        assertTrue(String.valueOf(data.getData(MIMEType.TEXT_PLAIN)).contains("counts"));
    }

    @Test
    void chartGridBecomesAPng() {
        CategoryChart a = new CategoryChartBuilder().width(200).height(150).title("a").build();
        a.addSeries("c", new double[] {1, 2}, new double[] {3, 4});
        CategoryChart b = new CategoryChartBuilder().width(200).height(150).title("b").build();
        b.addSeries("c", new double[] {1, 2}, new double[] {4, 3});
        DisplayData data = renderer.render(scar.plot.ChartGrid.of("two panels", 2, java.util.List.of(a, b)));
        assertTrue(data.hasDataForType(MIMEType.IMAGE_PNG), "a chart grid should render as image/png");
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
        assertTrue(String.valueOf(data.getData(MIMEType.TEXT_PLAIN)).contains("two panels"));
    }

    @Test
    void tabularResultShowsItsTableAndItsToString() {
        DisplayData data = renderer.render(new Result(0.5));
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<th>score</th>") && html.contains("<td>0.5</td>"), html);
        assertEquals("Result[score=0.5]", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void ownToHtmlWinsForTabularAndWorksForAnyObject() {
        assertEquals("<p>0.25</p>", renderer.render(new HtmlResult(0.25)).getData(MIMEType.TEXT_HTML));
        assertEquals("<i>card</i>", renderer.render(new Card()).getData(MIMEType.TEXT_HTML));
        DisplayData plain = renderer.render(42);
        assertFalse(plain.hasDataForType(MIMEType.TEXT_HTML));
        assertEquals("42", plain.getData(MIMEType.TEXT_PLAIN));
    }

    /** A SCAR-like result. */
    public record Result(double score) implements Tabular {
        @Override
        public Table toTable() {
            return Table.create("result", DoubleColumn.create("score", score));
        }
    }

    /** A result with its own HTML. */
    public record HtmlResult(double score) implements Tabular {
        @Override
        public Table toTable() {
            return Table.create("result", DoubleColumn.create("score", score));
        }

        public String toHtml() {
            return "<p>" + score + "</p>";
        }
    }

    /** Not tabular, but knows its HTML. */
    public static final class Card {
        public String toHtml() {
            return "<i>card</i>";
        }
    }
}
