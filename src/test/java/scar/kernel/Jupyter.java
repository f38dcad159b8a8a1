package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A private Jupyter installation for tests: the kernelspec is installed into {@code dir/data} with this test JVM's
 * class path, and every process started through {@link #start} sees only that directory (data, runtime and config),
 * so nothing in the user's own Jupyter set-up is read or written. Clients run under Debian's {@code /usr/bin/python3}
 * (the first {@code python3} on the PATH may lack Jupyter).
 */
final class Jupyter {
    /**
     * The Python that runs Jupyter: Debian's {@code /usr/bin/python3}, or the system property {@code scar.test.python}
     * ({@code mvn verify -Dscar.test.python=/bin/false} shows what a machine without Jupyter reports).
     */
    static final String PYTHON = System.getProperty("scar.test.python", "/usr/bin/python3");

    /** What installs Jupyter, for the message of a skipped test. */
    static final String INSTALL = "the Debian packages jupyter-nbconvert jupyter-client python3-nbclient "
            + "jupyter-console (.ci/run does)";

    private static final java.util.Map<String, Boolean> AVAILABLE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Set<String> REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Skips the calling test — it is counted as skipped, not left out — when {@link #PYTHON} cannot import
     * {@code modules}; the first skip of each test class prints one line saying why, which reaches the Maven log.
     */
    static void requireOrSkip(String modules, Class<?> testClass) {
        boolean ok = AVAILABLE.computeIfAbsent(modules, Jupyter::pythonCanImport);
        String reason = PYTHON + " cannot import " + modules + ": install " + INSTALL;
        if (!ok && REPORTED.add(testClass.getName())) {
            System.out.println("[skipped] " + testClass.getSimpleName() + ": " + reason);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(ok, reason);
    }

    /** Whether {@link #PYTHON} can import {@code modules} (checked once). */
    static boolean available(String modules) {
        return AVAILABLE.computeIfAbsent(modules, Jupyter::pythonCanImport);
    }

    private final Path dir;
    private final String kernel;

    private Jupyter(Path dir, String kernel) {
        this.dir = dir;
        this.kernel = kernel;
    }

    /** Installs the kernelspec {@code kernel} into {@code dir/data}. */
    static Jupyter install(Path dir, String kernel) {
        return install(dir, kernel, Map.of());
    }

    /** Installs the kernelspec {@code kernel} into {@code dir/data}, with {@code env} in its environment. */
    static Jupyter install(Path dir, String kernel, Map<String, String> env) {
        List<Path> classpath = TestClasspath.entries().stream().map(Path::of).collect(Collectors.toList());
        Path java = KernelInstaller.currentJava();
        KernelInstaller.install(dir.resolve("data"), kernel, java, classpath, KernelInstaller.DEFAULT_JVM_FLAGS, env);
        return new Jupyter(dir, kernel);
    }

    Path dir() {
        return dir;
    }

    String kernel() {
        return kernel;
    }

    /** True if {@code /usr/bin/python3 -c "import <modules>"} succeeds within a minute. */
    static boolean pythonCanImport(String modules) {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import " + modules).redirectErrorStream(true).start();
            try {
                p.getInputStream().readAllBytes();
                return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } finally {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts a process in the private Jupyter directories with both its streams in {@code out}. */
    Process start(Path out, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", dir.resolve("data").toString());
        env.put("JUPYTER_DATA_DIR", dir.resolve("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        env.put("JUPYTER_CONFIG_DIR", dir.resolve("config").toString());
        env.put("JUPYTER_PLATFORM_DIRS", "1");
        return builder.start();
    }

    /**
     * Runs {@code jupyter nbconvert --to notebook --execute} on {@code notebook} with this kernel, each cell bounded
     * by {@code cellTimeoutSeconds} and the whole run by {@code timeoutSeconds}; the executed copy is written as
     * {@code output} next to the input and returned.
     */
    Path executeNotebook(Path notebook, String output, int cellTimeoutSeconds, long timeoutSeconds, Path log)
            throws IOException, InterruptedException {
        Process nbconvert = start(log, PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + kernel,
                "--ExecutePreprocessor.timeout=" + cellTimeoutSeconds, "--output", output, notebook.toString());
        awaitExit(nbconvert, log, timeoutSeconds);
        return notebook.resolveSibling(output);
    }

    /** Waits for a process, kills it and its descendants in any case, and asserts it exited with 0 in time. */
    static void awaitExit(Process process, Path out, long timeoutSeconds) throws InterruptedException {
        try {
            boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            assertTrue(exited, "process did not finish in " + timeoutSeconds + " s:\n" + readQuietly(out));
            assertEquals(0, process.exitValue(), "process failed:\n" + readQuietly(out));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** A notebook's multi-line string: a JSON string or an array of lines joined. */
    static String text(com.google.gson.JsonElement element) {
        if (element.isJsonArray()) {
            StringBuilder joined = new StringBuilder();
            element.getAsJsonArray().forEach(e -> joined.append(e.getAsString()));
            return joined.toString();
        }
        return element.getAsString();
    }

    static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static boolean waitUntilGone(long pid, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(100);
            } else {
                return true;
            }
        }
        return false;
    }
}
