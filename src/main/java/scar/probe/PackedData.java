package scar.probe;

import scar.data.Matrix;

/**
 * A fit's rows as the passes read them: row r of the matrix (on the heap, memory-mapped, or a row view — an index
 * list — of either), standardised on the way when a {@link Standardizer} is given, and where the blocks of SPEC §2.3
 * start. Nothing is copied: every pass reads a panel of rows into its thread's buffer ({@link #load}), so a fit
 * costs no memory for X, and the rows a fit gets are the same floats whether X is on the heap or in a file.
 */
final class PackedData implements BlockPass.Rows {
    final int n;
    final int d;
    private final Matrix x;
    private final Standardizer standardizer;
    /** Row offsets where blocks start, then n. */
    final int[] blockStarts;

    private PackedData(Matrix x, Standardizer standardizer, int[] blockStarts) {
        this.n = x.rows();
        this.d = x.cols();
        this.x = x;
        this.standardizer = standardizer;
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

    /** The rows of {@code x}, standardised by {@code s} (null: unchanged) as they are read. */
    static PackedData standardised(Matrix x, Standardizer s, int[] blockStarts) {
        return new PackedData(x, s, blockStarts);
    }

    /** Rows {@code [from, from + count)} into {@code dst[0 .. count)}, standardised: {@link Standardizer#apply}. */
    @Override
    public void load(int from, int count, float[][] dst) {
        for (int r = 0; r < count; r++) {
            float[] row = dst[r];
            x.readRow(from + r, row, 0);
            if (standardizer != null) {
                standardizer.apply(row, row);
            }
        }
    }
}
