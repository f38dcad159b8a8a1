package scar.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactSumTest {
    /** The exact sum by BigDecimal, rounded once to the nearest double. */
    private static double exact(List<Double> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : values) {
            s = s.add(new BigDecimal(v));
        }
        return s.doubleValue(); // BigDecimal.doubleValue rounds the exact value to the nearest double
    }

    private static double sum(List<Double> values) {
        ExactSum s = new ExactSum(1);
        values.forEach(v -> s.add(0, v));
        return s.get(0);
    }

    @Test
    void cancellationThatDoubleArithmeticLosesIsKept() {
        // (1e16 + 1) − 1e16 is 0 in double arithmetic but 1 exactly
        assertEquals(1.0, sum(List.of(1e16, 1.0, -1e16)));
        assertEquals(0.0, sum(List.of(0.1, -0.1)));
        assertEquals(-3.5, sum(List.of(-1.25, -2.25)));
        assertEquals(Double.MIN_VALUE, sum(List.of(Double.MIN_VALUE, 1e300, -1e300)));
        assertEquals(0.0, new ExactSum(3).get(2));
    }

    @Test
    void sumIsTheCorrectlyRoundedExactSumInAnyOrderAndGrouping() {
        SplittableRandom r = new SplittableRandom(4);
        for (int trial = 0; trial < 200; trial++) {
            List<Double> values = new ArrayList<>();
            int n = 1 + r.nextInt(60);
            for (int i = 0; i < n; i++) {
                double v = r.nextGaussian() * Math.pow(2, r.nextInt(-80, 80));
                values.add(r.nextBoolean() ? v : -v);
            }
            double expected = exact(values);
            assertEquals(expected, sum(values), "trial " + trial);
            Collections.shuffle(values, new java.util.Random(trial));
            // split into two accumulators and merge: the grouping must not matter either
            ExactSum a = new ExactSum(1);
            ExactSum b = new ExactSum(1);
            for (int i = 0; i < values.size(); i++) {
                (i % 3 == 0 ? a : b).add(0, values.get(i));
            }
            b.merge(a);
            assertEquals(expected, b.get(0), "trial " + trial + " merged");
        }
    }

    @Test
    void manyAdditionsPropagateCarries() {
        ExactSum s = new ExactSum(2);
        double v = 0x1.fffffffffffffp-3;
        for (int i = 0; i < 3_000_000; i++) {
            s.add(0, v);
            s.add(1, -v);
        }
        assertEquals(new BigDecimal(v).multiply(BigDecimal.valueOf(3_000_000)).doubleValue(), s.get(0));
        assertEquals(-s.get(0), s.get(1));
    }

    @Test
    void rejectsNonFiniteValuesAndMismatchedMerges() {
        ExactSum s = new ExactSum(1);
        assertThrows(IllegalArgumentException.class, () -> s.add(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.add(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> s.merge(new ExactSum(2)));
    }

    @Test
    void addAllEqualsAddingEachElementOverManyBlocksOfSpreadExponents() {
        SplittableRandom r = new SplittableRandom(11);
        int length = 37;
        ExactSum whole = new ExactSum(length);
        ExactSum oneByOne = new ExactSum(length);
        List<List<Double>> perElement = new ArrayList<>();
        for (int e = 0; e < length; e++) {
            perElement.add(new ArrayList<>());
        }
        for (int block = 0; block < 300; block++) {
            double[] values = new double[length];
            for (int e = 0; e < length; e++) {
                int kind = r.nextInt(10);
                // zeros, negative zeros, subnormals and values from 2^-1000 to 2^1000: the window widens both ways
                values[e] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : kind == 2 ? Double.MIN_VALUE * r.nextInt(1, 1000)
                        : r.nextGaussian() * Math.pow(2, r.nextInt(-1000, 1000) * (block % 7 == 0 ? 1 : 0.01));
                perElement.get(e).add(values[e]);
                oneByOne.add(e, values[e]);
            }
            whole.addAll(values);
        }
        double[] all = new double[length + 2];
        whole.getAll(all, 2);
        for (int e = 0; e < length; e++) {
            assertEquals(exact(perElement.get(e)), whole.get(e), "element " + e);
            assertEquals(oneByOne.get(e), whole.get(e), "element " + e);
            assertEquals(whole.get(e), all[e + 2], "element " + e + " rounded with one scratch buffer");
        }
        // a NaN or an infinity is refused, naming its element, and leaves the sums as they were: values before it
        // (inside the window, far outside it, zeros) are taken back
        for (int at : new int[] {0, 5, length - 1}) {
            for (double nonFinite : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
                double[] bad = new double[length];
                for (int e = 0; e < length; e++) {
                    bad[e] = e % 3 == 0 ? 0.0 : e % 3 == 1 ? r.nextGaussian() : r.nextGaussian() * 0x1p900;
                }
                bad[at] = nonFinite;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> whole.addAll(bad));
                assertTrue(e.getMessage().contains("element " + at), e.getMessage());
                for (int el = 0; el < length; el++) {
                    assertEquals(exact(perElement.get(el)), whole.get(el), "element " + el + " after the refusal");
                }
            }
        }
    }

    @Test
    void aRefusedVectorTakesBackWhatItAdded() {
        ExactSum s = new ExactSum(4);
        s.addAll(new double[] {1.0, -2.5, 0.0, 3.0});
        // element 0 fits the window and is added; element 1 lies far above it and element 2 far below, so the rest
        // is scanned to widen the window, and element 3 is refused
        double[] bad = {0x1p-20, 0x1p700, -0x1p-900, Double.POSITIVE_INFINITY};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.addAll(bad));
        assertTrue(e.getMessage().contains("element 3"), e.getMessage());
        assertEquals(1.0, s.get(0));
        assertEquals(-2.5, s.get(1));
        assertEquals(0.0, s.get(2));
        assertEquals(3.0, s.get(3));
        s.addAll(new double[] {0x1p-60, 0x1p700, -0x1p-900, -3.0});
        assertEquals(1.0 + 0x1p-60, s.get(0));
        assertEquals(0x1p700, s.get(1));
        assertEquals(-0x1p-900, s.get(2));
        assertEquals(0.0, s.get(3));
    }

    @Test
    void scalingByAPowerOfTwoIsScalbBitForBit() {
        // the rounding's last step: values up to 2^62 scaled into the normal, subnormal, zero and infinite ranges
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        for (int n = -1200; n <= 1100; n++) {
            for (int i = 0; i < 20; i++) {
                double v = (double) (r.nextLong() >>> r.nextInt(1, 63));
                assertEquals(Double.doubleToRawLongBits(Math.scalb(v, n)),
                        Double.doubleToRawLongBits(ExactSum.scale(v, n)), v + " * 2^" + n);
            }
        }
    }
}
