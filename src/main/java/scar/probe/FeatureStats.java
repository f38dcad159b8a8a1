package scar.probe;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The per-feature sums behind the converged probe's standardisation (SPEC §2.1, §2.3), in two passes over a fit's
 * rows: {@link #sums} gathers Σx of every feature and whether it is constant; {@link #squares} then gathers
 * Σ(x − μ)² around the first pass's mean μ. Rows are added a block at a time: within a block in item order in
 * double, blocks exactly ({@link ExactSum}) — so partial statistics from any grouping of the blocks
 * {@link #merge} into the same result.
 */
public final class FeatureStats implements Serializable {
    private static final long serialVersionUID = 2L;

    private final int d;
    /** null in the first pass; the mean the squares are taken around in the second. */
    private final double[] mean;
    private final ExactSum sums;
    /**
     * First pass: the first row added ({@code null} before one is) and, per feature, Σ|x − first| in float — a sum of
     * non-negative terms, so it is 0 exactly when every value equals the first (x − y of finite floats is 0 only when
     * x = y), and it never becomes NaN for finite inputs (an overflow gives +∞, still not 0). It only answers "is
     * the feature constant?", which {@link #standardizer} asks; its bits do not matter, only whether it is 0. One
     * float loop, where a minimum and a maximum took two slower ones.
     */
    private float[] first;
    private final float[] spread;
    /** The second pass's row widened to double (a loop of its own, so that the squares' loop vectorises). */
    private transient double[] wide;
    private long count;

    private FeatureStats(int d, double[] mean) {
        this.d = d;
        this.mean = mean;
        this.sums = new ExactSum(d);
        this.spread = new float[d];
    }

    /** An empty first pass over {@code d} features: Σx and whether each feature is constant. */
    public static FeatureStats sums(int d) {
        return new FeatureStats(d, null);
    }

    /** An empty second pass: Σ(x − μ)² around the mean of this (complete) first pass. */
    public FeatureStats squares() {
        requireFirst();
        return new FeatureStats(d, mean());
    }

    /**
     * Adds the rows of one block: row {@code rows[r]} (or row r itself when {@code rows} is null) of the row-major
     * {@code data} (d values per row) for r in [from, to), in that order.
     */
    public void addBlock(float[] data, int[] rows, int from, int to) {
        double[] block = new double[d];
        float[] row = new float[d];
        for (int r = from; r < to; r++) {
            System.arraycopy(data, (rows == null ? r : rows[r]) * d, row, 0, d);
            addRow(row, block);
        }
        sums.addAll(block);
        count += to - from;
    }

    /** Adds rows {@code [from, to)} of {@code x} (heap, mapped or a row view), read one at a time, in that order. */
    public void addBlock(scar.data.Matrix x, int from, int to) {
        double[] block = new double[d];
        float[] row = new float[d];
        for (int r = from; r < to; r++) {
            x.readRow(r, row, 0);
            addRow(row, block);
        }
        sums.addAll(block);
        count += to - from;
    }

    /**
     * Adds one row (d values) to the block's sums, and to the spread in the first pass. The row is its own array,
     * indexed from 0: C2 (Java 17) vectorises a float loop only over arrays it can tell apart, so the spread's loop
     * runs at ~0.05 ns a value where a loop over {@code data[off + j]} took ~0.7; widening floats to double is not
     * vectorised, so the squares widen the row in a loop of their own first (the sums' loop gained nothing from it).
     * The whole standardiser (both passes, d = 768, one thread): 0.65 µs a row, against 1.4 µs with a minimum and a
     * maximum in place of the spread and the values read at an offset.
     */
    private void addRow(float[] row, double[] block) {
        if (mean == null) {
            for (int j = 0; j < d; j++) {
                block[j] += row[j];
            }
            if (first == null) {
                first = row.clone();
            }
            float[] f = first;
            float[] s = spread;
            for (int j = 0; j < d; j++) {
                s[j] += Math.abs(row[j] - f[j]);
            }
        } else {
            double[] w = wide == null ? wide = new double[d] : wide;
            for (int j = 0; j < d; j++) {
                w[j] = row[j];
            }
            double[] m = mean;
            for (int j = 0; j < d; j++) {
                double c = w[j] - m[j];
                block[j] += c * c;
            }
        }
    }

    /** Adds statistics of other blocks of the same pass; returns this. */
    public FeatureStats merge(FeatureStats other) {
        if (other.d != d || (other.mean == null) != (mean == null)) {
            throw new IllegalArgumentException("cannot merge feature statistics of different passes or dimensions");
        }
        sums.merge(other.sums);
        if (first == null) {
            first = other.first;
            System.arraycopy(other.spread, 0, spread, 0, d);
        } else if (other.first != null) {
            for (int j = 0; j < d; j++) {
                spread[j] += other.spread[j] + Math.abs(other.first[j] - first[j]);
            }
        }
        count += other.count;
        return this;
    }

    /** Rows added. */
    public long count() {
        return count;
    }

    public int dimension() {
        return d;
    }

    /** μ_j = (Σx_j rounded to double) / n, from a first pass. */
    public double[] mean() {
        requireFirst();
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = sums.get(j) / count;
        }
        return out;
    }

    /**
     * The standardiser of SPEC §2.1 from a first pass and the second pass taken around its mean: scale 1/σ_j with
     * σ_j = √(Σ(x − μ)² / n), or 0 for a feature whose values are all equal.
     */
    public static Standardizer standardizer(FeatureStats first, FeatureStats second) {
        first.requireFirst();
        if (second.mean == null || second.count != first.count || second.d != first.d) {
            throw new IllegalArgumentException("the second pass must be the squares of the same rows");
        }
        int d = first.d;
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(second.sums.get(j) / first.count);
            scale[j] = first.spread[j] != 0 && sd > 0 ? 1.0 / sd : 0.0;
        }
        return new Standardizer(second.mean.clone(), scale);
    }

    private void requireFirst() {
        if (mean != null) {
            throw new IllegalStateException("these are second-pass statistics (squares)");
        }
        if (count == 0) {
            throw new IllegalStateException("no rows were added");
        }
    }
}
