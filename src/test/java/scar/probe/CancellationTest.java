package scar.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Interrupting a fit ends it with a {@link CancellationException} and leaves no helper thread working. Nothing here
 * depends on the machine's speed: the fits are set up never to finish on their own (no tolerance is ever met, the
 * iteration and epoch limits are out of reach), and the interrupt is sent once the fitting thread is inside
 * {@link LinearProbe#fit} — a condition waited for, not a time slept. The timeouts only keep a broken build from
 * hanging.
 */
class CancellationTest {
    private static final long GUARD_MS = TimeUnit.MINUTES.toMillis(10);

    private static void cancelWhileFitting(ProbeOptions options) throws InterruptedException {
        SyntheticData s = SyntheticData.gaussianClasses(3_000, 32, 10, 5);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread fit = new Thread(() -> {
            try {
                LinearProbe.fit(s.x(), s.labels(), 10, options, 1);
            } catch (Throwable e) {
                thrown.set(e);
                flagAfter.set(Thread.currentThread().isInterrupted());
            }
        }, "probe-under-test");
        fit.start();
        awaitInsideFit(fit);
        fit.interrupt();
        fit.join(GUARD_MS);
        assertFalse(fit.isAlive(), "the fit did not stop after the interrupt");
        assertInstanceOf(CancellationException.class, thrown.get());
        assertEquals(Boolean.TRUE, flagAfter.get(), "the interrupt flag stays set");
        assertTrue(Workers.pool().awaitQuiescence(GUARD_MS, TimeUnit.MILLISECONDS), "helper threads are still working");
        assertEquals(0, Workers.pool().getActiveThreadCount());
    }

    /** Waits until {@code thread} runs {@link LinearProbe#fit}: the fit has started. */
    private static void awaitInsideFit(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GUARD_MS);
        while (Arrays.stream(thread.getStackTrace()).noneMatch(f -> f.getClassName().equals(LinearProbe.class.getName())
                && f.getMethodName().equals("fit"))) {
            assertTrue(thread.isAlive() && System.nanoTime() < deadline, "the fit never started");
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void interruptingAConvergedFitStopsIt() throws InterruptedException {
        cancelWhileFitting(ProbeOptions.defaults().withThreads(2).withGradTolerance(Double.MIN_VALUE)
                .withRelTolerance(0).withMaxIterations(Integer.MAX_VALUE));
    }

    @Test
    void interruptingAReferenceFitStopsIt() throws InterruptedException {
        cancelWhileFitting(ProbeOptions.reference().withThreads(2).withMaxEpochs(Integer.MAX_VALUE)
                .withPatience(Integer.MAX_VALUE));
    }
}
