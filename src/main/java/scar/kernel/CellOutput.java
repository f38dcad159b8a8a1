package scar.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The kernel JVM's standard output and error, and the displays of cells, routed to the notebook cell they belong to.
 *
 * <p>Which cell: whatever any thread prints or displays while a cell runs goes to that cell; while no cell runs, it
 * goes at once to the cell that ran last, under that cell's request (Jupyter's parent header). That is ipykernel's
 * default: ipykernel 6.29 sent a thread's output to the cell that started the thread (PR #1186), and ipykernel 7 went
 * back (PR #1451), since a pool's or an I/O thread's output then went to whichever old cell had created the thread;
 * here, Spark's local executor threads and a user's pool. Before the first cell, output is kept and shown at the
 * start of the first cell. A task made by {@link #inThisCell} sends its output to the cell that ran when it was made.
 *
 * <p>Text is buffered and sent as one {@code stream} message per stream when {@link #CHUNK_BYTES} have gathered or
 * {@link #FLUSH_MS} after the first unsent byte, so a loop of 100,000 {@code println}s costs a few dozen messages, not
 * 100,000. One cell sends at most {@code limit} bytes and {@link #DISPLAY_LIMIT} displays, counting what threads
 * send to it after it ended; the rest is counted, not kept. {@link #detach()} ends the cell's output with a note saying
 * how much was left out, and sends everything before it returns, so the output of a cell always arrives before its
 * reply and its {@code idle} status. After that, text sent to the cell is sent by the timer, and the first time it goes
 * over a limit one note says so; what goes beyond costs no message, so a thread that prints or displays without end
 * fills each cell at most once with its limit and cannot flood the notebook or slow the kernel.
 *
 * <p>What javac prints itself while the session calls into JShell is left out ({@link JavacOutput}).
 *
 * <p>Thread-safe. Messages are sent while holding one lock, so a flood blocks the printing threads while the socket
 * is busy instead of growing without bound. The print streams hand every {@code print} call's bytes straight to the
 * buffers (a {@link PrintStream} over a plain {@link OutputStream} keeps nothing back), so the lock is never taken
 * while holding a print stream's own lock the other way round.
 */
final class CellOutput {

    /** Bytes gathered before a message is sent without waiting for the timer. */
    static final int CHUNK_BYTES = 64 * 1024;
    /** Longest time text waits in the buffer while a cell runs. */
    static final long FLUSH_MS = 100;
    /**
     * Displays one cell may show; later ones are counted, not sent. A notebook server drops what a kernel sends
     * beyond 1,000 messages a second (over 3 s; Jupyter Notebook's {@code iopub_msg_rate_limit}), whichever they are,
     * and a browser slows with every output a cell holds: a loop that shows 20,000 displays is a mistake to report,
     * not 20,000 outputs to draw.
     */
    static final int DISPLAY_LIMIT = 1000;

    /** Publishes a cell's output, under that cell's request; called from any thread, one call at a time. */
    interface Sink {
        /** One stream message: {@code stderr} false for stdout, true for stderr. */
        void stream(boolean stderr, String text);

        /** A new display ({@code display_data}). */
        void display(DisplayData data);

        /** A new content for display {@code data.getDisplayId()} ({@code update_display_data}). */
        void update(DisplayData data);
    }

    private final Object lock = new Object();
    private final PrintStream outStream = new Unclosable(new Channel(false));
    private final PrintStream errStream = new Unclosable(new Channel(true));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scar-output-flush");
        t.setDaemon(true);
        return t;
    });
    private final long limit;
    /**
     * The running cell; after it ended, until the next starts, the cell that ran last, which takes all output; before
     * the first cell, one with no request yet, which keeps the output for the first cell.
     */
    private RoutedCell current;
    /** The cell a task's output goes to whatever runs ({@link #inThisCell}); null for none. */
    private final ThreadLocal<RoutedCell> pinned = new ThreadLocal<>();
    /** Set by {@link #close()}: a pinned cell is then ignored, as its request can no longer be answered. */
    private boolean closed;

    /** @param limit bytes one cell may send (stdout and stderr together); at least 1 */
    CellOutput(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("output limit must be at least 1 byte, got " + limit);
        }
        this.limit = limit;
        this.current = newCell();
    }

    /** What {@code System.out} should be. */
    PrintStream out() {
        return outStream;
    }

    /** What {@code System.err} should be. */
    PrintStream err() {
        return errStream;
    }

    long limit() {
        return limit;
    }

    /**
     * A cell starts: what the last cell still holds is sent first, under the last cell's request (with its note, if
     * what came after it ended went over a limit); before the first cell, what was kept is sent to this one at once.
     * All output goes to this cell from now on, but that of tasks made by {@link #inThisCell}.
     */
    void attach(Sink cell) {
        synchronized (lock) {
            if (current.attached()) {
                current.finish();
                current = newCell();
            }
            current.attach(cell);
        }
    }

    /** True if what the calling thread displays is shown now: its cell has a request (not before the first cell). */
    boolean routed() {
        synchronized (lock) {
            return cellOfThisThread().attached();
        }
    }

    /**
     * {@code task} made to send what it prints and displays to the cell that runs now (between cells, the last one;
     * before the first, the first one), whichever thread runs it and whenever, as ipykernel's
     * {@code set_thread_parent} does for a thread; that cell's limits count it. The thread's output goes back to the
     * running cell when the task ends.
     */
    Runnable inThisCell(Runnable task) {
        RoutedCell cell;
        synchronized (lock) {
            cell = current;
        }
        return () -> {
            RoutedCell before = pinned.get();
            pinned.set(cell);
            try {
                task.run();
            } finally {
                if (before == null) {
                    pinned.remove();
                } else {
                    pinned.set(before);
                }
            }
        };
    }

    /**
     * The cell ends: everything buffered is sent, then a note for what was left out; until the next cell starts, what
     * any thread prints or displays goes on to this one. Does nothing if no cell runs.
     */
    void detach() {
        synchronized (lock) {
            if (current.running()) {
                current.end();
            }
        }
    }

    /**
     * Shows a new display in the cell (the running one, or the last), after the text printed before it, unless that
     * cell has shown {@link #DISPLAY_LIMIT} already (then it is counted, for the cell's note). Before the first cell,
     * it is kept for the first cell, after the text printed before it. Returns false beyond the limit.
     */
    boolean display(DisplayData data) {
        synchronized (lock) {
            return cellOfThisThread().display(data);
        }
    }

    /**
     * Sends a new content of display {@code data.getDisplayId()} in the cell (the running one, or the last): at once unless that
     * display was updated less than {@link #FLUSH_MS} ago, else kept, in place of any update of it still waiting, and
     * sent by the timer or by {@link #detach()}, before the cell's reply. A loop of 20,000 updates is then a few dozen
     * messages that end with its last: a notebook server drops what a kernel sends beyond 1,000 messages a second,
     * and the display was left showing an update from the middle of the loop. Before the first cell, it waits for the
     * first cell.
     */
    void update(DisplayData data) {
        synchronized (lock) {
            cellOfThisThread().update(data);
        }
    }

    /** Sends what the calling thread's cell has buffered now (a no-op before the first cell). */
    void flush() {
        synchronized (lock) {
            cellOfThisThread().sendText(false);
        }
    }

    /**
     * Stops the flush timer; for a kernel that shuts down. What is printed or displayed after it (the kernel's handler
     * prints an uncaught exception of jjava's shell thread as it ends) is kept, up to the limits, for a cell that never comes, as
     * before the first cell: the last cell's request can no longer be answered and the timer takes no task.
     */
    void close() {
        synchronized (lock) {
            current = newCell();
            closed = true;
        }
        timer.shutdownNow();
    }

    /** The cell of the calling thread's task ({@link #inThisCell}), else the running or last cell. */
    private RoutedCell cellOfThisThread() {
        RoutedCell cell = pinned.get();
        return cell != null && !closed ? cell : current;
    }

    private RoutedCell newCell() {
        return new RoutedCell(limit, lock, timer);
    }

    static String truncationNote(long limit, long droppedBytes, long droppedLines) {
        return String.format(Locale.ROOT, "%n[output truncated: this cell printed %,d more bytes (%,d lines) after the "
                + "first %,d; the kernel sends at most %,d bytes per cell (SCAR_KERNEL_OUTPUT_LIMIT in the kernelspec "
                + "changes it)]%n", droppedBytes, droppedLines, limit, limit);
    }

    /**
     * The text of a cell's value as sent: at most {@code limit} characters, the output limit of a cell, then a note
     * saying how much was left out (a {@code toString} of millions of elements would otherwise be one message of
     * tens of megabytes, which a browser chokes on and the notebook file keeps).
     */
    static String valueText(String text, long limit) {
        return cut(text, limit, "value truncated: its text has",
                String.format(Locale.ROOT, "at most %,d characters of a value's text", limit));
    }

    /**
     * The message of a cell's error as sent: its first {@code keep} characters, then a note saying how much was left
     * out; {@code limit} is the cell's output limit, the characters an error's messages share
     * ({@link Failures#traceback(Throwable, long)}), which the note names.
     */
    static String messageText(String text, long keep, long limit) {
        return cut(text, keep, "message truncated:", String.format(Locale.ROOT,
                "at most %,d characters of an error's messages in all, and the class name of each", limit));
    }

    /** {@code text} cut after {@code keep} characters, with a note saying how many were left out and what it keeps. */
    private static String cut(String text, long keep, String what, String kept) {
        if (text.length() <= keep) {
            return text;
        }
        int end = (int) keep;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + String.format(Locale.ROOT, "%n[%s %,d more characters after the first %,d; "
                + "the kernel shows %s (SCAR_KERNEL_OUTPUT_LIMIT in the kernelspec changes it)]", what,
                text.length() - end, end, kept);
    }

    /**
     * A print stream that {@code close()} only flushes: the kernel's {@code System.out} outlives a cell that closes
     * it (directly, or by closing a writer wrapped around it), which would otherwise silence every later cell.
     */
    private static final class Unclosable extends PrintStream {
        Unclosable(OutputStream channel) {
            super(channel, false, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** One stream: each write goes to the buffer of the writing thread's cell. */
    private final class Channel extends OutputStream {
        private final boolean stderr;

        Channel(boolean stderr) {
            this.stderr = stderr;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (JavacOutput.isJavac()) {
                return; // javac's crash report, beside the cell's own one-line error
            }
            synchronized (lock) {
                cellOfThisThread().write(stderr, bytes, offset, length);
            }
        }

        /** Keeps the text waiting for the timer (a {@code System.out.flush()} does not send a message). */
        @Override
        public void flush() {
        }
    }
}
