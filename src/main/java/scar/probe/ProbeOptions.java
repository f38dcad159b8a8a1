package scar.probe;

import java.util.Objects;

import scar.text.Shortest;

/**
 * Parameters of a linear probe (SPEC §2). {@link #defaults()} is the converged probe with SPEC §2.1's stop rules,
 * {@link #reference()} the reference probe of SPEC §2.2; the {@code with...} methods return modified copies. Every
 * value is validated on construction.
 *
 * @param kind           which probe to train
 * @param lambda         converged probe: L2 penalty (λ/2)·‖W‖² on the weights (bias unpenalised); ≥ 0, default 1e-4
 * @param gradTolerance  converged probe: stop when max |∂loss/∂θ| < this; > 0, default 1e-5
 * @param relTolerance   converged probe: stop when (f_{k−w} − f_k) / |f_{k−w}| < this, w = {@code relWindow};
 *                       ≥ 0, default 1e-9
 * @param relWindow      converged probe: the w above, in iterations; 1..1,000,000, default 10
 * @param maxIterations  converged probe: L-BFGS iterations before giving up (then not converged); ≥ 1, default 1000
 * @param history        converged probe: L-BFGS correction pairs kept; ≥ 1, default 10
 * @param learningRate   reference probe: Adam step size; > 0, default 1e-3
 * @param maxEpochs      reference probe: at most this many epochs; ≥ 1, default 100
 * @param patience       reference probe: stop after this many epochs without a strict improvement of the training
 *                       accuracy; ≥ 1, default 5
 * @param batchSize      reference probe: items per Adam step; ≥ 1, default 500,000 (full batch up to 500k items)
 * @param threads        threads for one fit (the calling thread plus helpers from a shared pool); ≥ 1, default
 *                       the number of available processors. Results do not depend on it.
 */
public record ProbeOptions(ProbeKind kind, double lambda, double gradTolerance, double relTolerance, int relWindow,
        int maxIterations, int history, double learningRate, int maxEpochs, int patience, int batchSize,
        int threads) {
    /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
    @Override
    public String toString() {
        return Shortest.record(this);
    }

    public ProbeOptions {
        Objects.requireNonNull(kind, "kind");
        check(lambda >= 0 && Double.isFinite(lambda), "lambda", lambda, "a finite value >= 0");
        check(gradTolerance > 0 && Double.isFinite(gradTolerance), "gradTolerance", gradTolerance,
                "a finite value > 0");
        check(relTolerance >= 0 && Double.isFinite(relTolerance), "relTolerance", relTolerance,
                "a finite value >= 0");
        check(relWindow >= 1 && relWindow <= 1_000_000, "relWindow", relWindow, "between 1 and 1,000,000");
        check(maxIterations >= 1, "maxIterations", maxIterations, "at least 1");
        check(history >= 1, "history", history, "at least 1");
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate,
                "a finite value > 0");
        check(maxEpochs >= 1, "maxEpochs", maxEpochs, "at least 1");
        check(patience >= 1, "patience", patience, "at least 1");
        check(batchSize >= 1, "batchSize", batchSize, "at least 1");
        check(threads >= 1, "threads", threads, "at least 1");
    }

    private static void check(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("probe option " + name + " must be " + expected + ", got " + value);
        }
    }

    /** The converged probe with SPEC §2.1's settings, using every available processor. */
    public static ProbeOptions defaults() {
        return new ProbeOptions(ProbeKind.CONVERGED, 1e-4, 1e-5, 1e-9, 10, 1000, 10, 1e-3, 100, 5, 500_000,
                Runtime.getRuntime().availableProcessors());
    }

    /** The reference probe with SPEC §2.2's settings. */
    public static ProbeOptions reference() {
        return defaults().withKind(ProbeKind.REFERENCE);
    }

    public ProbeOptions withKind(ProbeKind value) {
        return new ProbeOptions(value, lambda, gradTolerance, relTolerance, relWindow, maxIterations, history,
                learningRate, maxEpochs, patience, batchSize, threads);
    }

    public ProbeOptions withLambda(double value) {
        return new ProbeOptions(kind, value, gradTolerance, relTolerance, relWindow, maxIterations, history,
                learningRate, maxEpochs, patience, batchSize, threads);
    }

    public ProbeOptions withGradTolerance(double value) {
        return new ProbeOptions(kind, lambda, value, relTolerance, relWindow, maxIterations, history,
                learningRate, maxEpochs, patience, batchSize, threads);
    }

    public ProbeOptions withRelTolerance(double value) {
        return new ProbeOptions(kind, lambda, gradTolerance, value, relWindow, maxIterations, history,
                learningRate, maxEpochs, patience, batchSize, threads);
    }

    public ProbeOptions withRelWindow(int value) {
        return new ProbeOptions(kind, lambda, gradTolerance, relTolerance, value, maxIterations, history,
                learningRate, maxEpochs, patience, batchSize, threads);
    }

    public ProbeOptions withMaxIterations(int value) {
        return new ProbeOptions(kind, lambda, gradTolerance, relTolerance, relWindow, value, history,
                learningRate, maxEpochs, patience, batchSize, threads);
    }

    public ProbeOptions withHistory(int value) {
        return new ProbeOptions(kind, lambda, gradTolerance, relTolerance, relWindow, maxIterations, value,
                learningRate, maxEpochs, patience, batchSize, threads);
    }

    public ProbeOptions withLearningRate(double value) {
        return new ProbeOptions(kind, lambda, gradTolerance, relTolerance, relWindow, maxIterations, history,
                value, maxEpochs, patience, batchSize, threads);
    }

    public ProbeOptions withMaxEpochs(int value) {
        return new ProbeOptions(kind, lambda, gradTolerance, relTolerance, relWindow, maxIterations, history,
                learningRate, value, patience, batchSize, threads);
    }

    public ProbeOptions withPatience(int value) {
        return new ProbeOptions(kind, lambda, gradTolerance, relTolerance, relWindow, maxIterations, history,
                learningRate, maxEpochs, value, batchSize, threads);
    }

    public ProbeOptions withBatchSize(int value) {
        return new ProbeOptions(kind, lambda, gradTolerance, relTolerance, relWindow, maxIterations, history,
                learningRate, maxEpochs, patience, value, threads);
    }

    public ProbeOptions withThreads(int value) {
        return new ProbeOptions(kind, lambda, gradTolerance, relTolerance, relWindow, maxIterations, history,
                learningRate, maxEpochs, patience, batchSize, value);
    }
}
