package scar.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Exceptions from cells, made fit for Jupyter: thrown on unchanged when possible (so the error name is the cell's
 * own exception class), and shown as a stack trace cut at the kernel's own frames.
 */
final class Failures {

    /** Frames shown per exception of a cause chain. */
    private static final int MAX_FRAMES = 12;

    private Failures() {
    }

    /**
     * The throwable as something {@code evalRaw} can throw: exceptions as they are (checked ones too, since the
     * Jupyter layer catches {@link Exception}); errors wrapped in a {@link JavaError} so that the kernel's loop
     * thread survives them.
     */
    static RuntimeException unchecked(Throwable thrown) {
        if (thrown instanceof Exception exception) {
            throw Failures.<RuntimeException>sneaky(exception);
        }
        return new JavaError(thrown);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /**
     * The throwable and its causes, each with the frames of the cell's code: frames from the reflective call that
     * ran the snippet onwards belong to the kernel and are left out, and a cause's frames that it shares with the
     * exception that wraps it (the calls both went through) are shown once, as {@code ... n more}, as
     * {@link Throwable#printStackTrace()} does. Bad input that SCAR refused ({@link #isInputError}) shows its message,
     * the SCAR call the cell made and the cell's frames; the frames inside SCAR above that call are one line, and
     * its causes their messages only.
     */
    static List<String> traceback(Throwable thrown) {
        return traceback(thrown, Long.MAX_VALUE);
    }

    /**
     * {@link #traceback(Throwable)} with the messages cut to {@code limit} characters in all, the cell's output limit:
     * a message longer than what is left keeps that much (at least as many characters as its class name has), then
     * a note saying how much was left out. A message of millions of characters would otherwise reach the browser
     * whole, and again as the exception that wraps it.
     */
    static List<String> traceback(Throwable thrown, long limit) {
        List<String> lines = new ArrayList<>();
        long left = limit;
        Throwable current = unwrapped(thrown);
        boolean input = isInputError(current);
        String prefix = "";
        StackTraceElement[] enclosing = new StackTraceElement[0];
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int depth = 0; current != null && depth < 8; depth++) {
            String text = described(current);
            long keep = Math.max(left, current.getClass().getName().length());
            left -= Math.min(left, Math.min(keep, text.length()));
            text = CellOutput.messageText(text, keep, limit);
            if (!seen.add(current)) {
                lines.add(prefix + "[circular reference: " + text + "]");
                break;
            }
            lines.add(prefix + text);
            StackTraceElement[] frames = current.getStackTrace();
            int own = depth > 0 && input ? 0 : frames.length - inCommon(frames, enclosing);
            int shown = 0;
            boolean cut = false;
            int first = depth == 0 && input ? libraryFrames(frames) - 1 : 0;
            if (first > 0) {
                lines.add("\t... " + first + (first == 1 ? " frame" : " frames") + " inside SCAR");
            }
            for (int i = first; i < own && !cut; i++) {
                if (isKernelFrame(frames[i])) {
                    cut = true;
                } else if (shown++ == MAX_FRAMES) {
                    lines.add("\t...");
                    cut = true;
                } else {
                    lines.add("\tat " + frames[i]);
                }
            }
            int shared = own == 0 ? 0 : cellFrames(frames, own);
            if (!cut && shared > 0) {
                lines.add("\t... " + shared + " more");
            }
            prefix = "Caused by: ";
            enclosing = frames;
            current = current.getCause() == current ? null : current.getCause();
        }
        return lines;
    }

    /** What the cell threw: the {@link Error} a {@link JavaError} carries, else {@code thrown} itself. */
    static Throwable unwrapped(Throwable thrown) {
        return thrown instanceof JavaError && thrown.getCause() != null ? thrown.getCause() : thrown;
    }

    /**
     * The exception itself if its message can be read, else one saying so with its class and frames: the kernel
     * reads the message of a cell's failure to answer the request, and a {@code getMessage()} that throws (an
     * exception, or a {@link StackOverflowError} when it calls itself) left the cell without an answer.
     */
    static Exception readable(Exception thrown) {
        try {
            thrown.getLocalizedMessage();
            return thrown;
        } catch (RuntimeException | Error unreadable) {
            IllegalStateException stand = new IllegalStateException(described(thrown));
            stand.setStackTrace(thrown.getStackTrace());
            return stand;
        }
    }

    /** {@code thrown.toString()}, or its class and why its message could not be read. */
    private static String described(Throwable thrown) {
        try {
            return thrown.toString();
        } catch (RuntimeException | Error unreadable) {
            return thrown.getClass().getName() + " (its message cannot be read: getMessage() threw "
                    + unreadable.getClass().getName() + ")";
        }
    }

    /**
     * Prints an exception that a thread (one a cell started) did not catch, as the JDK would, on {@code System.err}
     * (the running cell's or the next one's), but as a cell's {@link #traceback}: a stack overflow in a background
     * thread is a dozen frames, not the JDK's 1,024. A thread ended by {@link Thread#stop()} prints nothing, as with
     * the JDK.
     */
    @SuppressWarnings("removal")
    static void printUncaught(Thread thread, Throwable thrown) {
        if (thrown instanceof ThreadDeath) {
            return;
        }
        List<String> lines = traceback(thrown);
        StringBuilder text = new StringBuilder("Exception in thread \"").append(thread.getName()).append("\" ");
        lines.forEach(line -> text.append(line).append(System.lineSeparator()));
        System.err.print(text);
    }

    /** How many frames at the bottom of {@code frames} are those at the bottom of {@code enclosing}. */
    private static int inCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return frames.length - 1 - m;
    }

    /** The frames from {@code from} on that belong to the cell (before the first kernel frame). */
    private static int cellFrames(StackTraceElement[] frames, int from) {
        int count = 0;
        for (int i = from; i < frames.length && !isKernelFrame(frames[i]); i++) {
            count++;
        }
        return count;
    }

    /**
     * Whether SCAR threw it because of what it was given: an {@link IllegalArgumentException} (a bad value, file or
     * option), an {@link java.io.UncheckedIOException} (a file that cannot be read) or an
     * {@link scar.data.InsufficientMemoryException}, thrown inside the library. Their messages name what is wrong
     * (docs/BAD-INPUT.md); any other exception, or one a cell's own code threw, keeps every frame.
     */
    private static boolean isInputError(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        return (thrown instanceof IllegalArgumentException || thrown instanceof java.io.UncheckedIOException
                || thrown instanceof scar.data.InsufficientMemoryException)
                && frames.length > 0 && isLibraryFrame(frames[0]);
    }

    /**
     * How many frames at the top of {@code frames} are SCAR's work, outside the kernel: SCAR's own frames and the
     * JDK's that SCAR called in between ({@code Optional.orElseThrow} with SCAR's lambda, a stream), up to SCAR's
     * outermost frame before the cell's code.
     */
    private static int libraryFrames(StackTraceElement[] frames) {
        int count = 0;
        for (int i = 0; i < frames.length && (isLibraryFrame(frames[i]) || isJdkFrame(frames[i])); i++) {
            if (isLibraryFrame(frames[i])) {
                count = i + 1;
            }
        }
        return count;
    }

    private static boolean isJdkFrame(StackTraceElement frame) {
        String type = frame.getClassName();
        return (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun."))
                && !isKernelFrame(frame);
    }

    private static boolean isLibraryFrame(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("scar.") && !type.startsWith("scar.kernel.");
    }

    private static boolean isKernelFrame(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("jdk.internal.reflect.") || type.equals("java.lang.reflect.Method")
                || type.startsWith("scar.kernel.");
    }

    /** A {@link Error} thrown by a cell (stack overflow, out of memory...), carried as an exception. */
    static final class JavaError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JavaError(Throwable error) {
            super(error.toString(), error);
        }
    }
}
