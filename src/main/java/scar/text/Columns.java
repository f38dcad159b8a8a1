package scar.text;

import java.util.function.DoubleFunction;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tablesaw columns that keep every digit (CSV files and notebooks get the full values) but print through
 * {@link Format}: {@code column.getString(row)} — what the terminal, the kernel's HTML and the report show — is the
 * project's one number format for the column's kind.
 */
public final class Columns {

    /** What the numbers of a column are, and so how they print. */
    public enum Kind {
        /** Counts and sizes in items: {@link Format#items(double)}. */
        ITEMS(Format::items),
        /** Changes in items, with their sign: {@link Format#signedItems}. */
        SIGNED_ITEMS(Format::signedItems),
        /** Ratios and factors: {@link Format#ratio}. */
        RATIO(Format::ratio),
        /** Accuracies, recalls, measures and their standard deviations: {@link Format#share}. */
        SHARE(Format::share),
        /** Differences of shares: {@link Format#signedShare}. */
        SIGNED_SHARE(Format::signedShare),
        /** Parameters: {@link Format#number}. */
        NUMBER(Format::number),
        /** Seconds with one decimal: {@code 6.6}. */
        SECONDS(s -> Double.isNaN(s) ? Format.MISSING : String.format(java.util.Locale.ROOT, "%,.1f", s));

        private final DoubleFunction<String> format;

        Kind(DoubleFunction<String> format) {
            this.format = format;
        }

        /** {@code value} as this kind prints it. */
        public String format(double value) {
            return format.apply(value);
        }

        /** A Tablesaw print formatter for this kind. */
        public NumberColumnFormatter formatter() {
            return new KindFormatter(this);
        }
    }

    private Columns() {
    }

    /** A double column of {@code kind}. */
    public static DoubleColumn doubles(String name, double[] values, Kind kind) {
        DoubleColumn column = DoubleColumn.create(name, values);
        column.setPrintFormatter(kind.formatter());
        return column;
    }

    /** An empty double column of {@code kind}, to append to. */
    public static DoubleColumn doubles(String name, Kind kind) {
        DoubleColumn column = DoubleColumn.create(name);
        column.setPrintFormatter(kind.formatter());
        return column;
    }

    /** A count column: whole items with thousands separators. */
    public static IntColumn counts(String name, int[] values) {
        IntColumn column = IntColumn.create(name, values);
        column.setPrintFormatter(Kind.ITEMS.formatter());
        return column;
    }

    /** An empty count column, to append to. */
    public static IntColumn counts(String name) {
        IntColumn column = IntColumn.create(name);
        column.setPrintFormatter(Kind.ITEMS.formatter());
        return column;
    }

    /** A count column of longs. */
    public static LongColumn counts(String name, long[] values) {
        LongColumn column = LongColumn.create(name, values);
        column.setPrintFormatter(Kind.ITEMS.formatter());
        return column;
    }

    /**
     * Cell {@code row} of {@code column} as every view shows it — the terminal ({@link TextTable}), the kernel's and
     * the report's HTML: Tablesaw's string of the cell, which for the columns of this class is its {@link Kind}'s
     * format; never null.
     */
    public static String cell(Column<?> column, int row) {
        String s = column.getString(row);
        return s == null ? "" : s;
    }

    /** Tablesaw's formatter hook, printing through a {@link Kind}; missing values print as {@link Format#MISSING}. */
    private static final class KindFormatter extends NumberColumnFormatter {
        private final Kind kind;

        KindFormatter(Kind kind) {
            super(Format.MISSING);
            this.kind = kind;
        }

        @Override
        public String format(double value) {
            return kind.format(value);
        }

        @Override
        public String format(float value) {
            return kind.format(value);
        }

        @Override
        public String format(long value) {
            if (value == Long.MIN_VALUE) {
                return Format.MISSING;
            }
            return kind == Kind.ITEMS ? Format.items(value) : kind.format(value);
        }

        @Override
        public String format(int value) {
            return value == Integer.MIN_VALUE ? Format.MISSING : format((long) value);
        }

        @Override
        public String format(short value) {
            return format((long) value);
        }

        @Override
        public String toString() {
            return "Columns." + kind;
        }
    }
}
