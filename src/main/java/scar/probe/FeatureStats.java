package scar.probe;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The per-feature sums behind the converged probe's standardisation (SPEC §2.1, §2.3), in two passes over a fit's
 * rows: {@link #sums} gathers Σx, the minimum and the maximum of every feature; {@link #squares} then gathers
 * Σ(x − μ)² around the first pass's mean μ. Rows are added a block at a time: within a block in item order in
 * double, blocks exactly ({@link ExactSum}) — so partial statistics from any grouping of the blocks
 * {@link #merge} into the same result.
 */
public final class FeatureStats implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int d;
    /** null in the first pass; the mean the squares are taken around in the second. */
    private final double[] mean;
    private final ExactSum sums;
    private final float[] min;
    private final float[] max;
    private long count;

    private FeatureStats(int d, double[] mean) {
        this.d = d;
        this.mean = mean;
        this.sums = new ExactSum(d);
        this.min = new float[d];
        this.max = new float[d];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
    }

    /** An empty first pass over {@code d} features: Σx, min, max. */
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
        for (int r = from; r < to; r++) {
            addRow(data, (rows == null ? r : rows[r]) * d, block);
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
            addRow(row, 0, block);
        }
        sums.addAll(block);
        count += to - from;
    }

    /**
     * Adds the d values of {@code data} from {@code off} to the block's sums (and to min/max in the first pass). The
     * first pass runs two loops, the sums and then the extremes, which together take about 40 % of the time of the
     * one loop doing both (JDK 17, d = 768); every element sees the same operations in the same order either way.
     */
    private void addRow(float[] data, int off, double[] block) {
        if (mean == null) {
            for (int j = 0; j < d; j++) {
                block[j] += data[off + j];
            }
            for (int j = 0; j < d; j++) {
                float v = data[off + j];
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        } else {
            for (int j = 0; j < d; j++) {
                double c = data[off + j] - mean[j];
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
        for (int j = 0; j < d; j++) {
            min[j] = Math.min(min[j], other.min[j]);
            max[j] = Math.max(max[j], other.max[j]);
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
     * σ_j = √(Σ(x − μ)² / n), or 0 for a feature whose values are all equal (min = max).
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
            scale[j] = first.min[j] < first.max[j] && sd > 0 ? 1.0 / sd : 0.0;
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
