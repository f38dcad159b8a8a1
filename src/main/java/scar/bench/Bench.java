package scar.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import scar.data.Memory;
import scar.data.MultiModalDataset;
import scar.foundation.Characterize;
import scar.foundation.DatasetProfile;
import scar.foundation.FoundationSize;
import scar.foundation.ScarOptions;
import scar.measure.Logits;
import scar.measure.MeasureVariant;
import scar.measure.Measures;
import scar.probe.ProbeBenchmark;
import scar.probe.ProbeKind;

/**
 * The benchmark suite of {@code ./scar bench}: memory bandwidth, the probe pass, the original code's synthetic set,
 * whole CLI processes on the bundled data, the measures and the foundation size, and with {@code --scale} large
 * memory-mapped modalities. Every figure says how many runs it is from (min and median over repeats, or "1 run"),
 * and the machine's load is printed at the start and the end. The original code's figures are those of
 * {@code ../shared/bench/README.md} (same kind of machine, low load).
 */
public final class Bench {
    /** The original code on the synthetic 50k x 768 x 10 set: the 83-fit estimate and the whole process. */
    static final double ORIGINAL_SYNTHETIC_SWEEP = 126.6;
    static final double ORIGINAL_SYNTHETIC_PROCESS = 129.8;

    private final PrintStream out;
    private final Options options;

    /**
     * What to run.
     *
     * @param quick   smaller data and one run each: a smoke test, not a measurement
     * @param repeats measured runs of each timed figure
     * @param scale   also the 100k and 1M item runs from memory-mapped files
     * @param big     also 1.3M x 768 x 100 classes under -Xmx4g
     * @param dataDir where the generated .npy files are cached
     */
    public record Options(boolean quick, int repeats, boolean scale, boolean big, Path dataDir) {
    }

    private Bench(PrintStream out, Options options) {
        this.out = out;
        this.options = options;
    }

    /** Runs the suite and prints it to {@code out}. */
    public static void run(PrintStream out, Options options) {
        new Bench(out, options).all();
    }

    private void all() {
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "SCAR benchmark: %d processors, Java %s, max heap %s; load %s (1, 5, 15 min)%s%n",
                rt.availableProcessors(), System.getProperty("java.version"), Memory.size(rt.maxMemory()),
                Timings.load(), options.quick() ? "; --quick: small data, single runs, no targets apply" : "");
        double copy = bandwidth();
        probe(copy);
        new BenchSweeps(out, options).run();
        measuresAndFoundation();
        if (options.scale() || options.big()) {
            new BenchScale(out, options).run();
        }
        out.printf(Locale.ROOT, "%nload at the end: %s%n", Timings.load());
    }

    /** Copy bandwidth of this machine: bytes read plus bytes written per second, one thread and all threads. */
    private double bandwidth() {
        int n = options.quick() ? 1 << 22 : 1 << 25;
        float[] src = new float[n];
        float[] dst = new float[n];
        java.util.Arrays.fill(src, 1f);
        int threads = Runtime.getRuntime().availableProcessors();
        int runs = Math.max(3, options.repeats());
        Timings one = Timings.of(2, runs, () -> {
            System.arraycopy(src, 0, dst, 0, n);
            return dst;
        });
        Timings all = Timings.of(2, runs, () -> {
            copyInParallel(src, dst, threads);
            return dst;
        });
        double bytes = 2.0 * 4 * n;
        out.printf(Locale.ROOT, "%nmemory bandwidth (System.arraycopy of %s, read + write):%n", Memory.size(4L * n));
        out.printf(Locale.ROOT, "  1 thread:  best %.1f GB/s, median %.1f GB/s (%d runs)%n", bytes / one.min() / 1e9,
                bytes / one.median() / 1e9, runs);
        out.printf(Locale.ROOT, "  %d threads: best %.1f GB/s, median %.1f GB/s (%d runs)%n", threads,
                bytes / all.min() / 1e9, bytes / all.median() / 1e9, runs);
        return bytes / all.min() / 1e9;
    }

    private static void copyInParallel(float[] src, float[] dst, int threads) {
        Thread[] helpers = new Thread[threads - 1];
        int part = src.length / threads;
        for (int t = 1; t < threads; t++) {
            int from = t * part;
            int to = t == threads - 1 ? src.length : from + part;
            helpers[t - 1] = new Thread(() -> System.arraycopy(src, from, dst, from, to - from));
            helpers[t - 1].start();
        }
        System.arraycopy(src, 0, dst, 0, part);
        for (Thread h : helpers) {
            try {
                h.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The fused probe pass at K = 10 and K = 100: time, GFLOP/s, and the rate at which it reads X. */
    private void probe(double copyGbs) {
        int n = options.quick() ? 10_000 : 50_000;
        int d = options.quick() ? 256 : 768;
        int passes = options.quick() ? 5 : 20;
        out.printf(Locale.ROOT, "%nprobe pass (forward + softmax + backward, X read once), %,d x %d, median of %d "
                + "passes after a warm-up:%n", n, d, passes);
        for (int k : new int[] {10, 100}) {
            ProbeBenchmark.PassTimes t = ProbeBenchmark.passTimes(n, d, k, passes, 42);
            double bytes = 4.0 * n * d;
            double flop = 4.0 * n * d * k;
            out.printf(Locale.ROOT, "  K = %3d, 1 thread:  %7.1f ms, %5.1f GFLOP/s, reads X at %5.1f GB/s%n", k,
                    t.msOne(), flop / t.msOne() / 1e6, bytes / t.msOne() / 1e6);
            out.printf(Locale.ROOT, "  K = %3d, %d threads: %7.1f ms, %5.1f GFLOP/s, reads X at %5.1f GB/s = %.0f %% "
                            + "of the copy bandwidth%s%n", k, t.threads(), t.msAll(), flop / t.msAll() / 1e6,
                    bytes / t.msAll() / 1e6, 100 * bytes / t.msAll() / 1e6 / copyGbs,
                    k == 10 ? " (target >= 60 %)" : "");
        }
    }

    private void measuresAndFoundation() {
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
        int runs = Math.max(3, options.repeats());
        out.printf(Locale.ROOT, "%nmeasures (HEAD), n = %,d, K = %d: %s (target <= 50 ms; original 5.6 s)%n", n, k,
                Timings.of(3, runs, () -> Measures.compute(l, preds, labels, k, 1, MeasureVariant.HEAD)).inMillis());
        double[] heights = new double[1000];
        for (int c = 0; c < heights.length; c++) {
            heights[c] = Math.exp(random.nextDouble() * 8);
        }
        Timings f = Timings.of(3, runs, () -> FoundationSize.estimate(heights, Math.E));
        out.printf(Locale.ROOT, "foundation size, K = 1000, order 3: %s (target <= 5 ms; original 21.9 s and "
                + "11.4 GiB)%n", f.inMillis());
    }

    /** Characterises {@code data} with the default options and the given probe, quietly. */
    static DatasetProfile characterize(MultiModalDataset data, ProbeKind kind) {
        return Characterize.all(data, options(kind));
    }

    /** The default options with the given probe, without progress output. */
    static ScarOptions options(ProbeKind kind) {
        return ScarOptions.defaults().withProbe(kind).withProgress(false);
    }

    /** Resets the heap pools' peaks (after a collection) so that {@link #peakHeapBytes} measures what follows. */
    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peak usage since {@link #resetPeaks}: an upper bound of the live heap. */
    static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Heap in use now, after a collection. */
    static long usedHeapBytes() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static List<String> jvm(String... flags) {
        return List.of(flags);
    }
}
