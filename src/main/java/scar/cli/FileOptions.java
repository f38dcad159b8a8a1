package scar.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

import scar.Scar;
import scar.data.EmbeddingFile;
import scar.data.MultiModalDataset;
import scar.data.ParquetFolder;

/**
 * The options that say how to read a dataset given as one file — its labels file, label, id and embedding columns,
 * columns to leave out — shared by every command that reads a dataset (a mixin), and the reading itself.
 */
final class FileOptions {

    @Option(names = "--labels", paramLabel = "FILE",
            description = "labels of a single file, one per item: a .npy of integers or strings, or a text/CSV file of "
                    + "integers or class names")
    Path labels;

    @Option(names = "--label", paramLabel = "COL",
            description = "label column (CSV, Parquet) or key (JSON Lines) of a single file (default: label)")
    String label;

    @Option(names = "--id", paramLabel = "COL", description = "item id column or key of a single file")
    String id;

    @Option(names = "--embedding", paramLabel = "COL",
            description = "embedding column (Parquet) or key (JSON Lines) of a single file (default: embedding)")
    String embedding;

    @Option(names = "--ignore", paramLabel = "COL", split = ",",
            description = "CSV columns of a single file that are not embedding values (a caption, a URL)")
    List<String> ignore;

    /**
     * The dataset {@code dataset} names — a bundled name or a dataset folder (of which only {@code modality}'s file
     * is read, every modality when null), or one file read with these options.
     *
     * @throws IllegalArgumentException if an option of a single file is given with a bundled name or a folder
     */
    MultiModalDataset load(String dataset, String modality) {
        if (!isFile(dataset)) {
            return modality == null ? Scar.dataset(dataset) : Scar.dataset(dataset, modality);
        }
        MultiModalDataset data = EmbeddingFile.defaults().withLabel(label).withLabels(labels).withId(id)
                .withEmbedding(embedding).withIgnored(ignore).load(Path.of(dataset));
        return modality == null ? data : data.selectModalities(modality);
    }

    /**
     * Refuses an output file {@code out} that is one of the inputs of {@code dataset}: the file itself, its labels
     * file, or a file of its dataset folder. Writing it would destroy the data the run reads.
     *
     * Nor may it be in a folder of Parquet part files that is the dataset ({@link #requireOutsidePartFolder}).
     *
     * @throws IllegalArgumentException if {@code out} is an existing file among the inputs, or in the part folder
     */
    void requireNotAnInput(String dataset, Path out) {
        requireOutsidePartFolder(dataset, out);
        if (out == null || !Files.isRegularFile(out)) {
            return;
        }
        Path path = Path.of(dataset);
        Path target = out.toAbsolutePath().normalize();
        boolean data = same(out, path);
        if (data || labels != null && same(out, labels)) {
            throw new IllegalArgumentException(target + " is an input of this run (" + (data
                    ? "the dataset" : "the labels") + "); expected the name of a new file to write, such as "
                    + target.resolveSibling("report.html"));
        }
        if (Files.isDirectory(path) && real(out).startsWith(real(path))) {
            throw new IllegalArgumentException(target + " is a file of the dataset folder " + path + ", an input of "
                    + "this run; expected the name of a new file to write, outside the dataset");
        }
    }

    /**
     * Refuses an output {@code out}, a file or a folder, in the folder of Parquet part files {@code dataset} names
     * (or that folder itself): any file there but a part file makes the folder unreadable the next time.
     *
     * @throws IllegalArgumentException if {@code out} is in the part folder
     */
    void requireOutsidePartFolder(String dataset, Path out) {
        if (out != null && isPartFolder(dataset) && inside(out, Path.of(dataset))) {
            throw new IllegalArgumentException(out.toAbsolutePath().normalize() + " is in " + dataset + ", the folder"
                    + " of Parquet part files this run reads, which must hold part files only; expected a place"
                    + " outside that folder");
        }
    }

    /** Whether {@code out}, which may not exist yet, is {@code folder} or in it. */
    private static boolean inside(Path out, Path folder) {
        Path p = out.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && real(p).startsWith(real(folder));
    }

    private static boolean same(Path a, Path b) {
        return Files.isRegularFile(b) && real(a).equals(real(b));
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + p + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Whether {@code dataset} is one file to read with these options: any of them given, a name with a file
     * format's extension that is not a folder, or a folder of Parquet part files.
     *
     * @throws IllegalArgumentException if an option is given with a bundled dataset or a dataset folder, which have
     *                                  their own labels, ids and columns
     */
    private boolean isFile(String dataset) {
        String option = given();
        Path path = Path.of(dataset);
        boolean parts = isPartFolder(dataset);
        if (option != null && !Files.isRegularFile(path) && !parts) {
            if (Scar.datasets().contains(dataset)) {
                throw new IllegalArgumentException(option + " applies to a dataset of one file; '" + dataset
                        + "' is a bundled dataset, which has its own labels and columns; expected " + option
                        + " left out, or a .npy, .csv[.gz], .jsonl[.gz] or .parquet file");
            }
            if (Files.isDirectory(path)) {
                throw new IllegalArgumentException(option + " applies to a dataset of one file; " + dataset
                        + " is a dataset folder, whose labels.csv and view files give its labels, ids and columns; "
                        + "expected " + option + " left out, or a .npy, .csv[.gz], .jsonl[.gz] or .parquet file");
            }
        }
        return option != null || parts || EmbeddingFile.isEmbeddingFile(path) && !Files.isDirectory(path);
    }

    /** Whether {@code dataset} is a folder of Parquet part files; a bundled name is the bundled dataset, as for reading. */
    static boolean isPartFolder(String dataset) {
        try {
            return !Scar.datasets().contains(dataset) && ParquetFolder.isParquetFolder(Path.of(dataset));
        } catch (java.nio.file.InvalidPathException e) {
            return false; // the reader names what it cannot find
        }
    }

    /** The first single-file option given, or null. */
    String given() {
        return labels != null ? "--labels" : label != null ? "--label" : id != null ? "--id"
                : embedding != null ? "--embedding" : ignore != null ? "--ignore" : null;
    }
}
