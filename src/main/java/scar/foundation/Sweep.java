package scar.foundation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import scar.data.Matrix;
import scar.measure.ClassMeasures;
import scar.measure.Logits;
import scar.measure.Measures;
import scar.probe.LinearProbe;
import scar.probe.ProbeOptions;
import scar.probe.ProbeResult;

/**
 * The scaling sweep of SPEC §4: for every ratio r, r stratified subsamples of ⌊n_c / r⌋ items per class, a fresh
 * probe on each, the measures of SPEC §3 averaged per class; then SPEC §5 to step sizes and the foundation size.
 *
 * <p><b>Determinism.</b> Every subsample and every probe seed is drawn from one {@link SplittableRandom} seeded with
 * {@link ScarOptions#seed()}, in a fixed order, before any fit starts; the fits then run in parallel, each writing to
 * its own slot. So the same options give bit-identical profiles whatever the thread count.
 *
 * <p><b>Cancellation.</b> Interrupting the calling thread (or stopping it, as a Jupyter interrupt does) cancels every
 * pending and running fit and shuts the worker threads down before the exception propagates.
 */
public final class Sweep {
    private Sweep() {
    }

    /** One probe fit of the sweep, fully determined before any work starts. */
    private record Fit(int ratioIndex, int ratio, int[] rows, long seed, boolean withTest) {
    }

    /**
     * Characterises one labelled view.
     *
     * @param dataset    dataset name, for the report
     * @param modality   modality name, for the report
     * @param train      training embeddings (the sweep runs on these)
     * @param trainY     their labels, 0..K−1
     * @param test       test embeddings for the r = 1 probe's test accuracy, or {@code null}
     * @param testY      their labels, or {@code null}
     * @param classNames K class names
     * @throws IllegalArgumentException when fewer than two classes are present, a class is empty, or fewer than two
     *                                  ratios leave every class at least two items (the message names the classes)
     */
    public static ScarProfile run(String dataset, String modality, Matrix train, int[] trainY, Matrix test,
                                  int[] testY, String[] classNames, ScarOptions options, Progress progress) {
        long started = System.nanoTime();
        int k = classNames.length;
        int[][] byClass = Subsampling.byClass(trainY, k);
        checkClasses(modality, byClass, classNames);

        int[] requested = options.ratios();
        List<Integer> used = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int r : requested) {
            if (Arrays.stream(Subsampling.perClassTake(byClass, r)).allMatch(t -> t >= 2)) {
                used.add(r);
            } else {
                skipped.add(r);
            }
        }
        if (used.size() < 2) {
            throw new IllegalArgumentException("modality '" + modality + "': only " + used.size()
                    + " of the ratios " + Arrays.toString(requested) + " leave every class at least 2 items; "
                    + "too small: " + smallClasses(byClass, classNames, requested.length > 1 ? requested[1] : 2)
                    + ". Add items to these classes or use smaller ratios (withRatios(1, 2, ...))");
        }
        int[] ratios = used.stream().mapToInt(Integer::intValue).toArray();

        // Every random choice, drawn in a fixed order before the parallel part.
        SplittableRandom random = new SplittableRandom(options.seed());
        List<Fit> fits = new ArrayList<>();
        for (int ri = 0; ri < ratios.length; ri++) {
            int r = ratios[ri];
            int[] take = Subsampling.perClassTake(byClass, r);
            for (int rep = 0; rep < r; rep++) {
                int[] rows = r == 1 ? identity(trainY.length) : Subsampling.draw(byClass, take, random);
                fits.add(new Fit(ri, r, rows, random.nextLong(), r == 1 && test != null));
            }
        }

        ClassMeasures[] measured = new ClassMeasures[fits.size()];
        ProbeSummary.Fit[] probeRuns = new ProbeSummary.Fit[fits.size()];
        runFits(fits, train, trainY, test, testY, k, options, progress, dataset + "/" + modality, measured, probeRuns);

        List<ClassMeasures> perRatio = new ArrayList<>();
        for (int ri = 0; ri < ratios.length; ri++) {
            List<ClassMeasures> group = new ArrayList<>();
            for (int f = 0; f < fits.size(); f++) {
                if (fits.get(f).ratioIndex() == ri) {
                    group.add(measured[f]);
                }
            }
            perRatio.add(Measures.average(group));
        }
        ProbeSummary probeSummary = new ProbeSummary(options.probe().kind(), List.of(probeRuns));
        return ScarProfile.build(dataset, modality, classNames, counts(byClass), test == null ? 0 : test.rows(),
                ratios, skipped.stream().mapToInt(Integer::intValue).toArray(), perRatio, probeSummary, options,
                System.nanoTime() - started);
    }

    private static void runFits(List<Fit> fits, Matrix train, int[] trainY, Matrix test, int[] testY, int k,
                                ScarOptions options, Progress progress, String task, ClassMeasures[] measured,
                                ProbeSummary.Fit[] probeRuns) {
        // The r = 1 fit is the largest and runs alone on every thread; the many smaller fits then run side by side
        // with one thread each. A probe's result does not depend on its thread count, so this changes speed only.
        AtomicInteger done = new AtomicInteger();
        progress.start(task, fits.size());
        try {
            runOne(0, fits.get(0), train, trainY, test, testY, k, options.probe().withThreads(options.threads()),
                    options, measured, probeRuns);
            progress.step(done.incrementAndGet(), fits.size());
            runRest(fits, train, trainY, test, testY, k, options, measured, probeRuns,
                    () -> progress.step(done.incrementAndGet(), fits.size()), task);
        } finally {
            progress.finish();
        }
    }

    private static void runRest(List<Fit> fits, Matrix train, int[] trainY, Matrix test, int[] testY, int k,
                                ScarOptions options, ClassMeasures[] measured, ProbeSummary.Fit[] probeRuns,
                                Runnable onDone, String task) {
        if (fits.size() < 2) {
            return;
        }
        ProbeOptions single = options.probe().withThreads(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), fits.size() - 1), runnable -> {
            Thread t = new Thread(runnable, "scar-sweep");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>(fits.size());
        try {
            for (int f = 1; f < fits.size(); f++) {
                int slot = f;
                futures.add(pool.submit(() -> {
                    runOne(slot, fits.get(slot), train, trainY, test, testY, k, single, options, measured,
                            probeRuns);
                    onDone.run();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the sweep of " + task + " was interrupted");
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
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Fits the probe of one slot and computes its measures. */
    private static void runOne(int slot, Fit fit, Matrix train, int[] trainY, Matrix test, int[] testY, int k,
                               ProbeOptions probeOptions, ScarOptions options, ClassMeasures[] measured,
                               ProbeSummary.Fit[] probeRuns) {
        boolean all = fit.rows().length == train.rows();
        Matrix x = all ? train : train.selectRows(fit.rows());
        int[] y = all ? trainY : Subsampling.select(trainY, fit.rows());
        ProbeResult result = fit.withTest()
                ? LinearProbe.fit(x, y, k, probeOptions, fit.seed(), test, testY)
                : LinearProbe.fit(x, y, k, probeOptions, fit.seed());
        measured[slot] = Measures.compute(Logits.of(result.trainLogits(), x.rows(), k), result.trainPredictions(), y,
                k, fit.ratio(), options.variant());
        probeRuns[slot] = ProbeSummary.Fit.of(result);
    }

    private static void checkClasses(String modality, int[][] byClass, String[] classNames) {
        if (byClass.length < 2) {
            throw new IllegalArgumentException("modality '" + modality + "' has " + byClass.length
                    + " class; SCAR needs at least 2 classes");
        }
        List<String> small = new ArrayList<>();
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c].length < 2) {
                small.add(c + " '" + classNames[c] + "' (" + byClass[c].length
                        + (byClass[c].length == 1 ? " item)" : " items)"));
            }
        }
        if (!small.isEmpty()) {
            boolean one = small.size() == 1;
            throw new IllegalArgumentException("modality '" + modality + "': " + (one ? "class " : "classes ")
                    + String.join(", ", small) + (one ? " has" : " have") + " fewer than 2 training items; every "
                    + "class needs at least 2 (drop the class or add items)");
        }
    }

    private static String smallClasses(int[][] byClass, String[] names, int ratio) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c].length / ratio < 2) {
                out.add(names[c] + " (" + byClass[c].length + " items)");
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    private static int[] counts(int[][] byClass) {
        return Arrays.stream(byClass).mapToInt(a -> a.length).toArray();
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }
}
