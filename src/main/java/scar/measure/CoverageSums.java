package scar.measure;

import java.io.Serializable;
import java.util.Arrays;
import scar.probe.ExactSum;

/**
 * Coverage (SPEC §3 step 5) from per-class aggregates instead of one array of every item's logits, for data spread
 * over machines. Two passes over the items: the {@link #first} gathers per (class, branch) the count, minimum,
 * maximum and exact sum of the kept values; the {@link #second}, given those, gathers the squared deviations from
 * the mean and the 100-bin histogram over [min, max]. Both merge in any order. {@link #coverage} then applies
 * {@link Jsd#fromSummary}. The values kept per item follow {@link Measures}: HEAD keeps L[i, p_i] of a true
 * positive and −L[i, p_i] of a false positive; V1 keeps, for every class c, L[i, c] of a true positive and −L[i, c]
 * of a true negative; only values &gt; 0 count.
 *
 * <p>Versus {@link Measures#compute}: counts, minima, maxima and histograms are identical; the mean and the
 * standard deviation are exact sums rounded once instead of numpy-order pairwise sums, so Coverage agrees to a few
 * ulps (SPEC §3.3).
 */
public final class CoverageSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int numClasses;
    private final MeasureVariant variant;
    /** null in the first pass; per group the mean, then the histogram edges, in the second. */
    private final double[] mean;
    private final double[][] edges;
    private final long[] count;
    private final double[] min;
    private final double[] max;
    private final ExactSum sums;
    private final long[][] histogram;

    private CoverageSums(int numClasses, MeasureVariant variant, double[] mean, double[][] edges) {
        this.numClasses = numClasses;
        this.variant = variant;
        this.mean = mean;
        this.edges = edges;
        int groups = 2 * numClasses;
        this.count = new long[groups];
        this.min = new double[groups];
        this.max = new double[groups];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        this.sums = new ExactSum(groups);
        this.histogram = mean == null ? null : new long[groups][];
    }

    /** An empty first pass for K classes. */
    public static CoverageSums first(int numClasses, MeasureVariant variant) {
        return new CoverageSums(numClasses, variant, null, null);
    }

    /** An empty second pass around this (complete) first pass's means and ranges. */
    public CoverageSums second() {
        if (mean != null) {
            throw new IllegalStateException("already a second pass");
        }
        int groups = 2 * numClasses;
        double[] mu = new double[groups];
        double[][] e = new double[groups][];
        for (int g = 0; g < groups; g++) {
            if (count[g] > 0) {
                mu[g] = sums.get(g) / count[g];
                e[g] = Jsd.edges(min[g] == max[g] ? min[g] - 0.5 : min[g], min[g] == max[g] ? max[g] + 0.5 : max[g]);
            }
        }
        CoverageSums s = new CoverageSums(numClasses, variant, mu, e);
        System.arraycopy(count, 0, s.count, 0, groups);
        System.arraycopy(min, 0, s.min, 0, groups);
        System.arraycopy(max, 0, s.max, 0, groups);
        return s;
    }

    /**
     * Adds one item: its label, its prediction and its K logits ({@code logits[from .. from + K)}).
     *
     * @throws IllegalArgumentException if a kept value is infinite (naming {@code item})
     */
    public void addItem(long item, int label, int prediction, float[] logits, int from) {
        if (variant == MeasureVariant.HEAD) {
            boolean tp = label == prediction;
            double logit = logits[from + prediction];
            add(2 * prediction + (tp ? 1 : 0), tp ? logit : -logit, item, prediction);
            return;
        }
        for (int c = 0; c < numClasses; c++) {
            boolean labelled = label == c;
            boolean predicted = prediction == c;
            if (labelled && predicted) {
                add(2 * c + 1, logits[from + c], item, c);
            } else if (!labelled && !predicted) {
                add(2 * c, -logits[from + c], item, c);
            }
        }
    }

    private void add(int group, double v, long item, int c) {
        if (!(v > 0)) {
            return;
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("logit of item " + item + " for class " + c
                    + " is infinite; Coverage needs finite logits");
        }
        if (mean == null) {
            count[group]++;
            min[group] = Math.min(min[group], v);
            max[group] = Math.max(max[group], v);
            sums.add(group, v);
        } else {
            double dev = v - mean[group];
            sums.add(group, dev * dev);
            if (histogram[group] == null) {
                histogram[group] = new long[Jsd.BINS];
            }
            histogram[group][Jsd.bin(v, edges[group])]++;
        }
    }

    /** Adds the aggregates of other items of the same pass; returns this. */
    public CoverageSums merge(CoverageSums other) {
        if (other.numClasses != numClasses || (other.mean == null) != (mean == null)) {
            throw new IllegalArgumentException("cannot merge coverage sums of different passes or class counts");
        }
        sums.merge(other.sums);
        for (int g = 0; g < count.length; g++) {
            if (mean == null) {
                count[g] += other.count[g];
                min[g] = Math.min(min[g], other.min[g]);
                max[g] = Math.max(max[g], other.max[g]);
            } else if (other.histogram[g] != null) {
                if (histogram[g] == null) {
                    histogram[g] = new long[Jsd.BINS];
                }
                for (int j = 0; j < Jsd.BINS; j++) {
                    histogram[g][j] += other.histogram[g][j];
                }
            }
        }
        return this;
    }

    /** Coverage of every class from a complete second pass (SPEC §3 step 5). */
    public double[] coverage() {
        if (mean == null) {
            throw new IllegalStateException("coverage needs the second pass");
        }
        boolean v1 = variant == MeasureVariant.V1;
        double[] out = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            double[] jsd = new double[2];
            for (int branch = 0; branch < 2; branch++) {
                int g = 2 * c + branch;
                long m = count[g];
                double sigma = m > 0 ? Math.sqrt(sums.get(g) / Math.max(m - 1, 0)) : Double.NaN;
                jsd[branch] = m == 0 ? Double.NaN
                        : Jsd.fromSummary(m, min[g], max[g], mean[g], sigma, histogram[g], v1);
            }
            boolean has0 = count[2 * c] > 0;
            boolean has1 = count[2 * c + 1] > 0;
            double c0 = has0 ? 1 - jsd[0] : 0;
            double c1 = has1 ? 1 - jsd[1] : 0;
            out[c] = has0 && has1 ? (c0 + c1) / 2 : has0 ? c0 : has1 ? c1 : 0.0;
        }
        return out;
    }
}
