package scar.text;

import java.util.List;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A titled list of Tablesaw columns: a table before it becomes a Tablesaw {@link Table}. Results build their tables
 * as sheets so that printing them ({@link #render}), writing them as CSV ({@link SheetCsv}) and showing them in an
 * HTML report never touch {@code Table}: that class's static initialiser scans the whole class path with ClassGraph
 * (about a second of CPU with the CLI's 68 jars), which no CLI command should pay for. {@link #toTable()} gives the
 * Tablesaw table for notebooks.
 *
 * @param title   the table's name (may be empty)
 * @param columns the columns, all of one length
 */
public record Sheet(String title, List<Column<?>> columns) {

    public Sheet {
        title = title == null ? "" : title;
        columns = List.copyOf(columns);
    }

    /** A sheet of these columns. */
    public static Sheet of(String title, Column<?>... columns) {
        return new Sheet(title, List.of(columns));
    }

    /** This sheet without the named column. */
    public Sheet without(String column) {
        return new Sheet(title, columns.stream().filter(c -> !c.name().equals(column)).toList());
    }

    /** Only the named columns, in the order named. */
    public Sheet select(String... names) {
        return new Sheet(title, java.util.Arrays.stream(names).<Column<?>>map(this::column).toList());
    }

    /** The column named {@code name}. */
    public Column<?> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("sheet '" + title + "' has no column '" + name + "'"));
    }

    /** This sheet under another title. */
    public Sheet titled(String newTitle) {
        return new Sheet(newTitle, columns);
    }

    /** The rows: the length of the first column, 0 without columns. */
    public int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    /** As a new Tablesaw table (named by the title) holding these columns. */
    public Table toTable() {
        return Table.create(title).addColumns(columns.toArray(Column<?>[]::new));
    }

    /** As text within {@code width} columns ({@link TextTable#render(Sheet, int)}). */
    public String render(int width) {
        return TextTable.render(this, width);
    }
}
