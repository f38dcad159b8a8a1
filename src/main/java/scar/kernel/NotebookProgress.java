package scar.kernel;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import scar.foundation.Progress;
import scar.report.HtmlReport;

/**
 * Progress of a long computation in a notebook: one display in the cell, created at {@code start} and updated in
 * place ({@code update_display_data}) rather than a stream of {@code \r} fragments.
 *
 * <p>It shows the largest count any worker reported, so it never goes back and ends at {@code total/total (100%)}.
 * It is updated when the count crosses another {@value #STEPS}th of the total and at least {@value #MIN_GAP_MS} ms
 * after the last update, and always at the end: at most {@value #STEPS} + 2 messages per task, however long it runs.
 */
final class NotebookProgress implements Progress {

    /** Updates per task at most (besides the first and the last). */
    static final int STEPS = 20;
    /** Shortest time between two updates. */
    static final long MIN_GAP_MS = 250;

    /** Shows a new display ({@code id} set) or updates the display with the same id. */
    interface Displays {
        void show(DisplayData data);

        void update(DisplayData data);
    }

    private static final AtomicLong IDS = new AtomicLong();

    private final Displays displays;
    private final LongSupplier nanoClock;
    private String task = "";
    private String units = "";
    private String id;
    private int total;
    private int done;
    private int shownStep;
    private long startNanos;
    private long lastUpdateNanos;

    NotebookProgress(Displays displays, LongSupplier nanoClock) {
        this.displays = displays;
        this.nanoClock = nanoClock;
    }

    /** A reporter that shows and updates displays through {@code show} and {@code update}. */
    static NotebookProgress of(Consumer<DisplayData> show, Consumer<DisplayData> update) {
        return new NotebookProgress(new Displays() {
            @Override
            public void show(DisplayData data) {
                show.accept(data);
            }

            @Override
            public void update(DisplayData data) {
                update.accept(data);
            }
        }, System::nanoTime);
    }

    @Override
    public synchronized void start(String task, int total, String units) {
        this.task = task;
        this.units = units;
        this.total = Math.max(0, total);
        this.done = 0;
        this.shownStep = 0;
        this.startNanos = nanoClock.getAsLong();
        this.lastUpdateNanos = startNanos;
        this.id = "scar-progress-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
        displays.show(bundle(false));
    }

    @Override
    public synchronized void step(int done, int total) {
        if (id == null || done <= this.done) {
            return;
        }
        this.done = Math.min(done, this.total);
        int step = this.total == 0 ? STEPS : (int) ((long) STEPS * this.done / this.total);
        long now = nanoClock.getAsLong();
        boolean last = this.done == this.total;
        if (last || (step > shownStep && now - lastUpdateNanos >= MIN_GAP_MS * 1_000_000L)) {
            shownStep = step;
            lastUpdateNanos = now;
            displays.update(bundle(false));
        }
    }

    @Override
    public synchronized void finish() {
        if (id == null) {
            return;
        }
        displays.update(bundle(true));
        id = null;
    }

    private DisplayData bundle(boolean finished) {
        double seconds = (nanoClock.getAsLong() - startNanos) / 1e9;
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        String text = String.format(Locale.ROOT, "%s: %d/%d %s (%d%%), %.1f s%s", task, done, total, units, percent,
                seconds, finished && done < total ? ", stopped" : "");
        DisplayData data = new DisplayData(text);
        data.putHTML("<div class=\"scar-progress\"><progress max=\"" + Math.max(1, total) + "\" value=\"" + done
                + "\" style=\"vertical-align:middle\"></progress> <code>" + HtmlReport.escape(text) + "</code></div>");
        data.setDisplayId(id);
        return data;
    }
}
