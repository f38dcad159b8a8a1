package scar.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Base64;
import java.util.List;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import scar.data.Tabular;
import scar.report.HtmlReport;
import scar.plot.ChartGrid;
import scar.text.Columns;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How notebook values look: Tablesaw tables as bounded HTML tables, XChart charts and {@link ChartGrid small
 * multiples} as PNG images, SCAR results (any
 * {@link Tabular}) as HTML, and any object with a public no-argument {@code String toHtml()} as that HTML. Every value
 * also keeps its {@code toString()} as {@code text/plain}.
 *
 * <p>Found by jjava-jupyter's {@link Extension} service loader; {@link #registerAll(Renderer)} registers the same
 * functions on any {@link Renderer}, which is how the tests use it without a kernel.
 */
public final class ScarRenderers implements Extension {

    /** Rows of a table shown in a notebook; the caption says how many there are in all. */
    public static final int MAX_ROWS = 20;

    private static final MIMEType HTML = MIMEType.TEXT_HTML;
    private static final MIMEType PNG = MIMEType.IMAGE_PNG;

    @Override
    public void install(BaseKernel kernel) {
        registerAll(kernel.getRenderer());
    }

    /** Registers the render functions on {@code renderer}. */
    public static void registerAll(Renderer renderer) {
        renderer.createRegistration(Table.class).preferring(HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((table, context) -> {
                    context.renderIfRequested(HTML, () -> tableHtml(table, MAX_ROWS));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print(MAX_ROWS));
                });
        renderer.createRegistration(Chart.class).preferring(PNG)
                .register((chart, context) -> {
                    context.renderIfRequested(PNG, () -> Base64.getEncoder().encodeToString(png(chart)));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> chartText(chart));
                });
        renderer.createRegistration(ChartGrid.class).preferring(PNG)
                .register((grid, context) -> {
                    context.renderIfRequested(PNG, () -> Base64.getEncoder().encodeToString(grid.toPng()));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, grid::toString);
                });
        renderer.createRegistration(Tabular.class).preferring(HTML)
                .register((result, context) -> context.renderIfRequested(HTML, () -> {
                    String own = ownHtml(result);
                    if (own != null) {
                        return own;
                    }
                    StringBuilder html = new StringBuilder();
                    for (Table table : result.tables()) {
                        html.append(tableHtml(table, MAX_ROWS)).append('\n');
                    }
                    return html.toString();
                }));
        renderer.createRegistration(Object.class).preferring(HTML)
                .register((value, context) -> {
                    String own = ownHtml(value);
                    if (own != null) {
                        context.renderIfRequested(HTML, () -> own);
                    }
                });
    }

    /**
     * The first {@code maxRows} rows of a table as an HTML table, with a caption giving the table's name, its size
     * and, when rows or columns are left out, "showing 20 of N rows and the first 50 of M columns"
     * ({@link HtmlReport#MAX_COLUMNS}). An interval's three columns are shown, and counted, as one
     * ({@link Columns#shown}). Cell text is HTML-escaped and cut at {@link HtmlReport#MAX_CELL} characters.
     *
     * @throws IllegalArgumentException if {@code maxRows} is negative
     */
    public static String tableHtml(Table table, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
        }
        int rows = table.rowCount();
        int shown = Math.min(rows, maxRows);
        List<Column<?>> all = Columns.shown(table.columns());
        List<Column<?>> columns = all.subList(0, Math.min(HtmlReport.MAX_COLUMNS, all.size()));
        StringBuilder html = new StringBuilder(256 + 64 * shown * Math.max(1, columns.size()));
        html.append("<table class=\"scar-table\">\n<caption style=\"text-align:left\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<b>").append(HtmlReport.escapeCell(table.name())).append("</b> ");
        }
        html.append(rows).append(rows == 1 ? " row" : " rows").append(" \u00d7 ").append(all.size())
                .append(all.size() == 1 ? " column" : " columns");
        if (shown < rows) {
            html.append(", showing ").append(shown).append(" of ").append(rows).append(" rows");
        }
        if (columns.size() < all.size()) {
            html.append(shown < rows ? " and " : ", showing ").append("the first ").append(columns.size())
                    .append(" of ").append(all.size()).append(" columns");
        }
        html.append("</caption>\n<thead><tr>");
        for (Column<?> column : columns) {
            html.append("<th>").append(HtmlReport.escapeCell(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (int c = 0; c < columns.size(); c++) {
                html.append("<td>").append(HtmlReport.escapeCell(Columns.cell(columns.get(c), r))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    /**
     * A chart drawn as PNG bytes, headless.
     *
     * @throws UncheckedIOException if the encoder fails
     */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart '" + chart.getTitle() + "' as PNG", e);
        }
    }

    private static String chartText(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "untitled" : chart.getTitle();
        return chart.getClass().getSimpleName() + " '" + title + "' (" + chart.getWidth() + "\u00d7"
                + chart.getHeight() + ")";
    }

    /**
     * The value's own HTML: the result of a public, non-static, no-argument {@code toHtml()} returning String, or null
     * if there is no such method.
     */
    static String ownHtml(Object value) {
        Method method;
        try {
            method = value.getClass().getMethod("toHtml");
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (method.getReturnType() != String.class || Modifier.isStatic(method.getModifiers())) {
            return null;
        }
        try {
            method.setAccessible(true);
            return (String) method.invoke(value);
        } catch (InvocationTargetException e) {
            throw Failures.unchecked(e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }
}
