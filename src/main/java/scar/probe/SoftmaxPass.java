package scar.probe;

/**
 * One full pass of multinomial logistic regression over a {@link PackedData}: logits, mean softmax cross-entropy,
 * training accuracy and the gradient of the mean loss. Runs of blocks of the data (SPEC §2.3) are the tasks of
 * {@link Workers}; the {@link BlockPass} of the thread that runs a task computes its blocks' partials and adds them
 * exactly to that worker's {@link PassSums}, and the workers' sums are merged. Exact addition makes the result
 * independent of the thread count, of which thread ran which block and of the order of the blocks — the property
 * that lets a Spark job over the same blocks return the same bits. A run holds up to a panel of the fit's rows
 * ({@link #groups}), so that the forward kernel runs over long panels even when a fit has few rows in each block.
 */
final class SoftmaxPass {
    private final PackedData data;
    private final int[] labels;
    private final int numClasses;
    private final int threads;
    /** Tasks: task t is blocks {@code [groups[t], groups[t + 1])}. */
    private final int[] groups;
    /** Each worker's sums, kept from pass to pass (cleared, their digit windows kept). */
    private final PassSums[] perWorker;
    private int correct;

    /** {@code labels} may be null for a prediction-only pass. */
    SoftmaxPass(PackedData data, int[] labels, int numClasses, int threads) {
        this.data = data;
        this.labels = labels;
        this.numClasses = numClasses;
        this.groups = groups(data.blockStarts, threads, Kernels.panelRows(numClasses));
        this.threads = Math.max(1, Math.min(threads, groups.length - 1));
        this.perWorker = new PassSums[this.threads];
    }

    /**
     * Runs of consecutive blocks, then the block count: a run takes the next block while it would still hold at most
     * {@code panel} rows — fewer when several threads would otherwise get less than four runs each, but not fewer
     * than {@link Kernels#CHUNK} — and always at least one block. The runs do not change the results, only how the
     * work is cut.
     */
    static int[] groups(int[] blockStarts, int threads, int panel) {
        int blocks = blockStarts.length - 1;
        long rows = blockStarts[blocks] - blockStarts[0];
        int target = threads <= 1 ? panel : (int) Math.max(Kernels.CHUNK, Math.min(panel, rows / (4L * threads)));
        int[] out = new int[blocks + 1];
        int count = 0;
        int b = 0;
        while (b < blocks) {
            out[count++] = b;
            int from = blockStarts[b];
            do {
                b++;
            } while (b < blocks && blockStarts[b + 1] - from <= target);
        }
        out[count++] = blocks;
        return java.util.Arrays.copyOf(out, count);
    }

    /** Number of rows. */
    int rows() {
        return data.n;
    }

    /** Correct argmax predictions (ties to the lowest class) of the last {@link #lossAndGradient} or predict call. */
    int correct() {
        return correct;
    }

    /** The running thread's pass (a worker is a different thread from pass to pass). */
    private BlockPass scratch() {
        return BlockPass.ofThisThread(numClasses, data.d);
    }

    /**
     * The pass's exact sums at the model {@code (w, b)} (w is K × d). The sums returned are this pass's own and are
     * reused by its next call: read them before passing again.
     */
    PassSums sums(float[][] w, float[] b) {
        double invN = 1.0 / data.n;
        boolean[] used = new boolean[threads];
        Workers.run(groups.length - 1, threads, (group, worker) -> {
            PassSums into = perWorker[worker];
            if (into == null) {
                into = perWorker[worker] = new PassSums(numClasses, data.d);
            }
            if (!used[worker]) {
                used[worker] = true;
                into.clear();
            }
            scratch().gradient(data, labels, data.blockStarts, groups[group], groups[group + 1], w, b, invN,
                    into);
        });
        // exact whatever the grouping: the first worker's sums take in the others' (one run: nothing to merge)
        PassSums total = null;
        for (int t = 0; t < threads; t++) {
            if (used[t]) {
                total = total == null ? perWorker[t] : total.merge(perWorker[t]);
            }
        }
        if (total == null) {
            total = new PassSums(numClasses, data.d);
        }
        correct = (int) total.correct();
        return total;
    }

    /**
     * Mean cross-entropy of the model {@code (w, b)} (w is K × d), with its gradient written into {@code gradW}
     * (K·d, row-major) and {@code gradB} (K); {@link #correct()} counts the correct predictions of this forward pass.
     */
    double lossAndGradient(float[][] w, float[] b, double[] gradW, double[] gradB) {
        PassSums total = sums(w, b);
        total.gradient(gradW, gradB);
        return total.meanLoss(data.n);
    }

    /**
     * Forward pass only: argmax predictions into {@code predictions} (length n) and logits into {@code logits}
     * (n × K row-major, may be null); counts correct predictions when labels were given.
     */
    void predict(float[][] w, float[] b, float[] logits, int[] predictions) {
        Workers.run(groups.length - 1, threads, (group, worker) -> {
            int from = data.blockStarts[groups[group]];
            scratch().predict(data, from, data.blockStarts[groups[group + 1]], w, b, logits, predictions, from);
        });
        int right = 0;
        if (labels != null) {
            for (int i = 0; i < data.n; i++) {
                right += predictions[i] == labels[i] ? 1 : 0;
            }
        }
        correct = right;
    }
}
