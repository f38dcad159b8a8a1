package scar.data;

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
 * {@code .npy}).
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

        /** Reads {@code file}. */
        public MultiModalDataset load(Path file) {
            try (ParquetFile pq = ParquetFile.open(file)) {
                for (String c : new String[] {labelColumn, idColumn, splitColumn}) {
                    if (c != null) {
                        pq.column(c);
                    }
                }
                Matrix x = embeddings(pq, embeddingColumn);
                String[] labels = labelColumn == null ? zeros(x.rows()) : strings(pq, labelColumn, x.rows(), "label");
                for (int i = 0; labelColumn != null && i < labels.length; i++) {
                    String refused = LabelCoding.refusal(labels[i]);
                    if (refused != null) {
                        throw error(pq, i, labelColumn, labels[i], refused);
                    }
                }
                String[] ids = idColumn == null ? null : strings(pq, idColumn, x.rows(), "id");
                Split split = splitColumn == null ? null : split(pq, strings(pq, splitColumn, x.rows(), "split"));
                String name = modalityName != null ? modalityName : CsvEmbeddings.stem(file);
                Modality m = Modality.of(name, x, ids == null ? null : checkIds(pq, ids));
                ClassLabels classLabels = LabelCoding.ofStrings(labels).toClassLabels();
                return MultiModalDataset.of(CsvEmbeddings.stem(file), classLabels, List.of(m), split);
            }
        }

        private static String[] zeros(int n) {
            String[] out = new String[n];
            Arrays.fill(out, "0");
            return out;
        }

        private String[] checkIds(ParquetFile pq, String[] ids) {
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                Integer previous = first.putIfAbsent(ids[i], i);
                if (ids[i].isEmpty() || previous != null) {
                    throw error(pq, i, idColumn, ids[i], ids[i].isEmpty() ? "an id (the id is empty)"
                            : "a new id: duplicate of the id of row " + previous);
                }
            }
            return ids;
        }

        private Split split(ParquetFile pq, String[] values) {
            boolean[] train = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                if (!values[i].equals("train") && !values[i].equals("test")) {
                    throw error(pq, i, splitColumn, values[i], "'train' or 'test'");
                }
                train[i] = values[i].equals("train");
            }
            return Split.of(train);
        }
    }

    /** The one-line error for {@code value} in {@code column} of row {@code row} (0-based). */
    private static IllegalArgumentException error(ParquetFile pq, int row, String column, String value,
                                                  String expected) {
        return new IllegalArgumentException(pq.file() + ", row " + row + " (0-based), column '"
                + CsvReader.shown(column) + "': value '" + CsvReader.shown(value) + "' is not " + expected);
    }

    /** The embedding column as an n × d heap matrix. */
    private static Matrix embeddings(ParquetFile pq, String column) {
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
            float[] first = new float[64];
            float[] values;
            int d = -1;
            int row = -1;
            int inRow;
        };
        pq.read(c, (rep, def, reader) -> {
            if (rep != 0 && state.row < 0) {
                throw pq.corrupt(c, "its first value does not start a row");
            }
            if (rep == 0) {
                endRow(pq, shown, state.row, state.inRow, state.d);
                if (state.row == 0) {
                    state.d = state.inRow;
                    state.values = new float[Matrix.heapValues(rows, state.d, "the embeddings of " + pq.file())];
                    System.arraycopy(state.first, 0, state.values, 0, state.d);
                    state.first = null;
                }
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
                        + "; expected " + (state.d > 0 ? state.d + " numbers" : "a list of numbers"));
            }
            double read = doubles ? reader.getDouble() : reader.getFloat();
            float v = (float) read;
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(pq.file() + ", row " + state.row + " (0-based), column '" + shown
                        + "[" + state.inRow + "]': value " + read + " is not a finite float32 number");
            }
            if (state.d < 0) {
                if (state.inRow == state.first.length) {
                    Memory.require(8L * state.inRow, "the first embedding of " + pq.file());
                    state.first = Arrays.copyOf(state.first, (int) Math.min(2L * state.inRow, Integer.MAX_VALUE - 8));
                }
                state.first[state.inRow] = v;
            } else if (state.inRow < state.d) {
                state.values[state.row * state.d + state.inRow] = v;
            }
            state.inRow++;
        });
        if (state.row < 0) {
            throw new IllegalArgumentException(pq.file() + ": column '" + shown + "' holds no values but the footer"
                    + " says " + rows + " rows; the file is corrupt");
        }
        endRow(pq, shown, state.row, state.inRow, state.d);
        if (state.d < 0) {
            state.d = state.inRow;
            state.values = Arrays.copyOf(state.first, state.d);
        }
        if (state.row + 1 != rows) {
            throw new IllegalArgumentException(pq.file() + ": column '" + shown + "' has " + (state.row + 1)
                    + " rows but the footer says " + rows + "; the file is corrupt");
        }
        return Matrix.wrap(rows, state.d, state.values);
    }

    /** Checks the length of a finished row (the first row sets d). */
    private static void endRow(ParquetFile pq, String shownColumn, int row, int length, int d) {
        if (row >= 0 && d >= 0 && length != d) {
            throw new IllegalArgumentException(pq.file() + ", row " + row + " (0-based), column '" + shownColumn
                    + "': the embedding has " + length + " values but row 0 has " + d + "; expected embeddings of"
                    + " one length");
        }
    }

    /** A scalar column (integer, string or boolean) as text, one value per row. */
    private static String[] strings(ParquetFile pq, String column, int rows, String role) {
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
        List<String> out = new ArrayList<>(rows);
        pq.read(c, (rep, def, value) -> {
            if (out.size() == rows) {
                throw new IllegalArgumentException(pq.file() + ": column '" + CsvReader.shown(column) + "' has more"
                        + " rows than the embedding column's " + rows + "; the file is corrupt");
            }
            if (def < maxDef) {
                throw new IllegalArgumentException(pq.file() + ", row " + out.size() + " (0-based), column '"
                        + CsvReader.shown(column) + "': the " + role + " is null; expected a value on every row");
            }
            try {
                out.add(value.text());
            } catch (ParquetFile.NotUtf8Exception e) {
                throw new IllegalArgumentException(pq.file() + ", row " + out.size() + " (0-based), column '"
                        + CsvReader.shown(column) + "': the " + role + " is not UTF-8 text (bytes " + e.getMessage()
                        + "); expected a UTF-8 string or an integer");
            }
        });
        if (out.size() != rows) {
            throw new IllegalArgumentException(pq.file() + ": column '" + CsvReader.shown(column) + "' has "
                    + out.size() + " rows but the embedding column has " + rows + "; the file is corrupt");
        }
        return out.toArray(new String[0]);
    }

    private static String describe(ParquetFile.Column c) {
        String type = c.type().name().toLowerCase(Locale.ROOT);
        int rep = c.descriptor().getMaxRepetitionLevel();
        return rep == 0 ? "single " + type + " values" : rep == 1 ? "lists of " + type + " values"
                : "nested lists (" + rep + " levels) of " + type + " values";
    }
}
