package scar.probe;

import scar.data.Matrix;

/**
 * A probe's private copy of its inputs: one {@code float[]} per row (optionally standardised), and where the blocks
 * of SPEC §2.3 start. The {@link BlockPass} transposes each chunk as it goes, so X is held once.
 */
final class PackedData {
    final int n;
    final int d;
    final float[][] rows;
    /** Row offsets where blocks start, then n. */
    final int[] blockStarts;

    private PackedData(int n, int d, float[][] rows, int[] blockStarts) {
        this.n = n;
        this.d = d;
        this.rows = rows;
        this.blockStarts = blockStarts;
    }

    int blocks() {
        return blockStarts.length - 1;
    }

    /** The rows of {@code x} as they are, row i being item i. */
    static PackedData raw(Matrix x) {
        return standardised(x, null, identityBlocks(x.rows()));
    }

    /** Block starts of rows that are items 0..n−1. */
    static int[] identityBlocks(int n) {
        int blocks = (n + BlockPass.BLOCK - 1) / BlockPass.BLOCK;
        int[] starts = new int[blocks + 1];
        for (int b = 0; b < blocks; b++) {
            starts[b] = b * BlockPass.BLOCK;
        }
        starts[blocks] = n;
        return starts;
    }

    /** The rows of {@code x}, standardised by {@code s} (null: unchanged). */
    static PackedData standardised(Matrix x, Standardizer s, int[] blockStarts) {
        int n = x.rows();
        int d = x.cols();
        float[] data = x.data();
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            if (s == null) {
                System.arraycopy(data, i * d, rows[i], 0, d);
            } else {
                s.apply(data, i, rows[i]);
            }
        }
        return new PackedData(n, d, rows, blockStarts);
    }
}
