package scar.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The kernel JVM's standard output and error, routed to the notebook cell that runs: whatever any thread prints
 * while a cell runs belongs to that cell; what is printed while no cell runs (a thread a cell started) is kept and
 * shown at the start of the next cell.
 *
 * <p>Text is buffered and sent as one {@code stream} message per stream when {@link #CHUNK_BYTES} have gathered or
 * {@link #FLUSH_MS} after the first unsent byte, so a loop of 100,000 {@code println}s costs a few dozen messages, not
 * 100,000. One cell sends at most {@code limit} bytes; the rest is counted, not kept, and {@link #detach()} ends the
 * cell's output with a note saying how much was left out. {@link #detach()} sends everything before it returns, so
 * the output of a cell always arrives before its reply and its {@code idle} status.
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

    /** Publishes one stream message: {@code stderr} false for stdout, true for stderr. */
    interface Sink {
        void stream(boolean stderr, String text);
    }

    private final Object lock = new Object();
    private final Channel out = new Channel(false);
    private final Channel err = new Channel(true);
    private final PrintStream outStream = new Unclosable(out);
    private final PrintStream errStream = new Unclosable(err);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scar-output-flush");
        t.setDaemon(true);
        return t;
    });
    private final long limit;

    private Sink sink;
    private boolean flushScheduled;
    /** Bytes accepted for the current (or next) cell, sent or waiting. */
    private long accepted;
    private long droppedBytes;
    private long droppedLines;
    /** Displays the current cell showed, and those it asked for beyond {@link #DISPLAY_LIMIT}. */
    private int displays;
    private long droppedDisplays;
    /** The latest update of each display that waits for its turn ({@link #update}), in the order they came. */
    private final Map<String, Runnable> waitingUpdates = new LinkedHashMap<>();
    /** When each display of the current cell was last updated ({@link System#nanoTime()}). */
    private final Map<String, Long> updated = new HashMap<>();
    private boolean updatesScheduled;

    /** @param limit bytes one cell may send (stdout and stderr together); at least 1 */
    CellOutput(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("output limit must be at least 1 byte, got " + limit);
        }
        this.limit = limit;
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

    /** A cell starts: text waiting from between cells is sent to it at once. */
    void attach(Sink cell) {
        synchronized (lock) {
            sink = cell;
            sendLocked(false);
        }
    }

    /** True while a cell is attached. */
    boolean attached() {
        synchronized (lock) {
            return sink != null;
        }
    }

    /**
     * The cell ends: everything buffered is sent, then the truncation note if anything was left out; later text
     * waits for the next cell. Does nothing if no cell is attached.
     */
    void detach() {
        synchronized (lock) {
            if (sink == null) {
                return;
            }
            sendLocked(true);
            sendUpdatesLocked();
            updated.clear();
            if (droppedBytes > 0) {
                sink.stream(true, truncationNote(limit, droppedBytes, droppedLines));
            }
            if (droppedDisplays > 0) {
                sink.stream(true, String.format(Locale.ROOT, "%n[displays left out: this cell asked for %,d more %s "
                        + "after the first %,d; the kernel sends at most %,d displays per cell]%n", droppedDisplays,
                        droppedDisplays == 1 ? "display" : "displays", DISPLAY_LIMIT, DISPLAY_LIMIT));
            }
            sink = null;
            accepted = 0;
            droppedBytes = 0;
            droppedLines = 0;
            displays = 0;
            droppedDisplays = 0;
        }
    }

    /**
     * Sends the buffered text, then runs {@code action} (which publishes something else, such as a display) under
     * the same lock, so that it appears after everything printed before it. Runs nothing and returns false when no
     * cell is attached.
     */
    boolean inOrder(Runnable action) {
        synchronized (lock) {
            if (sink == null) {
                return false;
            }
            sendLocked(false);
            action.run();
            return true;
        }
    }

    /**
     * {@link #inOrder} for an action that shows a new display, while the cell has shown fewer than
     * {@link #DISPLAY_LIMIT}; beyond that the display is counted, for {@link #detach()}'s note, and not shown.
     * Returns whether {@code show} ran.
     */
    boolean display(Runnable show) {
        synchronized (lock) {
            if (sink == null) {
                return false;
            }
            if (displays == DISPLAY_LIMIT) {
                droppedDisplays++;
                return false;
            }
            displays++;
            return inOrder(show);
        }
    }

    /**
     * {@link #inOrder} for an action that updates display {@code id}: sent at once unless that display was updated
     * less than {@link #FLUSH_MS} ago, else kept, in place of any update of it still waiting, and sent by the timer
     * or by {@link #detach()}, before the cell's reply. A loop of 20,000 updates is then a few dozen messages that
     * end with its last: a notebook server drops what a kernel sends beyond 1,000 messages a second, and the display
     * was left showing an update from the middle of the loop. Returns false when no cell is attached.
     */
    boolean update(String id, Runnable send) {
        synchronized (lock) {
            if (sink == null) {
                return false;
            }
            Long last = updated.get(id);
            if (!waitingUpdates.containsKey(id)
                    && (last == null || System.nanoTime() - last >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MS))) {
                updated.put(id, System.nanoTime());
                sendLocked(false);
                send.run();
                return true;
            }
            waitingUpdates.put(id, send);
            if (!updatesScheduled) {
                updatesScheduled = true;
                timer.schedule(() -> {
                    synchronized (lock) {
                        updatesScheduled = false;
                        sendUpdatesLocked();
                    }
                }, FLUSH_MS, TimeUnit.MILLISECONDS);
            }
            return true;
        }
    }

    /** Sends the updates that wait, after the text before them; drops them while no cell is attached. */
    private void sendUpdatesLocked() {
        if (sink == null) {
            waitingUpdates.clear();
            return;
        }
        sendLocked(false);
        long now = System.nanoTime();
        for (Iterator<Map.Entry<String, Runnable>> it = waitingUpdates.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Runnable> waiting = it.next();
            it.remove();
            updated.put(waiting.getKey(), now);
            waiting.getValue().run();
        }
    }

    /** Sends what is buffered now (a no-op while no cell is attached). */
    void flush() {
        synchronized (lock) {
            if (sink != null) {
                sendLocked(false);
            }
        }
    }

    /** Stops the flush timer; for a kernel that shuts down. */
    void close() {
        timer.shutdownNow();
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

    private void sendLocked(boolean everything) {
        out.sendLocked(everything);
        err.sendLocked(everything);
    }

    private void scheduleLocked() {
        if (!flushScheduled && sink != null) {
            flushScheduled = true;
            timer.schedule(() -> {
                synchronized (lock) {
                    flushScheduled = false;
                    if (sink != null) {
                        sendLocked(false);
                    }
                }
            }, FLUSH_MS, TimeUnit.MILLISECONDS);
        }
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

    /** One stream's buffer. */
    private final class Channel extends OutputStream {
        private final boolean stderr;
        private final Buffer buffer = new Buffer();

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
                long room = Math.max(0, limit - accepted);
                int kept = (int) Math.min(room, length);
                if (kept < length) {
                    droppedBytes += length - kept;
                    for (int i = offset + kept; i < offset + length; i++) {
                        if (bytes[i] == '\n') {
                            droppedLines++;
                        }
                    }
                }
                if (kept > 0) {
                    buffer.write(bytes, offset, kept);
                    accepted += kept;
                    if (sink != null && buffer.size() >= CHUNK_BYTES) {
                        sendLocked(false);
                    } else {
                        scheduleLocked();
                    }
                }
            }
        }

        /** Keeps the text waiting for the timer (a {@code System.out.flush()} does not send a message). */
        @Override
        public void flush() {
        }

        /** Sends the buffer; an incomplete UTF-8 sequence at its end waits for its last bytes unless everything. */
        void sendLocked(boolean everything) {
            if (sink == null || buffer.size() == 0) {
                return;
            }
            int end = everything ? buffer.size() : buffer.completeUtf8Length();
            if (end == 0) {
                return;
            }
            String text = new String(buffer.bytes(), 0, end, StandardCharsets.UTF_8);
            buffer.keepFrom(end);
            sink.stream(stderr, text);
        }
    }

    /** A byte buffer that can drop a prefix. */
    private static final class Buffer extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }

        /** Length of the longest prefix that does not end inside a UTF-8 multi-byte sequence. */
        int completeUtf8Length() {
            int n = count;
            int i = n - 1;
            int continuation = 0;
            while (i >= 0 && continuation < 3 && (buf[i] & 0xC0) == 0x80) {
                continuation++;
                i--;
            }
            if (i < 0) {
                return n;
            }
            int lead = buf[i] & 0xFF;
            int expected = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
            return expected > continuation ? i : n;
        }

        void keepFrom(int start) {
            System.arraycopy(buf, start, buf, 0, count - start);
            count -= start;
        }
    }
}
