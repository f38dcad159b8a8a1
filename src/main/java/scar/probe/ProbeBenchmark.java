package scar.probe;

import java.util.Locale;
import scar.data.Tabular;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Measures the probe on {@link SyntheticData#gaussianClasses}: time per fused forward + backward pass and achieved
 * GFLOP/s (4·n·d·K floating-point operations per pass) with 1 thread and with all processors, then one converged
 * and one reference fit with all processors. {@code main} prints the report; {@link #run} returns it.
 */
public final class ProbeBenchmark {
    private ProbeBenchmark() {
    }

    /**
     * The figures of one benchmark run.
     *
     * @param threads the thread count of the multi-threaded figures
     */
    public record Report(int n, int d, int numClasses, int threads, double msPerPass1, double gflops1,
            double msPerPassN, double gflopsN, double convergedMs, int convergedIterations,
            boolean convergedConverged, double convergedAccuracy, double referenceMs, int referenceEpochs,
            double referenceAccuracy) implements Tabular {

        @Override
        public Table toTable() {
            StringColumn what = StringColumn.create("measure");
            DoubleColumn value = DoubleColumn.create("value");
            add(what, value, "ms per pass, 1 thread", msPerPass1);
            add(what, value, "GFLOP/s, 1 thread", gflops1);
            add(what, value, "ms per pass, " + threads + " threads", msPerPassN);
            add(what, value, "GFLOP/s, " + threads + " threads", gflopsN);
            add(what, value, "converged fit ms", convergedMs);
            add(what, value, "converged fit iterations", convergedIterations);
            add(what, value, "converged train accuracy", convergedAccuracy);
            add(what, value, "reference fit ms", referenceMs);
            add(what, value, "reference fit epochs", referenceEpochs);
            add(what, value, "reference train accuracy", referenceAccuracy);
            return Table.create("probe benchmark " + n + " x " + d + ", K = " + numClasses, what, value);
        }

        private static void add(StringColumn what, DoubleColumn value, String name, double v) {
            what.append(name);
            value.append(v);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Probe benchmark, n = %d, d = %d, K = %d (%.2f GFLOP per pass)%n"
                    + "  1 thread:  %8.1f ms per pass, %6.1f GFLOP/s%n"
                    + "  %d threads: %8.1f ms per pass, %6.1f GFLOP/s%n"
                    + "  converged fit: %8.0f ms, %d iterations (%s), train accuracy %.4f%n"
                    + "  reference fit: %8.0f ms, %d epochs, train accuracy %.4f",
                    n, d, numClasses, 4.0 * n * d * numClasses / 1e9, msPerPass1, gflops1, threads, msPerPassN,
                    gflopsN, convergedMs, convergedIterations, convergedConverged ? "converged" : "not converged",
                    convergedAccuracy, referenceMs, referenceEpochs, referenceAccuracy);
        }
    }

    /** The standard benchmark: n = 50,000, d = 768, K = 10, 20 timed passes, seed 42. */
    public static Report run() {
        return run(50_000, 768, 10, 20, 42);
    }

    /** Benchmarks n × d data with K classes; {@code passes} timed passes per thread count (after warm-up). */
    public static Report run(int n, int d, int numClasses, int passes, long seed) {
        SyntheticData data = SyntheticData.gaussianClasses(n, d, numClasses, seed);
        int threads = Runtime.getRuntime().availableProcessors();
        double one = msPerPass(data, 1, passes);
        double many = msPerPass(data, threads, passes);
        double flop = 4.0 * n * d * numClasses;
        ProbeOptions options = ProbeOptions.defaults().withThreads(threads);
        ProbeResult converged = LinearProbe.fit(data.x(), data.labels(), numClasses, options, seed);
        ProbeResult reference = LinearProbe.fit(data.x(), data.labels(), numClasses,
                options.withKind(ProbeKind.REFERENCE), seed);
        return new Report(n, d, numClasses, threads, one, flop / one / 1e6, many, flop / many / 1e6,
                converged.nanos() / 1e6, converged.iterations(), converged.converged(), converged.trainAccuracy(),
                reference.nanos() / 1e6, reference.iterations(), reference.trainAccuracy());
    }

    /**
     * Median milliseconds per fused pass over {@link SyntheticData#gaussianClasses} with 1 thread and with every
     * processor.
     */
    public record PassTimes(int threads, double msOne, double msAll) {
    }

    /** {@link PassTimes} of n × d data with K classes, {@code passes} timed passes per thread count. */
    public static PassTimes passTimes(int n, int d, int numClasses, int passes, long seed) {
        SyntheticData data = SyntheticData.gaussianClasses(n, d, numClasses, seed);
        int threads = Runtime.getRuntime().availableProcessors();
        return new PassTimes(threads, msPerPass(data, 1, passes), msPerPass(data, threads, passes));
    }

    /** Milliseconds per fused pass: the median of {@code passes} timed passes after a warm-up. */
    static double msPerPass(SyntheticData data, int threads, int passes) {
        int n = data.x().rows();
        int d = data.x().cols();
        Blocks blocks = Blocks.identity(n);
        Standardizer standardizer = Standardizer.fit(data.x(), blocks.starts());
        SoftmaxPass pass = new SoftmaxPass(standardizer.apply(data.x(), blocks), data.labels(), data.numClasses(),
                threads);
        // a model that is not zero: a pass at W = 0 skips the forward product, as a fit's first pass does
        Model model = Model.zeros(data.numClasses(), d);
        java.util.SplittableRandom random = new java.util.SplittableRandom(n);
        for (float[] wk : model.w()) {
            for (int j = 0; j < d; j++) {
                wk[j] = (float) (0.01 * random.nextGaussian());
            }
        }
        double[] gradW = new double[data.numClasses() * d];
        double[] gradB = new double[data.numClasses()];
        for (int i = 0; i < Math.max(3, passes / 2); i++) {
            pass.lossAndGradient(model.w(), model.b(), gradW, gradB);
        }
        double[] ms = new double[passes];
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            pass.lossAndGradient(model.w(), model.b(), gradW, gradB);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[passes / 2];
    }

    /** Usage: {@code ProbeBenchmark [n d K passes seed]}, default 50000 768 10 20 42. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.out.println(run());
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 768;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        System.out.println(run(n, d, k, passes, seed));
    }
}
