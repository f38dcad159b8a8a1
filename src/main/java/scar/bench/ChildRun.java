package scar.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole process, timed from the outside: a fresh JVM on this one's class path running a main class, its wall time
 * (JVM start included) and its peak resident set size (the kernel's {@code VmHWM}, polled while it runs).
 *
 * @param seconds  wall time from start to exit
 * @param peakRss  peak resident set size in bytes (0 when /proc is not readable)
 * @param exitCode the exit code
 * @param output   the last lines of its standard output and error
 */
record ChildRun(double seconds, long peakRss, int exitCode, String output) {

    /** Runs {@code mainClass args} with the JVM options {@code jvm} (e.g. {@code -Xmx4g}). */
    static ChildRun of(List<String> jvm, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("scar-bench", ".log");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long peak = 0;
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            while (!p.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, highWaterMark(status));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = Files.readAllLines(log);
            Files.deleteIfExists(log);
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return new ChildRun(seconds, peak, p.exitValue(), tail);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + mainClass + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("benchmark interrupted");
        }
    }

    /** VmHWM of a live process in bytes, or 0. */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just exited
        }
        return 0;
    }

    /** Fails with the child's own last lines when it did not exit with 0. */
    ChildRun requireSuccess(String what) {
        if (exitCode != 0) {
            throw new IllegalStateException(what + " failed with exit code " + exitCode + ": " + output);
        }
        return this;
    }
}
