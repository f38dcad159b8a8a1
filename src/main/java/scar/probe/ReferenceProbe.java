package scar.probe;

import java.util.Arrays;
import java.util.SplittableRandom;
import scar.data.Matrix;

/**
 * SPEC §2.2, the reference research code: raw inputs; W and b uniform in (−1/√d, 1/√d) drawn from
 * {@code SplittableRandom(seed)} (all of W row by row, then b, like PyTorch's {@code nn.Linear}); mean softmax
 * cross-entropy minimised by Adam (β = 0.9, 0.999, eps 1e-8, no weight decay; parameters float, moments double);
 * early stopping with patience on the training accuracy, counted from each batch's forward pass before that
 * batch's update, starting from a best of 0 and reset only by a strict improvement; the last epoch's model is kept.
 *
 * <p>Shuffling: every epoch takes its own stream {@code random.split()}, so the random source advances identically
 * whatever the batch count. With one batch (batchSize ≥ n, the default up to 500k items) the gradient is the mean
 * over all items and a permutation would change only the summation order, so none is drawn and rows are summed in
 * their fixed order (which keeps results bit-identical across thread counts). With several batches the epoch's
 * stream drives a Fisher–Yates shuffle and consecutive slices of the permutation form the batches.
 */
final class ReferenceProbe {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private ReferenceProbe() {
    }

    static ProbeResult fit(Fit fit, long seed) {
        ProbeOptions o = fit.options();
        Matrix x = fit.x();
        int n = x.rows();
        int d = x.cols();
        int k = fit.numClasses();
        SplittableRandom random = new SplittableRandom(seed);
        Model model = init(random, k, d);
        SoftmaxPass full = new SoftmaxPass(PackedData.raw(x), fit.labels(), k, o.threads());
        Adam adam = new Adam(model, o.learningRate());
        int batches = (int) ((n + (long) o.batchSize() - 1) / o.batchSize());
        double best = 0;
        int stale = 0;
        int epochs = 0;
        boolean stopped = false;
        while (epochs < o.maxEpochs() && !stopped) {
            fit.checkInterrupted();
            SplittableRandom epochRandom = random.split();
            long correct = 0;
            if (batches == 1) {
                adam.step(full);
                correct = full.correct();
            } else {
                int[] order = permutation(n, epochRandom);
                for (int start = 0; start < n; start += o.batchSize()) {
                    int[] rows = Arrays.copyOfRange(order, start, Math.min(n, start + o.batchSize()));
                    int[] labels = new int[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        labels[i] = fit.labels()[rows[i]];
                    }
                    SoftmaxPass batch = new SoftmaxPass(PackedData.raw(x.selectRows(rows)), labels, k, o.threads());
                    adam.step(batch);
                    correct += batch.correct();
                }
            }
            epochs++;
            double accuracy = (double) correct / n;
            if (accuracy > best) {
                best = accuracy;
                stale = 0;
            } else if (++stale >= o.patience()) {
                stopped = true;
            }
        }
        SoftmaxPass test = fit.xTest() == null ? null
                : new SoftmaxPass(PackedData.raw(fit.xTest()), fit.yTest(), k, o.threads());
        Model.Outputs out = model.outputs(full, test);
        return fit.result(out, Fit.meanCrossEntropy(out.logits(), fit.labels(), k), epochs, stopped);
    }

    private static Model init(SplittableRandom random, int k, int d) {
        Model model = Model.zeros(k, d);
        double bound = 1.0 / Math.sqrt(d);
        for (float[] wk : model.w()) {
            for (int j = 0; j < d; j++) {
                wk[j] = (float) (-bound + 2 * bound * random.nextDouble());
            }
        }
        for (int c = 0; c < k; c++) {
            model.b()[c] = (float) (-bound + 2 * bound * random.nextDouble());
        }
        return model;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /** Adam in PyTorch's arithmetic: θ −= (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + eps). */
    private static final class Adam {
        private final Model model;
        private final double lr;
        private final double[] gradW;
        private final double[] gradB;
        private final double[] m;
        private final double[] v;
        private int t;

        Adam(Model model, double lr) {
            this.model = model;
            this.lr = lr;
            int k = model.b().length;
            int d = model.w()[0].length;
            this.gradW = new double[k * d];
            this.gradB = new double[k];
            this.m = new double[k * d + k];
            this.v = new double[k * d + k];
        }

        /** One forward/backward pass over {@code batch} and one update. */
        void step(SoftmaxPass batch) {
            batch.lossAndGradient(model.w(), model.b(), gradW, gradB);
            t++;
            double bias1 = 1 - Math.pow(BETA1, t);
            double bias2Root = Math.sqrt(1 - Math.pow(BETA2, t));
            double stepSize = lr / bias1;
            int k = model.b().length;
            int d = model.w()[0].length;
            for (int c = 0; c < k; c++) {
                float[] wk = model.w()[c];
                for (int j = 0; j < d; j++) {
                    wk[j] = update(wk[j], gradW[c * d + j], c * d + j, stepSize, bias2Root);
                }
                model.b()[c] = update(model.b()[c], gradB[c], k * d + c, stepSize, bias2Root);
            }
        }

        private float update(float param, double g, int i, double stepSize, double bias2Root) {
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            return (float) (param - stepSize * m[i] / (Math.sqrt(v[i]) / bias2Root + EPS));
        }
    }
}
