package scar.plan;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** Small helpers shared by the result types of this package: rounded double columns and a printable table. */
final class Tables {
    private Tables() {
    }

    /** A double column that prints with {@code decimals} decimals (the stored values keep full precision). */
    static DoubleColumn doubles(String name, double[] values, int decimals) {
        DoubleColumn column = DoubleColumn.create(name, values);
        column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(decimals));
        return column;
    }

    /** A count column that prints with thousands separators, like the double columns next to it. */
    static LongColumn counts(String name, long[] values) {
        LongColumn column = LongColumn.create(name, values);
        column.setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        return column;
    }

    /** Every row of {@code table}, indented, for a {@code toString()}. */
    static String indented(Table table) {
        StringBuilder out = new StringBuilder();
        for (String line : table.printAll().split("\n")) {
            if (!line.isBlank() && !line.strip().equals(table.name())) {
                out.append("  ").append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** Throws if {@code values} is null or its length is not {@code expected}. */
    static void requireLength(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has " + actual + " entries, expected " + expected
                    + " (one per class)");
        }
    }
}
