package scar.probe;

import java.util.Arrays;

/**
 * The converged probe's pass over the rows of a run of whole sum groups of blocks, with one thread's scratch
 * buffers (SPEC §2.3). The local probe runs it over runs of a fit's groups on its worker threads; a Spark partition
 * runs it over the groups it holds (a partition holds whole groups), one at a time. Both get the same numbers because
 * every group's partial depends only on the rows of the group:
 *
 * <ul>
 *   <li>Items are grouped into blocks of {@link #BLOCK} consecutive item indices; a fit's rows in one block, in item
 *       order, are cut into chunks of {@link Kernels#CHUNK} rows (the last one may be shorter).</li>
 *   <li>Blocks are grouped into <em>sum groups</em>: aligned runs of {@link #groupSize} blocks, a size that depends
 *       only on the fit's row count and the blocks its rows span, so that a group holds about {@link #GROUP_ROWS}
 *       of its rows or more.</li>
 *   <li>The {@link Kernels} compute the logits over a panel of whole chunks (a row's logits depend on that row
 *       only, so a panel may span blocks and groups); per chunk they compute the softmax gradient and the float
 *       weight-gradient partial; chunk partials, bias terms and losses are added in double in chunk order into the
 *       group's partial.</li>
 *   <li>Group partials are added exactly ({@link PassSums}), so their order does not matter.</li>
 * </ul>
 *
 * <p>Rows are standardised float rows ({@link Standardizer#apply(float[], float[])}). Not thread-safe: one per thread.
 */
public final class BlockPass {
    /**
     * Rows that are read on demand (from a heap or memory-mapped matrix) rather than held as arrays: {@link #load}
     * puts rows {@code [from, from + count)} into {@code dst[0 .. count)}, ready for the kernels.
     */
    public interface Rows {
        void load(int from, int count, float[][] dst);
    }

    /** Items per block: block b holds the items with indices in [b·BLOCK, (b + 1)·BLOCK). */
    public static final int BLOCK = 4096;
    /** The most blocks in one sum group: a group lies within one aligned run of this many blocks. */
    public static final int MAX_GROUP = 8;
    /** The fewest rows a sum group should hold on average, where {@link #MAX_GROUP} allows. */
    public static final int GROUP_ROWS = 1024;

    private final int numClasses;
    private final int d;
    /**
     * The panel transposed for the forward kernel, {@code xt[j][r]}, and its logits {@code z[k][r]} (replaced chunk by
     * chunk by the softmax gradient), for panels of up to {@link #capacity} rows: sized to the largest panel met, in
     * whole chunks up to {@link Kernels#panelRows}, so that a small fit does not pay for long panels.
     */
    private float[][] xt;
    private float[][] z;
    private int capacity;
    /** Rows per panel at most: {@link Kernels#panelRows}. */
    private final int panelRows;
    private final float[][] p;
    private final double[] slot;
    private final float[] max = new float[Kernels.CHUNK];
    private final int[] best = new int[Kernels.CHUNK];
    private final double[] sum = new double[Kernels.CHUNK];
    private final double[][] exp;
    /** The panel of rows read from a {@link Rows}, allocated on first use. */
    private float[][] panel;
    /** That panel transposed as read, before any standardisation, for {@link #predictEach}; allocated on first use. */
    private float[][] rawT;

    /** Each thread's pass, kept from call to call while memory allows: see {@link #ofThisThread}. */
    private static final ThreadLocal<java.lang.ref.SoftReference<BlockPass>> OWN = new ThreadLocal<>();

    /**
     * This thread's pass for K classes and dimension d, made on first use and kept (softly referenced) for the next
     * call, so that the 83 fits of a sweep, and each fit's training and held-out passes, do not each allocate buffers
     * of a few megabytes per thread. Safe because a pass is used by one thread at a time and every call overwrites
     * the state it reads: which pass object a call gets changes no result.
     */
    static BlockPass ofThisThread(int numClasses, int d) {
        java.lang.ref.SoftReference<BlockPass> ref = OWN.get();
        BlockPass pass = ref == null ? null : ref.get();
        if (pass == null || pass.numClasses != numClasses || pass.d != d) {
            pass = new BlockPass(numClasses, d);
            OWN.set(new java.lang.ref.SoftReference<>(pass));
        }
        return pass;
    }

    public BlockPass(int numClasses, int d) {
        this.numClasses = numClasses;
        this.d = d;
        this.panelRows = Kernels.panelRows(numClasses);
        this.p = new float[numClasses][d];
        this.slot = new double[numClasses * d + numClasses + 1];
        this.exp = new double[numClasses][Kernels.CHUNK];
    }

    /** The block of item {@code item}. */
    public static long blockOf(long item) {
        return item / BLOCK;
    }

    /**
     * Blocks per sum group of a fit with {@code rows} rows whose items lie in blocks {@code first..last}: the smallest
     * of 1, 2, 4, {@link #MAX_GROUP} with size · rows ≥ {@link #GROUP_ROWS} · (last − first + 1), else
     * {@link #MAX_GROUP}. Sum group g of such a fit is blocks {@code [g·size, (g + 1)·size)}. Each group costs one
     * exact addition per gradient component, which at K = 100 is as much as the arithmetic of ~50 rows; a fit on a
     * thirtieth of the items has ~137 rows a block, so its blocks are added up in eights. A Spark partition holds
     * whole aligned runs of {@link #MAX_GROUP} blocks, so it holds whole groups of every fit.
     */
    public static int groupSize(long rows, long first, long last) {
        long span = last - first + 1;
        int size = 1;
        while (size < MAX_GROUP && size * rows < GROUP_ROWS * span) {
            size *= 2;
        }
        return size;
    }

    /**
     * Row offsets where a new block starts in a list of increasing item indices, then the list's length: rows
     * {@code [starts[j], starts[j + 1])} lie in one block.
     */
    public static int[] blockStarts(int[] items) {
        int[] out = new int[items.length + 1];
        int count = 0;
        long current = Long.MIN_VALUE;
        for (int r = 0; r < items.length; r++) {
            long b = blockOf(items[r]);
            if (b != current) {
                out[count++] = r;
                current = b;
            }
        }
        out[count++] = items.length;
        return Arrays.copyOf(out, count);
    }

    /**
     * Adds the partial of rows {@code [from, to)} — the fit's rows of one block, in item order, a sum group of their
     * own — to {@code sums}: their summed cross-entropy, their gradient terms (softmax − one-hot)·x·{@code invN} and
     * their correct count.
     */
    public void gradient(float[][] rows, int[] labels, int from, int to, float[][] w, float[] b, double invN,
                         PassSums sums) {
        int[] one = {from, to};
        gradient(rows, null, labels, one, one, 0, 1, w, b, invN, sums, null, null);
    }

    /**
     * Adds the partials of sum groups {@code [first, last)} to {@code sums}, one partial each: block i is rows
     * {@code [starts[i], starts[i + 1])} of {@code rows} and group g is rows {@code [groups[g], groups[g + 1])}, which
     * start at block starts (all in item order). The forward kernel runs over panels of up to
     * {@link Kernels#panelRows} rows that may span blocks and groups, so a block holding few of a fit's rows costs no
     * more per row than a full one; the result is the same bits as one call per group.
     */
    public void gradient(float[][] rows, int[] labels, int[] starts, int[] groups, int first, int last, float[][] w,
                         float[] b, double invN, PassSums sums) {
        gradient(rows, null, labels, starts, groups, first, last, w, b, invN, sums, null, null);
    }

    /** {@link #gradient(float[][], int[], int[], int[], int, int, float[][], float[], double, PassSums)} over rows read
     * on demand. */
    public void gradient(Rows rows, int[] labels, int[] starts, int[] groups, int first, int last, float[][] w,
                         float[] b, double invN, PassSums sums) {
        gradient(null, rows, labels, starts, groups, first, last, w, b, invN, sums, null, null);
    }

    /**
     * {@link #gradient(Rows, int[], int[], int[], int, int, float[][], float[], double, PassSums)} that also writes
     * each row's K logits (row-major from {@code logits[row·K]}) and its argmax, ties to the lowest class
     * ({@code predictions[row]}): the same numbers as {@link #predict} at the same model.
     */
    void gradient(Rows rows, int[] labels, int[] starts, int[] groups, int first, int last, float[][] w, float[] b,
                  double invN, PassSums sums, float[] logits, int[] predictions) {
        gradient(null, rows, labels, starts, groups, first, last, w, b, invN, sums, logits, predictions);
    }

    /**
     * The panel and chunk loops: rows come from {@code held} (row offsets as they are) or are read from {@code read}.
     * Chunks are cut at every block start and every {@link Kernels#CHUNK} rows within a block; a panel is a run of
     * whole chunks. Per row the forward kernel does not depend on the panel, and everything after it is per chunk and
     * per group, so the panels change no bit of the result. {@code logits} and {@code predictions}, when not null,
     * receive every row's logits and argmax (row r being the r-th row of {@code starts}' numbering). At a zero model
     * ({@link #isZero}) the forward kernel is skipped: these are a fit's standardised training rows, finite.
     */
    private void gradient(float[][] held, Rows read, int[] labels, int[] starts, int[] groups, int first, int last,
                          float[][] w, float[] b, double invN, PassSums sums, float[] logits, int[] predictions) {
        int k = numClasses;
        int group = first;
        int row = groups[first];
        int end = groups[last];
        while (group < last && groups[group + 1] == row) { // a group without rows adds nothing
            group++;
        }
        int block = Arrays.binarySearch(starts, row);
        block = block >= 0 ? block : -block - 2;
        Arrays.fill(slot, 0.0);
        double loss = 0.0;
        int right = 0;
        boolean zero = isZero(w, b);
        while (row < end) {
            int panelEnd = panelEnd(starts, block, end, row, panelRows);
            float[][] rows = forward(held, read, row, panelEnd - row, w, b, zero);
            int at = held != null ? row : 0;
            int panelStart = row;
            while (row < panelEnd) {
                while (starts[block + 1] == row) { // a block without rows adds nothing
                    block++;
                }
                int count = Math.min(Kernels.CHUNK, Math.min(starts[block + 1], panelEnd) - row);
                int off = row - panelStart;
                if (logits != null) {
                    for (int cls = 0; cls < k; cls++) {
                        float[] zc = z[cls];
                        for (int r = 0; r < count; r++) {
                            logits[(row + r) * k + cls] = zc[off + r];
                        }
                    }
                }
                loss += softmaxGradient(off, count, labels, row, invN);
                right += lastRight;
                if (predictions != null) {
                    System.arraycopy(best, 0, predictions, row, count);
                }
                for (float[] pk : p) {
                    Arrays.fill(pk, 0f);
                }
                Kernels.backward(rows, at + off, count, z, off, p);
                for (int cls = 0; cls < k; cls++) {
                    float[] pk = p[cls];
                    int o = cls * d;
                    for (int j = 0; j < d; j++) {
                        slot[o + j] += pk[j];
                    }
                    float[] gk = z[cls];
                    double gb = 0.0;
                    for (int r = off; r < off + count; r++) {
                        gb += gk[r];
                    }
                    slot[k * d + cls] += gb;
                }
                row += count;
                if (row == groups[group + 1]) {
                    slot[k * d + k] = loss;
                    sums.addGroup(slot, right, groups[group + 1] - groups[group]);
                    Arrays.fill(slot, 0.0);
                    loss = 0.0;
                    right = 0;
                    do {
                        group++;
                    } while (group < last && groups[group + 1] == row);
                }
            }
        }
    }

    /**
     * Where the panel starting at {@code row} (a chunk start in block {@code block}) ends: after as many whole chunks
     * as fit in {@code limit} rows, at least one, and at most up to row {@code end}.
     */
    private static int panelEnd(int[] starts, int block, int end, int row, int limit) {
        int e = row;
        int b = block;
        while (e < end) {
            int next = Math.min(e + Kernels.CHUNK, starts[b + 1]);
            if (next - row > limit && e > row) {
                break;
            }
            e = next;
            if (e == starts[b + 1]) {
                b++;
            }
        }
        return e;
    }

    /** Makes the panel buffers hold at least {@code rows} rows (read rows only when {@code read}). */
    private void reserve(int rows, boolean read) {
        if (rows > capacity) {
            capacity = Math.min(panelRows, (rows + Kernels.CHUNK - 1) / Kernels.CHUNK * Kernels.CHUNK);
            xt = new float[d][capacity];
            z = new float[numClasses][capacity];
            panel = null;
            rawT = null;
        }
        if (read && panel == null) {
            panel = new float[capacity][d];
        }
    }

    /**
     * Transposes rows {@code [row0, row0 + count)} — of {@code held}, or read from {@code read} into this pass's panel
     * buffer — and runs the forward kernel over them into {@link #z}; returns the rows the chunks then use, row
     * {@code row0} being at {@code row0} of {@code held} or at 0 of the panel buffer. With {@code zero} (the model
     * is zero, {@link #isZero}, and the rows are known to be finite) it writes +0 logits instead.
     */
    private float[][] forward(float[][] held, Rows read, int row0, int count, float[][] w, float[] b, boolean zero) {
        reserve(count, held == null);
        float[][] rows = held;
        if (held == null) {
            read.load(row0, count, panel);
            rows = panel;
        }
        if (zero) {
            for (float[] zk : z) {
                Arrays.fill(zk, 0, count, 0f);
            }
        } else {
            Kernels.transpose(rows, held != null ? row0 : 0, count, xt);
            Kernels.forward(xt, count, w, b, z);
        }
        return rows;
    }

    /**
     * Whether every weight is zero and every bias +0, as at the converged probe's first pass: then the forward kernel
     * would compute +0 for every logit of finite rows (each fma adds a zero product to +0), so the gradient pass skips
     * it — the same bits, without the transpose and the products. Only there: a pass's training rows are finite (the
     * input is checked, and a fit's own rows, |x − μ| ≤ √n·σ, cannot standardise beyond a float), but a held-out row
     * standardised with the training statistics may be infinite, whose logits are NaN (0·∞), so {@link #predict}
     * always runs the kernel. Checks K·d values once per call.
     */
    private static boolean isZero(float[][] w, float[] b) {
        for (float bk : b) {
            if (Float.floatToRawIntBits(bk) != 0) {
                return false;
            }
        }
        for (float[] wk : w) {
            for (float v : wk) {
                if (v != 0f) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Forward pass only over rows {@code [from, to)}: writes row r's argmax (ties to the lowest class) to
     * {@code predictions[at + r − from]} and, when {@code logits} is not null, its K logits row-major from
     * {@code logits[(at + r − from)·K]}. Each row's logits depend on that row and the model only.
     */
    public void predict(float[][] rows, int from, int to, float[][] w, float[] b, float[] logits, int[] predictions,
                        int at) {
        predict(rows, null, from, to, w, b, logits, predictions, at);
    }

    /** {@link #predict(float[][], int, int, float[][], float[], float[], int[], int)} over rows read on demand. */
    public void predict(Rows rows, int from, int to, float[][] w, float[] b, float[] logits, int[] predictions,
                        int at) {
        predict(null, rows, from, to, w, b, logits, predictions, at);
    }

    private void predict(float[][] held, Rows read, int from, int to, float[][] w, float[] b, float[] logits,
                         int[] predictions, int at) {
        for (int row0 = from; row0 < to; row0 += panelRows) {
            int count = Math.min(panelRows, to - row0);
            forward(held, read, row0, count, w, b, false);
            emit(count, logits, predictions, at + row0 - from);
        }
    }

    /**
     * The predictions of several models over rows {@code [from, from + count)} of {@code raw}, at most
     * {@link Kernels#panelRows} of them, as stored (not standardised): they are read and transposed once, then, for
     * each model, standardised feature by feature with its own standardiser — the floats {@link PackedData#load}
     * gives — and passed through the forward kernel. Model m's argmax of row {@code from + r} goes to
     * {@code predictions[m][from + r]}: the same as {@link #predict} with that model over its standardised rows.
     * {@code check} runs before each model (it throws to stop the pass).
     */
    void predictEach(Rows raw, int from, int count, Predictor[] models, int[][] predictions, Runnable check) {
        reserve(count, true);
        if (rawT == null) {
            rawT = new float[d][capacity];
        }
        raw.load(from, count, panel);
        Kernels.transpose(panel, 0, count, rawT);
        for (int m = 0; m < models.length; m++) {
            check.run();
            Standardizer s = models[m].standardizer;
            for (int j = 0; j < d; j++) {
                s.applyColumn(j, rawT[j], xt[j], count);
            }
            Kernels.forward(xt, count, models[m].model.w(), models[m].model.b(), z);
            emit(count, null, predictions[m], from);
        }
    }

    /**
     * Writes the argmax (ties to the lowest class) of the panel's first {@code count} logit columns to
     * {@code predictions[at ..]} and, when {@code logits} is not null, the logits row-major from {@code logits[at·K]}.
     */
    private void emit(int count, float[] logits, int[] predictions, int at) {
        int k = numClasses;
        for (int r = 0; r < count; r++) {
            int top = 0;
            float zTop = z[0][r];
            for (int c = 1; c < k; c++) {
                if (z[c][r] > zTop) {
                    zTop = z[c][r];
                    top = c;
                }
            }
            int out = at + r;
            predictions[out] = top;
            if (logits != null) {
                int off = out * k;
                for (int c = 0; c < k; c++) {
                    logits[off + c] = z[c][r];
                }
            }
        }
    }

    private int lastRight;

    /**
     * Replaces the chunk's logits, {@code z[·][off .. off + rows)}, by the gradient of the mean loss with respect to
     * them, {@code (softmax(z) − onehot(y))·invN}, and returns the chunk's summed cross-entropy; {@code lastRight}
     * receives the number of correct argmax predictions; the chunk's labels start at {@code labels[row0]}. Loops run
     * class by class over the rows so that the max, sum and scaling steps vectorise; the exponentials are double.
     */
    private double softmaxGradient(int off, int rows, int[] labels, int row0, double invN) {
        System.arraycopy(z[0], off, max, 0, rows);
        Arrays.fill(best, 0, rows, 0);
        for (int cls = 1; cls < z.length; cls++) {
            float[] zc = z[cls];
            for (int r = 0; r < rows; r++) {
                if (zc[off + r] > max[r]) {
                    max[r] = zc[off + r];
                    best[r] = cls;
                }
            }
        }
        Arrays.fill(sum, 0, rows, 0.0);
        for (int cls = 0; cls < z.length; cls++) {
            float[] zc = z[cls];
            double[] ec = exp[cls];
            for (int r = 0; r < rows; r++) {
                double v = Math.exp(zc[off + r] - max[r]);
                ec[r] = v;
                sum[r] += v;
            }
        }
        double loss = 0.0;
        int right = 0;
        for (int r = 0; r < rows; r++) {
            int y = labels[row0 + r];
            loss += Math.log(sum[r]) + max[r] - z[y][off + r];
            right += best[r] == y ? 1 : 0;
            sum[r] = invN / sum[r];
        }
        for (int cls = 0; cls < z.length; cls++) {
            float[] zc = z[cls];
            double[] ec = exp[cls];
            for (int r = 0; r < rows; r++) {
                zc[off + r] = (float) (ec[r] * sum[r]);
            }
        }
        for (int r = 0; r < rows; r++) {
            int y = labels[row0 + r];
            z[y][off + r] = (float) (exp[y][r] * sum[r] - invN);
        }
        lastRight = right;
        return loss;
    }
}
