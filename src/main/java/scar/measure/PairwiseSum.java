package scar.measure;

/**
 * Summation in the order numpy's {@code np.sum} / {@code np.mean} use for a contiguous float64 array, so that means
 * and normalisations round the way the reference's did.
 *
 * <p>Fewer than 8 values are added left to right. Up to 128 values are added into 8 interleaved partial sums
 * (value j into sum j mod 8) that are then combined as ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)), and any
 * values past the last full group of 8 are added one by one. Longer ranges are split in two, the first part a
 * multiple of 8 values long, and the halves summed recursively. The error grows as O(log n) rather than O(n).
 */
public final class PairwiseSum {
    private static final int BLOCK = 128;
    private static final int LANES = 8;

    private PairwiseSum() {
    }

    /** The sum of all values; 0 for an empty array. */
    public static double of(double[] values) {
        return of(values, 0, values.length);
    }

    /**
     * The sum of {@code values[from .. to)}; 0 for an empty range.
     *
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public static double of(double[] values, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, values.length);
        return sum(values, from, to - from);
    }

    /** The mean of {@code values[from .. to)}: the pairwise sum divided by the count; NaN for an empty range. */
    public static double mean(double[] values, int from, int to) {
        return of(values, from, to) / (to - from);
    }

    private static double sum(double[] a, int start, int n) {
        if (n < LANES) {
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s += a[start + i];
            }
            return s;
        }
        if (n <= BLOCK) {
            double[] lane = new double[LANES];
            System.arraycopy(a, start, lane, 0, LANES);
            int full = n - n % LANES;
            int i = LANES;
            for (; i < full; i += LANES) {
                for (int j = 0; j < LANES; j++) {
                    lane[j] += a[start + i + j];
                }
            }
            double s = ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
            for (; i < n; i++) {
                s += a[start + i];
            }
            return s;
        }
        int half = n / 2;
        half -= half % LANES;
        return sum(a, start, half) + sum(a, start + half, n - half);
    }
}
