package scar.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Converts between Tablesaw tables and the data model. A table becomes a one-modality dataset (modality
 * {@code "embedding"}, dataset named after the table) whose embedding columns are chosen by name prefix or by a list;
 * labels follow the rule of {@link CsvEmbeddings}: integer labels (a numeric column must hold only integers) are mapped
 * to {@code 0..K-1} in ascending order and named by their value, text labels are mapped in sorted order and kept as
 * class names. Rows in messages are 0-based table row indices.
 */
public final class Tables {
    /** The modality name given to embeddings read from a table. */
    public static final String MODALITY = "embedding";

    private Tables() {
    }

    /** Embedding columns: every column whose name starts with {@code embeddingPrefix}, in table order. */
    public static MultiModalDataset fromTable(Table table, String labelColumn, String embeddingPrefix) {
        Objects.requireNonNull(embeddingPrefix, "embeddingPrefix");
        List<String> columns = new ArrayList<>();
        for (String c : table.columnNames()) {
            if (c.startsWith(embeddingPrefix) && !c.equals(labelColumn)) {
                columns.add(c);
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no column starting with '"
                    + embeddingPrefix + "'; its columns are " + table.columnNames());
        }
        return fromTable(table, null, labelColumn, null, columns);
    }

    /** Embedding columns given by name, in the given order. */
    public static MultiModalDataset fromTable(Table table, String labelColumn, List<String> embeddingColumns) {
        return fromTable(table, null, labelColumn, null, embeddingColumns);
    }

    /**
     * The general form.
     *
     * @param idColumn    the item ids (any column type, values unique), or null for row indices
     * @param splitColumn a column of {@code train}/{@code test} values, or null for no split
     */
    public static MultiModalDataset fromTable(Table table, String idColumn, String labelColumn, String splitColumn,
                                              List<String> embeddingColumns) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(embeddingColumns, "embeddingColumns");
        if (embeddingColumns.isEmpty()) {
            throw new IllegalArgumentException("no embedding columns given for table '" + table.name() + "'");
        }
        String where = "table '" + table.name() + "'";
        int n = table.rowCount();
        if (n == 0) {
            throw new IllegalArgumentException(where + " has no rows");
        }
        // Name a missing label, id or split column before reading any value.
        column(table, labelColumn);
        for (String named : new String[] {idColumn, splitColumn}) {
            if (named != null) {
                column(table, named);
            }
        }
        int d = embeddingColumns.size();
        float[] data = new float[Math.multiplyExact(n, d)];
        for (int j = 0; j < d; j++) {
            Column<?> col = column(table, embeddingColumns.get(j));
            if (!(col instanceof NumericColumn<?> numeric)) {
                throw new IllegalArgumentException(where + ", column '" + col.name() + "' has type " + col.type()
                        + "; expected a numeric embedding column");
            }
            for (int i = 0; i < n; i++) {
                double v = numeric.isMissing(i) ? Double.NaN : numeric.getDouble(i);
                float f = (float) v;
                if (!Float.isFinite(f)) {
                    throw new IllegalArgumentException(where + ", row " + i + ", column '" + col.name() + "': value "
                            + (numeric.isMissing(i) ? "(missing)" : v) + " is not a finite float32 number");
                }
                data[i * d + j] = f;
            }
        }
        String[] ids = idColumn == null ? null : ids(table, where, idColumn);
        ClassLabels labels = labels(table, where, labelColumn);
        Split split = splitColumn == null ? null : split(table, where, splitColumn);
        String name = table.name() == null || table.name().isBlank() ? "table" : table.name();
        return MultiModalDataset.of(name, labels, List.of(Modality.of(MODALITY, Matrix.wrap(n, d, data), ids)), split);
    }

    private static Column<?> column(Table table, String name) {
        Objects.requireNonNull(name, "column name");
        if (!table.containsColumn(name)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + name
                    + "'; its columns are " + table.columnNames());
        }
        return table.column(name);
    }

    private static String[] ids(Table table, String where, String idColumn) {
        Column<?> col = column(table, idColumn);
        String[] ids = new String[table.rowCount()];
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = col.getUnformattedString(i);
            if (col.isMissing(i) || ids[i].isEmpty()) {
                throw new IllegalArgumentException(where + ", row " + i + ", column '" + idColumn + "': the id is missing");
            }
            Integer previous = first.putIfAbsent(ids[i], i);
            if (previous != null) {
                throw new IllegalArgumentException(where + ", row " + i + ", column '" + idColumn + "': value '" + ids[i]
                        + "' is a duplicate id (first on row " + previous + "); expected unique ids");
            }
        }
        return ids;
    }

    private static ClassLabels labels(Table table, String where, String labelColumn) {
        Column<?> col = column(table, labelColumn);
        int n = table.rowCount();
        if (col instanceof NumericColumn<?> numeric) {
            int[] raw = new int[n];
            for (int i = 0; i < n; i++) {
                double v = numeric.isMissing(i) ? Double.NaN : numeric.getDouble(i);
                if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(where + ", row " + i + ", column '" + labelColumn + "': value "
                            + (numeric.isMissing(i) ? "(missing)" : v) + " is not an integer class label");
                }
                raw[i] = (int) v;
            }
            return LabelCoding.ofInts(raw).toClassLabels();
        }
        String[] raw = new String[n];
        for (int i = 0; i < n; i++) {
            raw[i] = col.isMissing(i) ? "" : col.getUnformattedString(i).trim();
            if (raw[i].isEmpty() || (LabelCoding.asInteger(raw[i]) == null && LabelCoding.isNumber(raw[i]))) {
                throw new IllegalArgumentException(where + ", row " + i + ", column '" + labelColumn + "': value '"
                        + raw[i] + "' is not " + (raw[i].isEmpty() ? "a label (it is missing)" : "an integer class label"));
            }
        }
        return LabelCoding.ofStrings(raw).toClassLabels();
    }

    private static Split split(Table table, String where, String splitColumn) {
        Column<?> col = column(table, splitColumn);
        boolean[] train = new boolean[table.rowCount()];
        for (int i = 0; i < train.length; i++) {
            String s = col.getUnformattedString(i);
            if (!s.equals("train") && !s.equals("test")) {
                throw new IllegalArgumentException(where + ", row " + i + ", column '" + splitColumn + "': value '" + s
                        + "' is not 'train' or 'test'");
            }
            train[i] = s.equals("train");
        }
        return Split.of(train);
    }

    /** One row per item: {@code id}, then the embedding as float columns {@code f0..f(d-1)}. */
    public static Table toTable(Modality modality) {
        Table t = Table.create(modality.name(), StringColumn.create("id", modality.ids()));
        addEmbedding(t, modality);
        return t;
    }

    /**
     * One row per item: {@code id}, {@code label}, {@code class_name}, {@code split} (when the dataset has one), then
     * the named modality's embedding as {@code f0..f(d-1)}. {@link #fromTable(Table, String, String, String, List)}
     * reads it back.
     */
    public static Table toTable(MultiModalDataset dataset, String modality) {
        Modality m = dataset.modality(modality);
        ClassLabels labels = dataset.classLabels();
        String[] names = new String[dataset.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = labels.className(labels.label(i));
        }
        Table t = Table.create(dataset.name(), StringColumn.create("id", dataset.ids()),
                IntColumn.create("label", dataset.labels()), StringColumn.create("class_name", names));
        if (dataset.hasSplit()) {
            String[] split = new String[dataset.size()];
            for (int i = 0; i < split.length; i++) {
                split[i] = dataset.split().isTrain(i) ? "train" : "test";
            }
            t.addColumns(StringColumn.create("split", split));
        }
        addEmbedding(t, m);
        return t;
    }

    private static void addEmbedding(Table t, Modality m) {
        Matrix x = m.embeddings();
        for (int j = 0; j < x.cols(); j++) {
            float[] col = new float[x.rows()];
            for (int i = 0; i < col.length; i++) {
                col[i] = x.get(i, j);
            }
            t.addColumns(FloatColumn.create("f" + j, col));
        }
    }
}
