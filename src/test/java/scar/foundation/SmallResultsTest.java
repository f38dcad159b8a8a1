package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import scar.Checks;
import scar.measure.ClassMeasures;
import scar.measure.Logits;
import scar.measure.MeasureVariant;
import scar.measure.Measures;

/** ρ, h, step sizes, {@link Steps} and {@link DatasetSummary}. */
class SmallResultsTest {

    @Test
    void rhoIsFlooredAtE() {
        assertEquals(Math.E, ClassCountFactor.rho(0.9, 1.0), 0.0, "perfect authenticity");
        assertEquals(Math.E, ClassCountFactor.rho(0.5, 0.75), 0.0, "(1 − 0.5)/(1 − 0.75) = 2 < e");
        assertEquals(5.0, ClassCountFactor.rho(0.5, 0.9), 1e-12, "(1 − 0.5)/(1 − 0.9) = 5");
        Checks.assertMessage(() -> ClassCountFactor.rho(1.2, 0.5), "accuracy at ratio 1 must lie in [0, 1]");
        Checks.assertMessage(() -> ClassCountFactor.rho(0.5, Double.NaN), "mean authenticity");
    }

    /** With argmax predictions and K ≥ 3, 1 − mean A = 2(1 − acc)/K, so ρ = K/2. */
    @Test
    void rhoIsHalfTheClassCountForArgmaxProbes() {
        SplittableRandom rnd = new SplittableRandom(8);
        int n = 2000;
        int k = 12;
        int[] labels = new int[n];
        int[] preds = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(k);
            preds[i] = rnd.nextDouble() < 0.6 ? labels[i] : rnd.nextInt(k);
        }
        ClassMeasures m = Measures.compute(Logits.of(new double[n * k], n, k), preds, labels, k, 1,
                MeasureVariant.HEAD);
        assertEquals(k / 2.0, ClassCountFactor.rho(m), 1e-12);
    }

    @Test
    void hypothesisSpaceEdgeCases() {
        assertEquals(0.0, HypothesisSpace.h(1, 1, 0.9, 0.9), 0.0, "C = 1");
        assertEquals(0.25, HypothesisSpace.h(0, 0.75, 0.1, 0.9), 0.0, "S = 0");
        assertEquals(Math.exp(2 * 0.5 * 0.04), HypothesisSpace.h(0.5, 0, 0.7, 0.9), 1e-15);
        assertTrue(Double.isNaN(HypothesisSpace.h(0.5, Double.NaN, 0.7, 0.9)), "a V1 NaN coverage");
        Checks.assertMessage(() -> HypothesisSpace.h(0.5, 1.5, 0.7, 0.9), "coverage must lie in [0, 1]");
    }

    @Test
    void stepSizeFormula() {
        assertEquals(Math.log(100 / 0.01) / (2 * 1e-4), StepSizes.stepSize(100, 0.01, 0.01), 1e-9);
        assertEquals(0.0, StepSizes.stepSize(0.01, 0.01, 0.01), 0.0, "H = δ");
        // Issue 14: H < δ made the step size (and the fallback N_F = Σ n_c) negative; it is clamped at 0
        assertEquals(0.0, StepSizes.stepSize(0.001, 0.01, 0.01), 0.0, "H < δ needs no items");
        assertEquals(0.0, StepSizes.stepSize(Double.MIN_VALUE, 0.01, 0.01), 0.0, "H ≪ δ needs no items");
        Checks.assertMessage(() -> StepSizes.stepSize(0, 0.01, 0.01), "H must be finite and > 0");
    }

    @Test
    void stepsNameTheClassWithoutValidPoint() {
        double[] ratios = {1, 2};
        List<ClassMeasures> perRatio = new ArrayList<>();
        for (double r : ratios) {
            // class 1 has Coverage 1 at every ratio, so h = 0 everywhere
            perRatio.add(new ClassMeasures(r, new double[] {1 / r, 1 / r}, new double[] {0.5, 1},
                    new double[] {0.9, 0.9}, new double[] {0.95, 0.95}, 0.8));
        }
        Checks.assertMessage(() -> Steps.fromMeasures(ratios, perRatio, new String[] {"cat", "dog"}),
                "class 1 (dog)");
        Checks.assertMessage(() -> Steps.fromMeasures(new double[] {1, 3}, perRatio, null),
                "measures 1 are for ratio 2.0");
    }

    @Test
    void stepsTableAndArrays() {
        double[] ratios = {1, 2, 5};
        List<ClassMeasures> perRatio = new ArrayList<>();
        for (double r : ratios) {
            perRatio.add(new ClassMeasures(r, new double[] {1 / r, 1 / r}, new double[] {0.9, 0.8 - r / 100},
                    new double[] {0.9, 0.85}, new double[] {0.95, 0.9}, 0.8));
        }
        Steps steps = Steps.fromMeasures(ratios, perRatio, null);
        assertEquals(2, steps.numClasses());
        assertEquals("1", steps.classes().get(1).className());
        double[] x = {1, 0.5, 0.2};
        assertEquals(Envelope.fit(x, steps.classes().get(0).h()), steps.heights()[0], 0.0);
        assertEquals(StepSizes.stepSize(steps.heights()[1], 0.01, 0.01), steps.stepSizes()[1], 0.0);
        var t = steps.toTable();
        assertEquals(List.of("class", "name", "H", "step size", "h@r=1.0", "h@r=2.0", "h@r=5.0"), t.columnNames());
        assertEquals(3, steps.classes().get(0).toTable().rowCount());
        assertTrue(steps.toString().startsWith("Steps[K = 2]"));
    }

    @Test
    void datasetSummary() {
        DatasetSummary small = DatasetSummary.of(20_000, 50_000, 0.8, 0.3);
        assertEquals(0.4, small.scale(), 1e-15);
        assertEquals(1.0, small.richness(), 0.0);
        assertEquals(0.8, small.authenticity(), 0.0);
        assertEquals(0.3, small.coverage(), 0.0);
        DatasetSummary big = DatasetSummary.of(100_000, 50_000, 0.8, Double.NaN);
        assertEquals(1.0, big.scale(), 0.0);
        assertEquals(0.5, big.richness(), 1e-15);
        assertTrue(Double.isNaN(big.coverage()));
        assertEquals(1, big.toTable().rowCount());
        assertTrue(big.toString().contains("richness     0.500"), big.toString());
        assertTrue(big.toString().startsWith("DatasetSummary[|D| = 100,000, N_F = 50,000]"), big.toString());
        Checks.assertMessage(() -> DatasetSummary.of(0, 1, 0.5, 0.5), "dataset size must be >= 1");
        Checks.assertMessage(() -> DatasetSummary.of(10, -1, 0.5, 0.5), "foundation size must be finite");
    }
}
