package scar.probe;

import scar.data.Matrix;

/**
 * A probe's private copy of its inputs in the two layouts the {@link Kernels} need: one {@code float[]} per row
 * (for the backward product) and, per chunk of {@link Kernels#CHUNK} rows, one {@code float[]} per feature (for the
 * forward product). Built once per fit, optionally standardised on the way; twice the size of the input matrix.
 */
final class PackedData {
    final int n;
    final int d;
    final float[][] rows;
    final float[][][] panels;

    private PackedData(int n, int d, float[][] rows) {
        this.n = n;
        this.d = d;
        this.rows = rows;
        int chunks = (n + Kernels.CHUNK - 1) / Kernels.CHUNK;
        this.panels = new float[chunks][][];
        for (int c = 0; c < chunks; c++) {
            int row0 = c * Kernels.CHUNK;
            int count = Math.min(Kernels.CHUNK, n - row0);
            panels[c] = new float[d][count];
            Kernels.transpose(rows, row0, count, panels[c]);
        }
    }

    /** The rows of {@code x} as they are. */
    static PackedData raw(Matrix x) {
        return standardised(x, null, null);
    }

    /**
     * The rows of {@code x} with feature j mapped to {@code (x − mean[j]) · scale[j]} (computed in double, stored as
     * float); {@code mean == null} copies the values unchanged.
     */
    static PackedData standardised(Matrix x, double[] mean, double[] scale) {
        int n = x.rows();
        int d = x.cols();
        float[] data = x.data();
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            float[] row = rows[i];
            int off = i * d;
            if (mean == null) {
                System.arraycopy(data, off, row, 0, d);
            } else {
                for (int j = 0; j < d; j++) {
                    row[j] = (float) ((data[off + j] - mean[j]) * scale[j]);
                }
            }
        }
        return new PackedData(n, d, rows);
    }
}
