package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import scar.Checks;

/** Closed forms, invariances, the fallback and validation of {@link FoundationSize}. */
class FoundationSizeTest {

    /** K = 1: F(x) = H e^{−2x} − δ_E, so x* = ln(H/δ_E)/2 and N_F = ln ρ · x* / ε². */
    @Test
    void singleClassClosedForm() {
        FoundationEstimate est = FoundationSize.estimate(new double[] {50}, 5);
        double x = Math.log(50 / 0.01) / 2;
        assertEquals(x, est.root(), 1e-11);
        assertEquals(Math.log(5) * x / 1e-4, est.size(), 1e-7);
        assertEquals(1, est.numClasses());
        assertEquals(3, est.order());
    }

    /** K = 2, m ≥ 2: F(x) = (H1 + H2)t − H1H2 t² − δ_E with t = e^{−2x}: a quadratic in t. */
    @Test
    void twoClassesQuadraticClosedForm() {
        double h1 = 150;
        double h2 = 90;
        double t = ((h1 + h2) - Math.sqrt((h1 + h2) * (h1 + h2) - 4 * h1 * h2 * 0.01)) / (2 * h1 * h2);
        FoundationEstimate est = FoundationSize.estimate(new double[] {h1, h2}, Math.E);
        assertEquals(-Math.log(t) / 2, est.root(), 1e-10);
    }

    @Test
    void invariantUnderPermutationOfClasses() {
        SplittableRandom rnd = new SplittableRandom(77);
        for (int trial = 0; trial < 40; trial++) {
            int k = 1 + rnd.nextInt(300);
            double[] h = new double[k];
            for (int c = 0; c < k; c++) {
                h[c] = Math.exp(rnd.nextDouble(-2, 9.3));
            }
            FoundationOptions options = FoundationOptions.defaults().withOrder(1 + rnd.nextInt(5));
            double rho = Math.E + rnd.nextDouble(100);
            FoundationEstimate a = FoundationSize.estimate(h, rho, options);
            double[] shuffled = Checks.shuffled(h, rnd);
            FoundationEstimate b = FoundationSize.estimate(shuffled, rho, options);
            assertEquals(a.fallback(), b.fallback(), "trial " + trial);
            assertEquals(a.size(), b.size(), 1e-12 * Math.abs(a.size()), "trial " + trial + ", K = " + k);
        }
    }

    /** m = 2 and 10 classes of H = 100: F(x_lo) = 10 − 45 − δ_E &lt; 0 and F stays negative, so no root. */
    @Test
    void fallsBackToSumOfStepSizesWithoutBracketedRoot() {
        double[] h = new double[10];
        Arrays.fill(h, 100);
        FoundationEstimate est = FoundationSize.estimate(h, Math.E, FoundationOptions.defaults().withOrder(2));
        assertTrue(est.fallback());
        assertTrue(Double.isNaN(est.root()));
        double n = Math.log(100 / 0.01) / (2 * 1e-4);
        assertEquals(10 * n, est.size(), 1e-9 * est.size());
        assertEquals(est.sumOfStepSizes(), est.size(), 0.0);
        assertTrue(est.toString().contains("fallback"), est.toString());
        assertFalse(FoundationSize.estimate(h, Math.E).fallback(), "m = 3 has a root for the same H");
    }

    /**
     * Issue 14: with every H below δ = 0.01, F(x) = Σ H·exp(−2x) − … − δ_E is negative on the whole bracket, so the
     * fallback Σ n_c applies; it used to be ln(H/δ)/(2ε²) summed, −19,560 for H = 0.001, 0.002.
     */
    @Test
    void theFallbackIsNeverNegativeWhenHIsBelowDelta() {
        FoundationEstimate est = FoundationSize.estimate(new double[] {0.001, 0.002}, Math.E);
        assertTrue(est.fallback());
        assertEquals(0.0, est.size(), 0.0);
        assertArrayEquals(new double[] {0, 0}, est.stepSizes(), 0.0);
        // per class: 0 below δ, the formula above it (ln 5 / 2e-4 = 8047.2 for H = 0.05)
        assertArrayEquals(new double[] {0, Math.log(5) / 2e-4},
                StepSizes.of(new double[] {0.001, 0.05}, FoundationOptions.defaults()), 1e-9);
    }

    @Test
    void sizeGrowsWithHAndRho() {
        double small = FoundationSize.estimate(new double[] {10, 20, 30}, Math.E).size();
        double large = FoundationSize.estimate(new double[] {10, 20, 3000}, Math.E).size();
        assertTrue(large > small);
        assertEquals(Math.log(10), FoundationSize.estimate(new double[] {10, 20, 30}, 10).size() / small, 1e-12);
    }

    @Test
    void recordsItsInputs() {
        double[] h = {100, 200};
        FoundationEstimate est = FoundationSize.estimate(h, 3, FoundationOptions.defaults().withOrder(2));
        h[0] = -1;
        assertEquals(100, est.heights()[0], 0.0, "inputs are copied");
        assertEquals(2, est.order());
        assertEquals(3, est.rho(), 0.0);
        assertEquals(StepSizes.stepSize(200, 0.01, 0.01), est.stepSizes()[1], 0.0);
        assertEquals(List.of("class", "H", "step size"), est.toTable().columnNames());
        assertEquals(2, est.toTable().rowCount());
        assertEquals(est.size(), est.summaryTable().doubleColumn("value").get(0), 0.0);
        assertTrue(est.toString().startsWith("FoundationEstimate[N_F = "), est.toString());
    }

    @Test
    void rejectsBadInput() {
        Checks.assertMessage(() -> FoundationSize.estimate(new double[0], Math.E), "at least one class");
        Checks.assertMessage(() -> FoundationSize.estimate(new double[] {1, 0}, Math.E),
                "H of class 1 must be finite and > 0, got 0.0");
        Checks.assertMessage(() -> FoundationSize.estimate(new double[] {1, Double.NaN}, Math.E),
                "H of class 1");
        Checks.assertMessage(() -> FoundationSize.estimate(new double[] {1}, 0.9), "rho must be finite and >= 1");
        Checks.assertMessage(() -> FoundationOptions.defaults().withOrder(0), "order must be >= 1, got 0");
        Checks.assertMessage(() -> FoundationOptions.defaults().withDeltaE(0), "deltaE must lie in (0, 1)");
        Checks.assertMessage(() -> FoundationOptions.defaults().withEpsilon(1.5), "epsilon must lie in (0, 1)");
        Checks.assertMessage(() -> FoundationOptions.defaults().withDelta(Double.NaN), "delta must lie in (0, 1)");
        assertEquals(new FoundationOptions(0.01, 0.01, 0.01, 3), FoundationOptions.defaults());
    }
}
