package scar.evidence;

import java.util.Arrays;
import java.util.List;

import scar.text.Columns;
import scar.text.Columns.Kind;
import scar.text.Shortest;
import tech.tablesaw.api.DoubleColumn;

/**
 * An estimate with an interval around it: a point value and the low and high ends (for a bootstrap, the 2.5th and
 * 97.5th percentiles; for repeated runs, the minimum and maximum).
 *
 * @param estimate the point value
 * @param low      the low end, ≤ estimate unless the estimate lies outside its own bootstrap distribution
 * @param high     the high end
 */
public record Interval(double estimate, double low, double high) {
    /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
    @Override
    public String toString() {
        return Shortest.record(this);
    }

    /** Whether {@code value} lies within [low, high]. */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** A point without spread. */
    public static Interval point(double value) {
        return new Interval(value, value, value);
    }

    /**
     * The estimate with the central {@code level} share of {@code samples} (NaNs dropped) as its interval, by the
     * linear-interpolation percentile (numpy's default); the ends are NaN when no sample is finite.
     */
    public static Interval percentile(double estimate, double[] samples, double level) {
        double[] v = Arrays.stream(samples).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        double tail = (1 - level) / 2;
        return new Interval(estimate, quantile(v, tail), quantile(v, 1 - tail));
    }

    /**
     * Medians with their ranges ({@link #medianRange}) as three columns of one kind, {@code name}, {@code name_min}
     * and {@code name_max}, which read as one cell, {@code 118,198 (117,920–118,432)} ({@link Columns#spread}).
     */
    public static List<DoubleColumn> spreadColumns(String name, List<Interval> spreads, Kind kind) {
        return Columns.spread(name, spreads.stream().mapToDouble(Interval::estimate).toArray(),
                spreads.stream().mapToDouble(Interval::low).toArray(),
                spreads.stream().mapToDouble(Interval::high).toArray(), kind);
    }

    /** The median of {@code values} with their minimum and maximum. */
    public static Interval medianRange(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new Interval(quantile(v, 0.5), v[0], v[v.length - 1]);
    }

    /** The q-quantile of sorted values by linear interpolation between order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
