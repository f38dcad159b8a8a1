package scar.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads embeddings from one CSV or gzip-compressed CSV file (detected by its magic bytes) with a header line: an
 * optional id column, a label column, an optional split column ({@code train}/{@code test}) and embedding columns.
 * Which columns are the embedding is decided from the header alone: by default every column other than the id, label
 * and split columns and those named in {@link Loader#ignore}; a prefix or an explicit list selects them instead. Every
 * cell of an embedding column must be a number ({@link Decimal}'s grammar): a text cell is an error naming the file,
 * line, column and value, never a reason to drop the column. Labels: when every label
 * is an integer (an integral decimal such as {@code 2.0} counts), the distinct values are mapped to {@code 0..K-1} in
 * ascending order (unchanged when they already are {@code 0..K-1}) and named by their value; otherwise they are text
 * labels, mapped in ascending {@link String#compareTo} order and kept as class names. An empty label or a
 * non-integral number ({@code 1.5}, {@code NaN}) is an error. The dataset and its single modality are named after the
 * file ({@code cifar.csv.gz} → {@code cifar}) unless {@link Loader#modality} says otherwise.
 *
 * <pre>{@code
 * var ds = CsvEmbeddings.load(Path.of("emb.csv.gz"), "id", "label");
 * var ds2 = CsvEmbeddings.loader().label("y").prefix("clip_").split("fold").modality("image").load(path);
 * var ds3 = CsvEmbeddings.loader().id("id").ignore("caption", "url").load(path);   // every other column
 * }</pre>
 */
public final class CsvEmbeddings {

    private CsvEmbeddings() {
    }

    /** Every column other than the id and label is the embedding; {@code idColumn} may be null. */
    public static MultiModalDataset load(Path file, String idColumn, String labelColumn) {
        return loader().id(idColumn).label(labelColumn).load(file);
    }

    /** The embedding is every column whose name starts with {@code embeddingPrefix}. */
    public static MultiModalDataset load(Path file, String idColumn, String labelColumn, String embeddingPrefix) {
        return loader().id(idColumn).label(labelColumn).prefix(embeddingPrefix).load(file);
    }

    /** A loader with label column {@code "label"}, no id, no split, and every other column as the embedding. */
    public static Loader loader() {
        return new Loader(null, "label", null, null, null, List.of(), null);
    }

    /**
     * The loader's settings; every method returns a new loader.
     *
     * @param idColumn         null for row-index ids
     * @param labelColumn      the label column; null only for a file whose labels come from elsewhere
     * @param splitColumn      null for no split
     * @param prefix           null, or the prefix of the embedding columns
     * @param embeddingColumns null, or the embedding columns in order (wins over the prefix)
     * @param ignored          columns that are neither id, label, split nor embedding (a caption, a URL); each must
     *                         be in the header
     * @param modalityName     null for the file's name
     */
    public record Loader(String idColumn, String labelColumn, String splitColumn, String prefix,
                         List<String> embeddingColumns, List<String> ignored, String modalityName) {
        public Loader {
            embeddingColumns = embeddingColumns == null ? null : List.copyOf(embeddingColumns);
            ignored = ignored == null ? List.of() : List.copyOf(ignored);
        }

        public Loader id(String column) {
            return new Loader(column, labelColumn, splitColumn, prefix, embeddingColumns, ignored, modalityName);
        }

        public Loader label(String column) {
            return new Loader(idColumn, Objects.requireNonNull(column, "label column"), splitColumn, prefix,
                    embeddingColumns, ignored, modalityName);
        }

        /** No label column: every item gets class 0 until labels from elsewhere replace them (--labels FILE). */
        Loader unlabelled() {
            return new Loader(idColumn, null, splitColumn, prefix, embeddingColumns, ignored, modalityName);
        }

        public Loader split(String column) {
            return new Loader(idColumn, labelColumn, column, prefix, embeddingColumns, ignored, modalityName);
        }

        public Loader prefix(String columnPrefix) {
            return new Loader(idColumn, labelColumn, splitColumn, columnPrefix, embeddingColumns, ignored,
                    modalityName);
        }

        public Loader columns(List<String> columns) {
            return new Loader(idColumn, labelColumn, splitColumn, prefix, columns, ignored, modalityName);
        }

        /** Columns to leave out of the default embedding (every column other than the id, label and split). */
        public Loader ignore(String... columns) {
            return new Loader(idColumn, labelColumn, splitColumn, prefix, embeddingColumns, List.of(columns),
                    modalityName);
        }

        public Loader modality(String name) {
            return new Loader(idColumn, labelColumn, splitColumn, prefix, embeddingColumns, ignored, name);
        }

        /** Reads {@code file}. */
        public MultiModalDataset load(Path file) {
            return new Parse(this, file).run();
        }
    }

    /** One pass over one file. */
    private static final class Parse {
        private final Loader config;
        private final Path file;
        private final CsvReader reader;
        private String[] header;
        private int idCol = -1;
        private int labelCol;
        private int splitCol = -1;

        Parse(Loader config, Path file) {
            this.config = config;
            this.file = file;
            this.reader = CsvReader.open(file);
        }

        MultiModalDataset run() {
            try (reader) {
                header = reader.header();
                checkHeader();
                labelCol = config.labelColumn() == null ? -1 : column(config.labelColumn());
                idCol = config.idColumn() == null ? -1 : column(config.idColumn());
                splitCol = config.splitColumn() == null ? -1 : column(config.splitColumn());
                config.ignored().forEach(this::column);
                int[] embCols = embeddingColumns();
                String[] first = nextRow();
                if (first == null) {
                    throw new IllegalArgumentException(reader.file() + " has a header but no data rows");
                }
                String[] embNames = Arrays.stream(embCols).mapToObj(j -> header[j]).toArray(String[]::new);
                int d = embCols.length;
                FloatList values = new FloatList(1024L * d, reader.file());
                List<String> ids = new ArrayList<>();
                Map<String, Integer> idLines = new HashMap<>();
                LabelList labels = new LabelList(reader.file());
                List<Boolean> train = new ArrayList<>();
                for (String[] r = first; r != null; r = nextRow()) {
                    int offset = values.reserve(d);
                    float[] dst = values.array();
                    for (int j = 0; j < d; j++) {
                        dst[offset + j] = parseEmbedding(r[embCols[j]], embNames[j]);
                    }
                    labels.add(labelCol < 0 ? "0" : LabelCoding.check(reader, header[labelCol], r[labelCol]));
                    if (idCol >= 0) {
                        String id = r[idCol];
                        Integer firstLine = idLines.putIfAbsent(id, reader.lineNumber());
                        if (id.isEmpty() || firstLine != null) {
                            throw reader.error(header[idCol], id, id.isEmpty() ? "an id (the id is empty)"
                                    : "a new id: duplicate of the id on line " + firstLine);
                        }
                        ids.add(id);
                    }
                    if (splitCol >= 0) {
                        String s = r[splitCol];
                        if (!s.equals("train") && !s.equals("test")) {
                            throw reader.error(header[splitCol], s, "'train' or 'test'");
                        }
                        train.add(s.equals("train"));
                    }
                }
                int n = labels.size();
                String name = config.modalityName() != null ? config.modalityName() : stem(file);
                Modality m = Modality.of(name, Matrix.wrap(n, d, values.toArray()),
                        idCol < 0 ? null : ids.toArray(new String[0]));
                Split split = null;
                if (splitCol >= 0) {
                    boolean[] flags = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        flags[i] = train.get(i);
                    }
                    split = Split.of(flags);
                }
                ClassLabels classLabels = labels.coded().toClassLabels();
                return MultiModalDataset.of(stem(file), classLabels, List.of(m), split);
            }
        }

        private String[] nextRow() {
            String[] r = reader.nextRecord();
            if (r != null && r.length != header.length) {
                throw reader.ragged(r.length, header);
            }
            return r;
        }

        private int column(String name) {
            int j = Arrays.asList(header).indexOf(name);
            if (j < 0) {
                throw new IllegalArgumentException(reader.file() + ", line " + reader.lineNumber() + ": the header has"
                        + " no column '" + CsvReader.shown(name) + "'; its columns are " + preview(header));
            }
            return j;
        }

        /** Duplicate names make "the column 'x'" ambiguous; an unnamed column is usually a saved row index. */
        private void checkHeader() {
            Map<String, Integer> seen = new HashMap<>();
            for (int j = 0; j < header.length; j++) {
                Integer first = seen.putIfAbsent(header[j], j + 1);
                if (first != null) {
                    throw new IllegalArgumentException(reader.file() + ", line " + reader.lineNumber() + ": columns "
                            + first + " and " + (j + 1) + " are both named '" + CsvReader.shown(header[j])
                            + "'; expected unique column names");
                }
            }
        }

        /** From the header alone: the listed columns, the prefixed ones, or every column not otherwise used. */
        private int[] embeddingColumns() {
            if (config.embeddingColumns() != null) {
                return config.embeddingColumns().stream().mapToInt(this::column).toArray();
            }
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < header.length; j++) {
                boolean other = j == idCol || j == labelCol || j == splitCol || config.ignored().contains(header[j]);
                if (other || (config.prefix() != null && !header[j].startsWith(config.prefix()))) {
                    continue;
                }
                if (config.prefix() == null && header[j].isEmpty()) {
                    throw new IllegalArgumentException(reader.file() + ", line " + reader.lineNumber() + ": column "
                            + (j + 1) + " has no name (pandas writes its row index so; save with index=False, or name"
                            + " the column and pass it to id(..) or ignore(..))");
                }
                if (config.labelColumn() == null && config.prefix() == null && header[j].equals("label")) {
                    // the labels come from elsewhere: the file's own labels as a feature would predict themselves
                    throw new IllegalArgumentException(reader.file() + ", line " + reader.lineNumber() + ": column"
                            + " 'label' would be an embedding column, since the labels come from a labels file;"
                            + " expected it left out (--ignore label, or ignore(\"label\")) or the labels taken from"
                            + " it (without --labels)");
                }
                cols.add(j);
            }
            if (cols.isEmpty()) {
                throw new IllegalArgumentException(reader.file() + ": no embedding columns"
                        + (config.prefix() != null ? " start with '" + CsvReader.shown(config.prefix()) + "'"
                        : " besides the id, label and split") + "; the columns are " + preview(header));
            }
            return cols.stream().mapToInt(Integer::intValue).toArray();
        }

        /** One embedding value; with the default columns, a text cell says how to leave its column out. */
        private float parseEmbedding(String value, String column) {
            try {
                return reader.parseFloat(value, column);
            } catch (IllegalArgumentException e) {
                if (config.embeddingColumns() != null || config.prefix() != null || Decimal.isNonFinite(value)
                        || Decimal.isDecimal(value)) {
                    throw e;
                }
                throw new IllegalArgumentException(e.getMessage() + " (every column but the id, label and split is"
                        + " an embedding column; if '" + CsvReader.shown(column) + "' is not one, leave it out with"
                        + " ignore(\"" + CsvReader.shown(column) + "\") (--ignore on the command line) or choose the"
                        + " columns with prefix(..) or columns(..))", e);
            }
        }
    }

    /** The header for a message: all names, or the first ten and the count. */
    private static String preview(String[] header) {
        String shown = CsvReader.shown(String.join(",", Arrays.copyOf(header, Math.min(10, header.length))), 200);
        return header.length <= 10 ? shown : shown + ",... (" + header.length + " columns)";
    }

    /** The file name without {@code .gz} and its data extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
