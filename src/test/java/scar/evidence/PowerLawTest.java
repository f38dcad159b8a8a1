package scar.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PowerLawTest {
    private static final double[] SIZES = {60, 80, 120, 160, 240, 600, 1200, 2400};

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    @Test
    void recoversTheParametersOfAnExactCurve() {
        PowerLaw truth = new PowerLaw(0.9, 2.0, 0.5);
        double[] y = Arrays.stream(SIZES).map(truth::at).toArray();
        PowerLaw fit = PowerLaw.fit(SIZES, y, ones(SIZES.length), 1.0);
        assertEquals(0.9, fit.a(), 1e-6);
        assertEquals(2.0, fit.b(), 1e-4);
        assertEquals(0.5, fit.c(), 1e-5);
    }

    @Test
    void sizeWithinToleranceInvertsTheGap() {
        PowerLaw c = new PowerLaw(0.8, 3, 0.5);
        double n = c.sizeWithin(0.01);
        assertEquals(0.01, c.gap(n), 1e-12);
        assertEquals(90_000, n, 1e-6); // (3 / 0.01)^2
        assertEquals(0, new PowerLaw(0.8, 0, 0.5).sizeWithin(0.01), 0.0);
    }

    @Test
    void aFallingOrConstantScoreGivesAFlatCurveAtItsWeightedMean() {
        double[] falling = Arrays.stream(SIZES).map(n -> 0.7 + 1 / Math.sqrt(n)).toArray();
        PowerLaw fit = PowerLaw.fit(SIZES, falling, ones(SIZES.length), 1.0);
        assertEquals(0, fit.b(), 0.0);
        assertEquals(Arrays.stream(falling).average().orElseThrow(), fit.a(), 1e-12);
        double[] constant = new double[SIZES.length];
        Arrays.fill(constant, 1.0);
        PowerLaw flat = PowerLaw.fit(SIZES, constant, ones(SIZES.length), 1.0);
        assertEquals(1.0, flat.at(1e9), 1e-12);
        assertEquals(1.0, flat.at(10), 1e-12);
    }

    @Test
    void theAsymptoteStaysBelowTheCeilingAndTheCurveNeverFalls() {
        // scores rising steeply towards 1.3 in a straight line in log n: unconstrained a would exceed 1
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 50; trial++) {
            double slope = 0.02 + 0.1 * rnd.nextDouble();
            double[] y = Arrays.stream(SIZES).map(n -> Math.min(1, 0.3 + slope * Math.log(n)
                    + 0.02 * rnd.nextGaussian())).toArray();
            PowerLaw fit = PowerLaw.fit(SIZES, y, ones(SIZES.length), 1.0);
            assertTrue(fit.a() <= 1.0 + 1e-12, "asymptote " + fit.a());
            assertTrue(fit.b() >= 0, "b " + fit.b());
            for (int j = 1; j < 50; j++) {
                assertTrue(fit.at(10 * j + 10) >= fit.at(10 * j), "the fitted curve never falls");
            }
        }
    }

    @Test
    void fewerThanThreeDistinctSizesCannotBeFitted() {
        assertNull(PowerLaw.fit(new double[] {10, 10, 20}, new double[] {0.5, 0.5, 0.6}, ones(3), 1));
    }

    @Test
    void weightsPullTheCurveTowardsHeavyPoints() {
        double[] y = {0.50, 0.55, 0.60, 0.62, 0.64, 0.66, 0.70, 0.69};
        double[] light = ones(y.length);
        double[] heavyLast = ones(y.length);
        heavyLast[y.length - 1] = 1e4;
        double residualLight = Math.abs(PowerLaw.fit(SIZES, y, light, 1).at(2400) - 0.69);
        double residualHeavy = Math.abs(PowerLaw.fit(SIZES, y, heavyLast, 1).at(2400) - 0.69);
        assertTrue(residualHeavy < residualLight && residualHeavy < 1e-3, residualLight + " " + residualHeavy);
    }

    @Test
    void theBootstrapsShortcutGivesTheSameBitsAsFittingEveryExponentAfresh() {
        double[] x = {500, 1000, 2000, 4000, 8000, 16000, 32000};
        PowerLaw.Fitter fitter = PowerLaw.Fitter.of(x);
        SplittableRandom random = new SplittableRandom(3);
        for (int weights = 0; weights < 4; weights++) {
            double[] w = random.doubles(x.length, 0.1, 10).toArray();
            for (int rep = 0; rep < 50; rep++) {
                // replicates share their weights, as in a bootstrap; some fall, some rise past the ceiling
                double[] y = new double[x.length];
                for (int j = 0; j < x.length; j++) {
                    y[j] = 0.9 - 3 * Math.pow(x[j], -0.5) + random.nextGaussian() * (rep % 3 == 0 ? 0.3 : 0.01);
                }
                PowerLaw.Fitted fast = fitter.fit(y, w, 1.0, false);
                PowerLaw.Fitted plain = fitter.plainGrid(y, w, 1.0);
                assertEquals(plain, fast, "replicate " + rep + " of weights " + weights);
                assertEquals(Double.doubleToLongBits(plain.sse()), Double.doubleToLongBits(fast.sse()));
            }
        }
    }
}
