package scar.text;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.DoubleColumnType;
import tech.tablesaw.columns.numbers.FloatColumnType;

/**
 * Writes a {@link Sheet} as CSV, byte for byte as Tablesaw 0.44's {@code table.write().csv(writer)} writes the same
 * columns as a {@code Table} on JDK 19 and later — without making one: {@code Table}'s static initialiser scans the
 * class path, which a command that only writes files should not pay for. Tablesaw writes a double with
 * {@code String.valueOf}, whose digits JDK 17 and JDK 19 do not always agree on; here doubles and floats are written
 * by {@link Shortest}, which gives JDK 19's text on every JDK. {@code SheetCsvTest} compares the two on random text,
 * {@code CsvExportsTest} on every CSV file the CLI writes.
 *
 * <p>The format Tablesaw's defaults give (its CSV writer is univocity-parsers 2.9 with trimming on):
 * <ul>
 *   <li>a header line of the column names, then one line per row of {@code column.getUnformattedString(row)} —
 *       every digit of a number ({@link Shortest} for doubles and floats), an empty field for a missing value; fields are separated by commas and every line,
 *       the last included, ends in {@link System#lineSeparator()};</li>
 *   <li>characters up to U+0020 (spaces, tabs, line breaks, control characters) are dropped from both ends of a
 *       field, and a field of nothing else is empty (Tablesaw's columns trim their names so already);</li>
 *   <li>a field is quoted when what is left after its leading blanks starts with {@code "} or contains a comma, a
 *       carriage return or a line feed (looked for before the trailing blanks go), and in the first column also
 *       when it starts with {@code #}; inside quotes a {@code "} is doubled and a line feed becomes the line
 *       separator. A {@code "} inside a field that needs no quotes is written as it is.</li>
 * </ul>
 */
public final class SheetCsv {

    private static final char QUOTE = '"';
    private static final char COMMENT = '#';

    private SheetCsv() {
    }

    /**
     * Writes {@code sheet} to {@code out} (which is flushed, not closed). A sheet without columns is written as
     * nothing (Tablesaw refuses a table without columns).
     */
    public static void write(Sheet sheet, Writer out) throws IOException {
        List<Column<?>> columns = sheet.columns();
        if (columns.isEmpty()) {
            out.flush();
            return;
        }
        String newline = System.lineSeparator();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            field(line, c, columns.get(c).name(), newline);
        }
        out.append(line).append(newline);
        for (int r = 0; r < sheet.rowCount(); r++) {
            line.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                field(line, c, unformatted(columns.get(c), r), newline);
            }
            out.append(line).append(newline);
        }
        out.flush();
    }

    /** What Tablesaw's {@code getUnformattedString} gives, with doubles and floats written the same on every JDK. */
    private static String unformatted(Column<?> column, int row) {
        if (column instanceof DoubleColumn d) {
            double v = d.getDouble(row);
            return DoubleColumnType.valueIsMissing(v) ? "" : Shortest.of(v);
        }
        if (column instanceof FloatColumn f) {
            float v = f.getFloat(row);
            return FloatColumnType.valueIsMissing(v) ? "" : Shortest.of(v);
        }
        return column.getUnformattedString(row);
    }

    /** Appends one field, separated from the one before by a comma. */
    private static void field(StringBuilder line, int column, String value, String newline) {
        if (column > 0) {
            line.append(',');
        }
        int end = value == null ? 0 : value.length();
        int start = 0;
        while (start < end && blank(value.charAt(start))) {
            start++;
        }
        if (start == end) {
            return; // null, empty or nothing but blanks
        }
        boolean quoted = value.charAt(start) == QUOTE || column == 0 && value.charAt(0) == COMMENT
                || needsQuotes(value, start, newline);
        while (blank(value.charAt(end - 1))) {
            end--;
        }
        if (!quoted) {
            line.append(value, start, end);
            return;
        }
        line.append(QUOTE);
        for (int i = start; i < end; i++) {
            char ch = value.charAt(i);
            if (ch == QUOTE) {
                line.append(QUOTE).append(QUOTE);
            } else if (ch == '\n') {
                line.append(newline);
            } else {
                line.append(ch);
            }
        }
        line.append(QUOTE);
    }

    /** Whether {@code value} from {@code start} on holds a comma, a line break or a character of {@code newline}. */
    private static boolean needsQuotes(String value, int start, String newline) {
        for (int i = start; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == ',' || ch == '\n' || ch == '\r' || newline.indexOf(ch) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** What the trimming drops: the control characters and the space. */
    private static boolean blank(char ch) {
        return ch <= ' ';
    }
}
