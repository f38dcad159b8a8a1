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
     * Logits, predictions and correct count of this model over {@code train}, and the same over {@code test} (null
     * arrays and a count of −1 without one).
     */
    Outputs outputs(SoftmaxPass train, SoftmaxPass test) {
        int n = train.rows();
        float[] logits = new float[Math.multiplyExact(n, b.length)];
        int[] predictions = new int[n];
        train.predict(w, b, logits, predictions);
        return outputs(logits, predictions, train.correct(), test);
    }

    /**
     * {@link #outputs(SoftmaxPass, SoftmaxPass)} with the training logits, predictions and correct count of this
     * model already computed (by the pass that evaluated it).
     */
    Outputs outputs(float[] logits, int[] predictions, int trainCorrect, SoftmaxPass test) {
        int testCorrect = -1;
        float[] testLogits = null;
        int[] testPredictions = null;
        if (test != null) {
            testLogits = new float[Math.multiplyExact(test.rows(), b.length)];
            testPredictions = new int[test.rows()];
            test.predict(w, b, testLogits, testPredictions);
            testCorrect = test.correct();
        }
        return new Outputs(logits, predictions, trainCorrect, testLogits, testPredictions, testCorrect);
    }

    record Outputs(float[] logits, int[] predictions, int trainCorrect, float[] testLogits, int[] testPredictions,
                   int testCorrect) {
    }
}
