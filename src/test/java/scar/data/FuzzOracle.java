package scar.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The contract every loader fuzz test checks, and the counts it reports.
 *
 * <p>A loader given any bytes may do one of two things: load a dataset that is whole and valid (at least one item,
 * every modality one row per item and at least one column, every value finite, labels within the classes, ids unique)
 * or throw the project's own one-line error — exactly {@link IllegalArgumentException} or
 * {@link UncheckedIOException} (not a subclass such as {@link NumberFormatException}), whose message is one line of
 * at most 2,000 characters and names the file or folder it was given. Anything else — another exception, an
 * {@link Error}, a message without the file, a silently wrong dataset — fails the fuzz test, and Jazzer keeps the input
 * as a finding.
 *
 * <p><b>Adding a loader.</b> Write {@code XxxFuzzTest} in this package with one {@code @FuzzTest} method taking
 * {@code byte[]}; write the bytes with {@link #file} or {@link #files}, load through {@link #check}, and call
 * {@link #report} from an {@code @AfterAll} method. Seeds come from a {@code @MethodSource} of
 * {@link FuzzSeeds}. The Maven fuzz execution picks up every {@code *FuzzTest} class, each in a JVM of its own.
 */
final class FuzzOracle {
    private final String loader;
    private final Path work;
    private long executions;
    private long loads;
    private final Map<String, Long> errors = new TreeMap<>();

    FuzzOracle(String loader) {
        this.loader = loader;
        try {
            this.work = Files.createTempDirectory("scar-fuzz-" + loader + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} as the only file {@code name} of a fresh work folder. */
    Path file(String name, byte[] bytes) {
        Path folder = fresh();
        try {
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a fresh work folder from a little text archive: each section starts with a line {@code === name} and
     * holds the bytes up to the next such line; a name ending in {@code /} makes a folder. Names are cut to safe
     * characters. Returns the folder and, in order, the paths made.
     */
    Archive files(byte[] bytes) {
        Path folder = fresh();
        List<Path> made = new ArrayList<>();
        for (FuzzArchive.Entry e : FuzzArchive.split(bytes)) {
            Path p = folder.resolve(e.name());
            try {
                if (Files.exists(p)) {
                    continue; // the first section of a name wins, file or folder
                }
                if (e.folder()) {
                    Files.createDirectory(p);
                } else {
                    Files.write(p, e.content());
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            made.add(p);
        }
        return new Archive(folder, made);
    }

    /** A folder written by {@link #files} and the paths in it, in archive order. */
    record Archive(Path folder, List<Path> paths) {
    }

    /**
     * Runs one load and checks the contract; returns what it loaded (a dataset, a matrix, labels), or null after a
     * proper error.
     *
     * @param named the file or folder every error message must name
     */
    <T> T check(Path named, Supplier<T> load) {
        executions++;
        T loaded;
        try {
            loaded = load.get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            String m = e.getMessage();
            if (e.getClass() != IllegalArgumentException.class && e.getClass() != UncheckedIOException.class) {
                throw new AssertionError("not the project's own error: " + e, e);
            }
            if (m == null || m.isBlank() || m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0 || m.length() > 2000) {
                throw new AssertionError("the message must be one line of at most 2000 characters: " + m, e);
            }
            if (!m.contains(named.toString())) {
                throw new AssertionError("the message must name " + named + ": " + m, e);
            }
            errors.merge(kind(e, named), 1L, Long::sum);
            return null;
        }
        if (loaded instanceof MultiModalDataset ds) {
            valid(ds);
        } else if (loaded instanceof Matrix x) {
            valid(x, "the matrix");
        }
        loads++;
        return loaded;
    }

    /** The invariants of a loaded dataset. */
    static void valid(MultiModalDataset ds) {
        int n = ds.size();
        require(n >= 1, "a dataset without items");
        int k = ds.classNames().length;
        for (int y : ds.labels()) {
            require(y >= 0 && y < k, "label " + y + " outside 0.." + (k - 1));
        }
        String[] ids = ds.ids();
        require(ids.length == n && new HashSet<>(List.of(ids)).size() == n, "ids missing or repeated");
        require(!ds.modalityNames().isEmpty(), "no modality");
        for (String name : ds.modalityNames()) {
            Matrix x = ds.modality(name).embeddings();
            require(x.rows() == n, "modality " + name + " has " + x.rows() + " rows for " + n + " items");
            valid(x, "modality " + name);
        }
    }

    static void valid(Matrix x, String what) {
        require(x.rows() >= 1 && x.cols() >= 1, what + " is " + x.rows() + " x " + x.cols());
        require(x.data().length == (long) x.rows() * x.cols(), what + " has " + x.data().length + " values");
        for (float v : x.data()) {
            require(Float.isFinite(v), what + " holds " + v);
        }
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("a silently wrong load: " + what);
        }
    }

    /** The message without the paths, numbers and quoted values: what kind of error it was. */
    private String kind(RuntimeException e, Path named) {
        String m = e.getMessage().replace(named.toString(), "<file>").replace(work.toString(), "<work>");
        m = m.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("[0-9]+", "N");
        return e.getClass().getSimpleName() + ": " + (m.length() > 60 ? m.substring(0, 60) + "…" : m);
    }

    /** Prints the counts and writes them to {@code target/fuzz/<loader>.txt} (when the build says where). */
    void report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("fuzz %s: %,d executions, %,d loads, %,d clean errors of %d kinds%n", loader,
                executions, loads, executions - loads, errors.size()));
        errors.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(en -> sb.append(String.format("  %,9d  %s%n", en.getValue(), en.getKey())));
        System.out.print(sb);
        String dir = System.getProperty("scar.fuzz.summary");
        try {
            if (dir != null) {
                Files.createDirectories(Path.of(dir));
                Files.writeString(Path.of(dir, loader + ".txt"), sb, StandardCharsets.UTF_8);
            }
            deleteTree(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path fresh() {
        try {
            deleteTree(work);
            return Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
