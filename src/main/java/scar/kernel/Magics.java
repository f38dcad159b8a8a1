package scar.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/**
 * The kernel's magics, their help and their completion. Line magics: {@code %classpath}, {@code %jars},
 * {@code %maven} (IJava's {@code %addMavenDependencies}), {@code %mavenRepo} ({@code %addMavenRepo}),
 * {@code %loadFromPOM}, {@code %help}; cell magic: {@code %%loadFromPOM}. Extensions add more through
 * {@link ScarKernel#addLineMagic} ({@code %scar} comes from the command line package that way).
 *
 * <p>Every magic of this class answers {@code --help} (or {@code -h}) with its help text. {@code %jars} and
 * {@code %classpath} return the entries they added, so that {@code List<String> jars = %jars lib/*.jar} works.
 */
final class Magics {

    /** A line magic: its help, the words its first argument completes to, and what it does. */
    record Line(String help, Supplier<List<String>> firstArguments, boolean answersHelp,
                Function<List<String>, Object> run) {
    }

    /** A cell magic's work. */
    interface CellWork {
        Object run(List<String> args, String body);
    }

    private static final Pattern LINE_PREFIX = Pattern.compile("^[ \\t]*%([\\w-]*)$");
    private static final Pattern CELL_PREFIX = Pattern.compile("^[ \\t]*%%([\\w-]*)$");
    private static final Pattern FIRST_ARGUMENT = Pattern.compile("^[ \\t]*%([\\w-]+)[ \\t]+([\\w-]*)$");
    private static final Pattern CELL_MAGIC_CELL = Pattern.compile("(?s)^[ \\t]*%%([\\w-]+)[^\\n]*(?:\\n(.*))?$");

    private final MagicsRegistry registry;
    private final ScarKernel kernel;
    private final KernelOptions options;
    private final Map<String, Line> lines = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();
    private MavenResolver maven;

    Magics(MagicsRegistry registry, ScarKernel kernel, KernelOptions options) {
        this.registry = registry;
        this.kernel = kernel;
        this.options = options;
        String classpath = """
                %classpath <path>[:<path>...] ...
                    Adds jars or class folders to the classpath of the following code and returns them.
                    Paths may be separated by ':' or given as several arguments; relative paths start at
                    the kernel's working directory. Example: %classpath lib/extra.jar:build/classes""";
        addLine("classpath", classpath, List.of(), args -> added(classpathEntries(args)));
        addLine("jars", """
                %jars <jar or glob> ...
                    Adds jar files to the classpath of the following code and returns their paths; a glob such
                    as lib/*.jar adds every matching jar. Also an expression:
                    List<String> jars = %jars /opt/libs/*.jar""", List.of(), args -> added(jars(args)));
        String mavenHelp = """
                %maven <groupId:artifactId:version> ...        (also %addMavenDependencies, %addMavenDependency)
                    Resolves the artifacts and their dependencies with Maven's resolver (your ~/.m2 settings,
                    local repository first, then Maven Central and %mavenRepo repositories) and adds them to
                    the classpath. Coordinates may name an extension and classifier:
                    groupId:artifactId[:extension[:classifier]]:version. Example: %maven org.jsoup:jsoup:1.17.2""";
        addLine("maven", mavenHelp, List.of(), this::maven);
        alias("addMavenDependencies", "maven");
        alias("addMavenDependency", "maven");
        String repoHelp = """
                %mavenRepo <id> <url>                          (also %addMavenRepo)
                    Adds a Maven repository that %maven and %%loadFromPOM search from now on.
                    Example: %mavenRepo snapshots https://central.sonatype.com/repository/maven-snapshots/""";
        addLine("mavenRepo", repoHelp, List.of(), this::mavenRepo);
        alias("addMavenRepo", "mavenRepo");
        addLine("loadFromPOM", """
                %loadFromPOM <pom.xml> [scope ...]    and    %%loadFromPOM [scope ...] + POM text
                    Adds the dependencies of a POM file, or of POM text in the cell: a whole <project>, or
                    <dependency> and <repository> blocks pasted from a README. Only dependencies in the given
                    scopes are added (default: compile and runtime).""", List.of(),
                args -> loadFromPom(readFile(args), args.subList(1, args.size())));
        registry.registerCellMagic("loadFromPOM", (ScarKernel k, List<String> args, String body) ->
                isHelp(args) ? help("loadFromPOM") : loadFromPom(body, args));
        addLine("help", """
                %help [magic]
                    Lists the magics, or shows the help of one.""", List.of(), args ->
                help(args.isEmpty() ? null : args.get(0).replaceFirst("^%+", "")));
    }

    /**
     * Registers a line magic.
     *
     * @param help           its help text for {@code %help} (null: an alias, not listed)
     * @param firstArguments what its first argument completes to
     */
    void addLine(String name, String help, List<String> firstArguments, Function<List<String>, Object> run) {
        addLine(name, help, () -> firstArguments, true, run);
    }

    void addLine(String name, String help, Supplier<List<String>> firstArguments, boolean answersHelp,
                 Function<List<String>, Object> run) {
        Line line = new Line(help, firstArguments, answersHelp, run);
        lines.put(name, line);
        registry.registerLineMagic(name, (ScarKernel k, List<String> args) -> run(name, line, args));
    }

    /** IJava's other name for one of the magics: runs it, and is not listed by {@code %help}. */
    private void alias(String alias, String name) {
        Line line = lines.get(name);
        aliases.put(alias, name);
        registry.registerLineMagic(alias, (ScarKernel k, List<String> args) -> run(alias, line, args));
    }

    private Object run(String name, Line line, List<String> args) {
        if (line.answersHelp() && line.help() != null && isHelp(args)) {
            return line.help();
        }
        return line.run().apply(args);
    }

    /** Runs a line magic. @throws IllegalArgumentException for an unknown one, naming the known ones */
    Object line(String name, List<String> args) {
        if (!registry.getLineMagicNames().contains(name)) {
            throw new IllegalArgumentException("unknown magic '%" + name + "'; known magics: " + names()
                    + " (%help explains them)");
        }
        try {
            return registry.evalLineMagic(kernel, name, args);
        } catch (Exception e) {
            throw Failures.unchecked(e);
        }
    }

    /** Runs a cell magic. @throws IllegalArgumentException for an unknown one */
    Object cell(String name, List<String> args, String body) {
        if (!registry.getCellMagicNames().contains(name)) {
            throw new IllegalArgumentException("unknown cell magic '%%" + name + "'; known cell magics: "
                    + registry.getCellMagicNames().stream().sorted().map(n -> "%%" + n)
                    .collect(Collectors.joining(", ")));
        }
        try {
            return registry.evalCellMagic(kernel, name, args, body);
        } catch (Exception e) {
            throw Failures.unchecked(e);
        }
    }

    /** The help of one magic, or of all of them when {@code name} is null. */
    String help(String name) {
        if (name == null) {
            return "Magics of the SCAR Java kernel (a line starting with %; a cell starting with %% for cell "
                    + "magics):\n\n" + lines.values().stream().map(Line::help).filter(h -> h != null)
                    .collect(Collectors.joining("\n\n"));
        }
        Line line = lines.get(aliases.getOrDefault(name, name));
        if (line == null) {
            throw new IllegalArgumentException("unknown magic '%" + name + "'; known magics: " + names());
        }
        return line.help() != null ? line.help() : "%" + name + " (no help text)";
    }

    /** "%classpath, %help, ..." (aliases left out). */
    String names() {
        return lines.keySet().stream().map(n -> "%" + n).collect(Collectors.joining(", "));
    }

    /** Completion of magic names after {@code %} or {@code %%}, and of a magic's first argument; null otherwise. */
    ReplacementOptions complete(String code, int cursor) {
        String linePrefix = code.substring(code.lastIndexOf('\n', cursor - 1) + 1, cursor);
        Matcher cell = CELL_PREFIX.matcher(linePrefix);
        if (cell.matches()) {
            return matching(registry.getCellMagicNames(), cell.group(1), cursor);
        }
        Matcher line = LINE_PREFIX.matcher(linePrefix);
        if (line.matches()) {
            return matching(lines.keySet(), line.group(1), cursor);
        }
        Matcher argument = FIRST_ARGUMENT.matcher(linePrefix);
        if (argument.matches() && lines.containsKey(argument.group(1))) {
            List<String> words = argument.group(1).equals("help") ? new ArrayList<>(lines.keySet())
                    : lines.get(argument.group(1)).firstArguments().get();
            return words.isEmpty() ? null : matching(words, argument.group(2), cursor);
        }
        return null;
    }

    private static ReplacementOptions matching(Iterable<String> names, String typed, int cursor) {
        Set<String> found = new LinkedHashSet<>();
        names.forEach(n -> {
            if (n.startsWith(typed)) {
                found.add(n);
            }
        });
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(null);
        return new ReplacementOptions(sorted, cursor - typed.length(), cursor);
    }

    /**
     * Jupyter's "is this cell complete" for a cell magic cell (null for other cells): without a body it is not;
     * with a blank last line it is; {@code %%loadFromPOM} waits until its XML is well-formed.
     */
    String isComplete(String code) {
        Matcher m = CELL_MAGIC_CELL.matcher(code);
        if (!m.matches()) {
            return null;
        }
        String body = m.group(2) == null ? "" : m.group(2);
        if (body.isBlank()) {
            return "";
        }
        String[] cellLines = code.split("\n", -1);
        if (cellLines[cellLines.length - 1].isBlank()) {
            return "complete";
        }
        if (m.group(1).equals("loadFromPOM")) {
            try {
                PomFragment.parse(body, PomFragment.DEFAULT_SCOPES);
            } catch (IllegalArgumentException e) {
                return e.getMessage() != null && e.getMessage().startsWith("the POM text is not well-formed")
                        ? "" : "complete";
            }
        }
        return "complete";
    }

    // ---- the magics --------------------------------------------------------------------------------------------

    private static boolean isHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    private List<String> added(List<Path> entries) {
        kernel.addToClasspath(entries);
        return entries.stream().map(Path::toString).collect(Collectors.toList());
    }

    private Object maven(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%maven needs Maven coordinates, e.g. %maven org.jsoup:jsoup:1.17.2");
        }
        List<MavenResolver.Request> requests = args.stream().map(MavenResolver.Request::of)
                .collect(Collectors.toList());
        addResolved(resolver().resolve(requests, List.of()), String.join(" ", args));
        return null;
    }

    private Object mavenRepo(List<String> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("%mavenRepo needs an id and a URL, e.g. "
                    + "%mavenRepo snapshots https://central.sonatype.com/repository/maven-snapshots/");
        }
        resolver().addRepository(args.get(0), args.get(1));
        return null;
    }

    private Object loadFromPom(String pom, List<String> scopes) {
        PomFragment fragment = PomFragment.parse(pom, scopes.isEmpty() ? PomFragment.DEFAULT_SCOPES
                : Set.copyOf(scopes));
        if (fragment.dependencies().isEmpty()) {
            throw new IllegalArgumentException("%%loadFromPOM found no <dependency> in scopes "
                    + (scopes.isEmpty() ? PomFragment.DEFAULT_SCOPES : scopes) + " in the POM text");
        }
        addResolved(resolver().resolve(fragment.dependencies(), fragment.repositories()),
                fragment.dependencies().stream().map(MavenResolver.Request::coordinates)
                        .collect(Collectors.joining(" ")));
        return null;
    }

    private void addResolved(List<Path> jars, String what) {
        kernel.addToClasspath(jars);
        System.out.println("added " + jars.size() + (jars.size() == 1 ? " jar" : " jars") + " for " + what + ": "
                + jars.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
    }

    private synchronized MavenResolver resolver() {
        if (maven == null) {
            maven = new MavenResolver(options.mavenSettings(), line -> System.err.println(line));
        }
        return maven;
    }

    private static String readFile(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%loadFromPOM needs the path of a POM file (or use %%loadFromPOM "
                    + "with the POM text in the cell)");
        }
        Path pom = Path.of(args.get(0)).toAbsolutePath().normalize();
        try {
            return Files.readString(pom);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("%loadFromPOM: no such file: " + pom, e);
        } catch (IOException e) {
            throw new UncheckedIOException("%loadFromPOM cannot read " + pom + ": " + e, e);
        }
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
                if (!Files.isDirectory(path)) {
                    requireJar("%classpath", path);
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
            for (Path jar : matched) {
                requireJar("%jars", jar);
            }
            jars.addAll(matched);
        }
        return jars;
    }

    /**
     * Refuses a file that is not a jar (a zip file: it starts with {@code PK}); the compiler would pass over it
     * without a word, and the classes the user meant to add would just be missing.
     *
     * @throws IllegalArgumentException if {@code file} is not a zip file
     * @throws UncheckedIOException     if it cannot be read
     */
    private static void requireJar(String magic, Path file) {
        byte[] head = new byte[2];
        int read;
        try (var in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(magic + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read < 2 || head[0] != 'P' || head[1] != 'K') {
            throw new IllegalArgumentException(magic + ": " + file + " is not a jar: it is not a zip file");
        }
    }
}
