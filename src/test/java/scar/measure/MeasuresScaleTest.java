package scar.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import scar.Checks;

/**
 * Size behaviour of {@link Measures#compute}: ImageNet-sized input through a lazy {@link Logits} in the default
 * test heap, and a CIFAR-100-sized run. How long they take is {@code ./scar bench}'s business, not a test's.
 */
class MeasuresScaleTest {

    /** A stateless 64-bit mix (SplitMix64's finaliser) giving a reproducible pseudo-random value per (i, c). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static double unit(long key) {
        return (mix(key) >>> 11) * 0x1.0p-53;
    }

    @Test
    void imagenetSizedRunWithLazyLogits() {
        int n = 1_300_000;
        int k = 1000;
        int[] labels = new int[n];
        int[] preds = new int[n];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = (int) Math.floorMod(mix(i), (long) k);
            preds[i] = unit(~(long) i) < 0.7 ? labels[i] : (int) Math.floorMod(mix(i + 7_000_000_000L), (long) k);
            correct += preds[i] == labels[i] ? 1 : 0;
        }
        Logits lazy = new Logits() {
            public int rows() {
                return n;
            }

            public int classes() {
                return k;
            }

            public double get(int i, int c) {
                return 8 * unit((long) i * k + c) - 2;
            }
        };
        ClassMeasures m = Measures.compute(lazy, preds, labels, k, 1, MeasureVariant.HEAD);

        assertEquals(k, m.numClasses());
        assertEquals((double) correct / n, m.accuracy(), 0.0);
        for (int c = 0; c < k; c++) {
            assertEquals(1.0, m.scale(c), 0.0, "K ≥ 3: no all-wrong items, S = 1/r");
            Checks.assertUnit(m.authenticity(c), "authenticity " + c);
            Checks.assertUnit(m.richness(c), "richness " + c);
            // about 1300 predictions per class with uniform positive margins: both branches are far from empty
            assertTrue(m.coverage(c) > 0 && m.coverage(c) < 1, "coverage " + c + " = " + m.coverage(c));
        }
    }

    @Test
    void cifar100SizedRunHasInteriorCoverageInBothVariants() {
        int n = 50_000;
        int k = 100;
        SplittableRandom rnd = new SplittableRandom(100);
        float[] logits = new float[n * k];
        int[] labels = new int[n];
        int[] preds = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(k);
            int best = 0;
            for (int c = 0; c < k; c++) {
                logits[i * k + c] = (float) (rnd.nextGaussian() + (c == labels[i] ? 2.5 : 0));
                if (logits[i * k + c] > logits[i * k + best]) {
                    best = c;
                }
            }
            preds[i] = best;
        }
        Logits l = Logits.of(logits, n, k);
        for (MeasureVariant v : MeasureVariant.values()) {
            ClassMeasures m = Measures.compute(l, preds, labels, k, 1, v);
            for (int c = 0; c < k; c++) {
                assertTrue(m.coverage(c) > 0 && m.coverage(c) < 1, v + " coverage " + c + " = " + m.coverage(c));
            }
        }
    }
}
