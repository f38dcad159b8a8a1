package scar.data;

import tech.tablesaw.api.Table;

/** A result that can be viewed as a Tablesaw table; notebooks render it as HTML, the CLI writes it as CSV. */
public interface Tabular {
    /** This value as a table; a new table on every call. */
    Table toTable();
}
