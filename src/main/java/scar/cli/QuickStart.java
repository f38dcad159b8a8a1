package scar.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import scar.data.Datasets;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.data.ParquetFolder;

/**
 * The launcher's quick start. {@code ./scar} starts the JVM with C1 alone ({@code -XX:TieredStopAtLevel=1}) and
 * says so with {@code -Dscar.quickStart=CODE}: a study of a small dataset ends about a third sooner that way, since
 * C2 would spend about a second of CPU (on a 2-core machine) compiling a sweep that is nearly over by the time its
 * code is ready. A command whose data turns out larger than {@link #WORK_LIMIT} — or a command that runs long
 * whatever its data ({@code bench}, {@code jshell}), or one whose exit status is another program's ({@code kernel
 * console}: the launcher could not tell that program's 75 from a request) — ends this JVM with exit code
 * {@code CODE} before it has printed or written anything, and the launcher runs the same command line again with
 * the default JIT. Either way the results are the same bits (SPEC §2.3: every multiply-add is an fma, every sum
 * exact or in a fixed order); only the time differs. A JVM started any other way (the notebook kernel, tests,
 * {@code java -jar}) never restarts.
 */
final class QuickStart {
    private QuickStart() {
    }

    /** The system property the launcher sets to the exit code that asks it for a restart. */
    static final String PROPERTY = "scar.quickStart";

    /**
     * The most work a quick start keeps: items × dimensions × classes, summed over the modalities studied, times the
     * sweeps the command runs. Measured whole processes on this project's 2-core machine (Dec 5, C1 alone against
     * the default JIT): wikipedia -m text (0.29 M) 0.87 against 1.4 s, digits (1.2 M) 0.78 against 1.07 s, mfeat
     * -m pix (4.8 M) 1.40 against 1.56 s, wikipedia both modalities (4.0 M) about even at 2.4 s, wikipedia -m image
     * (3.7 M) 1.88 against 1.79 s; whole mfeat (13 M) 5.6–6.0 against 4.3–5.2 s, and the demo (4.0 M × 4 sweeps)
     * 11.4 against 7.7 s.
     */
    static final long WORK_LIMIT = 5_000_000L;

    /**
     * Inputs larger than this (files on disk, a gzip file counted at 4× its size) are not read in a quick start at
     * all: they would hold more than {@link #WORK_LIMIT} allows at any class count, and reading them twice would cost
     * more than the restart saves.
     */
    static final long BYTES_LIMIT = 16L << 20;

    /** The system property the launcher sets to its own process id: the process that waits for the quick JVM. */
    static final String LAUNCHER = "scar.launcher";

    /** The exit code of a JVM that ends because its launcher ended: that of a JVM ended by SIGTERM. */
    static final int LAUNCHER_GONE = 128 + 15;

    /**
     * In a quick start, ends this JVM as SIGTERM would (shutdown hooks, so no staged output is left) once the
     * launcher that waits for it ({@link #LAUNCHER}) has ended. A signal sent to the launcher alone — {@code kill
     * PID}, a supervisor's stop, {@code Process.destroy()} — ends the launcher but not this child of it, which would
     * go on printing and writing after its caller saw the command end; the JVM the launcher execs is the launcher's
     * own process and gets such a signal itself.
     */
    static void endWithLauncher() {
        String pid = System.getProperty(LAUNCHER);
        if (exitCode() == 0 || pid == null) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(pid.strip());
        } catch (NumberFormatException e) {
            return;
        }
        java.util.Optional<ProcessHandle> launcher = ProcessHandle.of(id);
        if (launcher.isEmpty()) {
            System.exit(LAUNCHER_GONE); // it ended while this JVM started
        }
        launcher.get().onExit().thenRun(() -> System.exit(LAUNCHER_GONE));
    }

    /** Thrown to end a quick start; {@link Main} turns it into the launcher's exit code. */
    static final class Restart extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Restart() {
            super("restart with the default JIT", null, false, false);
        }
    }

    /** The exit code that asks the launcher for a restart, or 0 when this JVM is not a quick start. */
    static int exitCode() {
        String code = System.getProperty(PROPERTY);
        if (code == null || !Main.isCliProcess()) {
            return 0;
        }
        try {
            int c = Integer.parseInt(code.strip());
            return c > 0 && c < 126 ? c : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Ends a quick start at once: for commands that run long whatever their data. */
    static void requireFullJit() {
        if (exitCode() != 0) {
            throw new Restart();
        }
    }

    /**
     * Ends a quick start before {@code dataset} is read when it is a file or a folder larger than
     * {@link #BYTES_LIMIT}, or when {@code sweeps} sweeps (0: the command runs none) over what its manifest declares
     * ({@code modality} alone when not null) are more than {@link #WORK_LIMIT}.
     */
    static void beforeReading(String dataset, String modality, int sweeps) {
        if (exitCode() == 0) {
            return;
        }
        Path path;
        try {
            path = Path.of(dataset);
        } catch (java.nio.file.InvalidPathException e) {
            return; // the reader names what it cannot find
        }
        if (inputBytes(path) > BYTES_LIMIT) {
            throw new Restart();
        }
        if (sweeps > 0 && Datasets.declared(dataset).map(d -> work(d, modality, sweeps) > WORK_LIMIT)
                .orElse(false)) {
            throw new Restart();
        }
    }

    /** {@link #work(MultiModalDataset, int)} of what {@code d} declares ({@code modality} alone when not null). */
    static long work(Datasets.Declared d, String modality, int sweeps) {
        double w = 0;
        for (var view : d.dims().entrySet()) {
            if (modality == null || modality.equals(view.getKey())) {
                w += (double) d.items() * view.getValue() * d.classes();
            }
        }
        return saturated(w * Math.max(1, sweeps));
    }

    /**
     * Reads dataset {@code dataset} ({@code modality} alone when not null; {@code labels}, its labels file, or null)
     * with {@code reader} for a command that runs {@code sweeps} sweeps over it, ending a quick start before the
     * reading ({@link #beforeReading}, or an input that gives its data only once: {@link #readableOnce}) or after
     * it, when the data read are more work than {@link #WORK_LIMIT}.
     */
    static MultiModalDataset read(String dataset, Path labels, String modality, int sweeps,
                                  java.util.function.Supplier<MultiModalDataset> reader) {
        beforeReading(dataset, modality, sweeps);
        if (exitCode() != 0 && (readableOnce(dataset) || labels != null && readableOnce(labels.toString()))) {
            throw new Restart(); // read here, its data would be gone for the JVM that restarts after the reading
        }
        MultiModalDataset data = reader.get();
        if (exitCode() != 0 && work(data, sweeps) > WORK_LIMIT) {
            throw new Restart();
        }
        return data;
    }

    /** Items × dimensions × classes summed over the modalities, times {@code sweeps} (saturating). */
    static long work(MultiModalDataset data, int sweeps) {
        double w = 0;
        for (Modality m : data.modalities()) {
            w += (double) m.rows() * m.dim() * data.numClasses();
        }
        return saturated(w * Math.max(1, sweeps));
    }

    private static long saturated(double w) {
        return w >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) w;
    }

    /**
     * Whether {@code input} is, or is a folder that holds, something that exists but is neither a file nor a folder:
     * a pipe ({@code /dev/stdin}, a shell's {@code <(...)}), a FIFO or a device, which gives its data once.
     */
    static boolean readableOnce(String input) {
        Path path;
        try {
            path = Path.of(input);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
        if (!Files.isDirectory(path)) {
            return streamOnly(path);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
            for (Path f : files) {
                if (streamOnly(f)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false; // the reader reports what cannot be read, in its own words
        }
    }

    private static boolean streamOnly(Path path) {
        return Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path);
    }

    /**
     * The bytes a quick start would read from {@code path}: a file's size, or the sizes of a folder's files (not its
     * subfolders'; of a folder of Parquet part files, its {@code .parquet} files), each gzip file counted at 4× — 0 for
     * what does not exist (a bundled name; the reader names a missing file). A file that cannot be opened still counts
     * at its size, so that it does not hide the folder's other files from the limit (the reader names it when it is one
     * the command reads).
     */
    static long inputBytes(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return bytes(path);
            }
            if (!Files.isDirectory(path)) {
                return 0;
            }
            long sum = 0;
            if (ParquetFolder.isParquetFolder(path)) { // its part files; not _SUCCESS, .crc and the like
                try {
                    for (Path f : ParquetFolder.files(path)) {
                        sum += bytes(f);
                    }
                    return sum;
                } catch (IllegalArgumentException e) {
                    sum = 0; // not a folder of part files after all: its files, as any folder's
                }
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
                for (Path f : files) {
                    if (Files.isRegularFile(f)) {
                        sum += bytes(f);
                    }
                }
            }
            return sum;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return 0; // the reader reports what cannot be read, in its own words
        }
    }

    /** A file's size, 4× when it is gzip; its size alone when it cannot be opened, 0 when it cannot be sized. */
    private static long bytes(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException | SecurityException e) {
            return 0; // gone since it was listed
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b ? size * 4 : size;
        } catch (IOException | SecurityException e) {
            return size;
        }
    }
}
