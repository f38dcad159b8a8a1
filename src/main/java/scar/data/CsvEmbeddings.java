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
 * By default the embedding columns are all other columns whose value on the first data row is a number (a text
 * column such as a caption is skipped); a prefix or an explicit list selects them instead. Labels: when every label
 * is an integer (an integral decimal such as {@code 2.0} counts), the distinct values are mapped to {@code 0..K-1} in
 * ascending order (unchanged when they already are {@code 0..K-1}) and named by their value; otherwise they are text
 * labels, mapped in ascending {@link String#compareTo} order and kept as class names. An empty label or a
 * non-integral number ({@code 1.5}, {@code NaN}) is an error. The dataset and its single modality are named after the
 * file ({@code cifar.csv.gz} → {@code cifar}) unless {@link Loader#modality} says otherwise.
 *
 * <pre>{@code
 * var ds = CsvEmbeddings.load(Path.of("emb.csv.gz"), "id", "label");
 * var ds2 = CsvEmbeddings.loader().label("y").prefix("clip_").split("fold").modality("image").load(path);
 * }</pre>
 */
public final class CsvEmbeddings {

    private CsvEmbeddings() {
    }

    /** All numeric columns other than the id and label are the embedding; {@code idColumn} may be null. */
    public static MultiModalDataset load(Path file, String idColumn, String labelColumn) {
        return loader().id(idColumn).label(labelColumn).load(file);
    }

    /** The embedding is every column whose name starts with {@code embeddingPrefix}. */
    public static MultiModalDataset load(Path file, String idColumn, String labelColumn, String embeddingPrefix) {
        return loader().id(idColumn).label(labelColumn).prefix(embeddingPrefix).load(file);
    }

    /** A loader with label column {@code "label"}, no id, no split, and every numeric column as the embedding. */
    public static Loader loader() {
        return new Loader(null, "label", null, null, null, null);
    }

    /**
     * The loader's settings; every method returns a new loader.
     *
     * @param idColumn         null for row-index ids
     * @param labelColumn      required
     * @param splitColumn      null for no split
     * @param prefix           null, or the prefix of the embedding columns
     * @param embeddingColumns null, or the embedding columns in order (wins over the prefix)
     * @param modalityName     null for the file's name
     */
    public record Loader(String idColumn, String labelColumn, String splitColumn, String prefix,
                         List<String> embeddingColumns, String modalityName) {
        public Loader {
            embeddingColumns = embeddingColumns == null ? null : List.copyOf(embeddingColumns);
        }

        public Loader id(String column) {
            return new Loader(column, labelColumn, splitColumn, prefix, embeddingColumns, modalityName);
        }

        public Loader label(String column) {
            return new Loader(idColumn, Objects.requireNonNull(column, "label column"), splitColumn, prefix,
                    embeddingColumns, modalityName);
        }

        /** No label column: every item gets class 0 until labels from elsewhere replace them (--labels FILE). */
        Loader unlabelled() {
            return new Loader(idColumn, null, splitColumn, prefix, embeddingColumns, modalityName);
        }

        public Loader split(String column) {
            return new Loader(idColumn, labelColumn, column, prefix, embeddingColumns, modalityName);
        }

        public Loader prefix(String columnPrefix) {
            return new Loader(idColumn, labelColumn, splitColumn, columnPrefix, embeddingColumns, modalityName);
        }

        public Loader columns(List<String> columns) {
            return new Loader(idColumn, labelColumn, splitColumn, prefix, columns, modalityName);
        }

        public Loader modality(String name) {
            return new Loader(idColumn, labelColumn, splitColumn, prefix, embeddingColumns, name);
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
                labelCol = config.labelColumn() == null ? -1 : column(config.labelColumn());
                idCol = config.idColumn() == null ? -1 : column(config.idColumn());
                splitCol = config.splitColumn() == null ? -1 : column(config.splitColumn());
                String[] first = nextRow();
                if (first == null) {
                    throw new IllegalArgumentException(reader.file() + " has a header but no data rows");
                }
                int[] embCols = embeddingColumns(first);
                String[] embNames = Arrays.stream(embCols).mapToObj(j -> header[j]).toArray(String[]::new);
                int d = embCols.length;
                FloatList values = new FloatList(1024 * d);
                List<String> ids = new ArrayList<>();
                Map<String, Integer> idLines = new HashMap<>();
                List<String> labels = new ArrayList<>();
                List<Boolean> train = new ArrayList<>();
                for (String[] r = first; r != null; r = nextRow()) {
                    int offset = values.reserve(d);
                    float[] dst = values.array();
                    for (int j = 0; j < d; j++) {
                        dst[offset + j] = reader.parseFloat(r[embCols[j]], embNames[j]);
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
                ClassLabels classLabels = LabelCoding.ofStrings(labels.toArray(new String[0])).toClassLabels();
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
                throw new IllegalArgumentException(reader.file() + ", line 1: the header has no column '" + name
                        + "'; its columns are " + preview(header));
            }
            return j;
        }

        private int[] embeddingColumns(String[] firstRow) {
            if (config.embeddingColumns() != null) {
                return config.embeddingColumns().stream().mapToInt(this::column).toArray();
            }
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < header.length; j++) {
                if (j == idCol || j == labelCol || j == splitCol) {
                    continue;
                }
                boolean chosen = config.prefix() != null ? header[j].startsWith(config.prefix())
                        : LabelCoding.isNumber(firstRow[j]);
                if (chosen) {
                    cols.add(j);
                }
            }
            if (cols.isEmpty()) {
                throw new IllegalArgumentException(reader.file() + ": no embedding columns"
                        + (config.prefix() != null ? " start with '" + config.prefix() + "'" : " hold numbers on line "
                        + reader.lineNumber()) + "; the columns are " + preview(header));
            }
            return cols.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The header for a message: all names, or the first ten and the count. */
    private static String preview(String[] header) {
        if (header.length <= 10) {
            return String.join(",", header);
        }
        return String.join(",", Arrays.copyOf(header, 10)) + ",... (" + header.length + " columns)";
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
