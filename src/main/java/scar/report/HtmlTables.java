package scar.report;

import java.util.List;

import scar.text.Columns;
import scar.text.Sheet;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.columns.Column;

/**
 * Sheets (Tablesaw columns, no {@code Table} needed) as escaped HTML tables: numbers right-aligned in the project's number format
 * ({@link Columns#cell}), an interval's three columns as one ({@link Columns#shown}); rows, columns
 * ({@link HtmlReport#MAX_COLUMNS}) and the text of a cell ({@link HtmlReport#MAX_CELL}) bounded.
 */
final class HtmlTables {

    private HtmlTables() {}

    static String render(Sheet table, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows is " + maxRows + "; expected ≥ 0");
        }
        int shown = Math.min(maxRows, table.rowCount());
        List<Column<?>> all = Columns.shown(table.columns());
        List<Column<?>> columns = all.subList(0, Math.min(HtmlReport.MAX_COLUMNS, all.size()));
        StringBuilder html = new StringBuilder(256 + 64 * shown * Math.max(1, columns.size()));
        html.append("<div class=\"table\"><table class=\"data\">");
        if (!table.title().isBlank()) {
            html.append("<caption>").append(HtmlReport.escapeCell(table.title())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (Column<?> col : columns) {
            html.append(col instanceof NumberColumn<?, ?> ? "<th class=\"num\">" : "<th>")
                    .append(HtmlReport.escapeCell(col.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (Column<?> col : columns) {
                html.append(col instanceof NumberColumn<?, ?> ? "<td class=\"num\">" : "<td>")
                        .append(HtmlReport.escapeCell(cell(col, r))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (shown < table.rowCount()) {
            html.append("<p class=\"muted\">Showing the first ").append(shown).append(" of ")
                    .append(table.rowCount()).append(" rows.</p>");
        }
        if (columns.size() < all.size()) {
            html.append("<p class=\"muted\">Showing the first ").append(columns.size()).append(" of ")
                    .append(all.size()).append(" columns.</p>");
        }
        return html.append("</div>").toString();
    }

    private static String cell(Column<?> col, int row) {
        return Columns.cell(col, row);
    }
}
