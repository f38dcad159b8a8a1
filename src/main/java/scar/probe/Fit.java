package scar.probe;

import java.util.concurrent.CancellationException;
import scar.data.Matrix;

/**
 * The validated inputs of one fit and its start time; assembles the {@link ProbeResult}. {@code blocks} says where
 * the blocks and sum groups of SPEC §2.3 start (from the rows' item indices).
 */
record Fit(Matrix x, int[] labels, int numClasses, ProbeOptions options, Matrix xTest, int[] yTest, Blocks blocks,
           long start) {

    /** Throws {@link CancellationException} if the current thread was interrupted; the flag stays set. */
    void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("probe fit on " + x.rows() + " x " + x.cols()
                    + " inputs cancelled: the thread was interrupted");
        }
    }

    ProbeResult result(Model.Outputs out, double loss, int iterations, boolean converged) {
        double trainAccuracy = (double) out.trainCorrect() / x.rows();
        double testAccuracy = xTest == null ? Double.NaN : (double) out.testCorrect() / xTest.rows();
        return new ProbeResult(options.kind(), numClasses, out.logits(), out.predictions(), trainAccuracy,
                out.testLogits(), out.testPredictions(), testAccuracy, loss, iterations, converged,
                System.nanoTime() - start);
    }

    /** Mean over rows of log Σ_c exp(z_c) − z_y, computed in double with the row maximum subtracted. */
    static double meanCrossEntropy(float[] logits, int[] labels, int numClasses) {
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            int off = i * numClasses;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < numClasses; c++) {
                max = Math.max(max, logits[off + c]);
            }
            double sum = 0;
            for (int c = 0; c < numClasses; c++) {
                sum += Math.exp(logits[off + c] - max);
            }
            total += Math.log(sum) + max - logits[off + labels[i]];
        }
        return total / labels.length;
    }
}
