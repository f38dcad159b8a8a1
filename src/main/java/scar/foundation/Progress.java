package scar.foundation;

import java.io.PrintStream;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Receives progress of a long computation: {@code start} once, {@code step} after each finished unit of work,
 * {@code finish} once (also after a failure or cancellation). Called from worker threads, so implementations are
 * thread-safe.
 */
public interface Progress {

    /** The system property a notebook kernel sets so that progress is shown as one updating text line. */
    String NOTEBOOK_PROPERTY = "scar.kernel";

    void start(String task, int total);

    void step(int done, int total);

    void finish();

    /** Reports nothing. */
    static Progress none() {
        return new Progress() {
            @Override
            public void start(String task, int total) {
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
     * The right reporter for where we run: one updating text line in a Jupyter notebook (the kernel sets the system
     * property {@code scar.kernel}), a progress bar on an interactive terminal, nothing otherwise (pipes, tests).
     */
    static Progress auto() {
        if (System.getProperty(NOTEBOOK_PROPERTY) != null) {
            return textLine(System.out);
        }
        if (System.console() != null) {
            return terminalBar();
        }
        return none();
    }

    /** A compact line rewritten in place with a carriage return: what a notebook cell shows well. */
    static Progress textLine(PrintStream out) {
        return new Progress() {
            private String name = "";
            private long startNanos;
            private int lastPercent = -1;

            @Override
            public synchronized void start(String task, int total) {
                name = task;
                startNanos = System.nanoTime();
                lastPercent = -1;
                step(0, total);
            }

            @Override
            public synchronized void step(int done, int total) {
                int percent = total == 0 ? 100 : (int) (100L * done / total);
                if (percent == lastPercent) {
                    return;
                }
                lastPercent = percent;
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                out.printf(Locale.ROOT, "\r%s: %d/%d fits (%d%%), %.1f s", name, done, total, percent, seconds);
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
            public synchronized void start(String task, int total) {
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
