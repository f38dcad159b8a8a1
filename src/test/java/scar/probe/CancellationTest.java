package scar.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CancellationTest {
    private static void cancelAfterStart(ProbeOptions options) throws InterruptedException {
        // 30,000 x 300 with 50 classes: 1.8 GFLOP per pass, a fit of many seconds
        SyntheticData s = SyntheticData.gaussianClasses(30_000, 300, 50, 5);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread fit = new Thread(() -> {
            try {
                LinearProbe.fit(s.x(), s.labels(), 50, options, 1);
            } catch (Throwable e) {
                thrown.set(e);
                flagAfter.set(Thread.currentThread().isInterrupted());
            }
        }, "probe-under-test");
        fit.start();
        Thread.sleep(1500);
        assertTrue(fit.isAlive(), "the fit should still be running (it is set up to take minutes)");
        long start = System.nanoTime();
        fit.interrupt();
        fit.join(5000);
        assertFalse(fit.isAlive(), "the fit did not stop within 5 s of the interrupt");
        assertInstanceOf(CancellationException.class, thrown.get());
        assertEquals(Boolean.TRUE, flagAfter.get(), "the interrupt flag stays set");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5000);
        assertTrue(Workers.pool().awaitQuiescence(5, TimeUnit.SECONDS), "helper threads are still working");
        assertEquals(0, Workers.pool().getActiveThreadCount());
    }

    @Test
    void interruptingAConvergedFitStopsItPromptly() throws InterruptedException {
        cancelAfterStart(ProbeOptions.defaults().withThreads(2).withGradTolerance(1e-300).withRelTolerance(0));
    }

    @Test
    void interruptingAReferenceFitStopsItPromptly() throws InterruptedException {
        cancelAfterStart(ProbeOptions.reference().withThreads(2).withMaxEpochs(1_000_000).withPatience(1_000_000));
    }
}
