package scar.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * An output — one file, or a folder of files — written so that nobody ever sees half of it, and checked before any
 * work is done.
 *
 * <p>{@link #file} and {@link #folder} check the target at once (a folder where a file is wanted, a file where a
 * folder is wanted, a place that cannot be written) by creating a hidden staging name next to it: a temporary file
 * {@code .report.html.scar-partial-…} beside the report, or a folder {@code .scar-partial-…} inside the output
 * folder. The caller writes into {@link #path()}; {@link #commit()} then renames the result into place. An
 * interrupted or failed run leaves no file under a final name ({@link #close()} and a shutdown hook delete the
 * staging name).
 *
 * <p><b>Folders.</b> An output folder holds the files of exactly one run. Its hidden list {@code .scar-output}
 * names them; a new run into the same folder removes the files of the last one that it does not write again, so two
 * runs never mix (one with {@code --modality text} after one with every modality leaves no stale image files).
 * Commits into one folder are serialised by a lock on {@code .scar-output.lock}, so concurrent runs do not
 * interleave either: the last to finish wins whole. A folder that holds files no run wrote (listed nowhere) is
 * refused rather than mixed with or cleaned: nothing of the user's is ever deleted.
 */
public final class StagedOutput implements AutoCloseable {
    /** The hidden list of the files of the last complete run in an output folder. */
    public static final String LISTING = ".scar-output";
    private static final String LOCK = ".scar-output.lock";
    private static final String PARTIAL = ".scar-partial-";
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path target;
    private final Path staging;
    private final boolean isFolder;
    private final boolean createdTarget;
    private final Thread cleanup;
    private boolean done;

    private StagedOutput(Path target, Path staging, boolean isFolder, boolean createdTarget) {
        this.target = target;
        this.staging = staging;
        this.isFolder = isFolder;
        this.createdTarget = createdTarget;
        this.cleanup = new Thread(this::discard, "scar-output-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Prepares writing one file.
     *
     * @throws UncheckedIOException if {@code file} is a folder or its folder cannot be created or written
     */
    public static StagedOutput file(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw failure(target + " is a folder; expected the name of a file to write, such as "
                    + target.resolve("report.html"));
        }
        Path parent = target.getParent();
        if (parent == null) {
            throw failure(target + " is not a file name; expected a file to write");
        }
        createFolders(parent, target);
        Path staging = parent.resolve("." + target.getFileName() + PARTIAL + suffix());
        try {
            Files.createFile(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + parent + " (" + describe(e) + "); expected a folder"
                    + " this user may write to", e);
        }
        return new StagedOutput(target, staging, false, false);
    }

    /**
     * Prepares writing a folder of files.
     *
     * @throws UncheckedIOException if {@code dir} is a file, cannot be created or written, or holds files that no
     *                              run wrote
     */
    public static StagedOutput folder(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw failure(target + " is a file; expected a folder for the output files (a new one, or one an earlier"
                    + " run wrote)");
        }
        boolean created = !Files.exists(target);
        if (!created) {
            List<String> foreign = foreignFiles(target);
            if (!foreign.isEmpty()) {
                throw failure(target + " holds " + foreign.size() + " file" + (foreign.size() == 1 ? "" : "s")
                        + " that no scar run wrote (" + String.join(", ", foreign.subList(0, Math.min(3,
                        foreign.size()))) + (foreign.size() > 3 ? ", ..." : "") + "); expected a new or empty folder,"
                        + " or one an earlier run wrote, so that nothing is mixed or lost");
            }
        }
        createFolders(target, target);
        Path staging = target.resolve(PARTIAL + suffix());
        try {
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + target + " (" + describe(e) + "); expected a folder"
                    + " this user may write to", e);
        }
        return new StagedOutput(target, staging, true, created);
    }

    /** Where to write: the staging file, or the staging folder (write the outputs into it by their final names). */
    public Path path() {
        return staging;
    }

    /**
     * The name {@code path} takes once its output is committed: a file of a staging folder ({@link #path} of
     * {@link #folder}) gets its output folder's name; any other path is returned as it is. For messages: a file that
     * failed is named where the user will look for it, not in a hidden folder that is removed with the failure.
     */
    public static Path finalName(Path path) {
        Path parent = path.getParent();
        Path name = parent == null ? null : parent.getFileName();
        if (name == null || !name.toString().startsWith(PARTIAL) || parent.getParent() == null) {
            return path;
        }
        return parent.getParent().resolve(path.getFileName());
    }

    /** The final name: the file, or the output folder. */
    public Path target() {
        return target;
    }

    /**
     * Renames the staged output into place: the file replaces the target file; the staged files replace those of
     * the folder's last run.
     *
     * @return the final paths written (one for a file; the files, sorted by name, for a folder)
     */
    public synchronized List<Path> commit() {
        if (done) {
            throw new IllegalStateException("already committed or discarded: " + target);
        }
        try {
            List<Path> written = isFolder ? commitFolder() : List.of(move(staging, target));
            done = true;
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished output into " + target + " (" + describe(e)
                    + ")", e);
        } finally {
            removeHook();
        }
    }

    private List<Path> commitFolder() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(staging)) {
            files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        List<Path> written = new ArrayList<>();
        try (FileChannel lockFile = FileChannel.open(target.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            Set<String> previous = listed(target);
            // Without the listing the folder reads as incomplete until the new one is in place.
            Files.deleteIfExists(target.resolve(LISTING));
            for (String old : previous) {
                if (!names.contains(old)) {
                    Files.deleteIfExists(target.resolve(old));
                }
            }
            for (String name : names) {
                written.add(move(staging.resolve(name), target.resolve(name)));
            }
            Path listing = staging.resolve(LISTING);
            Files.writeString(listing, String.join("\n", names) + "\n", StandardCharsets.UTF_8);
            move(listing, target.resolve(LISTING));
        }
        deleteTree(staging);
        return written;
    }

    /** Deletes the staged output unless it was committed (a failed or interrupted run). */
    @Override
    public synchronized void close() {
        if (!done) {
            discard();
            done = true;
            removeHook();
        }
    }

    private synchronized void discard() {
        if (done) {
            return;
        }
        try {
            deleteTree(staging);
            if (createdTarget && isFolder) {
                Files.deleteIfExists(target.resolve(LOCK));
                Files.deleteIfExists(target); // only when empty
            }
        } catch (IOException e) {
            // best effort: the staging name says what it is
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }

    /** Visible entries of {@code folder} that its listing does not name. */
    private static List<String> foreignFiles(Path folder) {
        Set<String> listed = listed(folder);
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".scar-") && !listed.contains(name)) {
                    foreign.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " (" + describe(e) + ")", e);
        }
        foreign.sort(Comparator.naturalOrder());
        return foreign;
    }

    private static Set<String> listed(Path folder) {
        Path listing = folder.resolve(LISTING);
        Set<String> names = new TreeSet<>();
        if (Files.isRegularFile(listing)) {
            try {
                for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.contains("/") && !line.startsWith(".")) {
                        names.add(line.strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + listing + " (" + describe(e) + ")", e);
            }
        }
        return names;
    }

    private static Path move(Path from, Path to) throws IOException {
        try {
            return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void createFolders(Path dir, Path target) {
        String what = "cannot create the folder " + dir + (dir.equals(target) ? "" : " for " + target);
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException(what + ": " + e.getFile() + " is a file; expected a folder", e);
        } catch (IOException e) {
            Path file = fileInTheWay(dir);
            if (file != null) {
                throw new UncheckedIOException(what + ": " + file + " is a file; expected a folder", e);
            }
            throw new UncheckedIOException(what + " (" + describe(e) + ")", e);
        }
    }

    /** The nearest existing ancestor of {@code dir} when it is not a folder (the OS says only "Not a directory"). */
    private static Path fileInTheWay(Path dir) {
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A unique suffix for staging names within this machine: process id and a counter. */
    private static String suffix() {
        return ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    private static UncheckedIOException failure(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }
}
