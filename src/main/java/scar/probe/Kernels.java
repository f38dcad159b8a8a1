package scar.probe;

import java.util.Arrays;

/**
 * The two matrix products of one softmax-regression pass, written so
 * that HotSpot's C2 compiler turns the inner loops into AVX vector code. Two rules make that happen (measured on
 * JDK 17): every inner loop is an "axpy" over a contiguous slice with loop-invariant scalar factors, never a
 * dot-product reduction (which C2 keeps sequential); and every array in an inner loop is a distinct array indexed
 * from 0 (several slices of one array at different offsets defeat the vectoriser). Hence rows are {@code float[]}
 * of their own and the transposed panel is one {@code float[]} per feature.
 *
 * <ul>
 *   <li>forward {@code Z = X·Wᵀ + b}, over a panel of at most {@link #panelRows} rows: the panel is first transposed
 *       into {@code xt[j][r]} so that one class's logits over the panel are {@code z[k][·] += W[k][j]·xt[j][·]},
 *       four features per sweep;</li>
 *   <li>backward {@code P += Gᵀ·X}, over one chunk of at most {@link #CHUNK} rows:
 *       {@code P[k][·] += G[k][r]·X[r][·]}, four rows per sweep.</li>
 * </ul>
 *
 * <p>Precision: inputs, weights and accumulators are {@code float}; every multiply-add is a fused {@link Math#fma}
 * (one rounding), so a logit carries about √d·2⁻²⁴ relative error. Each output element is always produced by the
 * same sequence of operations, whatever thread runs it: the kernels are deterministic by construction.
 */
final class Kernels {
    /**
     * Rows per chunk. A constant, never derived from the thread count, so that results do not depend on it. 256
     * measured faster than 128 (longer forward loops) and no slower than 512.
     */
    static final int CHUNK = 256;

    /**
     * The most rows of a forward panel: the forward kernel runs over runs of whole chunks, up to {@link #panelRows}
     * rows, which may span blocks. Each call of its inner loop costs a fixed ~14 ns besides ~0.1 ns a row (K = 100,
     * d = 768, this machine), so a 137-row chunk — a block's share of a fit at ratio 30 — cost ~40 % more per row than
     * 1,024 rows. Per row the logits do not depend on the panel: any length gives the same bits.
     */
    static final int PANEL = 1024;

    /**
     * Rows per forward panel for K classes: {@link #PANEL} from 32 classes on; one chunk below, where the kernels are
     * cheap and longer panels (their rows and their transpose, 3 MiB at 512 rows and d = 768) spill out of the L2
     * cache: a whole 100,000 × 768 × 10 characterize used 0.2 GiB more RSS with 512 rows and was no faster. One thread,
     * d = 768, a pass per row: K = 100, 5.9 µs with 1,024 rows, 6.1 with 512, 6.5 with 256; K = 32, equal.
     */
    static int panelRows(int numClasses) {
        return numClasses >= 32 ? PANEL : CHUNK;
    }

    private Kernels() {
    }

    /**
     * Copies rows {@code [row0, row0 + rows)} of {@code x} into {@code xt[j][r - row0]}. Sixteen rows per sweep over
     * the features: each source row is read in order, and each feature gets sixteen adjacent values, a whole cache
     * line, per sweep. One thread, 256 × 768 floats: 0.29–0.30 ns a value against 0.35–0.38 for eight features per
     * sweep over the rows (the earlier form); with the sixteen rows in a loop instead of locals, 0.57.
     */
    static void transpose(float[][] x, int row0, int rows, float[][] xt) {
        int d = xt.length;
        int r = 0;
        for (; r + 16 <= rows; r += 16) {
            int s = row0 + r;
            float[] x0 = x[s];
            float[] x1 = x[s + 1];
            float[] x2 = x[s + 2];
            float[] x3 = x[s + 3];
            float[] x4 = x[s + 4];
            float[] x5 = x[s + 5];
            float[] x6 = x[s + 6];
            float[] x7 = x[s + 7];
            float[] x8 = x[s + 8];
            float[] x9 = x[s + 9];
            float[] x10 = x[s + 10];
            float[] x11 = x[s + 11];
            float[] x12 = x[s + 12];
            float[] x13 = x[s + 13];
            float[] x14 = x[s + 14];
            float[] x15 = x[s + 15];
            for (int j = 0; j < d; j++) {
                float[] t = xt[j];
                t[r] = x0[j];
                t[r + 1] = x1[j];
                t[r + 2] = x2[j];
                t[r + 3] = x3[j];
                t[r + 4] = x4[j];
                t[r + 5] = x5[j];
                t[r + 6] = x6[j];
                t[r + 7] = x7[j];
                t[r + 8] = x8[j];
                t[r + 9] = x9[j];
                t[r + 10] = x10[j];
                t[r + 11] = x11[j];
                t[r + 12] = x12[j];
                t[r + 13] = x13[j];
                t[r + 14] = x14[j];
                t[r + 15] = x15[j];
            }
        }
        for (; r < rows; r++) {
            float[] row = x[row0 + r];
            for (int j = 0; j < d; j++) {
                xt[j][r] = row[j];
            }
        }
    }

    /**
     * Logits of a panel: {@code z[k][r] = b[k] + Σ_j w[k][j]·xt[j][r]} for {@code r < rows}, summed in increasing
     * j. Four features per sweep is the widest form C2 still vectorises (eight, or two classes at once, are not).
     */
    static void forward(float[][] xt, int rows, float[][] w, float[] b, float[][] z) {
        int d = xt.length;
        for (int k = 0; k < z.length; k++) {
            Arrays.fill(z[k], 0, rows, b[k]);
        }
        int j = 0;
        for (; j + 4 <= d; j += 4) {
            float[] x0 = xt[j];
            float[] x1 = xt[j + 1];
            float[] x2 = xt[j + 2];
            float[] x3 = xt[j + 3];
            for (int k = 0; k < z.length; k++) {
                float[] wk = w[k];
                fma4(z[k], rows, wk[j], x0, wk[j + 1], x1, wk[j + 2], x2, wk[j + 3], x3);
            }
        }
        for (; j < d; j++) {
            for (int k = 0; k < z.length; k++) {
                fma1(z[k], rows, w[k][j], xt[j]);
            }
        }
    }

    /**
     * Adds the chunk's weight gradient: {@code p[k][j] += Σ_r g[k][gOff + r]·x[row0 + r][j]}, summed in increasing r.
     */
    static void backward(float[][] x, int row0, int rows, float[][] g, int gOff, float[][] p) {
        int d = p.length == 0 ? 0 : p[0].length;
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            float[] x0 = x[row0 + r];
            float[] x1 = x[row0 + r + 1];
            float[] x2 = x[row0 + r + 2];
            float[] x3 = x[row0 + r + 3];
            for (int k = 0; k < p.length; k++) {
                float[] gk = g[k];
                fma4(p[k], d, gk[gOff + r], x0, gk[gOff + r + 1], x1, gk[gOff + r + 2], x2, gk[gOff + r + 3], x3);
            }
        }
        for (; r < rows; r++) {
            float[] x0 = x[row0 + r];
            for (int k = 0; k < p.length; k++) {
                fma1(p[k], d, g[k][gOff + r], x0);
            }
        }
    }

    /** {@code acc[i] = fma(a3, v3[i], fma(a2, v2[i], fma(a1, v1[i], fma(a0, v0[i], acc[i]))))} for {@code i < len}. */
    private static void fma4(float[] acc, int len, float a0, float[] v0, float a1, float[] v1, float a2, float[] v2,
            float a3, float[] v3) {
        for (int i = 0; i < len; i++) {
            float s = Math.fma(a0, v0[i], acc[i]);
            s = Math.fma(a1, v1[i], s);
            s = Math.fma(a2, v2[i], s);
            acc[i] = Math.fma(a3, v3[i], s);
        }
    }

    /** {@code acc[i] = fma(a, v[i], acc[i])} for {@code i < len}. */
    private static void fma1(float[] acc, int len, float a, float[] v) {
        for (int i = 0; i < len; i++) {
            acc[i] = Math.fma(a, v[i], acc[i]);
        }
    }
}
