package scar.kernel;

import com.google.gson.GsonBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the kernelspec that lets Jupyter start the SCAR kernel: {@code <data dir>/kernels/<name>/kernel.json} plus
 * the two logos. The spec's argv runs the given {@code java} on the given class path with
 * {@link #DEFAULT_JVM_FLAGS} and {@link ScarKernelMain}; interrupts arrive as messages on the control channel.
 *
 * <p>A Jupyter data directory is {@code ~/.local/share/jupyter} for a user install ({@link #userDataDir()}) and
 * {@code <prefix>/share/jupyter} for a prefix or {@code sys.prefix} install ({@link #prefixDataDir(Path)}).
 */
public final class KernelInstaller {

    /** The kernel name used when none is given. */
    public static final String DEFAULT_NAME = "scar-java";
    /** Shown in Jupyter's kernel menus. */
    public static final String DISPLAY_NAME = "Java (SCAR)";
    /**
     * Headless AWT for charts; class data sharing where available; the serial collector, which (measured on a
     * loaded 2-core machine) cut kernel start to first result from about 15 s to 11 s and a trivial cell from about
     * 300 ms to 140 ms, with no GC threads competing with the cell. {@code -XX:TieredStopAtLevel=1} would start
     * faster still (about 4 s) but made a float matrix product 2.5 times slower, so it is left out.
     */
    public static final List<String> DEFAULT_JVM_FLAGS = List.of(
            "-Djava.awt.headless=true", "-Xshare:auto", "-XX:+UseSerialGC");

    private static final Pattern KERNEL_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png");
    private static final long PYTHON_WAIT_SECONDS = 30;

    private KernelInstaller() {
    }

    /** {@link #install(Path, String, Path, List, List, Map)} with {@link #DEFAULT_JVM_FLAGS} and no environment. */
    public static Path install(Path dataDir, String name, Path java, List<Path> classpath) {
        return install(dataDir, name, java, classpath, DEFAULT_JVM_FLAGS, Map.of());
    }

    /** {@link #install(Path, String, Path, List, List, Map)} with no environment. */
    public static Path install(Path dataDir, String name, Path java, List<Path> classpath, List<String> jvmFlags) {
        return install(dataDir, name, java, classpath, jvmFlags, Map.of());
    }

    /**
     * Writes (or overwrites) the kernelspec.
     *
     * @param dataDir   a Jupyter data directory; the spec goes to {@code dataDir/kernels/name}
     * @param name      the kernel name: letters, digits, '.', '_' and '-'
     * @param java      the java executable the kernel runs on
     * @param classpath the kernel's class path: {@code scar.jar} and its dependencies (a {@code dir/*} wildcard is
     *                  fine); made absolute
     * @param jvmFlags  JVM options placed before {@code -cp}
     * @param env       environment variables of the kernel (the {@code SCAR_KERNEL_*} options of
     *                  {@link KernelOptions})
     * @return the kernelspec directory
     * @throws IllegalArgumentException for a bad name, a missing java or an empty class path
     * @throws UncheckedIOException     if the files cannot be written
     */
    public static Path install(Path dataDir, String name, Path java, List<Path> classpath, List<String> jvmFlags,
                               Map<String, String> env) {
        if (name == null || !KERNEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("kernel name '" + name
                    + "' is not allowed; expected letters, digits, '.', '_' or '-'");
        }
        Path kernelDir = dataDir.resolve("kernels").resolve(name);
        String json = kernelJson(java, classpath, jvmFlags, env);
        try {
            Files.createDirectories(kernelDir);
            Files.writeString(kernelDir.resolve("kernel.json"), json, StandardCharsets.UTF_8);
            for (String logo : LOGOS) {
                try (InputStream in = KernelInstaller.class.getResourceAsStream("/scar/kernel/" + logo)) {
                    if (in == null) {
                        throw new IllegalStateException("resource /scar/kernel/" + logo + " is missing from the jar");
                    }
                    Files.copy(in, kernelDir.resolve(logo), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kernelspec into " + kernelDir, e);
        }
        return kernelDir;
    }

    /**
     * The kernel.json text.
     *
     * @throws IllegalArgumentException if java is not an executable file or the class path is empty
     */
    public static String kernelJson(Path java, List<Path> classpath, List<String> jvmFlags, Map<String, String> env) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv(java, classpath, jvmFlags));
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", new java.util.TreeMap<>(env));
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** {@code [java, flags..., -cp, classpath, scar.kernel.ScarKernelMain, {connection_file}]}. */
    public static List<String> argv(Path java, List<Path> classpath, List<String> jvmFlags) {
        if (java == null || !Files.isExecutable(java) || Files.isDirectory(java)) {
            throw new IllegalArgumentException("java executable " + java + " does not exist or is not executable");
        }
        if (classpath == null || classpath.isEmpty()) {
            throw new IllegalArgumentException("the kernel class path is empty; expected scar.jar and its lib/*");
        }
        List<String> argv = new ArrayList<>();
        argv.add(java.toAbsolutePath().toString());
        argv.addAll(jvmFlags);
        argv.add("-cp");
        argv.add(classpath.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator)));
        argv.add(ScarKernelMain.class.getName());
        argv.add("{connection_file}");
        return argv;
    }

    /** The java running this JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The class path the kernel needs: the jar holding this class and {@code lib/*} next to it (the layout of
     * {@code target/scar.jar} and {@code target/lib}); when running from class folders, this JVM's class path.
     */
    public static List<Path> defaultClasspath() {
        Path location;
        try {
            location = Path.of(KernelInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            location = null;
        }
        if (location != null && Files.isRegularFile(location)) {
            List<Path> classpath = new ArrayList<>(List.of(location.toAbsolutePath()));
            Path lib = location.toAbsolutePath().getParent().resolve("lib");
            if (Files.isDirectory(lib)) {
                classpath.add(lib.resolve("*"));
            }
            return classpath;
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath())
                .collect(Collectors.toList());
    }

    /** {@code $JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter}, else {@code ~/.local/share/jupyter}. */
    public static Path userDataDir() {
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "jupyter");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
    }

    /** {@code prefix/share/jupyter}. */
    public static Path prefixDataDir(Path prefix) {
        return prefix.resolve("share").resolve("jupyter");
    }

    /**
     * The data directory of a Python's {@code sys.prefix}.
     *
     * @throws IllegalStateException if the interpreter cannot be run or does not answer
     */
    public static Path sysPrefixDataDir(Path python) {
        ProcessBuilder builder = new ProcessBuilder(python.toString(), "-c", "import sys; print(sys.prefix)")
                .redirectErrorStream(true);
        Process process = null;
        try {
            process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(PYTHON_WAIT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(python + " could not report sys.prefix: "
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
            return prefixDataDir(Path.of(new String(out, StandardCharsets.UTF_8).strip()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + python + " to find sys.prefix: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + python + " for sys.prefix", e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }
}
