package scar.data;

import java.util.List;
import java.util.stream.Collectors;

import scar.text.TextTable;
import tech.tablesaw.api.Table;

/**
 * A result that can be viewed as a Tablesaw table; notebooks render it as HTML, the CLI writes it as CSV and prints
 * {@link #toText(int)}.
 */
public interface Tabular {
    /** This value as a table; a new table on every call. */
    Table toTable();

    /**
     * The tables that show this value best, in reading order (a summary first, details after); a notebook renders
     * them one below the other. By default just {@link #toTable()}.
     */
    default List<Table> tables() {
        return List.of(toTable());
    }

    /**
     * This value as text with no line longer than {@code width} characters ({@link TextTable#WIDTH} is what
     * {@code toString()} uses; {@link TextTable#WIDE} prints every column of every table on one line per row). By
     * default the {@link #tables()} one below the other.
     */
    default String toText(int width) {
        return tables().stream().map(t -> TextTable.render(t, width)).collect(Collectors.joining("\n"));
    }
}
