package scar.probe;

import scar.data.Matrix;

/**
 * A fit's rows as the passes read them: row r of the matrix (on the heap, memory-mapped, or a row view — an index
 * list — of either), standardised on the way when a {@link Standardizer} is given, and where the blocks and sum
 * groups of SPEC §2.3 start. Nothing is copied: every pass reads a panel of rows into its thread's buffer
 * ({@link #load}), so a fit costs no memory for X, and the rows a fit gets are the same floats whether X is on the
 * heap or in a file.
 */
final class PackedData implements BlockPass.Rows {
    final int n;
    final int d;
    private final Matrix x;
    private final Standardizer standardizer;
    /** Where the rows' blocks and sum groups start. */
    final Blocks blocks;

    private PackedData(Matrix x, Standardizer standardizer, Blocks blocks) {
        this.n = x.rows();
        this.d = x.cols();
        this.x = x;
        this.standardizer = standardizer;
        this.blocks = blocks;
    }

    /** The rows of {@code x} as they are, row i being item i. */
    static PackedData raw(Matrix x) {
        return standardised(x, null, Blocks.identity(x.rows()));
    }

    /** The rows of {@code x}, standardised by {@code s} (null: unchanged) as they are read. */
    static PackedData standardised(Matrix x, Standardizer s, Blocks blocks) {
        return new PackedData(x, s, blocks);
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
