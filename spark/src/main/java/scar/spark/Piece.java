package scar.spark;

import java.io.Serializable;

/**
 * The rows of one block that one input partition holds, sorted by item: the whole {@link Block} when the partition
 * holds every item of it ({@link #complete}), else a fragment that meets the block's other fragments in the shuffle
 * that places blocks ({@link GroupPartitioner}) and is merged with them there.
 */
record Piece(int block, int[] items, int[] labels, float[][] data, String[] ids) implements Serializable {

    boolean complete(long n) {
        long first = (long) block * scar.probe.BlockPass.BLOCK;
        return items.length == Math.min(scar.probe.BlockPass.BLOCK, n - first);
    }

    /** This piece and {@code other} (rows of the same block) as one piece, sorted by item. */
    Piece merge(Piece other) {
        int n = items.length + other.items.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(item(other, a), item(other, b)));
        int[] it = new int[n];
        int[] lab = new int[n];
        String[] id = ids == null ? null : new String[n];
        float[][] d = new float[data.length][];
        for (int m = 0; m < data.length; m++) {
            int dim = (data[m].length + other.data[m].length) / n;
            d[m] = new float[n * dim];
            for (int r = 0; r < n; r++) {
                int src = order[r];
                boolean mine = src < items.length;
                int row = mine ? src : src - items.length;
                System.arraycopy(mine ? data[m] : other.data[m], row * dim, d[m], r * dim, dim);
            }
        }
        for (int r = 0; r < n; r++) {
            int src = order[r];
            boolean mine = src < items.length;
            int row = mine ? src : src - items.length;
            it[r] = mine ? items[row] : other.items[row];
            lab[r] = mine ? labels[row] : other.labels[row];
            if (id != null) {
                id[r] = mine ? ids[row] : other.ids[row];
            }
            if (r > 0 && it[r] == it[r - 1]) {
                throw new IllegalStateException("item " + it[r] + " occurs twice in the input");
            }
        }
        return new Piece(block, it, lab, d, id);
    }

    private int item(Piece other, int i) {
        return i < items.length ? items[i] : other.items[i - items.length];
    }

    /** The block; the caller checked {@link #complete}. */
    Block toBlock() {
        return new Block(block, items[0], labels, data, ids);
    }
}
