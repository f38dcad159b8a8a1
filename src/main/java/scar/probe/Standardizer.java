package scar.probe;

import scar.data.Matrix;

/**
 * Per-feature standardisation with the training set's statistics (SPEC §2.1): {@code x' = (x − μ_j) / σ_j} with
 * μ_j the mean and σ_j the population standard deviation (divisor n) of feature j, both in double; a feature with
 * all values equal (constant) maps to 0 exactly, whatever the rounding of its mean. The same transform applies to a test set.
 */
final class Standardizer {
    final double[] mean;
    /** 1/σ_j, or 0 for a constant feature. */
    final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    static Standardizer fit(Matrix x) {
        int n = x.rows();
        int d = x.cols();
        float[] data = x.data();
        double[] mean = new double[d];
        boolean[] varies = new boolean[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int j = 0; j < d; j++) {
                float v = data[off + j];
                mean[j] += v;
                varies[j] |= v != data[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] sq = new double[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int j = 0; j < d; j++) {
                double c = data[off + j] - mean[j];
                sq[j] += c * c;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(sq[j] / n);
            scale[j] = varies[j] && sd > 0 ? 1.0 / sd : 0.0;
        }
        return new Standardizer(mean, scale);
    }

    PackedData apply(Matrix x) {
        return PackedData.standardised(x, mean, scale);
    }
}
