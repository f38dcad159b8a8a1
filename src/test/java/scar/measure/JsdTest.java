package scar.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Edge cases and properties of SPEC §3.1 beyond the golden cases. */
class JsdTest {

    @Test
    void degenerateInputsGiveOne() {
        assertEquals(1.0, Jsd.of(new double[0]), 0.0, "empty");
        assertEquals(1.0, Jsd.of(new double[] {3.5}), 0.0, "single value: σ undefined");
        assertEquals(1.0, Jsd.of(new double[] {2, 2, 2}), 0.0, "constant: σ = 0");
        assertEquals(1.0, Jsd.of(new double[] {1, 2, -0.5, 4}), 0.0, "a negative value");
    }

    @Test
    void v1TreatsDegenerateSpreadAsNaN() {
        assertTrue(Double.isNaN(Jsd.of(new double[] {3.5}, 0, 1, true)));
        assertTrue(Double.isNaN(Jsd.of(new double[] {2, 2}, 0, 2, true)));
        double[] v = {1, 2, 4, 8};
        assertEquals(Jsd.of(v), Jsd.of(v, 0, 4, true), 0.0, "non-degenerate values agree between variants");
    }

    @Test
    void rejectsNonFiniteValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> Jsd.of(new double[] {1, Double.NaN, 2}));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("index 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Jsd.of(new double[] {1, Double.POSITIVE_INFINITY}));
    }

    @Test
    void inUnitIntervalAndOrderAndScaleInvariant() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int m = 2 + rnd.nextInt(600);
            double[] v = new double[m];
            boolean skewed = rnd.nextBoolean();
            for (int i = 0; i < m; i++) {
                double u = rnd.nextDouble();
                v[i] = skewed ? -Math.log(1 - u) : 5 + u;
            }
            double jsd = Jsd.of(v);
            assertTrue(jsd >= 0 && jsd <= 1, "JSD " + jsd + " outside [0, 1] for m = " + m);

            double[] shuffled = scar.Checks.shuffled(v, rnd);
            assertEquals(jsd, Jsd.of(shuffled), 1e-12, "row order changed the JSD, m = " + m);

            // a power-of-two scale changes no edge position, count or z-score; only the 1e-12 floor added to the
            // (now 8 times smaller) densities moves the result, far below the 1e-9 the golden cases demand
            double[] scaled = v.clone();
            for (int i = 0; i < m; i++) {
                scaled[i] *= 8;
            }
            assertEquals(jsd, Jsd.of(scaled), 1e-8, "scaling by 8 changed the JSD, m = " + m);
        }
    }

    @Test
    void normalSampleIsCloserThanTwoPointSample() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] normal = new double[5000];
        for (int i = 0; i < normal.length; i++) {
            // Box–Muller, shifted positive
            normal[i] = 10 + Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
        }
        double[] twoPoint = new double[5000];
        for (int i = 0; i < twoPoint.length; i++) {
            twoPoint[i] = i % 2 == 0 ? 1 : 3;
        }
        assertTrue(Jsd.of(normal) < 0.05, "a normal sample should fit its own normal: " + Jsd.of(normal));
        assertTrue(Jsd.of(twoPoint) > 0.5, "two spikes should be far from a normal: " + Jsd.of(twoPoint));
    }

    @Test
    void pairwiseSumFollowsNumpyBlocking() {
        // 1e16 followed by fifteen 1s. Left to right every 1e16 + 1 rounds (to even) back to 1e16. numpy's blocking
        // puts value j in lane j mod 8: lane 0 = 1e16 + 1 → 1e16, lanes 1..7 = 2 each, combined as
        // ((1e16 + 2) + (2 + 2)) + ((2 + 2) + (2 + 2)) = 1e16 + 14.
        double[] a = new double[16];
        java.util.Arrays.fill(a, 1);
        a[0] = 1e16;
        double leftToRight = 0;
        for (double x : a) {
            leftToRight += x;
        }
        assertEquals(1e16, leftToRight, 0.0);
        assertEquals(1e16 + 14, PairwiseSum.of(a), 0.0);
        assertEquals(6.0, PairwiseSum.of(new double[] {1, 2, 3}), 0.0);
        assertEquals(0.0, PairwiseSum.of(new double[0]), 0.0);
    }
}
