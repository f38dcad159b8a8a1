package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exact e_o against brute-force subset enumeration, and behaviour far beyond double range. */
class ElementarySymmetricTest {

    /** Σ over all subsets of size o of the product of their values, by enumerating bit masks. */
    static double[] bruteForce(double[] v) {
        int k = v.length;
        double[] e = new double[k + 1];
        for (int mask = 0; mask < (1 << k); mask++) {
            double p = 1;
            for (int i = 0; i < k; i++) {
                if ((mask & (1 << i)) != 0) {
                    p *= v[i];
                }
            }
            e[Integer.bitCount(mask)] += p;
        }
        return e;
    }

    @Test
    void equalsBruteForceForEveryOrderUpToK() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int k = 1; k <= 12; k++) {
            for (int trial = 0; trial < 5; trial++) {
                double[] v = new double[k];
                for (int i = 0; i < k; i++) {
                    v[i] = Math.exp(rnd.nextDouble(-3, 9)); // 0.05 .. 8000, like real H values
                }
                double[] expected = bruteForce(v);
                for (int m = 1; m <= k; m++) {
                    double[] e = ElementarySymmetric.of(v, m);
                    double[] log = ElementarySymmetric.logOf(v, m);
                    assertEquals(m + 1, e.length);
                    assertEquals(1.0, e[0], 0.0);
                    for (int o = 1; o <= m; o++) {
                        String where = "K = " + k + ", m = " + m + ", o = " + o;
                        assertEquals(expected[o], e[o], 1e-13 * expected[o], where);
                        assertEquals(Math.log(expected[o]), log[o], 1e-13 * Math.max(1, Math.abs(log[o])), where);
                    }
                }
            }
        }
    }

    @Test
    void handlesMixedSignsAndZeros() {
        // (x − 1)(x + 2)(x − 3) = x³ − 2x² − 5x + 6, so e_1 = 1 + (−2) + 3 = 2, e_2 = −5, e_3 = 6 for roots 1, −2, 3
        double[] e = ElementarySymmetric.of(new double[] {1, -2, 0, 3}, 4);
        assertEquals(1, e[0], 0.0);
        assertEquals(2, e[1], 1e-15);
        assertEquals(-5, e[2], 1e-15);
        assertEquals(-6, e[3], 1e-15);
        assertEquals(0, e[4], 0.0, "a zero value makes the top order 0");
    }

    @Test
    void ordersAboveKAreZero() {
        double[] e = ElementarySymmetric.of(new double[] {2, 5}, 4);
        assertEquals(7, e[1], 0.0);
        assertEquals(10, e[2], 0.0);
        assertEquals(0, e[3], 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, ElementarySymmetric.logOf(new double[] {2, 5}, 3)[3], 0.0);
    }

    /** 1000 values of 10⁴: e_o = C(1000, o)·10^(4o) reaches 10^4299; its log is still exact to ~1e-13. */
    @Test
    void logStaysFiniteFarBeyondDoubleRange() {
        int k = 1000;
        double[] v = new double[k];
        java.util.Arrays.fill(v, 1e4);
        double[] log = ElementarySymmetric.logOf(v, k);
        double logChoose = 0;
        for (int o = 1; o <= k; o++) {
            logChoose += Math.log((k - o + 1) / (double) o);
            double expected = logChoose + o * Math.log(1e4);
            assertEquals(expected, log[o], 1e-12 * Math.abs(expected), "order " + o);
        }
        assertTrue(Double.isInfinite(ElementarySymmetric.of(v, k)[500]), "the plain value overflows, as documented");
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ElementarySymmetric.of(new double[] {1}, -1));
        assertThrows(IllegalArgumentException.class, () -> ElementarySymmetric.of(new double[] {Double.NaN}, 1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> ElementarySymmetric.logOf(new double[] {1, 0}, 1));
        assertTrue(e.getMessage().contains("value 1 must be finite and > 0, got 0.0"), e.getMessage());
    }
}
