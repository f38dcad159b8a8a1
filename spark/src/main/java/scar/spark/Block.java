package scar.spark;

import java.io.Serializable;

/**
 * The cached unit of a Spark study: the items of one block of SPEC §2.3 — item indices {@code [first, first + n)}
 * with {@code first = id · BLOCK} — with their class and, per modality, their embeddings row-major (n × d floats).
 * A partition holds whole aligned runs of blocks, so it can compute every fit's sum-group partials alone.
 *
 * @param id     block number
 * @param first  item index of the first row
 * @param labels class of every row, 0..K−1
 * @param data   per modality, n × d_m floats, row-major
 * @param ids    the items' ids when the input has an id column, else null
 */
record Block(int id, int first, int[] labels, float[][] data, String[] ids) implements Serializable {
    int rows() {
        return labels.length;
    }

    /** The id of row r: the id column's value, or the item index. */
    String id(int r) {
        return ids == null ? Integer.toString(first + r) : ids[r];
    }
}
