package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void aCauseShowsTheFramesItSharesWithItsWrapperOnce() {
        NoSuchFileException cause = new NoSuchFileException("/data/emb.npy");
        cause.setStackTrace(stack(frame("sun.nio.fs.UnixException", "translateToIOException", 92),
                frame("scar.data.Npy", "open", 318)));
        UncheckedIOException thrown = new UncheckedIOException("file not found: /data/emb.npy", cause);
        thrown.setStackTrace(stack(frame("scar.data.Npy", "open", 320)));

        assertEquals(List.of(
                "java.io.UncheckedIOException: file not found: /data/emb.npy",
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
        IllegalArgumentException thrown = new IllegalArgumentException("bad", cause);
        thrown.setStackTrace(stack());

        assertEquals(List.of(
                "java.lang.IllegalArgumentException: bad",
                "\tat scar.data.Npy.read(Npy.java:43)",
                "\tat scar.data.Npy.load(Npy.java:304)",
                "\tat REPL.$JShell$22.do_it$($JShell$22.java:11)",
                "Caused by: java.lang.IllegalStateException: worker",
                "\tat scar.probe.Fit.run(Fit.java:7)",
                "\tat java.lang.Thread.run(Thread.java:1583)"), Failures.traceback(thrown));
    }
}
