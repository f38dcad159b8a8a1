package scar.probe;

/** A linear softmax model in the float form the kernels use: {@code w} is K × d, {@code b} has K entries. */
record Model(float[][] w, float[] b) {

    static Model zeros(int numClasses, int d) {
        return new Model(new float[numClasses][d], new float[numClasses]);
    }

    /** Fills this model from θ = [W row-major, b], rounding to float. */
    void load(double[] theta) {
        int d = w.length == 0 ? 0 : w[0].length;
        for (int k = 0; k < w.length; k++) {
            float[] wk = w[k];
            int off = k * d;
            for (int j = 0; j < d; j++) {
                wk[j] = (float) theta[off + j];
            }
            b[k] = (float) theta[w.length * d + k];
        }
    }

    /**
     * Training logits, predictions and correct count of this model over {@code train}, and correct count over
     * {@code test} (−1 without one).
     */
    Outputs outputs(SoftmaxPass train, SoftmaxPass test) {
        int n = train.rows();
        float[] logits = new float[Math.multiplyExact(n, b.length)];
        int[] predictions = new int[n];
        train.predict(w, b, logits, predictions);
        int trainCorrect = train.correct();
        int testCorrect = -1;
        if (test != null) {
            test.predict(w, b, null, null);
            testCorrect = test.correct();
        }
        return new Outputs(logits, predictions, trainCorrect, testCorrect);
    }

    record Outputs(float[] logits, int[] predictions, int trainCorrect, int testCorrect) {
    }
}
