package scar.data;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * One view of the items: a name, an n × d float embedding matrix (row i is item i) and the items' ids. The matrix is
 * held, not copied: on the heap, or memory-mapped from a {@code .npy} file ({@link Npy#read}), so that a modality can
 * be larger than the heap; a selection of rows is an index list over it. When no ids are given they are the row indices {@code "0", "1", ...},
 * produced on demand, so a 1,000,000 × 768 modality costs its 3 GiB of floats and nothing more.
 */
public final class Modality implements Tabular {
    private final String name;
    private final Matrix embeddings;
    private final String[] ids;
    /** The labelled dataset this modality was taken from with {@link MultiModalDataset#modality}, or null. */
    private final MultiModalDataset dataset;

    private Modality(String name, Matrix embeddings, String[] ids) {
        this(name, embeddings, ids, null);
    }

    private Modality(String name, Matrix embeddings, String[] ids, MultiModalDataset dataset) {
        this.name = name;
        this.embeddings = embeddings;
        this.ids = ids;
        this.dataset = dataset;
    }

    /** This modality remembering the dataset (labels, split) it belongs to; nothing is copied. */
    Modality attachedTo(MultiModalDataset owner) {
        return new Modality(name, embeddings, ids, owner);
    }

    /**
     * The labelled dataset this modality was taken from ({@code dataset.modality(name)}), so that
     * {@code characterize(wiki.modality("text"))} knows the labels.
     *
     * @throws IllegalArgumentException if the modality was built on its own and has no labels
     */
    public MultiModalDataset dataset() {
        if (dataset == null) {
            throw new IllegalArgumentException("modality '" + name + "' was not taken from a labelled dataset, so it"
                    + " has no labels; build one with MultiModalDataset.of(name, labels, classNames, modality) and"
                    + " take the modality with dataset.modality(\"" + name + "\")");
        }
        return dataset;
    }

    /** A modality with row-index ids; the matrix is not copied. */
    public static Modality of(String name, Matrix embeddings) {
        return of(name, embeddings, null);
    }

    /** Copies {@code values} (rows of equal length) into a float matrix. */
    public static Modality of(String name, double[][] values) {
        return of(name, Matrix.of(values), null);
    }

    /**
     * A modality with explicit item ids ({@code null} for row indices); the ids are copied, the matrix is not.
     *
     * @throws IllegalArgumentException if the name is blank, a value is NaN or infinite, or the ids do not match the
     *                                  rows or repeat
     */
    public static Modality of(String name, Matrix embeddings, String[] ids) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(embeddings, "embeddings");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a modality name must not be blank");
        }
        checkFinite(name, embeddings, ids);
        return new Modality(name, embeddings, ids == null ? null : checkIds(ids, embeddings.rows(), name).clone());
    }

    /** Rejects NaN and infinite values here, naming the row and column, rather than deep inside a probe fit. */
    private static void checkFinite(String name, Matrix embeddings, String[] ids) {
        embeddings.checkFinite((row, col, value) -> {
            String id = ids != null && row < ids.length ? " (id '" + ids[row] + "')" : "";
            return new IllegalArgumentException("modality '" + name + "', row " + row + id + ", column " + col
                    + ": value " + value + " is not a finite number; expected finite embeddings (drop or "
                    + "impute the item)");
        });
    }

    private static String[] checkIds(String[] ids, int rows, String name) {
        if (ids.length != rows) {
            throw new IllegalArgumentException("modality '" + name + "' has " + rows + " rows but " + ids.length
                    + " ids; expected one id per row");
        }
        Map<String, Integer> first = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                throw new IllegalArgumentException("modality '" + name + "': id of row " + i + " is null");
            }
            Integer previous = first.putIfAbsent(ids[i], i);
            if (previous != null) {
                throw new IllegalArgumentException("modality '" + name + "': duplicate id '" + ids[i] + "' at rows "
                        + previous + " and " + i + "; expected unique ids");
            }
        }
        return ids;
    }

    public String name() {
        return name;
    }

    /** The embedding matrix (not a copy; do not modify its data). */
    public Matrix embeddings() {
        return embeddings;
    }

    /** The number of items n. */
    public int rows() {
        return embeddings.rows();
    }

    /** The embedding dimension d. */
    public int dim() {
        return embeddings.cols();
    }

    /** Whether the ids were given (otherwise they are the row indices). */
    public boolean hasIds() {
        return ids != null;
    }

    /** The id of row {@code i}. */
    public String id(int i) {
        Objects.checkIndex(i, rows());
        return ids == null ? Integer.toString(i) : ids[i];
    }

    /** A copy of the ids, one per row. */
    public String[] ids() {
        if (ids != null) {
            return ids.clone();
        }
        String[] out = new String[rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.toString(i);
        }
        return out;
    }

    /** The ids array itself or null; for the package's own validation, never handed out. */
    String[] idsOrNull() {
        return ids;
    }

    /**
     * The given rows, in the given order: a view that holds the row indices, not a copy of the values. A modality
     * taken from a dataset ({@link #dataset()}) stays attached to the same items of it, labels and split selected
     * alike, so that {@code characterize(wiki.modality("text").select(rows))} works.
     *
     * @throws IllegalArgumentException if a row is out of range or repeats (ids stay unique)
     */
    public Modality select(int[] rows) {
        checkRows(rows, rows());
        return dataset == null ? view(rows) : dataset.select(rows).modality(name);
    }

    /** {@link #select} of rows already checked, not attached to a dataset (a dataset's select builds on this). */
    Modality view(int[] rows) {
        String[] selectedIds = null;
        if (ids != null) {
            selectedIds = new String[rows.length];
            for (int k = 0; k < rows.length; k++) {
                selectedIds[k] = ids[rows[k]];
            }
        }
        return new Modality(name, embeddings.selectRows(rows), selectedIds);
    }

    /** Checks that {@code rows} are distinct indices in {@code 0..n-1}. */
    static void checkRows(int[] rows, int n) {
        Objects.requireNonNull(rows, "rows");
        boolean[] seen = new boolean[n];
        for (int row : rows) {
            if (row < 0 || row >= n) {
                throw new IllegalArgumentException("row " + row + " is outside 0.." + (n - 1));
            }
            if (seen[row]) {
                throw new IllegalArgumentException("row " + row + " is selected twice; expected distinct rows");
            }
            seen[row] = true;
        }
    }

    /** The same embeddings and ids under another name. */
    public Modality withName(String newName) {
        return of(newName, embeddings, ids);
    }

    /** One row per item: {@code id}, then {@code f0..f(d-1)} as float columns. */
    @Override
    public Table toTable() {
        return Tables.toTable(this);
    }

    @Override
    public String toString() {
        return "Modality " + name + ": " + rows() + " x " + dim() + (ids == null ? "" : " (with ids)");
    }
}
