package scar.evidence;

import java.util.Arrays;

/**
 * An estimate with an interval around it: a point value and the low and high ends (for a bootstrap, the 2.5th and
 * 97.5th percentiles; for repeated runs, the minimum and maximum).
 *
 * @param estimate the point value
 * @param low      the low end, ≤ estimate unless the estimate lies outside its own bootstrap distribution
 * @param high     the high end
 */
public record Interval(double estimate, double low, double high) {

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
