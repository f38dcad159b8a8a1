package scar.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import scar.data.Datasets;
import scar.data.MultiModalDataset;
import scar.foundation.Characterize;
import scar.foundation.FoundationSize;
import scar.foundation.Progress;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.foundation.Sweep;
import scar.foundation.SweepInput;
import scar.data.Modality;
import scar.measure.Logits;
import scar.measure.MeasureVariant;
import scar.measure.Measures;
import scar.probe.ProbeBenchmark;
import scar.probe.ProbeKind;
import scar.probe.SyntheticData;

/**
 * The benchmark suite of {@code ./scar bench}. Every figure is a median over repeated runs after a warm-up, on seeded
 * synthetic data or the bundled datasets; the targets of issue 4 are printed next to them for comparison.
 */
public final class Bench {
    private final PrintStream out;
    private final int repeats;

    private Bench(PrintStream out, int repeats) {
        this.out = out;
        this.repeats = repeats;
    }

    /** Runs everything ({@code quick} shrinks the synthetic sweep's data and the repeat counts for a smoke run). */
    public static void run(PrintStream out, boolean quick) {
        new Bench(out, quick ? 3 : 11).all(quick);
    }

    private void all(boolean quick) {
        out.printf(Locale.ROOT, "SCAR benchmark: %d processors, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        resetPeaks();
        measures();
        foundation();
        int n = quick ? 10_000 : 50_000;
        int d = quick ? 256 : 768;
        out.println();
        out.println(ProbeBenchmark.run(n, d, 10, quick ? 5 : 20, 42));
        out.println("  (target: >= 20 GFLOP/s on both cores; a plain triple loop reaches about 4)");
        syntheticSweeps(n, d);
        bundledSweeps();
        out.printf(Locale.ROOT, "%npeak heap used: %.0f MiB%n", peakHeapBytes() / 1048576.0);
    }

    private void measures() {
        int n = 50_000;
        int k = 100;
        SplittableRandom random = new SplittableRandom(1);
        float[] logits = new float[n * k];
        int[] labels = new int[n];
        int[] preds = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(k);
            int best = 0;
            for (int c = 0; c < k; c++) {
                logits[i * k + c] = (float) random.nextGaussian() + (c == labels[i] ? 2f : 0f);
                if (logits[i * k + c] > logits[i * k + best]) {
                    best = c;
                }
            }
            preds[i] = best;
        }
        Logits l = Logits.of(logits, n, k);
        double ms = medianMs(() -> Measures.compute(l, preds, labels, k, 1, MeasureVariant.HEAD));
        out.printf(Locale.ROOT, "measures (HEAD), n = %,d, K = %d: %.1f ms median (target <= 50 ms; reference code "
                + "5.6 s)%n", n, k, ms);
        double v1 = medianMs(() -> Measures.compute(l, preds, labels, k, 1, MeasureVariant.V1));
        out.printf(Locale.ROOT, "measures (V1),   n = %,d, K = %d: %.1f ms median%n", n, k, v1);
    }

    private void foundation() {
        int k = 1000;
        SplittableRandom random = new SplittableRandom(2);
        double[] heights = new double[k];
        for (int c = 0; c < k; c++) {
            heights[c] = Math.exp(random.nextDouble() * 8);
        }
        double ms = medianMs(() -> FoundationSize.estimate(heights, Math.E));
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        var estimate = FoundationSize.estimate(heights, Math.E);
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        out.printf(Locale.ROOT, "foundation size, K = %d, order 3: %.3f ms median, %,d bytes allocated per call "
                + "(N_F = %.0f; target <= 5 ms; reference code 22 s and 11 GiB)%n", k, ms, allocated, estimate.size());
    }

    private void syntheticSweeps(int n, int d) {
        SyntheticData data = SyntheticData.gaussianClasses(n, d, 10, 42);
        String[] names = new String[10];
        Arrays.setAll(names, c -> "class " + c);
        for (ProbeKind kind : ProbeKind.values()) {
            ScarOptions options = ScarOptions.defaults().withProbe(kind).withProgress(false);
            long start = System.nanoTime();
            ScarProfile p = Sweep.run(SweepInput.of("synthetic", Modality.of(n + "x" + d, data.x()), data.labels(),
                    names), options, Progress.none());
            double s = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "sweep, %s probe, synthetic %,d x %d, K = 10: %.1f s for %d fits, %.1f "
                            + "iterations per fit on average (max %d), N_F = %.0f%s%n",
                    kind.name().toLowerCase(Locale.ROOT), n, d, s, p.probe().fits().size(),
                    p.probe().meanIterations(), p.probe().maxIterations(), p.foundationSize(),
                    kind == ProbeKind.REFERENCE ? " (target <= 30 s; reference code 131 s)" : "");
        }
    }

    private void bundledSweeps() {
        MultiModalDataset wiki = Datasets.bundled("wikipedia");
        for (ProbeKind kind : ProbeKind.values()) {
            ScarOptions options = ScarOptions.defaults().withProbe(kind).withProgress(false);
            for (String m : wiki.modalityNames()) {
                Characterize.modality(wiki, m, options); // warm-up
                double[] seconds = new double[Math.max(3, repeats / 3)];
                ScarProfile last = null;
                for (int i = 0; i < seconds.length; i++) {
                    long start = System.nanoTime();
                    last = Characterize.modality(wiki, m, options);
                    seconds[i] = (System.nanoTime() - start) / 1e9;
                }
                Arrays.sort(seconds);
                out.printf(Locale.ROOT, "sweep, %s probe, wikipedia/%s: %.2f s median (target <= 2 s; reference "
                                + "code 18 s), test accuracy %.3f, N_F = %.0f%n",
                        kind.name().toLowerCase(Locale.ROOT), m, seconds[seconds.length / 2], last.testAccuracy(),
                        last.foundationSize());
            }
        }
    }

    private double medianMs(Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
