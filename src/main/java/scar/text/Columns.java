package scar.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tablesaw columns that keep every digit (CSV files and notebooks get the full values) but print through
 * {@link Format}: {@code column.getString(row)} — what the terminal, the kernel's HTML and the report show — is the
 * project's one number format for the column's kind.
 *
 * <p>An interval is stored as three number columns — its estimate {@code x}, {@code x_low} and {@code x_high} — and
 * read as one: {@link #shown} joins them into cells like {@code 0.873 [0.851–0.890]} wherever a person sees the
 * table. A spread over runs is stored likewise as {@code x}, {@code x_min} and {@code x_max} and reads
 * {@code 118,198 (117,920–118,431)}: square brackets for an interval, round ones for a minimum and a maximum.
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

    /** The suffixes of the columns of an interval's ends ({@link #shown}). */
    public static final String LOW = "_low";
    public static final String HIGH = "_high";
    /** The suffixes of the columns of a spread's minimum and maximum ({@link #shown}). */
    public static final String MIN = "_min";
    public static final String MAX = "_max";

    /** The two kinds of ends {@link #shown} joins: their suffixes and the brackets they are shown in. */
    private enum Ends {
        INTERVAL(LOW, HIGH, " [", "]"),
        SPREAD(MIN, MAX, " (", ")");

        final String lower;
        final String upper;
        final String open;
        final String close;

        Ends(String lower, String upper, String open, String close) {
            this.lower = lower;
            this.upper = upper;
            this.open = open;
            this.close = close;
        }

        /** The estimate's name when {@code name} is one of these ends' columns, else null. */
        String estimateOf(String name) {
            String suffix = name.endsWith(lower) ? lower : name.endsWith(upper) ? upper : null;
            return suffix == null ? null : name.substring(0, name.length() - suffix.length());
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

    /**
     * The columns as a person reads them: a number column {@code x} with number columns {@code x_low} and
     * {@code x_high} beside it (an interval, stored with every digit of its three numbers) becomes one text column
     * {@code x} whose cells read {@code estimate [low–high]} in each column's own format (just the estimate where both
     * ends are missing), and {@code x_low} and {@code x_high} leave; {@code x_min} and {@code x_max} likewise, read
     * {@code estimate (min–max)}; every other column stays.
     */
    public static List<Column<?>> shown(List<? extends Column<?>> columns) {
        List<Column<?>> out = new ArrayList<>(columns.size());
        for (Column<?> column : columns) {
            String name = column.name();
            boolean anEnd = false;
            StringColumn joined = null;
            for (Ends ends : Ends.values()) {
                String estimate = ends.estimateOf(name);
                anEnd |= estimate != null && joined(columns, estimate, ends) != null;
                joined = joined != null ? joined : joined(columns, name, ends);
            }
            if (!anEnd) {
                out.add(joined == null ? column : joined);
            }
        }
        return out;
    }

    /** The number column {@code name} joined with its ends as one text column, or null. */
    private static StringColumn joined(List<? extends Column<?>> columns, String name, Ends ends) {
        NumericColumn<?> estimate = number(columns, name);
        NumericColumn<?> low = number(columns, name + ends.lower);
        NumericColumn<?> high = number(columns, name + ends.upper);
        if (estimate == null || low == null || high == null) {
            return null;
        }
        StringColumn joined = StringColumn.create(name);
        for (int r = 0; r < estimate.size(); r++) {
            joined.append(low.isMissing(r) && high.isMissing(r) ? cell(estimate, r)
                    : cell(estimate, r) + ends.open + cell(low, r) + "–" + cell(high, r) + ends.close);
        }
        return joined;
    }

    private static NumericColumn<?> number(List<? extends Column<?>> columns, String name) {
        for (Column<?> c : columns) {
            if (c.name().equals(name) && c instanceof NumericColumn<?> n) {
                return n;
            }
        }
        return null;
    }

    /**
     * A spread stored with every digit: {@code name}, {@code name_min} and {@code name_max} of one kind, which
     * {@link #shown} reads as one cell, {@code estimate (min–max)}.
     */
    public static List<DoubleColumn> spread(String name, double[] estimate, double[] min, double[] max, Kind kind) {
        return List.of(doubles(name, estimate, kind), doubles(name + MIN, min, kind), doubles(name + MAX, max, kind));
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
