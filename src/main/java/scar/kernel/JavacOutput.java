package scar.kernel;

import java.util.function.Supplier;

/**
 * What javac prints by itself while JShell uses it, which no notebook user should read: not its diagnostics (JShell
 * collects those, and the cell shows them as a {@link CompilationException}) but its crash report, "An exception has
 * occurred in the compiler ..." and a thousand frames (78 KB) when an expression is too deep for its stack, beside the
 * cell's one-line "too deeply nested" error.
 *
 * <p>JShell gives javac no writer of its own, so javac prints on the {@code System.err} it found when it made its
 * compiler context: in the kernel, the {@link CellOutput} stream that goes to the running cell. So the session marks
 * its thread while it calls into JShell ({@link #whileIn}), and {@link CellOutput} leaves out what a marked thread
 * writes. Nothing else writes from that thread then: the cell's own code runs on a cell thread
 * ({@link CellExecutionControl}), and the kernel's notes are printed after JShell returns.
 */
final class JavacOutput {

    private static final ThreadLocal<Boolean> IN_JSHELL = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private JavacOutput() {
    }

    /** Calls into JShell with what javac prints on this thread left out. */
    static <T> T whileIn(Supplier<T> call) {
        if (IN_JSHELL.get()) {
            return call.get();
        }
        IN_JSHELL.set(Boolean.TRUE);
        try {
            return call.get();
        } finally {
            IN_JSHELL.set(Boolean.FALSE);
        }
    }

    /** True on a thread that is inside {@link #whileIn}: what it prints is javac's. */
    static boolean isJavac() {
        return IN_JSHELL.get();
    }
}
