package scar.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Agreement between two partitions of the same items (cluster labels against class labels, say). Label values are
 * arbitrary ints; only which items share a label matters, so renaming the labels of either partition changes nothing.
 */
public final class Agreement {
    private Agreement() {
    }

    /**
     * Adjusted Rand index (Hubert &amp; Arabie 1985). With n_ij the contingency table of the two partitions, a_i and
     * b_j its row and column sums and C(x) = x(x−1)/2:
     * ARI = (Σ C(n_ij) − E) / ((Σ C(a_i) + Σ C(b_j))/2 − E), E = Σ C(a_i) · Σ C(b_j) / C(n).
     * It is 1 for identical partitions, about 0 for independent ones and can be negative. When the denominator is 0
     * (both partitions put every item in one cluster, or both put every item alone, including n ≤ 1) the partitions
     * are identical and the result is 1.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double adjustedRandIndex(int[] a, int[] b) {
        Contingency t = Contingency.of(a, b);
        if (a.length < 2) {
            return 1.0;
        }
        double pairs = 0;
        for (long count : t.cells.values()) {
            pairs += choose2(count);
        }
        double rowPairs = 0;
        for (long count : t.rows.values()) {
            rowPairs += choose2(count);
        }
        double colPairs = 0;
        for (long count : t.cols.values()) {
            colPairs += choose2(count);
        }
        double expected = rowPairs * colPairs / choose2(a.length);
        double max = (rowPairs + colPairs) / 2;
        if (max == expected) {
            return 1.0;
        }
        return (pairs - expected) / (max - expected);
    }

    /**
     * Normalised mutual information with the arithmetic-mean normalisation: NMI = I(a; b) / ((H(a) + H(b)) / 2),
     * natural logarithms, in [0, 1]. 1 when both entropies are 0 (every item in one cluster on both sides, or no
     * items); 0 when only one of them is 0.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double normalizedMutualInformation(int[] a, int[] b) {
        Contingency t = Contingency.of(a, b);
        double n = a.length;
        double ha = entropy(t.rows, n);
        double hb = entropy(t.cols, n);
        if (ha == 0 && hb == 0) {
            return 1.0;
        }
        double mi = 0;
        for (Map.Entry<Long, Long> cell : t.cells.entrySet()) {
            int i = (int) (cell.getKey() >> 32);
            int j = (int) (long) cell.getKey();
            double nij = cell.getValue();
            mi += nij / n * Math.log(nij * n / ((double) t.rows.get(i) * t.cols.get(j)));
        }
        return Math.max(0, Math.min(1, mi / ((ha + hb) / 2)));
    }

    private static double entropy(Map<Integer, Long> counts, double n) {
        double h = 0;
        for (long count : counts.values()) {
            double p = count / n;
            h -= p * Math.log(p);
        }
        return h;
    }

    private static double choose2(long x) {
        return x * (x - 1) / 2.0;
    }

    /** Cell, row and column counts of the contingency table; cells keyed by (a label << 32) | b label. */
    private record Contingency(Map<Long, Long> cells, Map<Integer, Long> rows, Map<Integer, Long> cols) {
        static Contingency of(int[] a, int[] b) {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            if (a.length != b.length) {
                throw new IllegalArgumentException("partitions must label the same items: " + a.length + " vs "
                        + b.length + " labels");
            }
            Contingency t = new Contingency(new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (int i = 0; i < a.length; i++) {
                t.cells.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1L, Long::sum);
                t.rows.merge(a[i], 1L, Long::sum);
                t.cols.merge(b[i], 1L, Long::sum);
            }
            return t;
        }
    }
}
