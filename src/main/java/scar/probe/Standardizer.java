package scar.probe;

import scar.data.Matrix;

/**
 * Per-feature standardisation with the training set's statistics (SPEC §2.1): {@code x' = (x − μ_j) · s_j}, computed
 * in double and rounded to float, with μ_j the mean and s_j = 1/σ_j (σ_j the population standard deviation) or 0
 * for a constant feature, which so maps to 0 exactly. The statistics are exact sums over blocks
 * ({@link FeatureStats}), so a fit gets the same standardiser whether its rows are in one heap or spread over a
 * cluster. The same transform applies to a test set.
 */
public final class Standardizer implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final double[] mean;
    /** 1/σ_j, or 0 for a constant feature. */
    final double[] scale;

    Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** The standardiser of the rows of {@code x}, whose blocks start at the row offsets {@code blockStarts}. */
    static Standardizer fit(Matrix x, int[] blockStarts) {
        FeatureStats first = FeatureStats.sums(x.cols());
        for (int j = 0; j + 1 < blockStarts.length; j++) {
            first.addBlock(x, blockStarts[j], blockStarts[j + 1]);
        }
        FeatureStats second = first.squares();
        for (int j = 0; j + 1 < blockStarts.length; j++) {
            second.addBlock(x, blockStarts[j], blockStarts[j + 1]);
        }
        return FeatureStats.standardizer(first, second);
    }

    /** Standardises row {@code row} of the row-major {@code data} into {@code out} (d values). */
    public void apply(float[] data, int row, float[] out) {
        int d = mean.length;
        int off = row * d;
        for (int j = 0; j < d; j++) {
            out[j] = (float) ((data[off + j] - mean[j]) * scale[j]);
        }
    }

    /** Standardises one row {@code in} (d values) into {@code out}, which may be {@code in} itself. */
    public void apply(float[] in, float[] out) {
        for (int j = 0; j < mean.length; j++) {
            out[j] = (float) ((in[j] - mean[j]) * scale[j]);
        }
    }

    public int dimension() {
        return mean.length;
    }

    PackedData apply(Matrix x, int[] blockStarts) {
        return PackedData.standardised(x, this, blockStarts);
    }
}
