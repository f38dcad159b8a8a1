package scar.probe;

import java.util.Arrays;

/**
 * SPEC §2.1: standardised inputs, mean softmax cross-entropy + (λ/2)·‖W‖² (bias unpenalised) from W = 0, b = 0,
 * minimised by {@link ConvergedFit} with this process's own passes over the fit's blocks. No randomness.
 */
final class ConvergedProbe {
    private ConvergedProbe() {
    }

    /** The fit's result and the trained probe. */
    static LinearProbe.Trained fit(Fit fit) {
        ProbeOptions o = fit.options();
        Standardizer standardizer = Standardizer.fit(fit.x(), fit.blocks().starts(), o.threads());
        SoftmaxPass train = new SoftmaxPass(standardizer.apply(fit.x(), fit.blocks()), fit.labels(),
                fit.numClasses(), o.threads());
        int k = fit.numClasses();
        int d = fit.x().cols();
        int n = fit.x().rows();
        Kept kept = keepsOutputs(n, k) ? new Kept(n, k, d) : null;
        ConvergedFit.Result r = kept == null
                ? ConvergedFit.minimize(k, d, n, o, train::sums, fit::checkInterrupted)
                : ConvergedFit.minimize(k, d, n, o, (w, b) -> kept.pass(train, w, b), fit::checkInterrupted,
                        kept::accept);
        Model model = new Model(r.w(), r.b());
        SoftmaxPass test = fit.xTest() == null ? null
                : new SoftmaxPass(standardizer.apply(fit.xTest(), Blocks.identity(fit.xTest().rows())),
                        fit.yTest(), k, o.threads());
        Model.Outputs out = kept != null && kept.isOf(model)
                ? model.outputs(kept.logits, kept.predictions, kept.correct, test)
                : model.outputs(train, test);
        return new LinearProbe.Trained(fit.result(out, r.loss(), r.iterations(), r.converged()),
                new Predictor(standardizer, model));
    }

    /**
     * Whether a fit of n rows and K classes keeps its passes' training logits: it then holds a second n × K logits
     * array (and n predictions) while it runs, beside the one it returns, and needs no forward pass over its
     * training rows at the end. Only while that second array is at most a 32nd of the heap, so that the fits that run
     * side by side in a sweep stay within memory; the choice changes no result, only the time.
     */
    static boolean keepsOutputs(long n, int numClasses) {
        return extraBytes(n, numClasses) <= Runtime.getRuntime().maxMemory() / 32;
    }

    /** Heap bytes a fit that keeps its outputs holds beyond one logits and predictions array. */
    static long extraBytes(long n, int numClasses) {
        return (4L * numClasses + 4) * n;
    }

    /**
     * The logits and predictions of the optimiser's current model, written by the pass that evaluated it. Each pass
     * writes into the trial arrays (and a copy of its model); when the optimiser takes the pass's model as its current
     * one, trial and kept arrays swap. The optimiser's result is always the model of the last pass taken, which
     * {@link #isOf} checks bit for bit before the arrays are used (a model's logits are a function of the model and
     * the rows alone).
     */
    private static final class Kept {
        private float[] logits;
        private int[] predictions;
        private int correct;
        private Model model;
        private float[] trialLogits;
        private int[] trialPredictions;
        private int trialCorrect;
        private Model trialModel;
        private boolean any;

        Kept(int n, int k, int d) {
            int values = Math.multiplyExact(n, k);
            logits = new float[values];
            predictions = new int[n];
            trialLogits = new float[values];
            trialPredictions = new int[n];
            model = Model.zeros(k, d);
            trialModel = Model.zeros(k, d);
        }

        PassSums pass(SoftmaxPass train, float[][] w, float[] b) {
            for (int c = 0; c < w.length; c++) {
                System.arraycopy(w[c], 0, trialModel.w()[c], 0, w[c].length);
            }
            System.arraycopy(b, 0, trialModel.b(), 0, b.length);
            PassSums sums = train.sums(w, b, trialLogits, trialPredictions);
            trialCorrect = train.correct();
            return sums;
        }

        void accept() {
            float[] l = logits;
            logits = trialLogits;
            trialLogits = l;
            int[] p = predictions;
            predictions = trialPredictions;
            trialPredictions = p;
            correct = trialCorrect;
            Model m = model;
            model = trialModel;
            trialModel = m;
            any = true;
        }

        boolean isOf(Model m) {
            return any && Arrays.deepEquals(m.w(), model.w()) && Arrays.equals(m.b(), model.b());
        }
    }
}
