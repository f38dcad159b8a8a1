package scar.probe;

import java.util.Objects;
import scar.data.Matrix;

/**
 * Trains a linear softmax probe on one modality's embeddings (SPEC §2) and returns its training logits, predictions
 * and accuracies.
 *
 * <p>Speed: each pass over the data is one fused forward/backward sweep ({@code 4·n·d·K} floating-point operations)
 * by the vectorised float kernels of this package, spread over {@link ProbeOptions#threads()} threads from one
 * shared daemon pool. A fit never copies X: every pass reads its rows (from the heap or a memory-mapped file, through
 * row views) a chunk at a time and standardises them on the way. For many small fits in
 * parallel use {@code threads = 1} per fit; for one large fit use all processors.
 *
 * <p>Determinism: the converged probe has no randomness; the reference probe draws everything from {@code seed}.
 * Results are bit-identical for any thread count.
 *
 * <p>Cancellation: a fit checks its thread's interrupt flag once per iteration (epoch) and then throws
 * {@link java.util.concurrent.CancellationException}, leaving the flag set. No helper thread outlives a pass.
 */
public final class LinearProbe {
    private LinearProbe() {
    }

    /** Fits on {@code x} (n × d) with {@code labels} in [0, numClasses); no test set. */
    public static ProbeResult fit(Matrix x, int[] labels, int numClasses, ProbeOptions options, long seed) {
        return fit(x, labels, numClasses, options, seed, null, null);
    }

    /**
     * Fits on {@code x} and also reports the accuracy on ({@code xTest}, {@code yTest}); both null means no test
     * set. The converged probe standardises the test set with the training statistics.
     *
     * @throws IllegalArgumentException for mismatched sizes, labels outside [0, numClasses), numClasses < 2, no
     *                                  rows or columns, or a non-finite value (the message names row and column)
     */
    public static ProbeResult fit(Matrix x, int[] labels, int numClasses, ProbeOptions options, long seed,
            Matrix xTest, int[] yTest) {
        return fit(x, labels, null, numClasses, options, seed, xTest, yTest);
    }

    /**
     * Fits on {@code x}, whose row r is item {@code items[r]} of a dataset (strictly increasing; null for items
     * 0..n−1). The items decide the blocks of SPEC §2.3, so a fit of the same items gives the same bits here and on
     * Spark. {@code xTest} and {@code yTest} may both be null.
     *
     * @throws IllegalArgumentException as {@link #fit(Matrix, int[], int, ProbeOptions, long, Matrix, int[])}, or if
     *                                  {@code items} does not have one increasing index per row
     */
    public static ProbeResult fit(Matrix x, int[] labels, int[] items, int numClasses, ProbeOptions options,
            long seed, Matrix xTest, int[] yTest) {
        Fit fit = prepare(x, labels, items, numClasses, options, xTest, yTest);
        return options.kind() == ProbeKind.CONVERGED ? ConvergedProbe.fit(fit).result()
                : ReferenceProbe.fit(fit, seed);
    }

    /** A converged fit's result (without a test set) and the probe it trained, to predict other rows later. */
    public record Trained(ProbeResult result, Predictor predictor) {
    }

    /**
     * {@link #fit(Matrix, int[], int[], int, ProbeOptions, long, Matrix, int[])} of the converged probe without a test
     * set, which also returns the trained probe: a sweep predicts its held-out items for all its fits at once
     * ({@link Predictor#predictAll}).
     *
     * @throws IllegalArgumentException as that method, or if {@code options} is not of the converged probe
     */
    public static Trained train(Matrix x, int[] labels, int[] items, int numClasses, ProbeOptions options) {
        if (options.kind() != ProbeKind.CONVERGED) {
            throw new IllegalArgumentException("only the converged probe keeps a predictor, not the "
                    + options.kind() + " probe");
        }
        return ConvergedProbe.fit(prepare(x, labels, items, numClasses, options, null, null));
    }

    private static Fit prepare(Matrix x, int[] labels, int[] items, int numClasses, ProbeOptions options,
            Matrix xTest, int[] yTest) {
        long start = System.nanoTime();
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(options, "options");
        if (numClasses < 2) {
            throw new IllegalArgumentException("a probe needs numClasses >= 2, got " + numClasses);
        }
        if (x.rows() == 0 || x.cols() == 0) {
            throw new IllegalArgumentException("a probe needs at least one row and one column, got " + x);
        }
        check("training", x, labels, numClasses);
        if ((xTest == null) != (yTest == null)) {
            throw new IllegalArgumentException("give both the test matrix and the test labels, or neither");
        }
        if (xTest != null) {
            if (xTest.cols() != x.cols()) {
                throw new IllegalArgumentException("test set has " + xTest.cols() + " columns, expected "
                        + x.cols() + " like the training set");
            }
            check("test", xTest, yTest, numClasses);
        }
        Blocks blocks = items == null ? Blocks.identity(x.rows()) : blocks(items, x.rows());
        return new Fit(x, labels, numClasses, options, xTest, yTest, blocks, start);
    }

    /**
     * Heap bytes one fit on {@code n} training and {@code nTest} test items of dimension {@code d} with K classes
     * allocates: its outputs (the n × K training logits dominate; the converged probe may hold them twice while it
     * runs), index and label lists, per-thread pass buffers and L-BFGS's history; X itself is not copied. For
     * budgeting concurrent fits and failing early with a clear message.
     */
    public static long memoryNeed(int n, int nTest, int d, int numClasses, ProbeOptions options) {
        long params = (long) numClasses * d + numClasses;
        long outputs = (4L * numClasses + 4) * ((long) n + nTest);
        if (options.kind() == ProbeKind.CONVERGED && ConvergedProbe.keepsOutputs(n, numClasses)) {
            outputs += ConvergedProbe.extraBytes(n, numClasses) + 8L * params;
        }
        long lists = 16L * n + 8L * nTest;
        int panel = Kernels.panelRows(numClasses);
        long buffers = (long) options.threads() * (8L * panel * d + 4L * numClasses * (panel + d)
                + 8L * (params + numClasses * Kernels.CHUNK));
        long optimiser = 8L * params * (2L * options.history() + 8);
        return outputs + lists + buffers + optimiser;
    }

    private static Blocks blocks(int[] items, int rows) {
        if (items.length != rows) {
            throw new IllegalArgumentException(rows + " rows but " + items.length + " item indices");
        }
        for (int r = 0; r < items.length; r++) {
            if (items[r] < 0 || (r > 0 && items[r] <= items[r - 1])) {
                throw new IllegalArgumentException("item indices must be >= 0 and strictly increasing, got "
                        + (r > 0 ? items[r - 1] + " then " : "") + items[r] + " at row " + r);
            }
        }
        return Blocks.of(items);
    }

    private static void check(String set, Matrix x, int[] labels, int numClasses) {
        if (labels.length != x.rows()) {
            throw new IllegalArgumentException(set + " set has " + x.rows() + " rows but " + labels.length
                    + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(set + " label of row " + i + " is " + labels[i]
                        + ", expected a class in [0, " + numClasses + ")");
            }
        }
        // once per matrix: a row view asks its base, whose answer is remembered (no copy, no second scan)
        x.requireFinite(set + " set");
    }
}
