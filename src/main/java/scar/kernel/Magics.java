package scar.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/**
 * The kernel's line magics and their help: {@code %classpath}, {@code %jars}, {@code %scar} and {@code %help}.
 *
 * <p>The work of each magic is a static method here, usable without a kernel; the registered magics only connect
 * them to the running kernel. Every magic answers {@code --help} (or {@code -h}) with its help text.
 */
final class Magics {

    /** The facade whose {@code run(String...)} the {@code %scar} magic calls. */
    static final String SCAR_FACADE = "scar.Scar";

    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("classpath", """
                %classpath <path>[:<path>...] ...
                    Adds jars or class folders to the classpath of the following code. Paths may be
                    separated by ':' or given as several arguments; relative paths start at the kernel's
                    working directory. Example: %classpath lib/extra.jar:build/classes""");
        HELP.put("jars", """
                %jars <jar or glob> ...
                    Adds jar files to the classpath of the following code; a glob such as lib/*.jar adds
                    every matching jar. Example: %jars /opt/libs/*.jar""");
        HELP.put("scar", """
                %scar <command> [args...]
                    Runs a SCAR command in one line, as the command line tool would, and shows its result.
                    Example: %scar characterize wikipedia""");
        HELP.put("help", """
                %help [magic]
                    Lists the magics, or shows the help of one.""");
    }

    private Magics() {
    }

    /** Registers the magics on a kernel's registry. */
    static void registerAll(MagicsRegistry registry) {
        registry.registerLineMagic("classpath", (ScarKernel kernel, List<String> args) ->
                orHelp("classpath", args, () -> kernel.addToClasspath(classpathEntries(args))));
        registry.registerLineMagic("jars", (ScarKernel kernel, List<String> args) ->
                orHelp("jars", args, () -> kernel.addToClasspath(jars(args))));
        registry.registerLineMagic("scar", (ScarKernel kernel, List<String> args) -> {
            if (args.isEmpty() || isHelp(args)) {
                return help("scar");
            }
            return kernel.runInterruptibly(() -> runFacade(kernel.snippetLoader(), SCAR_FACADE, args));
        });
        registry.registerLineMagic("help", (ScarKernel kernel, List<String> args) ->
                help(args.isEmpty() ? null : args.get(0).replaceFirst("^%+", "")));
    }

    private static Object orHelp(String name, List<String> args, Runnable action) {
        if (args.isEmpty() || isHelp(args)) {
            return help(name);
        }
        action.run();
        return null;
    }

    private static boolean isHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /**
     * The help of one magic, or of all of them when {@code name} is null.
     *
     * @throws IllegalArgumentException for an unknown magic
     */
    static String help(String name) {
        if (name == null) {
            return "Magics of the SCAR Java kernel (a line starting with %):\n\n"
                    + String.join("\n\n", HELP.values());
        }
        String text = HELP.get(name);
        if (text == null) {
            throw new IllegalArgumentException("unknown magic '%" + name + "'; known magics: " + names());
        }
        return text;
    }

    /** "%classpath, %jars, ..." */
    static String names() {
        return HELP.keySet().stream().map(n -> "%" + n).collect(Collectors.joining(", "));
    }

    /**
     * Classpath entries named by {@code %classpath} arguments, as absolute paths.
     *
     * @throws IllegalArgumentException if an entry does not exist
     */
    static List<Path> classpathEntries(List<String> args) {
        List<Path> entries = new ArrayList<>();
        for (String arg : args) {
            for (String entry : arg.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path = Path.of(entry).toAbsolutePath().normalize();
                if (!Files.exists(path)) {
                    throw new IllegalArgumentException("%classpath: no such jar or folder: " + path);
                }
                entries.add(path);
            }
        }
        return entries;
    }

    /**
     * The jars matched by {@code %jars} arguments: plain paths, or globs in the file name part.
     *
     * @throws IllegalArgumentException if an argument matches no jar
     */
    static List<Path> jars(List<String> args) {
        List<Path> jars = new ArrayList<>();
        for (String arg : args) {
            Path pattern = Path.of(arg).toAbsolutePath().normalize();
            String glob = pattern.getFileName() == null ? "" : pattern.getFileName().toString();
            List<Path> matched = new ArrayList<>();
            if (glob.contains("*") || glob.contains("?") || glob.contains("[") || glob.contains("{")) {
                Path folder = pattern.getParent();
                if (folder != null && Files.isDirectory(folder)) {
                    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, glob)) {
                        stream.forEach(p -> {
                            if (Files.isRegularFile(p)) {
                                matched.add(p);
                            }
                        });
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot list " + folder, e);
                    }
                }
            } else if (Files.isRegularFile(pattern)) {
                matched.add(pattern);
            }
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("%jars: no jar matches " + pattern);
            }
            matched.sort(null);
            jars.addAll(matched);
        }
        return jars;
    }

    /**
     * Calls {@code className.run(String...)} and returns its result.
     *
     * @throws IllegalStateException if the class or a public static {@code run(String...)} is missing; whatever the
     *                               method throws, unchanged
     */
    static Object runFacade(ClassLoader loader, String className, List<String> args) {
        Method run;
        try {
            run = Class.forName(className, true, loader).getMethod("run", String[].class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("%scar needs class " + className
                    + " with a static run(String...) method, but it is not on the kernel's classpath", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("%scar needs a public static method " + className
                    + ".run(String...), but the class has none", e);
        }
        if (!Modifier.isStatic(run.getModifiers())) {
            throw new IllegalStateException("%scar needs " + className + ".run(String...) to be static");
        }
        try {
            return run.invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw Failures.unchecked(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("%scar cannot call " + className + ".run(String...): " + e.getMessage(), e);
        }
    }
}
