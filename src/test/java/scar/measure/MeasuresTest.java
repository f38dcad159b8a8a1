package scar.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static scar.Checks.assertMessage;
import static scar.Checks.assertUnit;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hand-checked examples, seeded property tests and input validation for {@link Measures#compute}. */
class MeasuresTest {

    /**
     * K = 3, n = 6, r = 2. Items (label → prediction): 0→0, 0→1, 1→1, 1→1, 2→0, 2→2. K ≥ 3, so A = ∅, V = all.
     * Class 0: TP 1 (item 0), FP 1 (item 4), FN 1 (item 1) → T = 4, A = 4/6; HEAD R = (4 + 1·½)/6 = 0.75,
     * V1 R = (4 + 2·½)/6 = 5/6. Class 1: TP 2, FP 1, FN 0 → T = 5; HEAD R = 5/6, V1 R = (5 + ½)/6.
     * Class 2: TP 1, FP 0, FN 1 → T = 5; HEAD R = (5 + ½)/6, V1 R = (5 + ½)/6. S = 1/2 everywhere. Accuracy 4/6.
     */
    @Test
    void handCheckedExample() {
        int[] labels = {0, 0, 1, 1, 2, 2};
        int[] preds = {0, 1, 1, 1, 0, 2};
        Logits logits = Logits.of(new double[18], 6, 3);
        ClassMeasures head = Measures.compute(logits, preds, labels, 3, 2, MeasureVariant.HEAD);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, head.scale(), 0.0);
        assertArrayEquals(new double[] {4 / 6.0, 5 / 6.0, 5 / 6.0}, head.authenticity(), 1e-15);
        assertArrayEquals(new double[] {0.75, 5 / 6.0, 5.5 / 6}, head.richness(), 1e-15);
        assertEquals(4 / 6.0, head.accuracy(), 1e-15);
        // all logits are 0: nothing is kept in any branch, so Coverage is 0
        assertArrayEquals(new double[] {0, 0, 0}, head.coverage(), 0.0);

        ClassMeasures v1 = Measures.compute(logits, preds, labels, 3, 2, MeasureVariant.V1);
        assertArrayEquals(head.authenticity(), v1.authenticity(), 0.0);
        assertArrayEquals(new double[] {5 / 6.0, 5.5 / 6, 5.5 / 6}, v1.richness(), 1e-15);
    }

    /** K = 2: A = {p ≠ y}; S = (n − |A|)/n / r; every valid item is right for both tasks so R = 1. */
    @Test
    void twoClassesDropAllWrongItems() {
        int[] labels = {0, 0, 1, 1, 1};
        int[] preds = {0, 1, 1, 0, 1};
        ClassMeasures m = Measures.compute(Logits.of(new double[10], 5, 2), preds, labels, 2, 1, MeasureVariant.HEAD);
        assertArrayEquals(new double[] {0.6, 0.6}, m.scale(), 1e-15);
        assertArrayEquals(new double[] {0.6, 0.6}, m.authenticity(), 1e-15);
        assertArrayEquals(new double[] {1, 1}, m.richness(), 0.0);
    }

    /** All items wrong with K = 2: V is empty, so S = 0 and R = 0 by definition. */
    @Test
    void emptyValidSetGivesZeroRichness() {
        ClassMeasures m = Measures.compute(Logits.of(new double[4], 2, 2), new int[] {1, 0}, new int[] {0, 1}, 2, 1,
                MeasureVariant.HEAD);
        assertArrayEquals(new double[] {0, 0}, m.scale(), 0.0);
        assertArrayEquals(new double[] {0, 0}, m.richness(), 0.0);
        assertEquals(0.0, m.accuracy(), 0.0);
    }

    /** Coverage from one TP branch: values 1, 2 (JSD of two values) and a dropped negative logit. */
    @Test
    void coverageUsesPositiveTruePositiveLogits() {
        // items 0..2 labelled and predicted 0 with logits 1, 2, -3 for class 0; item 3 labelled and predicted 1
        double[] l = {1, 0, 2, 0, -3, 0, 0, 5};
        ClassMeasures m = Measures.compute(Logits.of(l, 4, 2), new int[] {0, 0, 0, 1}, new int[] {0, 0, 0, 1}, 2, 1,
                MeasureVariant.HEAD);
        assertEquals(1 - Jsd.of(new double[] {1, 2}), m.coverage(0), 0.0);
        assertEquals(0.0, m.coverage(1), 0.0, "single TP value 5: JSD 1");
    }

    @ParameterizedTest
    @EnumSource(MeasureVariant.class)
    void everyMeasureInUnitIntervalOnRandomRuns(MeasureVariant variant) {
        SplittableRandom rnd = new SplittableRandom(20240607);
        for (int trial = 0; trial < 60; trial++) {
            int k = 2 + rnd.nextInt(14);
            int n = 1 + rnd.nextInt(400);
            Run run = Run.random(rnd, n, k, rnd.nextBoolean());
            ClassMeasures m = Measures.compute(run.logits(), run.preds, run.labels, k, 1 + rnd.nextInt(30), variant);
            for (int c = 0; c < k; c++) {
                String where = variant + " trial " + trial + " class " + c;
                assertUnit(m.scale(c), where + " scale");
                assertUnit(m.authenticity(c), where + " authenticity");
                assertUnit(m.richness(c), where + " richness");
                if (variant == MeasureVariant.HEAD || !Double.isNaN(m.coverage(c))) {
                    assertUnit(m.coverage(c), where + " coverage");
                }
            }
            assertUnit(m.accuracy(), "accuracy");
        }
    }

    @ParameterizedTest
    @EnumSource(MeasureVariant.class)
    void rowOrderDoesNotMatter(MeasureVariant variant) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            int k = 2 + rnd.nextInt(8);
            Run run = Run.random(rnd, 50 + rnd.nextInt(500), k, true);
            Run shuffled = run.shuffled(rnd);
            ClassMeasures a = Measures.compute(run.logits(), run.preds, run.labels, k, 2, variant);
            ClassMeasures b = Measures.compute(shuffled.logits(), shuffled.preds, shuffled.labels, k, 2, variant);
            assertArrayEquals(a.scale(), b.scale(), 0.0);
            assertArrayEquals(a.authenticity(), b.authenticity(), 0.0);
            assertArrayEquals(a.richness(), b.richness(), 1e-15);
            assertArrayEquals(a.coverage(), b.coverage(), 1e-12);
        }
    }

    /** HEAD may read only the logit of each item's predicted class. */
    @Test
    void headReadsOnlyPredictedClassLogits() {
        SplittableRandom rnd = new SplittableRandom(9);
        Run run = Run.random(rnd, 300, 6, true);
        Logits strict = new Logits() {
            public int rows() {
                return run.n;
            }

            public int classes() {
                return run.k;
            }

            public double get(int i, int c) {
                if (c != run.preds[i]) {
                    throw new AssertionError("HEAD read logit (" + i + ", " + c + ")");
                }
                return run.logits[i * run.k + c];
            }
        };
        ClassMeasures lazy = Measures.compute(strict, run.preds, run.labels, 6, 1, MeasureVariant.HEAD);
        assertEquals(Measures.compute(run.logits(), run.preds, run.labels, 6, 1, MeasureVariant.HEAD), lazy);
    }

    @Test
    void rejectsBadInput() {
        Logits l = Logits.of(new double[6], 2, 3);
        assertMessage(() -> Measures.compute(l, new int[] {0, 1}, new int[] {0, 3}, 3, 1, MeasureVariant.HEAD),
                "label of item 1 is 3");
        assertMessage(() -> Measures.compute(l, new int[] {-1, 1}, new int[] {0, 1}, 3, 1, MeasureVariant.HEAD),
                "prediction of item 0 is -1");
        assertMessage(() -> Measures.compute(l, new int[] {0}, new int[] {0, 1}, 3, 1, MeasureVariant.HEAD),
                "2 rows but there are 1 predictions");
        assertMessage(() -> Measures.compute(l, new int[] {0, 1}, new int[] {0, 1}, 4, 1, MeasureVariant.HEAD),
                "3 columns but numClasses = 4");
        assertMessage(() -> Measures.compute(l, new int[] {0, 1}, new int[] {0, 1}, 3, 0.5, MeasureVariant.HEAD),
                "ratio must be finite and >= 1, got 0.5");
        assertMessage(() -> Measures.compute(Logits.of(new double[2], 2, 1), new int[] {0, 0}, new int[] {0, 0}, 1, 1,
                MeasureVariant.HEAD), "at least 2 classes");
        assertMessage(() -> Measures.compute(Logits.of(new double[0], 0, 3), new int[0], new int[0], 3, 1,
                MeasureVariant.HEAD), "at least one item");
        double[] inf = {Double.POSITIVE_INFINITY, 0, 0, 1, 0, 0};
        assertMessage(() -> Measures.compute(Logits.of(inf, 2, 3), new int[] {0, 0}, new int[] {0, 0}, 3, 1,
                MeasureVariant.HEAD), "logit of item 0 for class 0 is infinite");
        assertMessage(() -> Logits.of(new float[5], 2, 3), "need 6 values, got 5");
    }

    /** A random probe run; predictions are argmax of the logits or independent of them. */
    static final class Run {
        final int n;
        final int k;
        final double[] logits;
        final int[] preds;
        final int[] labels;

        Run(int n, int k, double[] logits, int[] preds, int[] labels) {
            this.n = n;
            this.k = k;
            this.logits = logits;
            this.preds = preds;
            this.labels = labels;
        }

        Logits logits() {
            return Logits.of(logits, n, k);
        }

        static Run random(SplittableRandom rnd, int n, int k, boolean argmax) {
            double[] l = new double[n * k];
            int[] preds = new int[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rnd.nextInt(k);
                int best = 0;
                for (int c = 0; c < k; c++) {
                    l[i * k + c] = 4 * (rnd.nextDouble() - 0.5) + (c == labels[i] ? 1.5 : 0);
                    if (l[i * k + c] > l[i * k + best]) {
                        best = c;
                    }
                }
                preds[i] = argmax ? best : rnd.nextInt(k);
            }
            return new Run(n, k, l, preds, labels);
        }

        Run shuffled(SplittableRandom rnd) {
            int[] order = scar.Checks.permutation(n, rnd);
            double[] l = new double[n * k];
            int[] p = new int[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(logits, order[i] * k, l, i * k, k);
                p[i] = preds[order[i]];
                y[i] = labels[order[i]];
            }
            return new Run(n, k, l, p, y);
        }
    }
}
