package scar.data;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One file as a one-modality dataset, whatever its format, chosen by the file name's extension:
 * <ul>
 *   <li>{@code .npy}: a float32/float16 matrix, memory-mapped ({@link Npy}); the labels come from {@code labels};</li>
 *   <li>{@code .csv}, {@code .csv.gz}: a header, a label column, an optional id column; every other column is an
 *       embedding column and holds numbers ({@link CsvEmbeddings});</li>
 *   <li>{@code .jsonl}, {@code .ndjson} (optionally {@code .gz}): one object per line with an embedding array and a
 *       label ({@link JsonLines});</li>
 *   <li>{@code .parquet}: an embedding column (a list of numbers) and a label column ({@link Parquet}); also a
 *       folder of Parquet part files, read as one file in order of their paths ({@link ParquetFolder}).</li>
 * </ul>
 * A labels file ({@code .npy} of integers or NumPy strings, or text/CSV with one label per line or a {@code label}
 * column) replaces the labels of any format; it must have one label per item. Extensions are matched ignoring case.
 *
 * @param label     the label column (CSV, Parquet) or key (JSON Lines); null for the format's default
 *                  ({@code label})
 * @param labels    a labels file, or null
 * @param id        the id column or key, or null for row-index ids (JSON Lines reads {@code id} when present)
 * @param embedding the embedding column (Parquet) or key (JSON Lines); null for {@code embedding}
 * @param ignore    CSV columns that are neither id, label nor embedding (a caption, a URL); empty for none
 */
public record EmbeddingFile(String label, Path labels, String id, String embedding, List<String> ignore) {

    public EmbeddingFile {
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
    }

    /** Format defaults: label column {@code label}, no labels file, no id column, embedding {@code embedding}. */
    public static EmbeddingFile defaults() {
        return new EmbeddingFile(null, null, null, null, List.of());
    }

    public EmbeddingFile withLabel(String column) {
        return new EmbeddingFile(column, labels, id, embedding, ignore);
    }

    public EmbeddingFile withLabels(Path file) {
        return new EmbeddingFile(label, file, id, embedding, ignore);
    }

    public EmbeddingFile withId(String column) {
        return new EmbeddingFile(label, labels, column, embedding, ignore);
    }

    public EmbeddingFile withEmbedding(String column) {
        return new EmbeddingFile(label, labels, id, column, ignore);
    }

    /** CSV columns to leave out of the embedding. */
    public EmbeddingFile withIgnored(List<String> columns) {
        return new EmbeddingFile(label, labels, id, embedding, columns);
    }

    /** Whether {@code file} has an extension this class reads. */
    public static boolean isEmbeddingFile(Path file) {
        return format(file) != null;
    }

    /**
     * Loads {@code file}.
     *
     * @throws IllegalArgumentException for an unknown extension, a {@code .npy} without a labels file, an option the
     *                                  format has no use for, or a labels file whose length differs from the items
     */
    public MultiModalDataset load(Path file) {
        boolean parts = ParquetFolder.isParquetFolder(file);
        String format = parts ? "parquet" : format(file);
        if (format == null) {
            throw new IllegalArgumentException(file + ": cannot tell the format from the name; expected a file ending "
                    + "in .npy, .csv, .csv.gz, .jsonl, .jsonl.gz, .ndjson or .parquet, a folder of .parquet files, or "
                    + "a dataset folder");
        }
        if (!parts) {
            Source.requireFile(file);
        }
        if (!Files.exists(file)) {
            throw new UncheckedIOException("file not found: " + file, new NoSuchFileException(file.toString()));
        }
        String labelName = label == null ? "label" : label;
        if (!format.equals("csv") && !ignore.isEmpty()) {
            refuse(format, "--ignore", ignore, "it applies to CSV columns only");
        }
        MultiModalDataset ds = switch (format) {
            case "npy" -> {
                refuse(format, "--label", label, "the labels come from --labels FILE");
                refuse(format, "--id", id, "rows are named by their index");
                refuse(format, "--embedding", embedding, "the whole array is the embedding");
                if (labels == null) {
                    throw new IllegalArgumentException(file + " holds embeddings only; give its labels with "
                            + "--labels FILE (a .npy of integers or strings, or a text/CSV file with one label per "
                            + "row: integers or class names)");
                }
                yield Npy.load(file, labels);
            }
            case "csv" -> {
                refuse(format, "--embedding", embedding, "every column other than the label and id is");
                CsvEmbeddings.Loader l = CsvEmbeddings.loader().id(id).ignore(ignore.toArray(new String[0]));
                yield (labels != null && label == null ? l.unlabelled() : l.label(labelName)).load(file);
            }
            case "jsonl" -> {
                String embeddingKey = embedding == null ? "embedding" : embedding;
                String idKey = id == null ? "id" : id;
                yield labels != null && label == null ? JsonLines.loadUnlabelled(file, embeddingKey, idKey)
                        : JsonLines.load(file, embeddingKey, labelName, idKey);
            }
            default -> {
                Parquet.Loader l = Parquet.loader().id(id);
                l = labels != null && label == null ? l.unlabelled() : l.label(labelName);
                yield (embedding == null ? l : l.embedding(embedding)).load(file);
            }
        };
        if (labels == null || format.equals("npy")) {
            return ds;
        }
        LabelCoding.Coded coded = readLabels(labels);
        if (coded.labels().length != ds.size()) {
            throw new IllegalArgumentException(file + " has " + ds.size() + " items but " + labels + " has "
                    + coded.labels().length + " labels; expected one label per item"
                    + LabelsText.countHint(labels, coded.labels().length, ds.size()));
        }
        return ds.withLabels(coded.labels(), coded.names());
    }

    /**
     * A labels file: a {@code .npy} of integers or strings, or text/CSV. The extension is matched ignoring case, as
     * for the embeddings file, so {@code LABELS.NPY} is read as NumPy and not as text.
     */
    static LabelCoding.Coded readLabels(Path file) {
        return isNpy(file) ? Npy.readLabels(file) : LabelsText.read(file);
    }

    /** Whether {@code file}'s name ends in {@code .npy}, in any case. */
    static boolean isNpy(Path file) {
        return "npy".equals(format(file));
    }

    private static void refuse(String format, String option, Object value, String why) {
        if (value != null) {
            throw new IllegalArgumentException(option + " does not apply to a ." + format + " file: " + why);
        }
    }

    /** npy, csv, jsonl or parquet, or null. */
    private static String format(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
            return n.endsWith(".csv") ? "csv" : n.endsWith(".jsonl") || n.endsWith(".ndjson") ? "jsonl" : null;
        }
        if (n.endsWith(".npy")) {
            return "npy";
        }
        if (n.endsWith(".csv")) {
            return "csv";
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return "jsonl";
        }
        return n.endsWith(".parquet") ? "parquet" : null;
    }
}
