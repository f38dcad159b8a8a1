package scar.probe;

import java.util.Arrays;

/**
 * One full pass of multinomial logistic regression over a {@link PackedData}: logits, mean softmax cross-entropy,
 * training accuracy and the gradient of the mean loss, in one sweep over the data: per chunk the forward product,
 * the softmax and the backward product run back to back, so the chunk's logits never leave the L1 cache.
 *
 * <p>Determinism: rows are grouped into chunks of {@link Kernels#CHUNK} rows and chunks into tasks of a size that
 * depends only on n, d and K. A chunk's gradient is accumulated in float by the kernels, added in double to its
 * task's slot, and the slots are added in task order; loss sums likewise. No quantity depends on the thread count
 * or on which thread ran a task, so the same inputs give bit-identical outputs with 1 or 2 threads.
 */
final class SoftmaxPass {
    /** Task slots together may take at most this many bytes. */
    private static final long SLOT_BYTES = 64L << 20;
    private static final int MAX_TASKS = 64;
    private static final int MIN_CHUNKS_PER_TASK = 2;

    private final PackedData data;
    private final int[] labels;
    private final int numClasses;
    private final int threads;
    private final int chunks;
    private final int chunksPerTask;
    private final int tasks;
    private final float[][][] zScratch;
    private final float[][][] pScratch;
    private final Scratch[] softmaxScratch;
    private double[][] slots;
    private final double[] slotLoss;
    private final int[] slotCorrect;
    private int correct;

    /** {@code labels} may be null for a prediction-only pass. */
    SoftmaxPass(PackedData data, int[] labels, int numClasses, int threads) {
        this.data = data;
        this.labels = labels;
        this.numClasses = numClasses;
        this.chunks = data.panels.length;
        long slotBytes = 8L * ((long) numClasses * data.d + numClasses);
        int maxTasks = (int) Math.max(1, Math.min(MAX_TASKS, SLOT_BYTES / slotBytes));
        this.chunksPerTask = Math.max(MIN_CHUNKS_PER_TASK, (chunks + maxTasks - 1) / maxTasks);
        this.tasks = Math.max(1, (chunks + chunksPerTask - 1) / chunksPerTask);
        this.threads = Math.max(1, Math.min(threads, tasks));
        this.zScratch = new float[this.threads][numClasses][Kernels.CHUNK];
        this.pScratch = new float[this.threads][][];
        this.softmaxScratch = new Scratch[this.threads];
        this.slotLoss = new double[tasks];
        this.slotCorrect = new int[tasks];
    }

    /** Number of rows. */
    int rows() {
        return data.n;
    }

    /** Correct argmax predictions (ties to the lowest class) of the last {@link #lossAndGradient} or predict call. */
    int correct() {
        return correct;
    }

    /**
     * Mean cross-entropy of the model {@code (w, b)} (w is K × d), with its gradient written into {@code gradW}
     * (K·d, row-major) and {@code gradB} (K); {@link #correct()} counts the correct predictions of this forward pass.
     */
    double lossAndGradient(float[][] w, float[] b, double[] gradW, double[] gradB) {
        int k = numClasses;
        int d = data.d;
        if (slots == null) {
            slots = new double[tasks][k * d + k];
        }
        double invN = 1.0 / data.n;
        Workers.run(tasks, threads, (task, worker) -> gradientTask(task, worker, w, b, invN));
        Arrays.fill(gradW, 0.0);
        Arrays.fill(gradB, 0.0);
        double loss = 0.0;
        int right = 0;
        for (int t = 0; t < tasks; t++) {
            double[] slot = slots[t];
            for (int i = 0; i < k * d; i++) {
                gradW[i] += slot[i];
            }
            for (int c = 0; c < k; c++) {
                gradB[c] += slot[k * d + c];
            }
            loss += slotLoss[t];
            right += slotCorrect[t];
        }
        correct = right;
        return loss * invN;
    }

    /**
     * Forward pass only: argmax predictions into {@code predictions} (length n, may be null) and logits into
     * {@code logits} (n × K row-major, may be null); counts correct predictions when labels were given.
     */
    void predict(float[][] w, float[] b, float[] logits, int[] predictions) {
        Workers.run(tasks, threads, (task, worker) -> predictTask(task, worker, w, b, logits, predictions));
        int right = 0;
        for (int t = 0; t < tasks; t++) {
            right += slotCorrect[t];
        }
        correct = right;
    }

    private void gradientTask(int task, int worker, float[][] w, float[] b, double invN) {
        int k = numClasses;
        int d = data.d;
        float[][] z = zScratch[worker];
        if (pScratch[worker] == null) {
            pScratch[worker] = new float[k][d];
        }
        float[][] p = pScratch[worker];
        Scratch scratch = softmaxScratch[worker] == null ? (softmaxScratch[worker] = new Scratch(k))
                : softmaxScratch[worker];
        double[] slot = slots[task];
        Arrays.fill(slot, 0.0);
        double loss = 0.0;
        int right = 0;
        for (int c = task * chunksPerTask; c < endChunk(task); c++) {
            int row0 = c * Kernels.CHUNK;
            int rows = forward(c, w, b, z);
            loss += softmaxGradient(z, rows, row0, invN, scratch);
            right += scratch.right;
            for (float[] pk : p) {
                Arrays.fill(pk, 0f);
            }
            Kernels.backward(data.rows, row0, rows, z, p);
            for (int cls = 0; cls < k; cls++) {
                float[] pk = p[cls];
                int off = cls * d;
                for (int j = 0; j < d; j++) {
                    slot[off + j] += pk[j];
                }
                float[] gk = z[cls];
                double gb = 0.0;
                for (int r = 0; r < rows; r++) {
                    gb += gk[r];
                }
                slot[k * d + cls] += gb;
            }
        }
        slotLoss[task] = loss;
        slotCorrect[task] = right;
    }

    private void predictTask(int task, int worker, float[][] w, float[] b, float[] logits, int[] predictions) {
        int k = numClasses;
        float[][] z = zScratch[worker];
        int right = 0;
        for (int c = task * chunksPerTask; c < endChunk(task); c++) {
            int row0 = c * Kernels.CHUNK;
            int rows = forward(c, w, b, z);
            for (int r = 0; r < rows; r++) {
                int best = argmax(z, r);
                if (labels != null && best == labels[row0 + r]) {
                    right++;
                }
                if (predictions != null) {
                    predictions[row0 + r] = best;
                }
                if (logits != null) {
                    int off = (row0 + r) * k;
                    for (int cls = 0; cls < k; cls++) {
                        logits[off + cls] = z[cls][r];
                    }
                }
            }
        }
        slotCorrect[task] = right;
    }

    /** Per-worker buffers of {@link #softmaxGradient}, one entry per row of a chunk. */
    private static final class Scratch {
        final float[] max = new float[Kernels.CHUNK];
        final int[] best = new int[Kernels.CHUNK];
        final double[] sum = new double[Kernels.CHUNK];
        final double[][] exp;
        int right;

        Scratch(int numClasses) {
            exp = new double[numClasses][Kernels.CHUNK];
        }
    }

    /**
     * Replaces the chunk's logits z by the gradient of the mean loss with respect to them,
     * {@code (softmax(z) − onehot(y)) / n}, and returns the chunk's summed cross-entropy; {@code s.right} receives
     * the number of correct argmax predictions. Loops run class by class over the rows so that the max, sum and
     * scaling steps vectorise; the exponentials are double.
     */
    private double softmaxGradient(float[][] z, int rows, int row0, double invN, Scratch s) {
        float[] max = s.max;
        int[] best = s.best;
        double[] sum = s.sum;
        System.arraycopy(z[0], 0, max, 0, rows);
        Arrays.fill(best, 0, rows, 0);
        for (int cls = 1; cls < z.length; cls++) {
            float[] zc = z[cls];
            for (int r = 0; r < rows; r++) {
                if (zc[r] > max[r]) {
                    max[r] = zc[r];
                    best[r] = cls;
                }
            }
        }
        Arrays.fill(sum, 0, rows, 0.0);
        for (int cls = 0; cls < z.length; cls++) {
            float[] zc = z[cls];
            double[] ec = s.exp[cls];
            for (int r = 0; r < rows; r++) {
                double v = Math.exp(zc[r] - max[r]);
                ec[r] = v;
                sum[r] += v;
            }
        }
        double loss = 0.0;
        int right = 0;
        for (int r = 0; r < rows; r++) {
            int y = labels[row0 + r];
            loss += Math.log(sum[r]) + max[r] - z[y][r];
            right += best[r] == y ? 1 : 0;
            sum[r] = invN / sum[r];
        }
        for (int cls = 0; cls < z.length; cls++) {
            float[] zc = z[cls];
            double[] ec = s.exp[cls];
            for (int r = 0; r < rows; r++) {
                zc[r] = (float) (ec[r] * sum[r]);
            }
        }
        for (int r = 0; r < rows; r++) {
            int y = labels[row0 + r];
            z[y][r] = (float) (s.exp[y][r] * sum[r] - invN);
        }
        s.right = right;
        return loss;
    }

    private int endChunk(int task) {
        return Math.min(chunks, (task + 1) * chunksPerTask);
    }

    /** Logits of chunk c into z; returns the chunk's row count. */
    private int forward(int c, float[][] w, float[] b, float[][] z) {
        int rows = Math.min(Kernels.CHUNK, data.n - c * Kernels.CHUNK);
        Kernels.forward(data.panels[c], rows, w, b, z);
        return rows;
    }

    /** The class with the largest logit in column r; ties go to the lowest index. */
    private static int argmax(float[][] z, int r) {
        int best = 0;
        float top = z[0][r];
        for (int c = 1; c < z.length; c++) {
            if (z[c][r] > top) {
                top = z[c][r];
                best = c;
            }
        }
        return best;
    }
}
