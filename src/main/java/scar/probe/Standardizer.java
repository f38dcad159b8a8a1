package scar.probe;

import scar.data.Matrix;

/**
 * Per-feature standardisation with the training set's statistics (SPEC §2.1, §2.3): {@code x' = fma(x, s_j, c_j)} in
 * float, with s_j = 1/σ_j (σ_j the population standard deviation) or 0 for a constant feature, and c_j = −μ_j·s_j,
 * both computed in double and rounded to float once. One fused multiply-add per value vectorises (the double form it
 * replaces, {@code (float) ((x − μ_j)·s_j)}, does not on Java 17 and cost as much as the forward pass at K = 10); its
 * error is that of rounding μ_j to float, the same order as the float input's own. A constant feature maps to 0
 * exactly (c_j = 0 then). Where some s_j or c_j does not fit a float (σ_j below about 3·10⁻³⁹, or
 * |μ_j/σ_j| beyond 3·10³⁸) every feature keeps the double form, so no value becomes infinite.
 *
 * <p>The statistics are exact sums over blocks ({@link FeatureStats}), so a fit gets the same standardiser whether
 * its rows are in one heap or spread over a cluster. The same transform applies to a test set.
 */
public final class Standardizer implements java.io.Serializable {
    private static final long serialVersionUID = 2L;
    final double[] mean;
    /** 1/σ_j, or 0 for a constant feature. */
    final double[] scale;
    /** s_j and c_j rounded to float, or null when one of them is not finite in float (then the double form). */
    private final float[] floatScale;
    private final float[] floatShift;

    Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
        int d = mean.length;
        float[] s = new float[d];
        float[] c = new float[d];
        boolean finite = true;
        for (int j = 0; j < d; j++) {
            s[j] = (float) scale[j];
            c[j] = scale[j] == 0 ? 0f : (float) (-mean[j] * scale[j]);
            finite &= Float.isFinite(s[j]) && Float.isFinite(c[j]);
        }
        this.floatScale = finite ? s : null;
        this.floatShift = finite ? c : null;
    }

    /** The standardiser of the rows of {@code x}, whose blocks start at the row offsets {@code blockStarts}. */
    static Standardizer fit(Matrix x, int[] blockStarts) {
        return fit(x, blockStarts, 1);
    }

    /**
     * {@link #fit(Matrix, int[])} with the blocks of each of its two passes spread over up to {@code threads}
     * threads: each thread gathers the statistics of the blocks it takes, and they are merged exactly, so the
     * standardiser is the same bits for every thread count.
     */
    static Standardizer fit(Matrix x, int[] blockStarts, int threads) {
        FeatureStats first = pass(x, blockStarts, threads, null);
        FeatureStats second = pass(x, blockStarts, threads, first);
        return FeatureStats.standardizer(first, second);
    }

    /** One pass over the blocks: the sums of {@link FeatureStats#sums}, or the squares around {@code first}'s mean. */
    private static FeatureStats pass(Matrix x, int[] blockStarts, int threads, FeatureStats first) {
        int blocks = blockStarts.length - 1;
        FeatureStats[] perWorker = new FeatureStats[Math.max(1, Math.min(threads, blocks))];
        Workers.run(blocks, perWorker.length, (block, worker) -> {
            FeatureStats stats = perWorker[worker];
            if (stats == null) {
                stats = perWorker[worker] = first == null ? FeatureStats.sums(x.cols()) : first.squares();
            }
            stats.addBlock(x, blockStarts[block], blockStarts[block + 1]);
        });
        FeatureStats total = null;
        for (FeatureStats stats : perWorker) {
            if (stats != null) {
                total = total == null ? stats : total.merge(stats);
            }
        }
        return total != null ? total : first == null ? FeatureStats.sums(x.cols()) : first.squares();
    }

    /** Standardises row {@code row} of the row-major {@code data} into {@code out} (d values). */
    public void apply(float[] data, int row, float[] out) {
        int d = mean.length;
        System.arraycopy(data, row * d, out, 0, d);
        apply(out, out);
    }

    /** Standardises one row {@code in} (d values) into {@code out}, which may be {@code in} itself. */
    public void apply(float[] in, float[] out) {
        if (floatScale != null) {
            float[] s = floatScale;
            float[] c = floatShift;
            for (int j = 0; j < s.length; j++) {
                out[j] = Math.fma(in[j], s[j], c[j]);
            }
        } else {
            for (int j = 0; j < mean.length; j++) {
                out[j] = (float) ((in[j] - mean[j]) * scale[j]);
            }
        }
    }

    /**
     * Standardises {@code count} values of feature {@code j} held side by side (a column of a transposed panel):
     * {@code out[r]} is the float {@link #apply(float[], float[])} gives for {@code in[r]} at feature j.
     */
    void applyColumn(int j, float[] in, float[] out, int count) {
        if (floatScale != null) {
            float s = floatScale[j];
            float c = floatShift[j];
            for (int r = 0; r < count; r++) {
                out[r] = Math.fma(in[r], s, c);
            }
        } else {
            double m = mean[j];
            double s = scale[j];
            for (int r = 0; r < count; r++) {
                out[r] = (float) ((in[r] - m) * s);
            }
        }
    }

    public int dimension() {
        return mean.length;
    }

    PackedData apply(Matrix x, Blocks blocks) {
        return PackedData.standardised(x, this, blocks);
    }
}
