package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** Buffering, the per-cell cap, routing between cells and UTF-8 boundaries, without a kernel. */
class CellOutputTest {

    /** Messages a cell received, in order: "out:...", "err:...", "display:..." or "update:..." (the plain text). */
    private static final class Cell implements CellOutput.Sink {
        final List<String> messages = new ArrayList<>();

        @Override
        public synchronized void stream(boolean stderr, String text) {
            messages.add((stderr ? "err:" : "out:") + text);
            notifyAll();
        }

        @Override
        public synchronized void display(DisplayData data) {
            messages.add("display:" + data.getData(MIMEType.TEXT_PLAIN));
            notifyAll();
        }

        @Override
        public synchronized void update(DisplayData data) {
            messages.add("update:" + data.getData(MIMEType.TEXT_PLAIN));
            notifyAll();
        }

        /** Waits (at most 30 s) for a message that contains {@code text}; false if none came. */
        synchronized boolean await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (messages.stream().noneMatch(m -> m.contains(text))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        synchronized long count(String prefix) {
            return messages.stream().filter(m -> m.startsWith(prefix)).count();
        }

        synchronized String out() {
            StringBuilder all = new StringBuilder();
            messages.stream().filter(m -> m.startsWith("out:")).forEach(m -> all.append(m.substring(4)));
            return all.toString();
        }

        synchronized String err() {
            StringBuilder all = new StringBuilder();
            messages.stream().filter(m -> m.startsWith("err:")).forEach(m -> all.append(m.substring(4)));
            return all.toString();
        }
    }

    @Test
    void aFloodOfLinesBecomesAFewMessagesAndAllArriveBeforeDetachReturns() {
        CellOutput output = new CellOutput(10L << 20);
        Cell cell = new Cell();
        output.attach(cell);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            output.out().println("line " + i);
            expected.append("line ").append(i).append('\n');
        }
        output.detach();
        assertEquals(expected.toString(), cell.out());
        // 1.09 MB in 64 KiB chunks (plus a few timer flushes): far from 100,000 messages
        assertTrue(cell.messages.size() < 60, cell.messages.size() + " messages");
        output.close();
    }

    @Test
    void overTheLimitTheRestIsCountedAndANoteEndsTheCell() {
        CellOutput output = new CellOutput(100);
        Cell cell = new Cell();
        output.attach(cell);
        for (int i = 0; i < 50; i++) {
            output.out().println("0123456789"); // 11 bytes a line, 550 in all
        }
        output.detach();
        assertEquals(100, cell.out().getBytes(StandardCharsets.UTF_8).length);
        String note = cell.err();
        assertTrue(note.contains("450 more bytes") && note.contains("(41 lines)") && note.contains("first 100")
                && note.contains("SCAR_KERNEL_OUTPUT_LIMIT"), note);
        Cell next = new Cell();
        output.attach(next);
        output.out().println("the next cell has its own budget");
        output.detach();
        assertEquals("the next cell has its own budget\n", next.out());
        assertEquals("", next.err());
        output.close();
    }

    /**
     * A thread a cell started that prints, displays and updates while the next cell runs: all of it in the running
     * cell, in order, none in the cell that started the thread (it went there, as ipykernel 6.29 did, which sent a
     * pool's or an I/O thread's output to whichever old cell had made the thread).
     */
    @Test
    void aThreadStartedInOneCellShowsInTheCellThatRunsWhenItPrints() throws InterruptedException {
        CellOutput output = new CellOutput(1 << 20);
        Cell first = new Cell();
        CountDownLatch release = new CountDownLatch(1);
        output.attach(first);
        Thread started = new Thread(() -> {
            awaitQuietly(release);
            showSome(output, "while the second cell runs");
        });
        started.start();
        output.detach();
        Cell second = new Cell();
        output.attach(second);
        output.out().println("the second cell's own line");
        release.countDown();
        started.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(started.isAlive());
        output.detach();
        assertEquals(List.of(), first.messages);
        assertEquals(List.of("out:the second cell's own line\ntext while the second cell runs\n",
                "display:display while the second cell runs", "update:update while the second cell runs"),
                second.messages);
        output.close();
    }

    /**
     * What a thread prints, displays and updates while no cell runs: at once in the cell that ran last, in order, under
     * its request, not kept for the next cell (its displays were dropped, its text shown in the next cell).
     */
    @Test
    void whatAThreadShowsBetweenCellsGoesToTheLastCellAtOnceInOrder() throws InterruptedException {
        CellOutput output = new CellOutput(1 << 20);
        Cell first = new Cell();
        output.attach(first);
        output.out().println("in the first cell");
        output.detach();
        onAnotherThread(() -> {
            showSome(output, "between cells");
            output.out().println("last text between cells");
        });
        assertTrue(first.await("last text between cells"), first.messages.toString());
        assertEquals(List.of("out:in the first cell\n", "out:text between cells\n", "display:display between cells",
                "update:update between cells", "out:last text between cells\n"), first.messages);
        Cell second = new Cell();
        output.attach(second);
        output.detach();
        assertEquals(List.of(), second.messages);
        output.close();
    }

    /** Before the first cell of a session (the start-up script, its threads): kept and shown when the first starts. */
    @Test
    void whatIsShownBeforeTheFirstCellGoesToTheFirstCellInOrder() throws InterruptedException {
        CellOutput output = new CellOutput(1 << 20);
        assertFalse(output.routed());
        onAnotherThread(() -> showSome(output, "before the first cell"));
        Cell first = new Cell();
        output.attach(first);
        output.out().println("the first cell's own line");
        output.detach();
        assertEquals(List.of("out:text before the first cell\n", "display:display before the first cell",
                "update:update before the first cell", "out:the first cell's own line\n"), first.messages);
        output.close();
    }

    /**
     * A thread that prints and displays without end fills each cell at most once with its limits: between cells the
     * last cell, with one note for each limit it goes over; while a cell runs that cell, whose end notes are then
     * its only ones; and nothing more when no cell has room (it filled every later cell with 1 MiB and a note).
     */
    @Test
    void aThreadThatFloodsFillsEachCellOnceWithItsLimitsAndOneNoteOfEach() throws InterruptedException {
        CellOutput output = new CellOutput(100);
        Runnable flood = () -> {
            for (int i = 0; i < 10_000; i++) {
                output.out().println("0123456789");
            }
            for (int i = 0; i < CellOutput.DISPLAY_LIMIT + 500; i++) {
                output.display(new DisplayData("display " + i));
            }
        };
        Cell first = new Cell();
        output.attach(first);
        output.detach();
        onAnotherThread(flood);
        assertTrue(first.await("[displays left out: with what threads displayed after it ended"), first.err());
        assertTrue(first.await("[output truncated: with what threads printed after it ended"), first.err());
        Cell second = new Cell();
        output.attach(second);
        onAnotherThread(flood);
        output.detach();
        onAnotherThread(flood); // second is full and noted: nothing more
        output.flush();
        Cell third = new Cell();
        output.attach(third);
        output.detach();
        for (Cell filled : List.of(first, second)) {
            assertEquals(100, filled.out().getBytes(StandardCharsets.UTF_8).length);
            assertEquals(CellOutput.DISPLAY_LIMIT, filled.count("display:"));
            assertEquals(2, filled.count("err:"), filled.err());
        }
        assertTrue(second.err().contains("more bytes") && second.err().contains("more displays"), second.err());
        assertEquals(List.of(), third.messages);
        output.close();
    }

    /**
     * A task made by inThisCell in the first cell, run on a thread while the second cell runs: its text, display and
     * update go to the first cell, what the thread prints after the task to the running one.
     */
    @Test
    void aTaskMadeInACellShowsInThatCellWhicheverRuns() throws InterruptedException {
        CellOutput output = new CellOutput(1 << 20);
        Cell first = new Cell();
        output.attach(first);
        Runnable task = output.inThisCell(() -> showSome(output, "of the task"));
        output.detach();
        Cell second = new Cell();
        output.attach(second);
        onAnotherThread(() -> {
            task.run();
            output.out().println("after the task");
        });
        output.detach();
        assertEquals(List.of("out:text of the task\n", "display:display of the task", "update:update of the task"),
                first.messages);
        assertEquals(List.of("out:after the task\n"), second.messages);
        output.close();
    }

    /**
     * Output after the kernel shut down (jjava's shell thread's uncaught exception, printed by the kernel's handler)
     * goes nowhere, without an error: it threw RejectedExecutionException from the closed flush timer, which the JVM
     * printed on the server console.
     */
    @Test
    void outputAfterCloseIsKeptWithoutAnError() {
        CellOutput output = new CellOutput(1 << 20);
        Cell last = new Cell();
        output.attach(last);
        output.detach();
        output.close();
        showSome(output, "after close"); // on this thread, so that an exception fails the test
        assertFalse(output.routed());
        assertEquals(List.of(), last.messages);
    }

    /** Text, a display and an update of display "progress", each marked with {@code what}. */
    private static void showSome(CellOutput output, String what) {
        output.out().println("text " + what);
        output.display(new DisplayData("display " + what));
        output.update(shown("progress", "update " + what));
    }

    /** Runs {@code task} on a new thread and waits (at most 30 s) for it to end. */
    private static void onAnotherThread(Runnable task) throws InterruptedException {
        Thread thread = new Thread(task);
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(thread.isAlive());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aMultiByteCharacterSplitAcrossWritesIsNeverCut() {
        CellOutput output = new CellOutput(1 << 20);
        Cell cell = new Cell();
        output.attach(cell);
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        output.out().write(euro, 0, 1);
        output.flush(); // the sequence is incomplete: nothing is sent yet
        assertEquals("", cell.out());
        output.out().write(euro, 1, 2);
        output.detach();
        assertEquals("€", cell.out());
        output.close();
    }

    @Test
    void somethingPublishedInOrderComesAfterTheTextBeforeIt() {
        CellOutput output = new CellOutput(1 << 20);
        Cell cell = new Cell();
        output.attach(cell);
        output.out().print("before ");
        assertTrue(output.display(new DisplayData("[display]")));
        output.detach();
        assertEquals(List.of("out:before ", "display:[display]"), cell.messages);
        output.close();
    }

    @Test
    void displaysBeyondTheLimitAreCountedAndANoteEndsTheCell() {
        CellOutput output = new CellOutput(1 << 20);
        Cell cell = new Cell();
        output.attach(cell);
        int extra = 5;
        int shown = 0;
        for (int i = 0; i < CellOutput.DISPLAY_LIMIT + extra; i++) {
            if (output.display(new DisplayData("[display]"))) {
                shown++;
            }
        }
        output.update(shown("d", "[update]"));
        output.detach();
        assertEquals(CellOutput.DISPLAY_LIMIT, shown);
        assertEquals(CellOutput.DISPLAY_LIMIT, cell.count("display:"));
        assertEquals(1, cell.count("update:"));
        assertTrue(cell.err().contains("asked for " + extra + " more displays after the first "), cell.err());
        Cell next = new Cell();
        output.attach(next);
        assertTrue(output.display(new DisplayData("[display]")), "the next cell has its own count");
        output.detach();
        assertEquals("", next.err());
        output.close();
    }

    @Test
    void aLoopOfUpdatesOfOneDisplayIsAFewMessagesEndingWithItsLast() {
        CellOutput output = new CellOutput(1 << 20);
        Cell cell = new Cell();
        output.attach(cell);
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            String text = "update " + i;
            output.update(shown("loop", text));
        }
        output.update(shown("other", "[other]"));
        assertTrue(cell.messages.contains("update:[other]"), "another display's update is not held back");
        output.detach();
        List<String> loop = cell.messages.stream().filter(m -> m.startsWith("update:update ")).toList();
        assertTrue(loop.size() < 100, loop.size() + " messages");
        assertEquals("update:update 0", loop.get(0), "the first update is sent at once");
        assertEquals("update:update " + (count - 1), loop.get(loop.size() - 1),
                "the last arrives before detach returns");
        assertEquals(1, cell.count("update:update " + (count - 1)), "sent once");
        output.close();
    }

    /** A display's new content, for display {@code id}. */
    private static DisplayData shown(String id, String text) {
        DisplayData data = new DisplayData(text);
        data.setDisplayId(id);
        return data;
    }

    /**
     * A cut message or value says what the limit counts: characters, of an error's messages together (each
     * exception's class name is kept) or of a value's text; not bytes per cell, which is the limit of printed text.
     */
    @Test
    void theNoteOfACutMessageOrValueSaysWhatTheLimitCounts() {
        String message = CellOutput.messageText("x".repeat(500), 100, 1000);
        assertTrue(message.startsWith("x".repeat(100) + System.lineSeparator()
                + "[message truncated: 400 more characters after the first 100; the kernel shows at most 1,000 "
                + "characters of an error's messages in all, and the class name of each (SCAR_KERNEL_OUTPUT_LIMIT "
                + "in the kernelspec changes it)]"), message);
        String value = CellOutput.valueText("y".repeat(500), 100);
        assertTrue(value.startsWith("y".repeat(100) + System.lineSeparator()
                + "[value truncated: its text has 400 more characters after the first 100; the kernel shows at most "
                + "100 characters of a value's text (SCAR_KERNEL_OUTPUT_LIMIT in the kernelspec changes it)]"), value);
    }
}
