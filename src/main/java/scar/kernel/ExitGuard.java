package scar.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.security.Permission;

/**
 * Keeps a cell from ending the kernel: {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} called by
 * notebook code (or a library it calls) throw an {@link ExitRefusedException} instead, and the kernel keeps its
 * variables. Only the kernel itself, after {@link #allowExit()}, may exit.
 *
 * <p>The JDK offers one hook for this, a {@link SecurityManager}; this one checks nothing else. Java 17 allows it
 * (with a deprecation warning that {@link #install()} keeps off the console), Java 18 to 23 need
 * {@code -Djava.security.manager=allow} (the kernelspec's flags have it for those versions), and Java 24 and later
 * have removed it, so there {@link #install()} returns false and a cell's exit does end the kernel.
 */
final class ExitGuard extends SecurityManager {

    private static volatile boolean exitAllowed;

    private ExitGuard() {
    }

    /** Installs the guard; false if this JVM does not allow it. */
    @SuppressWarnings("removal")
    static boolean install() {
        if (System.getSecurityManager() instanceof ExitGuard) {
            return true;
        }
        PrintStream err = System.err;
        // Java 17 prints four lines of deprecation warning on stderr when a security manager is set at run time.
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        } finally {
            System.setErr(err);
        }
    }

    /** From now on exits are allowed: the kernel is shutting down. */
    static void allowExit() {
        exitAllowed = true;
    }

    @Override
    public void checkExit(int status) {
        if (!exitAllowed) {
            throw new ExitRefusedException(status);
        }
    }

    @Override
    public void checkPermission(Permission permission) {
        if (!exitAllowed && permission instanceof RuntimePermission && permission.getName().startsWith("exitVM")) {
            throw new ExitRefusedException(permission.getName().substring("exitVM".length()).replace(".", ""));
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    /** What a cell gets for calling {@code System.exit}. */
    public static final class ExitRefusedException extends SecurityException {
        private static final long serialVersionUID = 1L;

        ExitRefusedException(Object status) {
            super("System.exit(" + status + ") is refused in a notebook: it would end the kernel and lose every "
                    + "variable. The kernel is still running; to start afresh, restart it (Kernel > Restart).");
        }
    }
}
