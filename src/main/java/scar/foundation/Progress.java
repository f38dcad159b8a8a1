package scar.foundation;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Receives progress of a long computation: {@code start} once, naming the task, how many units of work it has and
 * what a unit is, {@code step} after each finished unit, {@code finish} once (also after a failure or
 * cancellation). Called from worker threads, so implementations are thread-safe. Workers finish out of order, so
 * {@code step} may report a smaller count after a larger one; reporters show the largest count seen, so what they
 * show never goes back and ends at {@code total/total}.
 */
public interface Progress {

    /**
     * @param units what is counted, as a plural noun shown after the count: "fits" for a sweep, "seeds" for an
     *              evaluation
     */
    void start(String task, int total, String units);

    void step(int done, int total);

    void finish();

    /** Reports nothing. */
    static Progress none() {
        return new Progress() {
            @Override
            public void start(String task, int total, String units) {
            }

            @Override
            public void step(int done, int total) {
            }

            @Override
            public void finish() {
            }
        };
    }

    /**
     * Makes {@link #auto()} use {@code reporter} (a notebook kernel registers its updating display at start-up);
     * null goes back to the terminal bar or nothing.
     */
    static void useNotebook(Supplier<Progress> reporter) {
        NotebookReporter.current = reporter;
    }

    /**
     * The right reporter for where we run: the one a notebook kernel registered ({@link #useNotebook}), one updating
     * text line in JShell (which runs the call for a snippet, with no console of its own), a progress bar on an
     * interactive terminal, nothing otherwise (pipes, tests).
     */
    static Progress auto() {
        Supplier<Progress> notebook = NotebookReporter.current;
        if (notebook != null) {
            return notebook.get();
        }
        if (inJShell()) {
            return textLine(System.out);
        }
        if (System.console() != null) {
            return terminalBar();
        }
        return none();
    }

    /** Whether this thread runs a JShell snippet (JShell's execution engine is on its stack). */
    static boolean inJShell() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName()
                .startsWith("jdk.jshell.execution.")));
    }

    /** A compact line rewritten in place with a carriage return, on a new percentage only. */
    static Progress textLine(PrintStream out) {
        return new Progress() {
            private String name = "";
            private String units = "";
            private long startNanos;
            private int lastPercent = -1;
            private int most = -1;

            @Override
            public synchronized void start(String task, int total, String units) {
                name = task;
                this.units = units;
                startNanos = System.nanoTime();
                lastPercent = -1;
                most = -1;
                step(0, total);
            }

            @Override
            public synchronized void step(int done, int total) {
                if (done <= most) {
                    return;
                }
                most = done;
                int percent = total == 0 ? 100 : (int) (100L * done / total);
                if (percent == lastPercent) {
                    return;
                }
                lastPercent = percent;
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                out.printf(Locale.ROOT, "\r%s: %d/%d %s (%d%%), %.1f s", name, done, total, units, percent,
                        seconds);
                out.flush();
            }

            @Override
            public synchronized void finish() {
                out.println();
                out.flush();
            }
        };
    }

    /** A progress bar on standard error (terminals). */
    static Progress terminalBar() {
        return new Progress() {
            private ProgressBar bar;

            @Override
            public synchronized void start(String task, int total, String units) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().build();
            }

            @Override
            public synchronized void step(int done, int total) {
                if (bar != null) {
                    bar.stepTo(done);
                }
            }

            @Override
            public synchronized void finish() {
                if (bar != null) {
                    bar.close();
                    bar = null;
                }
            }
        };
    }
}

/** The reporter a notebook kernel registered through {@link Progress#useNotebook}. */
final class NotebookReporter {
    static volatile Supplier<Progress> current;

    private NotebookReporter() {
    }
}
