package scar.foundation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import scar.data.Duplicates;
import scar.data.Matrix;
import scar.evidence.HardItems;
import scar.evidence.EvidenceOptions;
import scar.evidence.HeldOutScore;
import scar.measure.ClassMeasures;
import scar.measure.Logits;
import scar.measure.Measures;
import scar.probe.LinearProbe;
import scar.probe.Predictor;
import scar.probe.ProbeKind;
import scar.probe.ProbeOptions;
import scar.probe.ProbeResult;

/**
 * The scaling sweep of SPEC §4: for every ratio r, r stratified subsamples of ⌊n_c / r⌋ items per class, a fresh
 * probe on each, the measures of SPEC §3 averaged per class; then SPEC §5 to step sizes and the foundation size.
 *
 * <p><b>Determinism.</b> Every subsample is a keyed draw ({@link Subsampling#keyedDraw}) of the seed, the ratio, the
 * repeat and the item indices, made before any fit starts; the fits then run in parallel, each writing to its own
 * slot. So the same options give bit-identical profiles whatever the thread count.
 *
 * <p><b>Cancellation.</b> Interrupting the calling thread (or stopping it, as a Jupyter interrupt does) cancels every
 * pending and running fit and shuts the worker threads down before the exception propagates.
 */
public final class Sweep {
    private Sweep() {
    }

    /** One probe fit of the sweep, fully determined before any work starts. */
    private record Fit(int ratioIndex, int ratio, int[] items, long seed) {
    }

    /**
     * The shared, read-only inputs of every fit of one sweep; {@code defers}: whether the fits other than the
     * full-data one leave their held-out predictions to {@link #predictHeldOut} ({@link #defersHeldOut}).
     */
    private record Shared(SweepInput input, Matrix test, int[] testY, ScarOptions options, String task,
                          boolean defers) {

        /** Heap bytes the fit on {@code n} items takes (see {@link LinearProbe#memoryNeed}). */
        long need(int n, ProbeOptions probe, boolean full) {
            int nTest = test == null || (!full && defers) ? 0 : test.rows();
            return LinearProbe.memoryNeed(n, nTest, input.modality().dim(), input.numClasses(), probe) + 16L * n;
        }
    }

    /**
     * What one fit leaves behind; {@code predictor}, when not null, is its probe, whose held-out predictions are still
     * to be made ({@code probe} has no held-out score yet).
     */
    private record Outcome(ClassMeasures measures, ProbeSummary.Fit probe, HardItems hardItems, Predictor predictor) {
    }

    /**
     * Characterises one labelled view: sweeps {@code input}'s training items; every fit also predicts the held-out
     * items (when there are any) for the evidence.
     *
     * @throws IllegalArgumentException when fewer than two classes are present, a class is empty, or fewer than two
     *                                  ratios leave every class at least two items (the message names the classes)
     */
    public static ScarProfile run(SweepInput input, ScarOptions options, Progress progress) {
        long started = System.nanoTime();
        String modality = input.modalityName();
        String[] classNames = input.classNames();
        int[][] byClass = input.trainByClass();
        int[] classCounts = counts(byClass);
        SweepPlan plan = SweepPlan.of(modality, classCounts, classNames, options);

        // Every subsample is a keyed draw (SPEC §4): it depends on the seed, the ratio, the repeat and the items only.
        List<Fit> fits = new ArrayList<>();
        for (SweepPlan.Fit planned : plan.fits()) {
            int[] items = planned.ratio() == 1 ? input.train()
                    : Subsampling.keyedDraw(byClass, planned.take(classCounts), options.seed(), planned.draw());
            fits.add(new Fit(planned.ratioIndex(), planned.ratio(), items, planned.seed()));
        }

        // The largest fit must fit the heap: say so now, before any pass over the data.
        Matrix embeddings = input.modality().embeddings();
        scar.data.Memory.require(LinearProbe.memoryNeed(input.trainSize(), input.testSize(), embeddings.cols(),
                input.numClasses(), options.probe().withThreads(options.threads())),
                "the full-data probe fit of " + input.dataset() + "/" + modality + " (" + input.trainSize()
                        + " items x " + input.numClasses() + " classes, its logits and buffers; the "
                        + embeddings.rows() + " x " + embeddings.cols() + " embeddings are " + embeddings.storage()
                        + ")");
        Duplicates duplicates = Duplicates.of(input.modality(), input.labels(), input.train(), input.test());
        // Fits and the held-out items are row views (index lists) of the embeddings: nothing is copied.
        Matrix test = input.hasTest() ? input.modality().embeddings().selectRows(input.test()) : null;
        Shared shared = new Shared(input, test, input.labelsOf(input.test()), options,
                input.dataset() + "/" + modality, defersHeldOut(options.probe().kind(), fits.size() - 1,
                        test == null ? 0 : test.rows(), embeddings.cols(), input.numClasses()));
        Outcome[] outcomes = new Outcome[fits.size()];
        runFits(fits, shared, progress, outcomes);
        return plan.profile(input.dataset(), modality, classNames, classCounts, input.testSize(),
                Arrays.stream(outcomes).map(Outcome::measures).toList(),
                Arrays.stream(outcomes).map(Outcome::probe).toList(), outcomes[0].hardItems(), duplicates,
                input.dropped().length, options, System.nanoTime() - started);
    }

    private static void runFits(List<Fit> fits, Shared shared, Progress progress, Outcome[] outcomes) {
        // The r = 1 fit is the largest and runs alone on every thread; the many smaller fits then run side by side
        // with one thread each. A probe's result does not depend on its thread count, so this changes speed only.
        ScarOptions options = shared.options();
        AtomicInteger done = new AtomicInteger();
        int total = fits.size();
        // A fit whose held-out predictions wait for the common pass is not done until that pass is: the count shows
        // at most total - 1 until then.
        int shown = shared.defers() && total > 1 ? total - 1 : total;
        progress.start(shared.task(), total, "fits");
        try {
            outcomes[0] = runOne(fits.get(0), shared, options.probe().withThreads(options.threads()), true);
            progress.step(done.incrementAndGet(), total);
            runRest(fits, shared, outcomes, () -> progress.step(Math.min(done.incrementAndGet(), shown), total));
            predictHeldOut(outcomes, shared);
            progress.step(total, total);
        } finally {
            progress.finish();
        }
    }

    /**
     * Whether {@code fits} subsampled fits leave their held-out predictions to one pass after the last of them
     * ({@link #predictHeldOut}): with held-out items and the converged probe (the reference probe predicts in its own
     * way), while what they then hold until that pass, {@link #deferredBytes}, is at most a 16th of the heap. Each
     * fit's held-out predictions used to last only while it ran, so a large held-out set beside many fits (300,000
     * items x 82 fits: 94 MiB of predictions, against 3.6 MiB for one fit's) must not make a sweep need a larger heap:
     * there every fit predicts its own. The choice changes no result, only the time.
     */
    private static boolean defersHeldOut(ProbeKind kind, int fits, int nTest, int d, int numClasses) {
        return nTest > 0 && kind == ProbeKind.CONVERGED
                && deferredBytes(fits, nTest, d, numClasses) <= Runtime.getRuntime().maxMemory() / 16;
    }

    /**
     * Heap bytes that {@code fits} fits deferring their held-out predictions hold until the common pass: each one's
     * probe (float weights and biases, the standardiser's two double and two float vectors) and then its predictions.
     */
    private static long deferredBytes(int fits, int nTest, int d, int numClasses) {
        long probe = 4L * numClasses * d + 4L * numClasses + 24L * d;
        return fits * (probe + 4L * nTest);
    }

    /**
     * The held-out predictions of every fit that left them for later, in one pass over the held-out rows for all of
     * them ({@link Predictor#predictAll}: each panel of rows is read and transposed once, not once per fit) — the
     * same classes, bit for bit, as each fit predicting them itself.
     */
    private static void predictHeldOut(Outcome[] outcomes, Shared shared) {
        int[] waiting = java.util.stream.IntStream.range(0, outcomes.length)
                .filter(f -> outcomes[f].predictor() != null).toArray();
        if (waiting.length == 0) {
            return;
        }
        Predictor[] probes = Arrays.stream(waiting).mapToObj(f -> outcomes[f].predictor()).toArray(Predictor[]::new);
        Matrix test = shared.test();
        scar.data.Memory.require(4L * probes.length * test.rows(), "the held-out predictions of " + probes.length
                + " fits of " + shared.task() + " (" + test.rows() + " held-out items each)");
        int[][] predictions = Predictor.predictAll(test, probes, shared.options().threads());
        int k = shared.input().numClasses();
        for (int i = 0; i < waiting.length; i++) {
            Outcome o = outcomes[waiting[i]];
            HeldOutScore heldOut = HeldOutScore.of(shared.testY(), predictions[i], k);
            ProbeSummary.Fit p = o.probe();
            ProbeSummary.Fit scored = new ProbeSummary.Fit(p.trainSize(), p.trainAccuracy(), heldOut.accuracy(),
                    heldOut, p.iterations(), p.converged(), p.nanos());
            outcomes[waiting[i]] = new Outcome(o.measures(), scored, o.hardItems(), null);
        }
    }

    private static void runRest(List<Fit> fits, Shared shared, Outcome[] outcomes, Runnable onDone) {
        if (fits.size() < 2) {
            return;
        }
        ScarOptions options = shared.options();
        ProbeOptions single = options.probe().withThreads(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), fits.size() - 1), runnable -> {
            Thread t = new Thread(runnable, "scar-sweep");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>(fits.size());
        // Fits run side by side only while their memory fits a budget of the heap left now (the largest fit alone
        // always may run); a fit's result does not depend on what runs beside it.
        long largest = 0;
        for (int f = 1; f < fits.size(); f++) {
            largest = Math.max(largest, shared.need(fits.get(f).items().length, single, false));
        }
        Runtime rt = Runtime.getRuntime();
        Budget budget = new Budget(Math.max(largest, (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) * 3 / 4));
        try {
            for (int f = 1; f < fits.size(); f++) {
                int slot = f;
                long need = shared.need(fits.get(slot).items().length, single, false);
                futures.add(pool.submit(() -> {
                    budget.acquire(need);
                    try {
                        outcomes[slot] = runOne(fits.get(slot), shared, single, false);
                    } finally {
                        budget.release(need);
                    }
                    onDone.run();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the sweep of " + shared.task() + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            futures.forEach(fu -> fu.cancel(true));
            pool.shutdownNow();
            awaitWorkers(pool);
        }
    }

    /**
     * Waits (at most 10 s) for the interrupted workers to end, also when this thread is interrupted itself — the
     * cancelled case: an interrupted awaitTermination would return at once and leave fits running.
     */
    private static void awaitWorkers(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (true) {
                try {
                    pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Fits the probe of one fit, computes its measures and its held-out score; the full-data fit keeps its items.
     * Another fit that {@linkplain Shared#defers defers} its held-out predictions returns its probe instead.
     */
    private static Outcome runOne(Fit fit, Shared shared, ProbeOptions probeOptions, boolean full) {
        SweepInput input = shared.input();
        int k = input.numClasses();
        Matrix x = input.modality().embeddings().selectRows(fit.items());
        int[] y = input.labelsOf(fit.items());
        if (!full && shared.defers()) {
            LinearProbe.Trained trained = LinearProbe.train(x, y, fit.items(), k, probeOptions);
            ProbeResult result = trained.result();
            return new Outcome(measures(result, x.rows(), y, fit, shared), ProbeSummary.Fit.of(result, null), null,
                    trained.predictor());
        }
        ProbeResult result = shared.test() == null
                ? LinearProbe.fit(x, y, fit.items(), k, probeOptions, fit.seed(), null, null)
                : LinearProbe.fit(x, y, fit.items(), k, probeOptions, fit.seed(), shared.test(), shared.testY());
        ClassMeasures measures = measures(result, x.rows(), y, fit, shared);
        HeldOutScore heldOut = shared.test() == null ? null
                : HeldOutScore.of(shared.testY(), result.testPredictions(), k);
        HardItems hard = full ? HardItems.of(input.classNames(), fit.items(), y, result.trainLogits(), input.test(),
                shared.testY(), result.testLogits(), input.modality()::id,
                shared.options().evidence().hardItemsPerClass()) : null;
        return new Outcome(measures, ProbeSummary.Fit.of(result, heldOut), hard, null);
    }

    /** The measures of SPEC §3 from a fit's training outputs. */
    private static ClassMeasures measures(ProbeResult result, int rows, int[] y, Fit fit, Shared shared) {
        int k = shared.input().numClasses();
        return Measures.compute(Logits.of(result.trainLogits(), rows, k), result.trainPredictions(), y, k,
                fit.ratio(), shared.options().variant());
    }

    /** Bytes that fits running side by side may hold together. */
    private static final class Budget {
        private long free;

        Budget(long total) {
            this.free = total;
        }

        synchronized void acquire(long bytes) throws InterruptedException {
            while (free < bytes) {
                wait();
            }
            free -= bytes;
        }

        synchronized void release(long bytes) {
            free += bytes;
            notifyAll();
        }
    }

    private static int[] counts(int[][] byClass) {
        return Arrays.stream(byClass).mapToInt(a -> a.length).toArray();
    }

}
