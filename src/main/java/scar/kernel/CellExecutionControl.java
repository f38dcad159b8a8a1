package scar.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.SPIResolutionException;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process ("local") execution engine, changed in one respect: the value of every executed snippet is
 * kept as an object, so the kernel renders it without calling {@code toString()} or compiling anything again.
 *
 * <p>Each snippet runs on a fresh daemon thread, so that {@link #stop()} (JShell's {@code stop}, wired to the
 * Jupyter interrupt) can interrupt it and, if it ignores the interrupt, stop it. The invoking thread waits for the
 * snippet thread; a stop holds until the next {@link #beginCell()}, so the rest of an interrupted cell does not run.
 * A snippet that cannot be stopped is left running in the background, and the kernel goes on.
 *
 * <p>{@link #invoke(Method)} returns a key instead of the value's text; {@link #takeValue(String)} exchanges the key
 * for the object. {@link #clearValues()} drops values that nobody took.
 */
final class CellExecutionControl extends DirectExecutionControl {

    /** How long a stopped cell gets to react to {@link Thread#interrupt()} before it is killed. */
    private static final long INTERRUPT_GRACE_MS = 300;
    /** How long a killed cell gets to end before the kernel leaves its thread behind. */
    private static final long KILL_GRACE_MS = 1000;
    /** How often the waiting thread looks whether a stop left the cell behind. */
    private static final long WAIT_STEP_MS = 100;
    /** Why the cell ended, when {@link #stop()} ended it. */
    static final String INTERRUPTED = "cell interrupted";
    private static final String LEFT_BEHIND = INTERRUPTED + ", but its code caught the stop and goes on running in "
            + "the background (a catch of Throwable or ThreadDeath in a loop?); restart the kernel to end it";
    private static final String KEY_PREFIX = "scar-value-";
    private static final Object NULL = new Object();

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    private final Object lock = new Object();
    private Thread running;
    private volatile boolean stopRequested;
    /** The cell thread that a stop could not end; the cell's caller stops waiting for it. */
    private volatile Thread leftBehind;
    private volatile ClassLoader snippetLoader = ClassLoader.getSystemClassLoader();

    /**
     * Loads the classes of a snippet with their exits ({@code System.exit}, {@code Runtime.exit}/{@code halt})
     * refused ({@link ExitGuard}).
     */
    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        ClassBytecodes[] guarded = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            guarded[i] = new ClassBytecodes(classes[i].name(), ExitGuard.rewrite(classes[i].bytecodes()));
        }
        super.load(guarded);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Object value;
        snippetLoader = doit.getDeclaringClass().getClassLoader();
        try {
            value = runCell(() -> doit.invoke(null), snippetLoader);
        } catch (InvocationTargetException e) {
            lastFailure.set(e.getCause());
            throw forJShell(e);
        }
        String key = KEY_PREFIX + keys.incrementAndGet();
        values.put(key, value == null ? NULL : value);
        return key;
    }

    /**
     * What JShell is told of a cell's failure. JShell copies the exception and its causes, recursively, and a cause
     * chain that loops ({@code a.initCause(b)} where b's cause is a) ran it out of stack: the cell said "too deeply
     * nested for the Java compiler" and lost its exception. The kernel shows the cell's own exception (taken with
     * {@link #takeFailure()}), so JShell gets a stand-in; JShell's own signal of a call to a method not yet declared
     * passes as it is.
     */
    private static InvocationTargetException forJShell(InvocationTargetException e) {
        return e.getCause() instanceof SPIResolutionException ? e
                : new InvocationTargetException(new IllegalStateException("the cell failed; the kernel shows how"));
    }

    /**
     * Runs {@code body} on a cell thread and waits for it, so that {@link #stop()} can end it.
     *
     * @throws InvocationTargetException wrapping whatever {@code body} threw (unwrapping one reflective layer)
     */
    Object runCell(Callable<Object> body, ClassLoader contextLoader) throws InvocationTargetException {
        boolean nested;
        synchronized (lock) {
            nested = running == Thread.currentThread(); // a cell calling back into the kernel: lineMagic(...)
        }
        if (nested) {
            try {
                return body.call();
            } catch (InvocationTargetException e) {
                throw new InvocationTargetException(e.getCause());
            } catch (Exception e) {
                throw new InvocationTargetException(e);
            }
        }
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                result.set(body.call());
            } catch (InvocationTargetException e) {
                failure.set(e.getCause());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "scar-cell");
        cell.setDaemon(true);
        cell.setContextClassLoader(contextLoader);
        synchronized (lock) {
            if (stopRequested) {
                throw new InvocationTargetException(new CancellationException(INTERRUPTED));
            }
            running = cell;
            cell.start();
        }
        try {
            while (cell.isAlive() && leftBehind != cell) {
                cell.join(WAIT_STEP_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } finally {
            synchronized (lock) {
                running = null;
            }
        }
        if (leftBehind == cell) {
            throw new InvocationTargetException(new CancellationException(LEFT_BEHIND));
        }
        if (failure.get() != null) {
            throw new InvocationTargetException(failure.get());
        }
        return result.get();
    }

    /**
     * Stops the current cell: the running snippet is interrupted, and killed if it is still running after a short
     * grace period; snippets of the same cell that have not started yet will not start. A snippet that survives the
     * kill too (its code catches {@link ThreadDeath}, or the JDK cannot kill threads) is left running in the
     * background: the cell ends with a message saying so, and the kernel goes on. Any thread may call this.
     */
    @Override
    public void stop() {
        Thread cell;
        synchronized (lock) {
            stopRequested = true;
            cell = running;
        }
        if (cell == null) {
            return;
        }
        cell.interrupt();
        try {
            cell.join(INTERRUPT_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cell.isAlive()) {
            kill(cell);
            try {
                cell.join(KILL_GRACE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (cell.isAlive()) {
                leftBehind = cell;
            }
        }
    }

    /** Why a stopped cell ended: interrupted, or left running in the background. */
    String stopMessage() {
        Thread cell = leftBehind;
        return cell != null && cell.isAlive() ? LEFT_BEHIND : INTERRUPTED;
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void kill(Thread cell) {
        try {
            cell.stop();
        } catch (UnsupportedOperationException e) {
            // JDK 20+: threads cannot be killed; stop() leaves the cell's daemon thread behind
            cell.interrupt();
        }
    }

    /** The loader of the snippet classes (and of jars added to the classpath); the system loader before any ran. */
    ClassLoader snippetLoader() {
        return snippetLoader;
    }

    /** True if {@link #stop()} was called since the last {@link #beginCell()}. */
    boolean stopRequested() {
        return stopRequested;
    }

    /** Forgets an interrupt that arrived while no cell ran. */
    void beginCell() {
        synchronized (lock) {
            stopRequested = false;
            leftBehind = null;
        }
    }

    /** The exception thrown by the last failing snippet, once. */
    Throwable takeFailure() {
        return lastFailure.getAndSet(null);
    }

    /** The value behind a key returned by {@link #invoke(Method)}; null for unknown keys and null values. */
    Object takeValue(String key) {
        Object value = key == null ? null : values.remove(key);
        return value == NULL ? null : value;
    }

    void clearValues() {
        values.clear();
        lastFailure.set(null);
    }

    /** Hands JShell the one {@link CellExecutionControl} the kernel holds. */
    static final class Provider implements ExecutionControlProvider {
        private final CellExecutionControl control;

        Provider(CellExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "scar-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
