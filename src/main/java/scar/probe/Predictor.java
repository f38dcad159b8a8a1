package scar.probe;

import java.util.concurrent.CancellationException;

import scar.data.Matrix;

/**
 * A trained converged probe as it predicts: the training statistics it standardises with and its float weights
 * (SPEC §2.1). {@link #predictAll} gives the predictions of many probes over the same rows in one pass over them —
 * what a sweep's fits do with the held-out items (SPEC §4.2) — reading and transposing each panel of rows once
 * instead of once per probe. A probe's predictions are the same bits either way.
 */
public final class Predictor {
    final Standardizer standardizer;
    final Model model;

    Predictor(Standardizer standardizer, Model model) {
        this.standardizer = standardizer;
        this.model = model;
    }

    public int numClasses() {
        return model.b().length;
    }

    public int dimension() {
        return standardizer.dimension();
    }

    /**
     * The argmax (ties to the lowest class) of every probe's logits for every row of {@code rows}: element
     * {@code [m][r]} is probe m's class for row r, the class {@link LinearProbe#fit} reports for that row as a test
     * item. Panels of rows are the tasks of up to {@code threads} threads; each row's classes depend on that row only,
     * so the result is the same for any thread count.
     *
     * @throws IllegalArgumentException if the probes differ in classes or dimension from each other or from
     *                                  {@code rows}, or a row holds a value that is not finite (the message names it)
     * @throws CancellationException    if the calling thread is interrupted (its flag stays set)
     */
    public static int[][] predictAll(Matrix rows, Predictor[] probes, int threads) {
        int[][] out = new int[probes.length][rows.rows()];
        if (probes.length == 0 || rows.rows() == 0) {
            return out;
        }
        int k = probes[0].numClasses();
        int d = probes[0].dimension();
        for (Predictor p : probes) {
            if (p.numClasses() != k || p.dimension() != d) {
                throw new IllegalArgumentException("probes of " + k + " classes x " + d + " features and of "
                        + p.numClasses() + " x " + p.dimension() + "; expected one shape");
            }
        }
        if (rows.cols() != d) {
            throw new IllegalArgumentException("rows have " + rows.cols() + " columns, the probes " + d);
        }
        rows.requireFinite("held-out set");
        PackedData raw = PackedData.raw(rows);
        int panel = Kernels.panelRows(k);
        int panels = (rows.rows() + panel - 1) / panel;
        Thread caller = Thread.currentThread();
        // checked before every probe of a panel: a panel is the work of all the probes (a sweep's 82 at K = 1,000 and
        // d = 768: 64·10⁹ multiply-adds), too long to leave an interrupt waiting for the next panel
        Runnable check = () -> {
            if (caller.isInterrupted()) {
                throw new CancellationException("the held-out predictions were cancelled: the thread was interrupted");
            }
        };
        Workers.run(panels, threads, (task, worker) -> {
            int from = task * panel;
            BlockPass.ofThisThread(k, d).predictEach(raw, from, Math.min(panel, rows.rows() - from), probes, out,
                    check);
        });
        return out;
    }
}
