package scar.probe;

import java.util.Arrays;
import java.util.Objects;
import scar.data.Matrix;

/**
 * A modality's embeddings prepared once for many probe fits: the matrix itself (on the heap or memory-mapped, never
 * copied) and a per-feature centre and scale taken from a set of items (the sweep's training items), so that every
 * pass reads X̃ = (X − centre) · scale, globally standardised, straight from the matrix in its own row-major layout.
 * A fit then takes a list of row indices; its own standardisation (SPEC §2.1, the statistics of its subsample) is
 * folded into the weights ({@link Fold}), so no fit copies, packs or rescales X.
 *
 * <p>Why a global standardisation first: folding the fit's centring into the bias alone would subtract large,
 * nearly equal sums for a feature whose mean is far from 0 compared with its spread. On X̃ every feature has mean 0
 * and spread 1 over the training items, and a fit's subsample statistics differ from those by sampling noise only,
 * so the folded weights are well conditioned and the float kernels lose nothing that standardised inputs would not.
 *
 * <p>The centre and scale are computed in double over the items in a fixed chunk order (mean, then the centred sum of
 * squares), rounded to float; a feature constant over the items gets scale 1, so a held-out item that differs from the
 * constant keeps its difference. Deterministic for any thread count.
 */
public final class ProbeData {
    /** The matrix given to {@link #of}, whose row indices are the items of this data. */
    final Matrix source;
    final Matrix base;
    final int d;
    final float[] centre;
    final float[] scale;
    /** What the fits on this data may keep of their transposed rows between passes. */
    final PanelBudget panels;

    private ProbeData(Matrix source, float[] centre, float[] scale, PanelBudget panels) {
        this.source = source;
        this.base = source.base();
        this.d = base.cols();
        this.centre = centre;
        this.scale = scale;
        this.panels = panels;
    }

    /**
     * The panels' budget: a third of the heap left now, and when X is in the heap at most half the size of X (so
     * that X and what fits keep stay within 1.5 × X).
     */
    private static PanelBudget budget(Matrix x) {
        Runtime rt = Runtime.getRuntime();
        long left = (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 3;
        return new PanelBudget(x.inHeap() ? Math.min(left, x.base().valueBytes() / 2) : left);
    }

    /**
     * Prepares {@code x} with the centre and scale of the rows {@code items} (indices into {@code x}); when {@code x}
     * is a row view, its base matrix is used and the items are mapped onto it.
     *
     * @throws IllegalArgumentException if {@code items} is empty, an item is out of range, or a value is not finite
     */
    public static ProbeData of(Matrix x, int[] items, int threads) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(items, "items");
        if (items.length == 0 || x.cols() == 0) {
            throw new IllegalArgumentException("a probe needs at least one row and one column, got " + items.length
                    + " items of " + x);
        }
        x.requireFinite("the probe's input " + x);
        int[] rows = baseRows(x, items);
        int d = x.cols();
        float[] zero = new float[d];
        float[] one = new float[d];
        Arrays.fill(one, 1f);
        ProbeData raw = new ProbeData(x, zero, one, new PanelBudget(0));
        Moments first = Moments.of(raw, rows, threads);
        double[] mean = first.mean();
        float[] centre = new float[d];
        for (int j = 0; j < d; j++) {
            centre[j] = (float) mean[j];
        }
        // the centred second pass, with the centre as it will be applied (rounded to float)
        Moments second = Moments.of(new ProbeData(x, centre, one, raw.panels), rows, threads);
        double[] variance = second.variance();
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(variance[j]);
            scale[j] = first.varies()[j] && sd > 0 && Double.isFinite(1.0 / sd) ? (float) (1.0 / sd) : 1f;
        }
        return new ProbeData(x, centre, scale, budget(x));
    }

    /** The same centre and scale applied to another matrix of the same width (a separate test set). */
    public ProbeData over(Matrix other) {
        if (other.cols() != d) {
            throw new IllegalArgumentException("the matrix has " + other.cols() + " columns, expected " + d
                    + " like the prepared one");
        }
        other.requireFinite("the probe's input " + other);
        return new ProbeData(other, centre, scale, budget(other));
    }

    /** The rows of {@code x}'s base matrix that {@code items} (rows of {@code x}) read. */
    static int[] baseRows(Matrix x, int[] items) {
        int[] rows = new int[items.length];
        for (int k = 0; k < items.length; k++) {
            rows[k] = x.baseRow(Objects.checkIndex(items[k], x.rows()));
        }
        return rows;
    }

    /** The rows of the underlying matrix that items (row indices of the matrix given to {@link #of}) read. */
    int[] rowsOf(int[] items) {
        return baseRows(source, items);
    }

    /** Number of items: the rows of the matrix given to {@link #of}. */
    public int rows() {
        return source.rows();
    }

    /** Embedding dimension d. */
    public int dim() {
        return d;
    }

    /** The matrix given to {@link #of} (its rows are the items). */
    public Matrix matrix() {
        return source;
    }

    /**
     * Reads rows {@code items[from .. from + count)} (rows of the underlying matrix, see {@link #rowsOf}) into {@code dst[0 .. count)} as X̃ = (x − centre) · scale, in
     * float. The only place where a pass touches X.
     */
    void load(int[] items, int from, int count, float[][] dst) {
        for (int r = 0; r < count; r++) {
            float[] row = dst[r];
            base.readRow(items[from + r], row, 0);
            Kernels.standardise(row, centre, scale);
        }
    }

    /**
     * Per-feature sums over a list of rows of X̃ (or of X, for a raw ProbeData): Σx̃, Σx̃², and whether the feature
     * takes more than one value; summed per task of fixed chunks in double and combined in task order.
     */
    record Moments(int n, double[] sum, double[] squares, boolean[] varies) {

        static Moments of(ProbeData data, int[] rows, int threads) {
            int d = data.d;
            int chunks = (rows.length + Kernels.CHUNK - 1) / Kernels.CHUNK;
            int tasks = Math.max(1, Math.min(64, chunks));
            int perTask = (chunks + tasks - 1) / tasks;
            double[][] sums = new double[tasks][];
            double[][] squares = new double[tasks][];
            boolean[][] varies = new boolean[tasks][];
            float[] reference = new float[d];
            data.load(rows, 0, 1, new float[][] {reference});
            int workers = Math.max(1, Math.min(threads, tasks));
            float[][][] scratch = new float[workers][][];
            Workers.run(tasks, workers, (task, worker) -> {
                float[][] block = scratch[worker] == null ? (scratch[worker] = new float[Kernels.CHUNK][d])
                        : scratch[worker];
                double[] s = new double[d];
                double[] q = new double[d];
                boolean[] v = new boolean[d];
                int end = Math.min(chunks, (task + 1) * perTask);
                for (int c = task * perTask; c < end; c++) {
                    int row0 = c * Kernels.CHUNK;
                    int count = Math.min(Kernels.CHUNK, rows.length - row0);
                    data.load(rows, row0, count, block);
                    for (int r = 0; r < count; r++) {
                        float[] x = block[r];
                        for (int j = 0; j < d; j++) {
                            double value = x[j];
                            s[j] += value;
                            q[j] += value * value;
                            v[j] |= x[j] != reference[j];
                        }
                    }
                }
                sums[task] = s;
                squares[task] = q;
                varies[task] = v;
            });
            double[] s = new double[d];
            double[] q = new double[d];
            boolean[] v = new boolean[d];
            for (int t = 0; t < tasks; t++) {
                for (int j = 0; j < d; j++) {
                    s[j] += sums[t][j];
                    q[j] += squares[t][j];
                    v[j] |= varies[t][j];
                }
            }
            return new Moments(rows.length, s, q, v);
        }

        double[] mean() {
            double[] m = new double[sum.length];
            for (int j = 0; j < m.length; j++) {
                m[j] = sum[j] / n;
            }
            return m;
        }

        /** Population variance E[x²] − E[x]², at least 0 (meant for centred data, where it does not cancel). */
        double[] variance() {
            double[] v = new double[sum.length];
            for (int j = 0; j < v.length; j++) {
                double m = sum[j] / n;
                v[j] = Math.max(0.0, squares[j] / n - m * m);
            }
            return v;
        }
    }
}
