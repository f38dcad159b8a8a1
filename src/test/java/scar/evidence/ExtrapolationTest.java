package scar.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ExtrapolationTest {
    private static final int[] RATIOS = {1, 2, 5, 10, 15, 20, 30};
    private static final double FULL = 3000;

    /** Per ratio r, r noisy scores of a known curve at FULL / r items. */
    private static double[][] scores(PowerLaw truth, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] v = new double[RATIOS.length][];
        for (int j = 0; j < RATIOS.length; j++) {
            v[j] = new double[RATIOS[j]];
            for (int k = 0; k < RATIOS[j]; k++) {
                v[j][k] = truth.at(FULL / RATIOS[j]) + noise * rnd.nextGaussian();
            }
        }
        return v;
    }

    private static double[] sizes() {
        double[] x = new double[RATIOS.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = FULL / RATIOS[j];
        }
        return x;
    }

    @Test
    void aKnownCurveIsPredictedWithinItsIntervalsAndBackTested() {
        PowerLaw truth = new PowerLaw(0.85, 1.5, 0.45);
        Extrapolation e = Extrapolation.of("accuracy", sizes(), scores(truth, 0.004, 1), 2000, 0.01, 200, 7);
        assertEquals(Extrapolation.Status.FITTED, e.status());
        assertEquals(FULL, e.currentSize(), 0.0);
        for (double m : new double[] {2, 5, 10}) {
            Interval p = e.at(m);
            assertTrue(p.contains(truth.at(m * FULL)), m + "×: " + p + " should contain " + truth.at(m * FULL));
            assertTrue(p.low() <= p.estimate() && p.estimate() <= p.high(), p.toString());
        }
        Interval two = e.at(2);
        Interval ten = e.at(10);
        assertTrue(ten.high() - ten.low() >= two.high() - two.low(), "intervals widen with the horizon");
        assertNotNull(e.backTest());
        assertTrue(e.backTest().predicted().contains(e.measured()), e.backTest().toString());
        assertTrue(Math.abs(e.backTest().error()) < 0.02, e.backTest().toString());
        assertTrue(e.plateauIdentified());
        assertTrue(e.plateau().contains(truth.sizeWithin(0.01)), e.plateau() + " should contain " + truth.sizeWithin(0.01));
        assertTrue(e.words().contains("Back-test"), e.words());
    }

    @Test
    void intervalsCoverTheTruthInMostTrials() {
        // a property of the whole procedure: at 2× the 95 % interval should rarely miss
        PowerLaw truth = new PowerLaw(0.75, 2.0, 0.4);
        int covered = 0;
        for (int trial = 0; trial < 40; trial++) {
            Extrapolation e = Extrapolation.of("accuracy", sizes(), scores(truth, 0.01, 100 + trial), 1000, 0.01,
                    100, trial);
            covered += e.at(2).contains(truth.at(2 * FULL)) ? 1 : 0;
        }
        assertTrue(covered >= 34, covered + " of 40 intervals at 2× contain the true curve");
    }

    @Test
    void aFlatCurveSaysSoAndPredictsNoGain() {
        double[][] v = scores(new PowerLaw(0.6, 0, 1), 0.002, 3);
        Extrapolation e = Extrapolation.of("recall of 'media'", sizes(), v, 500, 0.01, 100, 1);
        assertEquals(Extrapolation.Status.FLAT, e.status());
        assertEquals(0, e.gain(FULL, 10 * FULL), 0.0);
        assertTrue(e.words().contains("flat"), e.words());
        assertTrue(e.words().contains("not predicted to help"), e.words());
    }

    @Test
    void tooFewSizesCannotBeFittedAndSaySo() {
        Extrapolation e = Extrapolation.of("accuracy", new double[] {100, 50}, new double[][] {{0.6}, {0.5, 0.52}},
                100, 0.01, 50, 1);
        assertEquals(Extrapolation.Status.TOO_FEW_POINTS, e.status());
        assertNull(e.backTest());
        assertTrue(Double.isNaN(e.gain(100, 200)));
        assertTrue(e.words().contains("fewer than three"), e.words());
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        double[][] v = scores(new PowerLaw(0.8, 1, 0.5), 0.01, 5);
        Extrapolation a = Extrapolation.of("accuracy", sizes(), v, 1000, 0.01, 100, 11);
        assertEquals(a, Extrapolation.of("accuracy", sizes(), v, 1000, 0.01, 100, 11));
        Extrapolation b = Extrapolation.of("accuracy", sizes(), v, 1000, 0.01, 100, 12);
        assertEquals(a.curve(), b.curve(), "the point fit does not depend on the bootstrap seed");
        assertTrue(a.at(10).low() != b.at(10).low() || a.at(10).high() != b.at(10).high());
    }

    @Test
    void intervalsStayWithinTheUnitInterval() {
        double[][] v = scores(new PowerLaw(1.0, 0.8, 0.5), 0.03, 9);
        Extrapolation e = Extrapolation.of("recall", sizes(), v, 50, 0.01, 100, 1);
        for (Interval p : e.predicted()) {
            assertTrue(p.low() >= 0 && p.high() <= 1, p.toString());
        }
    }

    @Test
    void percentilesInterpolateLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4], [2.5, 97.5]) = [1.075, 3.925]
        Interval i = Interval.percentile(2.5, new double[] {4, 1, 3, 2, Double.NaN}, 0.95);
        assertEquals(1.075, i.low(), 1e-12);
        assertEquals(3.925, i.high(), 1e-12);
        Interval m = Interval.medianRange(new double[] {5, 1, 3, 2});
        assertEquals(2.5, m.estimate(), 0.0);
        assertEquals(1, m.low(), 0.0);
        assertEquals(5, m.high(), 0.0);
    }
}
