package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Buffering, the per-cell cap, routing between cells and UTF-8 boundaries, without a kernel. */
class CellOutputTest {

    /** Messages a cell received, in order: "out:..." or "err:...". */
    private static final class Cell implements CellOutput.Sink {
        final List<String> messages = new ArrayList<>();

        @Override
        public synchronized void stream(boolean stderr, String text) {
            messages.add((stderr ? "err:" : "out:") + text);
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

    @Test
    void textPrintedBetweenCellsGoesToTheNextCell() throws InterruptedException {
        CellOutput output = new CellOutput(1 << 20);
        Cell first = new Cell();
        output.attach(first);
        output.out().println("in the first cell");
        output.detach();
        CountDownLatch printed = new CountDownLatch(1);
        Thread background = new Thread(() -> {
            output.out().println("from a thread, between cells");
            printed.countDown();
        });
        background.start();
        assertTrue(printed.await(30, TimeUnit.SECONDS));
        assertFalse(first.out().contains("between cells"));
        Cell second = new Cell();
        output.attach(second);
        output.detach();
        assertEquals("from a thread, between cells\n", second.out());
        output.close();
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
        assertTrue(output.inOrder(() -> cell.stream(false, "[display]")));
        output.detach();
        assertEquals(List.of("out:before ", "out:[display]"), cell.messages);
        assertFalse(output.inOrder(() -> cell.stream(false, "dropped")), "no cell: nothing is published");
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
            if (output.display(() -> cell.stream(false, "[display]"))) {
                shown++;
            }
        }
        assertTrue(output.inOrder(() -> cell.stream(false, "[update]")), "updates are not counted");
        output.detach();
        assertEquals(CellOutput.DISPLAY_LIMIT, shown);
        assertEquals(CellOutput.DISPLAY_LIMIT + 1, cell.messages.stream().filter(m -> m.startsWith("out:")).count());
        assertTrue(cell.err().contains("asked for " + extra + " more displays after the first "), cell.err());
        Cell next = new Cell();
        output.attach(next);
        assertTrue(output.display(() -> next.stream(false, "[display]")), "the next cell has its own count");
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
            assertTrue(output.update("loop", () -> cell.stream(false, text)));
        }
        assertTrue(output.update("other", () -> cell.stream(false, "[other]")));
        assertTrue(cell.out().contains("[other]"), "another display's update is not held back");
        output.detach();
        List<String> loop = cell.messages.stream().filter(m -> m.startsWith("out:update ")).toList();
        assertTrue(loop.size() < 100, loop.size() + " messages");
        assertEquals("out:update 0", loop.get(0), "the first update is sent at once");
        assertEquals("out:update " + (count - 1), loop.get(loop.size() - 1), "the last arrives before detach returns");
        assertFalse(output.update("loop", () -> cell.stream(false, "late")), "no cell: nothing is published");
        output.close();
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
