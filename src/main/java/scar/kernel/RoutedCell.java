package scar.kernel;

import static scar.kernel.CellOutput.CHUNK_BYTES;
import static scar.kernel.CellOutput.DISPLAY_LIMIT;
import static scar.kernel.CellOutput.FLUSH_MS;
import static scar.kernel.CellOutput.truncationNote;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The output of one cell as {@link CellOutput} routes it: its buffers, what it sent against its limits, the display
 * updates it holds back, and for the first cell, what was shown before it started. Not thread-safe: every call holds
 * the lock of its {@link CellOutput}, which the flush timer's tasks take too.
 */
final class RoutedCell {
    private final long limit;
    private final Object lock;
    private final ScheduledExecutorService timer;
    /** Where its output goes: null until the cell starts, kept after it ended until the next cell starts. */
    private CellOutput.Sink sink;
    private boolean ended;
    private final Buffer out = new Buffer();
    private final Buffer err = new Buffer();
    /** Bytes accepted, sent or waiting, before the cell started, while it ran and after. */
    private long accepted;
    /** Bytes, lines and displays left out since the last note about them. */
    private long droppedBytes;
    private long droppedLines;
    private long droppedDisplays;
    /** Displays shown, while the cell ran and after. */
    private int displays;
    /** Whether a note said that text, or displays, were left out; after the cell ended, one of each is enough. */
    private boolean textNoted;
    private boolean displaysNoted;
    private boolean flushScheduled;
    private boolean updatesScheduled;
    /** The latest update of each display that waits for its turn ({@link #update}), in the order they came. */
    private final Map<String, DisplayData> waitingUpdates = new LinkedHashMap<>();
    /** When each display was last updated here ({@link System#nanoTime()}). */
    private final Map<String, Long> updated = new HashMap<>();
    /** Before the first cell starts, what was displayed, and the text before it, in order. */
    private final List<Consumer<CellOutput.Sink>> waiting = new ArrayList<>();

    /** @param lock the lock every call holds; {@code timer} flushes under it */
    RoutedCell(long limit, Object lock, ScheduledExecutorService timer) {
        this.limit = limit;
        this.lock = lock;
        this.timer = timer;
    }

    /** The cell starts: what waits is sent to {@code cell}, in order, and all that follows. */
    void attach(CellOutput.Sink cell) {
        sink = cell;
        waiting.forEach(held -> held.accept(cell));
        waiting.clear();
        sendText(false);
        sendUpdates();
    }

    boolean attached() {
        return sink != null;
    }

    /** True from {@link #attach} until {@link #end}. */
    boolean running() {
        return sink != null && !ended;
    }

    /** {@link CellOutput#display}, for this cell. */
    boolean display(DisplayData data) {
        if (displays == DISPLAY_LIMIT) {
            droppedDisplays++;
            scheduleFlushIfEnded();
            return false;
        }
        displays++;
        if (sink == null) { // before the first cell: shown at its start
            holdText();
            waiting.add(cell -> cell.display(data));
        } else {
            sendText(false);
            sink.display(data);
        }
        return true;
    }

    void write(boolean stderr, byte[] bytes, int offset, int length) {
        long room = Math.max(0, limit - accepted);
        int kept = (int) Math.min(room, length);
        if (kept < length) {
            droppedBytes += length - kept;
            for (int i = offset + kept; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    droppedLines++;
                }
            }
            scheduleFlushIfEnded();
        }
        if (kept > 0) {
            Buffer buffer = stderr ? err : out;
            buffer.write(bytes, offset, kept);
            accepted += kept;
            if (sink != null && buffer.size() >= CHUNK_BYTES) {
                sendText(false);
            } else {
                scheduleFlush();
            }
        }
    }

    void update(DisplayData data) {
        String id = data.getDisplayId();
        if (sink == null) {
            waitingUpdates.put(id, data); // sent when the first cell starts
            return;
        }
        Long last = updated.get(id);
        if (!waitingUpdates.containsKey(id)
                && (last == null || System.nanoTime() - last >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MS))) {
            updated.put(id, System.nanoTime());
            sendText(false);
            sink.update(data);
            return;
        }
        waitingUpdates.put(id, data);
        if (!updatesScheduled) {
            updatesScheduled = true;
            timer.schedule(() -> {
                synchronized (lock) {
                    updatesScheduled = false;
                    sendUpdates();
                }
            }, FLUSH_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends the updates that wait, after the text before them. */
    void sendUpdates() {
        sendText(false);
        long now = System.nanoTime();
        for (Iterator<Map.Entry<String, DisplayData>> it = waitingUpdates.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, DisplayData> waiting = it.next();
            it.remove();
            updated.put(waiting.getKey(), now);
            sink.update(waiting.getValue());
        }
    }

    /** The cell's request ends: everything it holds is sent, then a note for each kind of output left out. */
    void end() {
        sendText(true);
        sendUpdates();
        if (droppedBytes > 0) {
            sink.stream(true, truncationNote(limit, droppedBytes, droppedLines));
            textNoted = true;
        }
        if (droppedDisplays > 0) {
            sink.stream(true, String.format(Locale.ROOT, "%n[displays left out: this cell asked for %,d more %s "
                    + "after the first %,d; the kernel sends at most %,d displays per cell]%n", droppedDisplays,
                    droppedDisplays == 1 ? "display" : "displays", DISPLAY_LIMIT, DISPLAY_LIMIT));
            displaysNoted = true;
        }
        droppedBytes = 0;
        droppedLines = 0;
        droppedDisplays = 0;
        ended = true;
    }

    /**
     * The next cell starts: what this one, ended, still holds is sent now, with the note if what came after it ended
     * went over a limit; nothing comes to it after this.
     */
    void finish() {
        if (!ended) {
            end();
            return;
        }
        sendText(true);
        sendUpdates();
        lateNotes();
    }

    /** After the cell ended: the first time what threads send to it goes over a limit, one note says so. */
    private void lateNotes() {
        if (droppedBytes > 0 && !textNoted) {
            sink.stream(true, String.format(Locale.ROOT, "%n[output truncated: with what threads printed after it "
                    + "ended, this cell reached the %,d bytes the kernel sends per cell; what they print until the "
                    + "next cell starts is left out (SCAR_KERNEL_OUTPUT_LIMIT in the kernelspec changes it)]%n",
                    limit));
            textNoted = true;
        }
        if (droppedDisplays > 0 && !displaysNoted) {
            sink.stream(true, String.format(Locale.ROOT, "%n[displays left out: with what threads displayed after "
                    + "it ended, this cell reached the %,d displays the kernel sends per cell; the ones they ask for "
                    + "until the next cell starts are left out]%n", DISPLAY_LIMIT));
            displaysNoted = true;
        }
        droppedBytes = 0;
        droppedLines = 0;
        droppedDisplays = 0;
    }

    void sendText(boolean everything) {
        send(out, false, everything);
        send(err, true, everything);
    }

    /** Sends a buffer; an incomplete UTF-8 sequence at its end waits for its last bytes unless everything. */
    private void send(Buffer buffer, boolean stderr, boolean everything) {
        if (sink != null) {
            String text = buffer.take(everything);
            if (!text.isEmpty()) {
                sink.stream(stderr, text);
            }
        }
    }

    /** Before the cell starts: keeps the text printed so far in {@link #waiting}, ahead of what comes next. */
    private void holdText() {
        for (boolean stderr : new boolean[] {false, true}) {
            String text = (stderr ? err : out).take(false);
            if (!text.isEmpty()) {
                waiting.add(cell -> cell.stream(stderr, text));
            }
        }
    }

    void scheduleFlushIfEnded() {
        if (ended) {
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        if (!flushScheduled && sink != null) {
            flushScheduled = true;
            timer.schedule(() -> {
                synchronized (lock) {
                    flushScheduled = false;
                    sendText(false);
                    if (ended) {
                        lateNotes();
                    }
                }
            }, FLUSH_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** A byte buffer that can drop a prefix. */
    private static final class Buffer extends ByteArrayOutputStream {
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

        /** The text of the buffer, taken out of it; an incomplete UTF-8 sequence at its end stays unless all. */
        String take(boolean all) {
            int end = all ? count : completeUtf8Length();
            String text = new String(buf, 0, end, StandardCharsets.UTF_8);
            keepFrom(end);
            return text;
        }

        void keepFrom(int start) {
            System.arraycopy(buf, start, buf, 0, count - start);
            count -= start;
        }
    }
}
