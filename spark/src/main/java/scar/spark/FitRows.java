package scar.spark;

/** Which rows of a block each fit trains on, and which rows are held out (SPEC §4.1, evaluated on the block alone). */
final class FitRows {
    private FitRows() {
    }

    /** Row offsets (increasing) of fit f's training rows in {@code b}, for every f in {@code fits}. */
    static int[][] of(Block b, Draws draws, int[] fits) {
        int n = b.rows();
        int[][] rows = new int[fits.length][n];
        int[] count = new int[fits.length];
        for (int r = 0; r < n; r++) {
            int item = b.first() + r;
            int c = b.labels()[r];
            if (draws.heldOut(item, c)) {
                continue;
            }
            for (int j = 0; j < fits.length; j++) {
                if (draws.inFit(fits[j], item, c)) {
                    rows[j][count[j]++] = r;
                }
            }
        }
        for (int j = 0; j < fits.length; j++) {
            rows[j] = java.util.Arrays.copyOf(rows[j], count[j]);
        }
        return rows;
    }

    /** Row offsets of the held-out rows of {@code b}. */
    static int[] heldOut(Block b, Draws draws) {
        int[] out = new int[b.rows()];
        int count = 0;
        for (int r = 0; r < b.rows(); r++) {
            if (draws.heldOut(b.first() + r, b.labels()[r])) {
                out[count++] = r;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** The standardised float rows {@code rows} of modality data (d per row) and their labels. */
    static float[][] standardised(float[] data, int[] rows, scar.probe.Standardizer s) {
        float[][] out = new float[rows.length][s.dimension()];
        for (int r = 0; r < rows.length; r++) {
            s.apply(data, rows[r], out[r]);
        }
        return out;
    }

    static int[] labels(Block b, int[] rows) {
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = b.labels()[rows[r]];
        }
        return out;
    }
}
