package scar.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * JShell ready for SCAR: the library on the class path, {@code import static scar.Scar.*} done, and a feedback mode
 * that shows a value whole. JShell's own modes cut any value longer than 1,000 characters to its beginning and end,
 * which hides most of a profile or a plan; the mode {@value #MODE} is {@code normal} without that cut. It is set up
 * by a first, silent JShell run whose retained settings the interactive one starts from.
 */
public final class ScarShell {

    /** The feedback mode that prints values whole. */
    public static final String MODE = "scar";

    /** The JShell commands that define {@link #MODE} and make it the default; what a user can type themselves. */
    public static final String SETUP = String.join("\n",
            "/set mode " + MODE + " normal -command",
            "/set truncation " + MODE + " 1000000",
            "/set mode " + MODE + " -retain",
            "/set feedback -retain " + MODE,
            "/exit", "");

    /** Snippets run at start, after JShell's default imports. */
    static final String STARTUP = String.join("\n",
            "import java.nio.file.*;",
            "import scar.text.TextTable;",
            "import static scar.Scar.*;", "");

    private ScarShell() {
    }

    /**
     * Runs JShell on this terminal, its settings and history kept in the Java preferences node {@code scar/jshell}
     * (not JShell's own), with {@code args} passed on (a script to load, say).
     */
    static int run(List<String> args) throws Exception {
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot().node("scar/jshell");
        Map<String, String> settings = settings();
        settings.forEach(node::put);
        return start(classPath(), args, b -> b.persistence(node));
    }

    /**
     * Runs JShell reading {@code in} and writing {@code out}: the session a test drives. Its settings and history live
     * in {@code persistence}.
     */
    public static int run(InputStream in, PrintStream out, List<String> classPath, Map<String, String> persistence)
            throws Exception {
        persistence.putAll(settings());
        return start(classPath, List.of(), b -> b.in(in, null).out(out).err(out).persistence(persistence));
    }

    private static int start(List<String> classPath, List<String> args, UnaryOperator<JavaShellToolBuilder> io)
            throws Exception {
        Path startup = Files.createTempFile("scar-startup", ".jsh");
        try {
            Files.writeString(startup, STARTUP, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(List.of("--class-path", String.join(File.pathSeparator, classPath),
                    "--startup", "DEFAULT", "--startup", startup.toString(), "-R-Djava.awt.headless=true"));
            argv.addAll(args);
            return io.apply(JavaShellToolBuilder.builder()).start(argv.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /** The settings {@link #SETUP} leaves behind, by a silent JShell run (its history left out). */
    static Map<String, String> settings() throws Exception {
        Map<String, String> store = new HashMap<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = JavaShellToolBuilder.builder()
                .in(new ByteArrayInputStream(SETUP.getBytes(StandardCharsets.UTF_8)), null).out(quiet).err(quiet)
                .persistence(store).start("--no-startup", "-q");
        if (code != 0) {
            throw new IllegalStateException("JShell could not set up the feedback mode '" + MODE + "': "
                    + sink.toString(StandardCharsets.UTF_8));
        }
        store.keySet().removeIf(k -> k.startsWith("HISTORY"));
        return store;
    }

    /**
     * The jars and folders of this JVM's class path, with the {@code Class-Path} of a jar's manifest spelled out
     * (started as {@code java -jar target/scar.jar}, that is {@code target/lib/*.jar}).
     */
    static List<String> classPath() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            out.add(path.toString());
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (var jar = new java.util.jar.JarFile(path.toFile())) {
                    var manifest = jar.getManifest();
                    String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (listed != null) {
                        Stream.of(listed.trim().split("\\s+")).filter(s -> !s.isBlank())
                                .map(s -> path.getParent().resolve(s).normalize().toString()).forEach(out::add);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the manifest of " + path, e);
                }
            }
        }
        return out;
    }
}
