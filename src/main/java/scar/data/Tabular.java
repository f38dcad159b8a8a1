package scar.data;

import java.util.List;

import tech.tablesaw.api.Table;

/** A result that can be viewed as a Tablesaw table; notebooks render it as HTML, the CLI writes it as CSV. */
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
}
