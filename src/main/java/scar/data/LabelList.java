package scar.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of a file read row by row, for loaders that do not know the row count in advance. Each distinct label
 * is kept once and a row holds its index, 4 bytes, in an array that grows like {@link FloatList}: every growth is
 * checked against the heap first, so a file of more rows than fit is a {@link Memory} message naming the file, not an
 * {@link OutOfMemoryError}. (A list of the label strings took a reference and, for each row parsed, a string of its
 * own: some 50 bytes a row.)
 */
final class LabelList {
    private final String source;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> distinct = new ArrayList<>();
    private int[] rows;
    private int size;

    /** @param source the file being read, for the message when growing would not fit the heap */
    LabelList(String source) {
        this.source = source;
        this.rows = new int[1024];
    }

    /**
     * A list for {@code rows} labels, a count known before they are read (a Parquet footer, a {@code .npy} shape):
     * its array is allocated once, through {@link Memory}, so that too many rows for the heap are refused before any
     * label is read.
     */
    LabelList(String source, long rows) {
        this.source = source;
        if (rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(source + ": " + rows + " rows do not fit one array; split the data");
        }
        int n = (int) Math.max(rows, 1);
        this.rows = Memory.allocate(4L * n, "the labels of " + source + " (" + rows + " rows)", () -> new int[n]);
    }

    /** Appends the label of the next row. */
    void add(String label) {
        if (size == rows.length) {
            if (size >= Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(source + ": more than " + size + " rows do not fit one array;"
                        + " split the data");
            }
            int grown = (int) Math.min(2L * size, Integer.MAX_VALUE - 8);
            int[] old = rows;
            rows = Memory.allocate(4L * grown, "the labels of " + source + " (" + size + " rows so far, growing to "
                    + grown + ")", () -> Arrays.copyOf(old, grown));
        }
        Integer k = index.get(label);
        if (k == null) {
            k = distinct.size();
            index.put(label, k);
            distinct.add(label);
        }
        rows[size++] = k;
    }

    /** Drops the first row (a header read as a label), and its label with it when no other row has that label. */
    void dropFirst() {
        int first = rows[0];
        System.arraycopy(rows, 1, rows, 0, --size);
        for (int i = 0; i < size; i++) {
            if (rows[i] == first) {
                return;
            }
        }
        index.remove(distinct.remove(first));
        for (int k = first; k < distinct.size(); k++) {
            index.put(distinct.get(k), k);
        }
        for (int i = 0; i < size; i++) {
            if (rows[i] > first) {
                rows[i]--;
            }
        }
    }

    /** The number of rows added. */
    int size() {
        return size;
    }

    /**
     * The labels coded as {@link LabelCoding#ofStrings} codes them (the coding depends only on the distinct labels,
     * so it is made for those and applied to every row). The last call on this list: it may code the rows in place.
     */
    LabelCoding.Coded coded() {
        LabelCoding.Coded names = LabelCoding.ofStrings(distinct.toArray(new String[0]));
        int[] all = rows;
        int[] codes = size == all.length ? all
                : Memory.allocate(4L * size, "the labels of " + source + " (" + size + " rows)",
                        () -> Arrays.copyOf(all, size));
        rows = null;
        for (int i = 0; i < size; i++) {
            codes[i] = names.labels()[codes[i]];
        }
        return new LabelCoding.Coded(codes, names.names());
    }
}
