package scar.text;

import java.util.ArrayList;
import java.util.List;

import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables (or {@link Sheet}s, their columns before they become a table) as plain text that fits a terminal: a title line, a header, a rule, the rows; numbers right-aligned
 * and printed by their column's formatter ({@link Columns}), text left-aligned, two spaces between columns; an
 * interval's three columns read as one ({@link Columns#shown}).
 *
 * <p>Within a width (by default {@value #WIDTH} columns) a table is made to fit, in this order, stopping at the first
 * step that fits:
 * <ol>
 *   <li>columns whose every row reads the same leave the table and are listed once below it ("same in every row:
 *       scale 1.000, saturated false"); the first column, which names the rows, always stays;</li>
 *   <li>long headers break after their underscores ({@code saturated_} over {@code classes}), those that save most
 *       first;</li>
 *   <li>a table of at most {@value #TRANSPOSE_ROWS} rows is transposed: one line per column, one column per row
 *       (per modality, say);</li>
 *   <li>the columns are split into blocks that each repeat the first column; a cell wider than the space left is
 *       wrapped onto several lines.</li>
 * </ol>
 * With {@link #WIDE} nothing is dropped, broken or split.
 */
public final class TextTable {

    /** The default width: every line of a printed result is at most this long. */
    public static final int WIDTH = 120;
    /** No width limit: every column, one line per row. */
    public static final int WIDE = Integer.MAX_VALUE;
    /** Tables with at most this many rows are transposed rather than split when too wide. */
    static final int TRANSPOSE_ROWS = 8;

    private static final String GAP = "  ";

    private TextTable() {
    }

    /** The table as text within {@code width} columns (see the class comment), ending in a newline. */
    public static String render(Table table, int width) {
        return render(new Sheet(table.name(), table.columns()), width);
    }

    /** The sheet as text within {@code width} columns (see the class comment), ending in a newline. */
    public static String render(Sheet sheet, int width) {
        if (width < 20) {
            throw new IllegalArgumentException("width must be at least 20 columns, got " + width);
        }
        List<Col> cols = new ArrayList<>();
        for (Column<?> column : Columns.shown(sheet.columns())) {
            cols.add(Col.of(column));
        }
        String title = sheet.title().strip();
        if (width == WIDE || cols.isEmpty()) {
            return emit(title, List.of(cols), WIDE, List.of());
        }
        List<String> same = new ArrayList<>();
        if (sheet.rowCount() >= 2) {
            for (int c = cols.size() - 1; c >= 1; c--) {
                Col col = cols.get(c);
                if (col.constant()) {
                    same.add(0, col.header + " " + col.cells.get(0));
                    cols.remove(c);
                }
            }
        }
        List<String> notes = same.isEmpty() ? List.of() : List.of("same in every row: " + String.join(", ", same));
        if (width(cols) <= width) {
            return emit(title, List.of(cols), width, notes);
        }
        List<Col> broken = breakHeaders(cols, width);
        if (width(broken) <= width) {
            return emit(title, List.of(broken), width, notes);
        }
        if (sheet.rowCount() <= TRANSPOSE_ROWS && cols.size() > 2) {
            List<Col> turned = breakHeaders(transpose(cols), width);
            if (width(turned) <= width) {
                return emit(title.isEmpty() ? "" : title + " (one column per " + cols.get(0).header + ")",
                        List.of(turned), width, notes);
            }
        }
        return emit(title, split(broken, width), width, notes);
    }

    /** The width of one line of these columns side by side. */
    private static int width(List<Col> cols) {
        int total = 0;
        for (Col c : cols) {
            total += c.width();
        }
        return total + GAP.length() * Math.max(0, cols.size() - 1);
    }

    /**
     * The columns with headers broken after their underscores, those that save most first, until the line fits
     * {@code width} or no header is left to break.
     */
    private static List<Col> breakHeaders(List<Col> cols, int width) {
        List<Col> out = new ArrayList<>(cols);
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < out.size(); c++) {
            order.add(c);
        }
        order.sort((a, b) -> Integer.compare(cols.get(b).saving(), cols.get(a).saving()));
        for (int c : order) {
            if (width(out) <= width || out.get(c).saving() <= 0) {
                break;
            }
            out.set(c, out.get(c).withBrokenHeader());
        }
        return out;
    }

    /** Rows become columns: the first column's cells name the new columns, the old headers fill the first. */
    private static List<Col> transpose(List<Col> cols) {
        Col key = cols.get(0);
        List<Col> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> namesRight = new ArrayList<>();
        for (Col c : cols.subList(1, cols.size())) {
            names.add(c.header);
            namesRight.add(false);
        }
        out.add(new Col(key.header, names, namesRight));
        for (int r = 0; r < key.cells.size(); r++) {
            List<String> cells = new ArrayList<>();
            List<Boolean> right = new ArrayList<>();
            for (Col c : cols.subList(1, cols.size())) {
                cells.add(c.cells.get(r));
                right.add(c.right.get(r));
            }
            out.add(new Col(key.cells.get(r), cells, right));
        }
        return out;
    }

    /** Blocks of columns that each repeat the first column and fit the width, wrapping cells that cannot. */
    private static List<List<Col>> split(List<Col> cols, int width) {
        Col key = cols.get(0).capped(width / 2);
        int room = width - key.width() - GAP.length();
        List<List<Col>> blocks = new ArrayList<>();
        List<Col> block = new ArrayList<>(List.of(key));
        int used = key.width();
        for (Col c : cols.subList(1, cols.size())) {
            Col broken = c.withBrokenHeader();
            Col fitted = c.width() <= room ? c : broken.width() <= room ? broken : broken.capped(room);
            int w = fitted.width();
            if (block.size() > 1 && used + GAP.length() + w > width) {
                blocks.add(block);
                block = new ArrayList<>(List.of(key));
                used = key.width();
            }
            block.add(fitted);
            used += GAP.length() + w;
        }
        blocks.add(block);
        return blocks;
    }

    private static String emit(String title, List<List<Col>> blocks, int width, List<String> notes) {
        StringBuilder out = new StringBuilder();
        if (!title.isEmpty()) {
            out.append(Text.wrap(title, width, "", "  "));
        }
        for (int b = 0; b < blocks.size(); b++) {
            if (b > 0) {
                List<Col> more = blocks.get(b).subList(1, blocks.get(b).size());
                String names = String.join(", ", more.stream().map(Col::header).toList());
                out.append(Text.wrap("(continued: " + names + ")", width, "", "  "));
            }
            block(out, blocks.get(b));
        }
        for (String note : notes) {
            out.append(Text.wrap(note, width, "", "  "));
        }
        return out.toString();
    }

    private static void block(StringBuilder out, List<Col> cols) {
        int[] widths = cols.stream().mapToInt(Col::width).toArray();
        List<List<String>> headers = cols.stream().map(Col::headerLines).toList();
        int headerLines = headers.stream().mapToInt(List::size).max().orElse(1);
        for (int line = 0; line < headerLines; line++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < cols.size(); c++) {
                List<String> h = headers.get(c);
                // headers sit on the bottom lines, just above the rule
                int offset = headerLines - h.size();
                pad(row, line >= offset ? h.get(line - offset) : "", widths[c], cols.get(c).headerRight(), c > 0);
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < cols.size(); c++) {
            rule.append(c > 0 ? GAP : "").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        int rows = cols.get(0).cells.size();
        for (int r = 0; r < rows; r++) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < cols.size(); c++) {
                List<String> lines = cols.get(c).lines(r, widths[c]);
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            for (int line = 0; line < height; line++) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < cols.size(); c++) {
                    List<String> lines = cells.get(c);
                    pad(row, line < lines.size() ? lines.get(line) : "", widths[c], cols.get(c).right.get(r), c > 0);
                }
                out.append(row.toString().stripTrailing()).append('\n');
            }
        }
    }

    private static void pad(StringBuilder row, String text, int width, boolean right, boolean gap) {
        if (gap) {
            row.append(GAP);
        }
        String fill = " ".repeat(Math.max(0, width - text.length()));
        row.append(right ? fill + text : text + fill);
    }

    /**
     * One column as printed: its header, its cells as text, how each cell aligns, whether its header is broken
     * after underscores, and a width cap (cells and headers wider than it wrap).
     */
    private record Col(String header, List<String> cells, List<Boolean> right, boolean broken, int cap) {

        Col(String header, List<String> cells, List<Boolean> right) {
            this(header, cells, right, false, Integer.MAX_VALUE);
        }

        static Col of(Column<?> column) {
            boolean numeric = column instanceof NumberColumn<?, ?>;
            List<String> cells = new ArrayList<>(column.size());
            List<Boolean> right = new ArrayList<>(column.size());
            for (int r = 0; r < column.size(); r++) {
                cells.add(Columns.cell(column, r).replace('\n', ' '));
                right.add(numeric);
            }
            return new Col(column.name(), cells, right);
        }

        boolean constant() {
            return cells.stream().distinct().count() == 1;
        }

        Col capped(int width) {
            return new Col(header, cells, right, broken, Math.max(8, width));
        }

        Col withBrokenHeader() {
            return new Col(header, cells, right, true, cap);
        }

        /** How many characters breaking the header saves. */
        int saving() {
            return width() - withBrokenHeader().width();
        }

        boolean headerRight() {
            return !right.isEmpty() && right.stream().allMatch(b -> b);
        }

        int cellWidth() {
            return cells.stream().mapToInt(String::length).max().orElse(0);
        }

        int width() {
            int head = headerLines().stream().mapToInt(String::length).max().orElse(0);
            return Math.min(cap, Math.max(head, cellWidth()));
        }

        /** The header on one line, or broken after underscores into lines no wider than the cells need. */
        List<String> headerLines() {
            int cells = Math.min(cap, cellWidth());
            if (!broken || header.length() <= cells) {
                return header.length() <= cap ? List.of(header) : Text.lines(header, cap);
            }
            List<String> pieces = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < header.length(); i++) {
                char ch = header.charAt(i);
                if (ch == '_' || ch == ' ' || ch == '/') {
                    pieces.add(header.substring(start, i + 1));
                    start = i + 1;
                }
            }
            pieces.add(header.substring(start));
            int target = Math.min(cap, Math.max(cells, pieces.stream().mapToInt(p -> p.strip().length()).max()
                    .orElse(0)));
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String piece : pieces) {
                if (line.length() > 0 && (line + piece).strip().length() > target) {
                    lines.add(line.toString().strip());
                    line.setLength(0);
                }
                line.append(piece);
            }
            if (line.length() > 0) {
                lines.add(line.toString().strip());
            }
            List<String> out = new ArrayList<>();
            for (String l : lines) {
                out.addAll(l.length() <= cap ? List.of(l) : Text.lines(l, cap));
            }
            return out;
        }

        /** Cell r as lines of at most {@code width} characters. */
        List<String> lines(int r, int width) {
            String s = cells.get(r);
            return s.length() <= width ? List.of(s) : Text.lines(s, width);
        }
    }
}
