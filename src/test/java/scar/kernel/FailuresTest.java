package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The traceback a failing cell shows. */
class FailuresTest {

    private static StackTraceElement frame(String type, String method, int line) {
        return new StackTraceElement(type, method, type.substring(type.lastIndexOf('.') + 1) + ".java", line);
    }

    /** What a cell calling a loader sees below the loader: the snippet, then the kernel's reflective call. */
    private static final StackTraceElement[] BELOW = {
            frame("scar.data.Npy", "read", 43),
            frame("scar.data.Npy", "load", 304),
            new StackTraceElement("REPL.$JShell$22", "do_it$", "$JShell$22.java", 11),
            frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", 103),
            frame("java.lang.reflect.Method", "invoke", 580),
            frame("scar.kernel.CellExecutionControl", "run", 90),
    };

    private static StackTraceElement[] stack(StackTraceElement... top) {
        StackTraceElement[] all = new StackTraceElement[top.length + BELOW.length];
        System.arraycopy(top, 0, all, 0, top.length);
        System.arraycopy(BELOW, 0, all, top.length, BELOW.length);
        return all;
    }

    /** The JDK's exception for a missing file, thrown in {@code Npy.open} under a cell's call of {@code Npy.load}. */
    private static NoSuchFileException missingFile() {
        NoSuchFileException cause = new NoSuchFileException("/data/emb.npy");
        cause.setStackTrace(stack(frame("sun.nio.fs.UnixException", "translateToIOException", 92),
                frame("scar.data.Npy", "open", 318)));
        return cause;
    }

    @Test
    void aCauseShowsTheFramesItSharesWithItsWrapperOnce() {
        NoSuchFileException cause = missingFile();
        IllegalStateException thrown = new IllegalStateException("file not found: /data/emb.npy", cause);
        thrown.setStackTrace(stack(frame("scar.data.Npy", "open", 320)));

        assertEquals(List.of(
                "java.lang.IllegalStateException: file not found: /data/emb.npy",
                "\tat scar.data.Npy.open(Npy.java:320)",
                "\tat scar.data.Npy.read(Npy.java:43)",
                "\tat scar.data.Npy.load(Npy.java:304)",
                "\tat REPL.$JShell$22.do_it$($JShell$22.java:11)",
                "Caused by: java.nio.file.NoSuchFileException: /data/emb.npy",
                "\tat sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)",
                "\tat scar.data.Npy.open(Npy.java:318)",
                "\t... 3 more"), Failures.traceback(thrown));
    }

    @Test
    void aCauseFromElsewhereKeepsAllItsFrames() {
        IllegalStateException cause = new IllegalStateException("worker");
        cause.setStackTrace(new StackTraceElement[] {frame("scar.probe.Fit", "run", 7),
                frame("java.lang.Thread", "run", 1583)});
        IllegalStateException thrown = new IllegalStateException("bad", cause);
        thrown.setStackTrace(stack());

        assertEquals(List.of(
                "java.lang.IllegalStateException: bad",
                "\tat scar.data.Npy.read(Npy.java:43)",
                "\tat scar.data.Npy.load(Npy.java:304)",
                "\tat REPL.$JShell$22.do_it$($JShell$22.java:11)",
                "Caused by: java.lang.IllegalStateException: worker",
                "\tat scar.probe.Fit.run(Fit.java:7)",
                "\tat java.lang.Thread.run(Thread.java:1583)"), Failures.traceback(thrown));
    }

    @Test
    void badInputThatScarRefusedShowsItsMessageTheCallAndTheCellOnly() {
        NoSuchFileException cause = missingFile();
        UncheckedIOException thrown = new UncheckedIOException("file not found: /data/emb.npy", cause);
        thrown.setStackTrace(stack(frame("scar.data.Npy", "open", 320)));

        assertEquals(List.of(
                "java.io.UncheckedIOException: file not found: /data/emb.npy",
                "\t... 2 frames inside SCAR",
                "\tat scar.data.Npy.load(Npy.java:304)",
                "\tat REPL.$JShell$22.do_it$($JShell$22.java:11)",
                "Caused by: java.nio.file.NoSuchFileException: /data/emb.npy"), Failures.traceback(thrown));

        IllegalArgumentException refused = new IllegalArgumentException("emb.csv, row 3, column 5: 'x' is not a number");
        refused.setStackTrace(stack());
        assertEquals(List.of(
                "java.lang.IllegalArgumentException: emb.csv, row 3, column 5: 'x' is not a number",
                "\t... 1 frame inside SCAR",
                "\tat scar.data.Npy.load(Npy.java:304)",
                "\tat REPL.$JShell$22.do_it$($JShell$22.java:11)"), Failures.traceback(refused));
    }

    @Test
    void framesOfTheJdkThatScarCalledCountAsInsideScar() {
        // Optional.orElseThrow running SCAR's lambda, under the SCAR call the cell made
        IllegalArgumentException refused = new IllegalArgumentException("needs two modalities");
        refused.setStackTrace(stack(frame("scar.plot.Figures", "lambda$agreement$13", 153),
                frame("java.util.Optional", "orElseThrow", 403), frame("scar.plot.Figures", "agreement", 151)));
        assertEquals(List.of(
                "java.lang.IllegalArgumentException: needs two modalities",
                "\t... 4 frames inside SCAR",
                "\tat scar.data.Npy.load(Npy.java:304)",
                "\tat REPL.$JShell$22.do_it$($JShell$22.java:11)"), Failures.traceback(refused));
    }

    @Test
    void anIllegalArgumentTheCellThrewItselfKeepsItsFrames() {
        IllegalArgumentException thrown = new IllegalArgumentException("mine");
        thrown.setStackTrace(new StackTraceElement[] {BELOW[2], frame("scar.data.Npy", "load", 304), BELOW[2],
                BELOW[3], BELOW[4], BELOW[5]});

        assertEquals(List.of(
                "java.lang.IllegalArgumentException: mine",
                "\tat REPL.$JShell$22.do_it$($JShell$22.java:11)",
                "\tat scar.data.Npy.load(Npy.java:304)",
                "\tat REPL.$JShell$22.do_it$($JShell$22.java:11)"), Failures.traceback(thrown));
    }

    /**
     * The messages of a cause chain share the output limit: the first keeps what fits, the cause after it is cut to
     * its class name, each with a note; the frames are all there.
     */
    @Test
    void messagesShareTheOutputLimit() {
        IllegalStateException cause = new IllegalStateException("y".repeat(500));
        cause.setStackTrace(stack(frame("scar.data.Npy", "open", 318)));
        RuntimeException thrown = new RuntimeException("x".repeat(500), cause);
        thrown.setStackTrace(stack(frame("scar.data.Npy", "open", 320)));

        List<String> lines = String.join("\n", Failures.traceback(thrown, 100)).lines().toList();
        assertEquals("java.lang.RuntimeException: " + "x".repeat(100 - "java.lang.RuntimeException: ".length()),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("[message truncated: 428 more characters after the first 100; "),
                lines.get(1));
        assertEquals("Caused by: java.lang.IllegalStateException", lines.get(6));
        assertTrue(lines.get(7).startsWith("[message truncated: 502 more characters after the first 31; "),
                lines.get(7));
        assertEquals(Failures.traceback(thrown).size(), lines.size() - 2, "every frame, and two notes: " + lines);
    }
}
