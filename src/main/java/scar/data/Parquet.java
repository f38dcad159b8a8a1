package scar.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Loads embeddings from a Parquet file as embedding dumps are shipped: one row per item, an embedding column holding
 * a list of float or double values (a Parquet LIST in the standard three-level form or the legacy two-level form, a
 * repeated float field, or Arrow's fixed-size list, which Parquet stores as a LIST), a label column (integers or
 * strings) and optionally an id column and a {@code train}/{@code test} split column. Every embedding must have the
 * length of the first; a null or empty embedding, a null value in one, a null or empty label or a non-finite value is
 * an error that names the file, the row (0-based), the column and the value. Labels are coded like
 * {@link CsvEmbeddings}': integers in ascending order, otherwise text labels in sorted order kept as class names. The
 * values are read into the heap (Parquet is compressed; to keep a large modality on disk, save it as a float32
 * {@code .npy}). A folder of Parquet part files ({@link ParquetFolder}) is read as one file: the files in order of
 * their paths, the rows of each in file order; a bad row is named by its file and its row within that file.
 *
 * <pre>{@code
 * var ds = Parquet.load(Path.of("emb.parquet"), "embedding", "label");
 * var ds2 = Parquet.loader().embedding("clip").label("y").id("image_id").load(path);
 * }</pre>
 */
public final class Parquet {
    private Parquet() {
    }

    /** The embedding is {@code embeddingColumn}, the labels {@code labelColumn}; no ids, no split. */
    public static MultiModalDataset load(Path file, String embeddingColumn, String labelColumn) {
        return loader().embedding(embeddingColumn).label(labelColumn).load(file);
    }

    /** A loader with embedding column {@code "embedding"}, label column {@code "label"}, no id and no split. */
    public static Loader loader() {
        return new Loader("embedding", "label", null, null, null);
    }

    /**
     * The loader's settings; every method returns a new loader.
     *
     * @param embeddingColumn required
     * @param labelColumn     required (null only inside the package: labels supplied separately)
     * @param idColumn        null for row-index ids
     * @param splitColumn     null for no split
     * @param modalityName    null for the file's name
     */
    public record Loader(String embeddingColumn, String labelColumn, String idColumn, String splitColumn,
                         String modalityName) {
        public Loader {
            Objects.requireNonNull(embeddingColumn, "embedding column");
        }

        public Loader embedding(String column) {
            return new Loader(column, labelColumn, idColumn, splitColumn, modalityName);
        }

        public Loader label(String column) {
            return new Loader(embeddingColumn, Objects.requireNonNull(column, "label column"), idColumn, splitColumn,
                    modalityName);
        }

        /** No label column: every item gets class 0 until labels from elsewhere replace them (--labels FILE). */
        Loader unlabelled() {
            return new Loader(embeddingColumn, null, idColumn, splitColumn, modalityName);
        }

        public Loader id(String column) {
            return new Loader(embeddingColumn, labelColumn, column, splitColumn, modalityName);
        }

        public Loader split(String column) {
            return new Loader(embeddingColumn, labelColumn, idColumn, column, modalityName);
        }

        public Loader modality(String name) {
            return new Loader(embeddingColumn, labelColumn, idColumn, splitColumn, name);
        }

        /**
         * Reads {@code path}: one Parquet file, or a folder of Parquet part files read as one dataset, the files in
         * order of their paths and the rows of each in file order ({@link ParquetFolder}). Every file of a folder must
         * hold the columns used, with the first file's types, and embeddings of the first row's length.
         */
        public MultiModalDataset load(Path path) {
            boolean folder = Files.isDirectory(path);
            List<Path> files = folder ? ParquetFolder.files(path) : List.of(path);
            Items items = new Items(path, files.size());
            if (folder) { // the footers first: the rows of the whole folder, and every file's columns checked
                for (Path f : files) {
                    try (ParquetFile pq = ParquetFile.open(f)) {
                        items.add(pq, columns());
                    }
                }
                if (items.total() == 0) {
                    throw new IllegalArgumentException(path + ": its " + files.size() + " Parquet files have no"
                            + " rows; expected one row per item");
                }
            }
            Map<String, Integer> firstOfId = new HashMap<>();
            for (int k = 0; k < files.size(); k++) {
                try (ParquetFile pq = ParquetFile.open(files.get(k))) {
                    if (!folder) {
                        items.add(pq, columns());
                    } else if (pq.rows() == 0) {
                        continue; // an empty part file, as Spark writes for an empty partition
                    }
                    read(pq, items, k, firstOfId);
                }
            }
            firstOfId.clear();
            Matrix x = Matrix.wrap(items.labels.size(), items.embeddings.d, items.embeddings.values);
            String name = modalityName != null ? modalityName : CsvEmbeddings.stem(path);
            Modality m = Modality.of(name, x, idColumn == null ? null : items.ids);
            ClassLabels classLabels = items.labels.coded().toClassLabels();
            return MultiModalDataset.of(CsvEmbeddings.stem(path), classLabels, List.of(m),
                    splitColumn == null ? null : Split.of(items.train));
        }

        /** The columns read, the embedding's first. */
        private List<String> columns() {
            List<String> out = new ArrayList<>();
            for (String c : new String[] {embeddingColumn, labelColumn, idColumn, splitColumn}) {
                if (c != null) {
                    out.add(c);
                }
            }
            return out;
        }

        /** Reads the rows of file {@code k}, {@code pq}, into {@code items}. */
        private void read(ParquetFile pq, Items items, int k, Map<String, Integer> firstOfId) {
            for (String c : columns()) {
                pq.column(c);
            }
            int rows = pq.rows();
            int start = items.start(k);
            embeddings(pq, embeddingColumn, items.embeddings, start);
            if (items.labels == null) { // the embeddings' heap check has passed: the rows fit an array
                items.allocate(idColumn != null, splitColumn != null);
            }
            // each value goes where it is kept as it is read: a file's column as an array of strings took some 50
            // bytes a row, unchecked, beside the checked embeddings (an OutOfMemoryError for many narrow rows)
            if (labelColumn == null) {
                for (int i = 0; i < rows; i++) {
                    items.labels.add("0");
                }
            } else {
                strings(pq, labelColumn, rows, "label", (label, i) -> {
                    String refused = LabelCoding.refusal(label);
                    if (refused != null) {
                        throw error(pq, i, labelColumn, label, refused);
                    }
                    items.labels.add(label);
                });
            }
            if (splitColumn != null) {
                strings(pq, splitColumn, rows, "split", (value, i) -> {
                    if (!value.equals("train") && !value.equals("test")) {
                        throw error(pq, i, splitColumn, value, "'train' or 'test'");
                    }
                    items.train[start + i] = value.equals("train");
                });
            }
            if (idColumn != null) {
                strings(pq, idColumn, rows, "id", (id, i) -> {
                    Integer previous = firstOfId.putIfAbsent(id, start + i);
                    if (id.isEmpty() || previous != null) {
                        throw error(pq, i, idColumn, id, id.isEmpty() ? "an id (the id is empty)"
                                : "a new id: duplicate of the id of " + items.where(previous, k));
                    }
                    items.ids[start + i] = id;
                });
            }
        }
    }

    /**
     * The items of the files read: where each file's rows start, the first file's column types, and the values read
     * so far.
     */
    private static final class Items {
        /**
         * What an id costs while it is read, per row, in bytes: the string (about 56 for an id of 10 characters), its
         * reference, and the entry that finds repeats (about 60); {@link Modality#of} checks them again into a map of
         * its own. An estimate: ids are strings of any length, unknown until they are read.
         */
        private static final long ID_BYTES = 200;
        private final Path path;
        private final long[] starts;
        private final List<Path> files = new ArrayList<>();
        private final Map<String, String> types = new HashMap<>();
        final Embeddings embeddings;
        LabelList labels;
        String[] ids;
        boolean[] train;

        Items(Path path, int files) {
            this.path = path;
            this.starts = new long[files + 1];
            this.embeddings = new Embeddings(this, "the embeddings of " + path);
        }

        /** Adds the next file: its rows, and its {@code columns} checked against the first file's. */
        void add(ParquetFile pq, List<String> columns) {
            int k = files.size();
            for (String column : columns) {
                ParquetFile.Column c = pq.column(column);
                String logical = c.leaf().logical();
                String type = describe(c) + (logical == null ? "" : " (" + CsvReader.shown(logical) + ")");
                String first = types.putIfAbsent(column, type);
                if (first != null && !first.equals(type)) {
                    throw new IllegalArgumentException(pq.file() + ", column '" + CsvReader.shown(column) + "': "
                            + type + ", but " + files.get(0) + " (the first file) holds " + first + "; expected one"
                            + " type per column in every file of the folder");
                }
            }
            files.add(pq.file());
            starts[k + 1] = starts[k] + pq.rows();
        }

        long total() {
            return starts[files.size()];
        }

        /** The item of row 0 of file {@code k}. */
        int start(int k) {
            return (int) starts[k];
        }

        /**
         * The arrays of labels (and of ids, and the split, when they are read), once the embeddings fit: each checked
         * against the heap before any of its values is read.
         */
        void allocate(boolean withIds, boolean withSplit) {
            int n = (int) total();
            labels = new LabelList(path.toString(), n);
            if (withIds) {
                Memory.require(ID_BYTES * n, "the ids of " + path + " (" + n + " rows, about " + ID_BYTES
                        + " bytes each while they are checked for repeats)");
                ids = Memory.allocate(4L * n, "the ids of " + path + " (" + n + " rows)", () -> new String[n]);
            }
            if (withSplit) {
                train = Memory.allocate(n, "the split of " + path + " (" + n + " rows)", () -> new boolean[n]);
            }
        }

        /** Item {@code item} as a message names it from file {@code k}: its row, and its file when another. */
        String where(int item, int k) {
            int f = k;
            while (starts[f] > item) {
                f--;
            }
            return (f == k ? "" : files.get(f) + ", ") + "row " + (item - starts[f]) + (f == k ? "" : " (0-based)");
        }
    }

    /**
     * The embeddings of every file, n × d floats: d is the length of the first row (its values kept apart until
     * it ends), and every other row must have that length.
     */
    private static final class Embeddings {
        private final Items items;
        private final String what;
        float[] first = new float[64];
        float[] values;
        int d = -1;
        private Path from;

        Embeddings(Items items, String what) {
            this.items = items;
            this.what = what;
        }

        /** Value {@code j} of item {@code item}: kept when the row may still be the first, or fits d. */
        void put(int item, int j, float v, ParquetFile pq) {
            if (d < 0) {
                if (j == first.length) {
                    Memory.require(8L * j, "the first embedding of " + pq.file());
                    first = Arrays.copyOf(first, (int) Math.min(2L * j, Integer.MAX_VALUE - 8));
                }
                first[j] = v;
            } else if (j < d) {
                values[item * d + j] = v;
            }
        }

        /** Checks the length of a finished row {@code row} of {@code pq} (the first row of all sets d). */
        void endRow(ParquetFile pq, String shownColumn, int row, int length) {
            if (row < 0) {
                return;
            }
            if (d < 0) {
                d = length;
                from = pq.file();
                values = new float[Matrix.heapValues(items.total(), d, what)];
                System.arraycopy(first, 0, values, 0, d);
                first = null;
            } else if (length != d) {
                throw new IllegalArgumentException(pq.file() + ", row " + row + " (0-based), column '" + shownColumn
                        + "': the embedding has " + length + " values but " + (from.equals(pq.file()) ? ""
                        : from + ", ") + "row 0 has " + d + "; expected embeddings of one length");
            }
        }
    }

    /** The one-line error for {@code value} in {@code column} of row {@code row} (0-based). */
    private static IllegalArgumentException error(ParquetFile pq, int row, String column, String value,
                                                  String expected) {
        return new IllegalArgumentException(pq.file() + ", row " + row + " (0-based), column '"
                + CsvReader.shown(column) + "': value '" + CsvReader.shown(value) + "' is not " + expected);
    }

    /** The embedding column of {@code pq} into {@code into}, its row 0 as item {@code start}. */
    private static void embeddings(ParquetFile pq, String column, Embeddings into, int start) {
        ParquetFile.Column c = pq.column(column);
        PrimitiveTypeName type = c.type();
        String shown = CsvReader.shown(column);
        if (c.descriptor().getMaxRepetitionLevel() != 1 || (type != PrimitiveTypeName.FLOAT
                && type != PrimitiveTypeName.DOUBLE)) {
            throw new IllegalArgumentException(pq.file() + ": column '" + shown + "' holds " + describe(c)
                    + "; expected a list of float or double values (one embedding per row)");
        }
        int rows = pq.rows();
        if (rows == 0) {
            throw new IllegalArgumentException(pq.file() + " has no rows; expected one row per item");
        }
        int maxDef = c.descriptor().getMaxDefinitionLevel();
        boolean doubles = type == PrimitiveTypeName.DOUBLE;
        var state = new Object() {
            int row = -1;
            int inRow;
        };
        pq.read(c, (rep, def, reader) -> {
            if (rep != 0 && state.row < 0) {
                throw pq.corrupt(c, "its first value does not start a row");
            }
            if (rep == 0) {
                into.endRow(pq, shown, state.row, state.inRow);
                state.row++;
                state.inRow = 0;
                if (state.row >= rows) {
                    throw new IllegalArgumentException(pq.file() + ": column '" + shown + "' has more rows than the"
                            + " footer's " + rows + "; the file is corrupt");
                }
            }
            if (def < maxDef) {
                throw new IllegalArgumentException(pq.file() + ", row " + state.row + " (0-based), column '" + shown
                        + "': " + (rep == 0 ? "the embedding is null or empty" : "value " + state.inRow + " is null")
                        + "; expected " + (into.d > 0 ? into.d + " numbers" : "a list of numbers"));
            }
            double read = doubles ? reader.getDouble() : reader.getFloat();
            float v = (float) read;
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(pq.file() + ", row " + state.row + " (0-based), column '" + shown
                        + "[" + state.inRow + "]': value " + read + " is not a finite float32 number");
            }
            into.put(start + state.row, state.inRow, v, pq);
            state.inRow++;
        });
        if (state.row < 0) {
            throw new IllegalArgumentException(pq.file() + ": column '" + shown + "' holds no values but the footer"
                    + " says " + rows + " rows; the file is corrupt");
        }
        into.endRow(pq, shown, state.row, state.inRow);
        if (state.row + 1 != rows) {
            throw new IllegalArgumentException(pq.file() + ": column '" + shown + "' has " + (state.row + 1)
                    + " rows but the footer says " + rows + "; the file is corrupt");
        }
    }

    /** What is done with each value of a scalar column: {@code value} of row {@code row} (0-based) of its file. */
    private interface Value {
        void accept(String value, int row);
    }

    /** A scalar column (integer, string or boolean) as text, each value of it given to {@code each} in row order. */
    private static void strings(ParquetFile pq, String column, int rows, String role, Value each) {
        ParquetFile.Column c = pq.column(column);
        PrimitiveTypeName type = c.type();
        boolean text = type == PrimitiveTypeName.BINARY || type == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
        if (c.descriptor().getMaxRepetitionLevel() != 0 || !(text || type == PrimitiveTypeName.INT32
                || type == PrimitiveTypeName.INT64 || type == PrimitiveTypeName.BOOLEAN)) {
            throw new IllegalArgumentException(pq.file() + ": column '" + CsvReader.shown(column) + "' holds "
                    + describe(c) + "; expected one integer or string " + role + " per row");
        }
        // Decimals, dates, times and the like are stored as integers or bytes that do not read as what they mean
        // (the decimal 1.5 is the integer 15): refused rather than coded by their storage.
        String logical = c.leaf().logical();
        if (logical != null && !logical.equals("unsigned") && !logical.equals("string") && !logical.equals("enum")) {
            throw new IllegalArgumentException(pq.file() + ": column '" + CsvReader.shown(column) + "' holds "
                    + CsvReader.shown(logical) + " values (stored as " + type.name().toLowerCase(Locale.ROOT)
                    + "); expected one integer or string " + role + " per row");
        }
        int maxDef = c.descriptor().getMaxDefinitionLevel();
        var read = new Object() {
            int rows;
        };
        pq.read(c, (rep, def, value) -> {
            if (read.rows == rows) {
                throw new IllegalArgumentException(pq.file() + ": column '" + CsvReader.shown(column) + "' has more"
                        + " rows than the embedding column's " + rows + "; the file is corrupt");
            }
            if (def < maxDef) {
                throw new IllegalArgumentException(pq.file() + ", row " + read.rows + " (0-based), column '"
                        + CsvReader.shown(column) + "': the " + role + " is null; expected a value on every row");
            }
            String string;
            try {
                string = value.text();
            } catch (ParquetFile.NotUtf8Exception e) {
                throw new IllegalArgumentException(pq.file() + ", row " + read.rows + " (0-based), column '"
                        + CsvReader.shown(column) + "': the " + role + " is not UTF-8 text (bytes " + e.getMessage()
                        + "); expected a UTF-8 string or an integer");
            }
            each.accept(string, read.rows++);
        });
        if (read.rows != rows) {
            throw new IllegalArgumentException(pq.file() + ": column '" + CsvReader.shown(column) + "' has "
                    + read.rows + " rows but the embedding column has " + rows + "; the file is corrupt");
        }
    }

    private static String describe(ParquetFile.Column c) {
        String type = c.type().name().toLowerCase(Locale.ROOT);
        int rep = c.descriptor().getMaxRepetitionLevel();
        return rep == 0 ? "single " + type + " values" : rep == 1 ? "lists of " + type + " values"
                : "nested lists (" + rep + " levels) of " + type + " values";
    }
}
