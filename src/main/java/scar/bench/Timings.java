package scar.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Repeated wall-time measurements and how they print: {@code min 1.23 s, median 1.31 s (5 runs)}, or
 * {@code 1.23 s (1 run)} — a single run is never called a median.
 *
 * @param runs every measured run's seconds, in order
 */
record Timings(double[] runs) {

    /** Runs {@code work} {@code warmups} times unmeasured, then {@code runs} times measured. */
    static Timings of(int warmups, int runs, Supplier<?> work) {
        for (int i = 0; i < warmups; i++) {
            work.get();
        }
        double[] s = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            s[i] = (System.nanoTime() - start) / 1e9;
        }
        return new Timings(s);
    }

    double min() {
        return Arrays.stream(runs).min().orElse(Double.NaN);
    }

    double median() {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    int count() {
        return runs.length;
    }

    /** {@code min x, median y (n runs)} in the unit given by {@code scale} (1 for s, 1000 for ms). */
    String format(double scale, String unit, String pattern) {
        if (runs.length == 1) {
            return String.format(Locale.ROOT, pattern + " %s (1 run)", runs[0] * scale, unit);
        }
        return String.format(Locale.ROOT, "min " + pattern + " %s, median " + pattern + " %s (%d runs)",
                min() * scale, unit, median() * scale, unit, runs.length);
    }

    String inSeconds() {
        return format(1, "s", "%.2f");
    }

    String inMillis() {
        return format(1000, "ms", "%.1f");
    }

    /** The machine's load averages (1, 5, 15 minutes) as {@code uptime} shows them, or "unknown". */
    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
