package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import scar.probe.ProbeKind;
import scar.probe.ProbeOptions;

class ScarOptionsTest {

    @Test
    void defaultsAreTheReferenceSweep() {
        ScarOptions o = ScarOptions.defaults();
        assertArrayEquals(new int[] {1, 2, 5, 10, 15, 20, 30}, o.ratios());
        assertEquals(83, o.fitsPerSweep());
        assertEquals(ProbeKind.CONVERGED, o.probe().kind());
        assertEquals(3, o.foundation().order());
    }

    @Test
    void withersChangeOneThingAndKeepTheRest() {
        ScarOptions o = ScarOptions.defaults().withSeed(7).withRatios(1, 2, 5).withThreads(1)
                .withProbe(ProbeKind.REFERENCE);
        assertEquals(7, o.seed());
        assertArrayEquals(new int[] {1, 2, 5}, o.ratios());
        assertEquals(1, o.threads());
        assertEquals(ProbeKind.REFERENCE, o.probe().kind());
        assertEquals(o, ScarOptions.defaults().withSeed(7).withRatios(1, 2, 5).withThreads(1)
                .withProbe(ProbeKind.REFERENCE));
        int[] r = o.ratios();
        r[0] = 99;
        assertEquals(1, o.ratios()[0], "ratios are copied out");
    }

    @Test
    void badValuesAreRejectedWithTheValueInTheMessage() {
        ScarOptions d = ScarOptions.defaults();
        assertMessage(() -> d.withRatios(2, 5), "must start with 1");
        assertMessage(() -> d.withRatios(1), "at least 2 ratios");
        assertMessage(() -> d.withRatios(1, 5, 2), "increasing");
        assertMessage(() -> d.withThreads(0), "threads must be at least 1, got 0");
        assertMessage(() -> d.withTestFraction(0.95), "0.95");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String words) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(words), ex.getMessage());
    }

    /** Issue 14: --threads 1 was recorded as "threads": 2, the probe options keeping every processor. */
    @Test
    void threadsIsOneSettingForTheSweepAndItsProbe() {
        ScarOptions one = ScarOptions.defaults().withThreads(1);
        assertEquals(1, one.probe().threads());
        assertEquals(3, one.withProbe(ProbeOptions.defaults().withThreads(7)).withThreads(3).probe().threads());
        assertEquals(one.threads(), one.withProbe(ProbeOptions.reference()).probe().threads());
    }
}
