package scar.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scar kernel console}: {@code jupyter console --kernel scar-java} in this terminal, with Ctrl-C that stops
 * the running cell. Debian 12's jupyter-console 6.4.4 loses its Ctrl-C relay after the first prompt (for every
 * kernel; jupyter/jupyter_console#296), so this adds a console configuration that puts it back
 * ({@value #FIX_RESOURCE}, found through {@code JUPYTER_CONFIG_PATH}, after the user's own configuration).
 *
 * <p>This JVM ignores Ctrl-C while the console runs (the terminal sends it to both), and exits with the console's
 * status.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Run jupyter console with the SCAR kernel; Ctrl-C interrupts the running cell.")
public final class KernelConsole implements Callable<Integer> {

    static final String FIX_RESOURCE = "/scar/kernel/jupyter_console_config.py";

    @Option(names = "--name", defaultValue = KernelInstaller.DEFAULT_NAME,
            description = "Kernelspec to start (default: ${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python that has jupyter_console (default: ${DEFAULT-VALUE}).")
    private Path python;

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "More arguments for jupyter console.")
    private List<String> extra = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path config = Files.createTempDirectory("scar-console-");
        try {
            try (InputStream in = KernelConsole.class.getResourceAsStream(FIX_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + FIX_RESOURCE + " is missing from the jar");
                }
                Files.copy(in, config.resolve("jupyter_console_config.py"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "jupyter_console", "--kernel", name));
            command.addAll(extra);
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            String path = builder.environment().get("JUPYTER_CONFIG_PATH");
            builder.environment().put("JUPYTER_CONFIG_PATH",
                    path == null || path.isBlank() ? config.toString() : path + java.io.File.pathSeparator + config);
            ignoreCtrlC();
            Process console;
            try {
                console = builder.start();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot run " + python + " -m jupyter_console (apt-get install "
                        + "jupyter-console): " + e.getMessage(), e);
            }
            return console.waitFor();
        } finally {
            try (Stream<Path> files = Files.walk(config)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }

    /**
     * Installs a SIGINT handler that does nothing, so the JVM does not end when Ctrl-C reaches it along with the
     * console (a handler, not SIG_IGN, so that the console itself starts with the default disposition). Through
     * reflection: {@code sun.misc.Signal} is the JDK's only API for it and compiling against it warns.
     */
    private static void ignoreCtrlC() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            InvocationHandler nothing = (proxy, method, args) -> method.getName().equals("hashCode")
                    ? System.identityHashCode(proxy) : method.getName().equals("equals") ? proxy == args[0] : null;
            Object ignore = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, nothing);
            Object sigint = signal.getConstructor(String.class).newInstance("INT");
            signal.getMethod("handle", signal, handler).invoke(null, sigint, ignore);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // without it Ctrl-C may end this launcher; the console and the kernel are unaffected
        }
    }
}
