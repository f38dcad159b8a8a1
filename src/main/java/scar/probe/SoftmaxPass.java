package scar.probe;

/**
 * One full pass of multinomial logistic regression over a {@link PackedData}: logits, mean softmax cross-entropy,
 * training accuracy and the gradient of the mean loss. Runs of whole sum groups of blocks (SPEC §2.3) are the tasks
 * of {@link Workers}; the {@link BlockPass} of the thread that runs a task computes its groups' partials and adds
 * them exactly to that worker's {@link PassSums}, and the workers' sums are merged. Exact addition makes the result
 * independent of the thread count, of which thread ran which group and of the order of the groups — the property
 * that lets a Spark job over the same groups return the same bits. A run holds up to a panel of the fit's rows
 * ({@link #runs}), so that the forward kernel runs over long panels even when a fit has few rows in each block.
 */
final class SoftmaxPass {
    private final PackedData data;
    private final int[] labels;
    private final int numClasses;
    private final int threads;
    /** Tasks: task t is sum groups {@code [runs[t], runs[t + 1])}. */
    private final int[] runs;
    /** Each worker's sums, kept from pass to pass (cleared, their digit windows kept). */
    private final PassSums[] perWorker;
    private int correct;

    /** {@code labels} may be null for a prediction-only pass. */
    SoftmaxPass(PackedData data, int[] labels, int numClasses, int threads) {
        this.data = data;
        this.labels = labels;
        this.numClasses = numClasses;
        this.runs = runs(data.blocks, threads, Kernels.panelRows(numClasses));
        this.threads = Math.max(1, Math.min(threads, runs.length - 1));
        this.perWorker = new PassSums[this.threads];
    }

    /**
     * Runs of consecutive sum groups, then the group count: a run takes the next group while it would still hold at
     * most {@code panel} rows — fewer when several threads would otherwise get less than four runs each, but not
     * fewer than {@link Kernels#CHUNK} — and always at least one group. The runs do not change the results, only how
     * the work is cut.
     */
    static int[] runs(Blocks blocks, int threads, int panel) {
        int groups = blocks.groupCount();
        long rows = blocks.rows(0, groups);
        int target = threads <= 1 ? panel : (int) Math.max(Kernels.CHUNK, Math.min(panel, rows / (4L * threads)));
        int[] out = new int[groups + 1];
        int count = 0;
        int g = 0;
        while (g < groups) {
            out[count++] = g;
            int from = g;
            do {
                g++;
            } while (g < groups && blocks.rows(from, g + 1) <= target);
        }
        out[count++] = groups;
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
        return sums(w, b, null, null);
    }

    /**
     * {@link #sums(float[][], float[])} that also writes every row's logits ({@code n × K}, row-major) and argmax into
     * {@code logits} and {@code predictions} (both null: not kept) — the numbers {@link #predict} gives at the same
     * model.
     */
    PassSums sums(float[][] w, float[] b, float[] logits, int[] predictions) {
        double invN = 1.0 / data.n;
        boolean[] used = new boolean[threads];
        Blocks blocks = data.blocks;
        Workers.run(runs.length - 1, threads, (run, worker) -> {
            PassSums into = perWorker[worker];
            if (into == null) {
                into = perWorker[worker] = new PassSums(numClasses, data.d);
            }
            if (!used[worker]) {
                used[worker] = true;
                into.clear();
            }
            scratch().gradient(data, labels, blocks.starts(), blocks.groups(), runs[run], runs[run + 1], w, b, invN,
                    into, logits, predictions);
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
        Blocks blocks = data.blocks;
        Workers.run(runs.length - 1, threads, (run, worker) -> {
            int from = blocks.groups()[runs[run]];
            int to = blocks.groups()[runs[run + 1]];
            scratch().predict(data, from, to, w, b, logits, predictions, from);
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
