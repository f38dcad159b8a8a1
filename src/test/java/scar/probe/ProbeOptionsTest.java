package scar.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbeOptionsTest {
    @Test
    void defaultsFollowSpecSection2() {
        ProbeOptions o = ProbeOptions.defaults();
        assertEquals(ProbeKind.CONVERGED, o.kind());
        assertEquals(1e-4, o.lambda());
        assertEquals(1e-5, o.gradTolerance());
        assertEquals(1e-9, o.relTolerance());
        assertEquals(10, o.relWindow());
        assertEquals(1000, o.maxIterations());
        assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
        ProbeOptions r = ProbeOptions.reference();
        assertEquals(ProbeKind.REFERENCE, r.kind());
        assertEquals(1e-3, r.learningRate());
        assertEquals(100, r.maxEpochs());
        assertEquals(5, r.patience());
        assertEquals(500_000, r.batchSize());
    }

    @Test
    void withMethodsChangeOnlyTheirField() {
        ProbeOptions o = ProbeOptions.defaults();
        assertEquals(o, o.withLambda(0.5).withLambda(1e-4));
        assertEquals(0.5, o.withLambda(0.5).lambda());
        assertEquals(3, o.withThreads(3).threads());
        assertEquals(7, o.withHistory(7).history());
        assertEquals(2e-3, o.withLearningRate(2e-3).learningRate());
        assertEquals(ProbeKind.REFERENCE, o.withKind(ProbeKind.REFERENCE).kind());
        assertEquals(o.withKind(ProbeKind.REFERENCE), ProbeOptions.reference());
    }

    @Test
    void badValuesAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProbeOptions.defaults().withLambda(-1));
        assertTrue(e.getMessage().contains("lambda") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProbeOptions.defaults().withThreads(0));
        assertTrue(e.getMessage().contains("threads must be at least 1, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.defaults().withGradTolerance(0));
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.defaults().withRelTolerance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.defaults().withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.defaults().withPatience(0));
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.defaults().withMaxEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.defaults().withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.defaults().withRelWindow(0));
        // a window is kept in memory: an absurd one is refused instead of allocating gigabytes
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.defaults().withRelWindow(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class,
                () -> ProbeOptions.defaults().withLearningRate(Double.POSITIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> ProbeOptions.defaults().withKind(null));
    }
}
