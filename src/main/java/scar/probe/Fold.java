package scar.probe;

/**
 * How a fit's inputs relate to the prepared X̃ of {@link ProbeData}: {@code x' = scale ∘ x̃ + shift}, per feature.
 * A model {@code z = W·x' + b} is evaluated on X̃ as {@code z = (W ∘ scale)·x̃ + (b + W·shift)}, and its gradient
 * follows from the one on X̃: {@code ∂L/∂W_kj = scale_j · Σ_i g_ik x̃_ij + shift_j · Σ_i g_ik}. So no fit rescales X.
 *
 * @param scale per feature; 0 maps the feature to the constant {@code shift}
 * @param shift per feature
 */
record Fold(double[] scale, double[] shift) {

    /**
     * SPEC §2.1's standardisation with the statistics of the fit's own rows: {@code x' = (x̃ − m_j) / s_j} with m_j the
     * mean and s_j the population standard deviation of x̃ over the rows, and x' = 0 for a feature constant over them.
     */
    static Fold standardise(ProbeData.Moments m) {
        int d = m.sum().length;
        double[] mean = m.mean();
        double[] variance = m.variance();
        double[] scale = new double[d];
        double[] shift = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(variance[j]);
            if (m.varies()[j] && sd > 0 && Double.isFinite(1.0 / sd)) {
                scale[j] = 1.0 / sd;
                shift[j] = -mean[j] / sd;
            }
        }
        return new Fold(scale, shift);
    }

    /** The raw inputs x = x̃ / scale + centre (the reference probe, SPEC §2.2). */
    static Fold raw(ProbeData data) {
        double[] scale = new double[data.d];
        double[] shift = new double[data.d];
        for (int j = 0; j < data.d; j++) {
            scale[j] = 1.0 / data.scale[j];
            shift[j] = data.centre[j];
        }
        return new Fold(scale, shift);
    }

    /** The weights and bias to use on X̃: {@code wOut = (float)(w ∘ scale)}, {@code bOut = (float)(b + w·shift)}. */
    void apply(float[][] w, float[] b, float[][] wOut, float[] bOut) {
        for (int k = 0; k < w.length; k++) {
            float[] wk = w[k];
            float[] out = wOut[k];
            double bias = b[k];
            for (int j = 0; j < wk.length; j++) {
                out[j] = (float) (wk[j] * scale[j]);
                bias += wk[j] * shift[j];
            }
            bOut[k] = (float) bias;
        }
    }
}
