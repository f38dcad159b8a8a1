package scar.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        return run(command, Map.of());
    }

    /**
     * Runs the project's {@code ./scar} launcher with {@code args}, as a user does (its class-data archive
     * included), with {@code SCAR_NO_BUILD=1} so that it never starts a build under the benchmark.
     */
    static ChildRun launcher(Path script, String... args) {
        return launcher(script, Map.of(), args);
    }

    /** {@link #launcher(Path, String...)} with {@code env} added to (or replacing) this process's environment. */
    static ChildRun launcher(Path script, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SCAR_NO_BUILD", "1");
        return run(command, all);
    }

    /**
     * The {@code ./scar} launcher next to the jar this code runs from ({@code <project>/target/scar.jar}), when there
     * is one; empty when run from classes or from a jar elsewhere.
     */
    static java.util.Optional<Path> projectLauncher() {
        try {
            Path jar = Path.of(ChildRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = jar.getParent();
            if (!Files.isRegularFile(jar) || target == null || target.getParent() == null) {
                return java.util.Optional.empty();
            }
            Path script = target.getParent().resolve("scar");
            return Files.isExecutable(script) && Files.isRegularFile(script) ? java.util.Optional.of(script)
                    : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static ChildRun run(List<String> command, Map<String, String> env) {
        try {
            Path log = Files.createTempFile("scar-bench", ".log");
            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            long peak = 0;
            while (!p.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, highWaterMark(p.toHandle()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = Files.readAllLines(log);
            Files.deleteIfExists(log);
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return new ChildRun(seconds, peak, p.exitValue(), tail);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("benchmark interrupted");
        }
    }

    /**
     * The largest VmHWM of {@code process} and its live descendants in bytes: the launcher's quick JVM runs as a
     * child of its shell (and the restarted JVM replaces the shell).
     */
    private static long highWaterMark(ProcessHandle process) {
        long peak = highWaterMark(process.pid());
        for (ProcessHandle child : (Iterable<ProcessHandle>) process.descendants()::iterator) {
            peak = Math.max(peak, highWaterMark(child.pid()));
        }
        return peak;
    }

    /** VmHWM of a live process in bytes, or 0. */
    private static long highWaterMark(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
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
