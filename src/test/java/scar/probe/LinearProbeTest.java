package scar.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import scar.data.Matrix;

class LinearProbeTest {
    private static final ProbeOptions CONVERGED = ProbeOptions.defaults();
    private static final ProbeOptions REFERENCE = ProbeOptions.reference();

    /** 1-D, two classes: x < 0 is class 0, x > 0 class 1. */
    private static final Matrix LINE = Matrix.of(new double[][] {{-2}, {-1}, {-0.5}, {0.5}, {1}, {2}});
    private static final int[] LINE_LABELS = {0, 0, 0, 1, 1, 1};

    @Test
    void separableTwoClassDataIsLearnedExactly() {
        ProbeResult r = LinearProbe.fit(LINE, LINE_LABELS, 2, CONVERGED, 0);
        assertEquals(1.0, r.trainAccuracy());
        assertArrayEquals(LINE_LABELS, r.trainPredictions());
        assertTrue(r.converged(), r::toString);
        assertTrue(r.iterations() > 0);
        // symmetric data: the standardised inputs are symmetric, so the model is odd in x and the bias difference 0
        for (int i = 0; i < 3; i++) {
            float margin = r.logit(i, 1) - r.logit(i, 0);
            float mirror = r.logit(5 - i, 1) - r.logit(5 - i, 0);
            assertEquals(-margin, mirror, 1e-4f);
            assertTrue(margin < 0);
        }
        assertTrue(Double.isNaN(r.testAccuracy()));
    }

    @Test
    void referenceProbeLearnsTheLineWhenGivenEpochs() {
        ProbeResult r = LinearProbe.fit(LINE, LINE_LABELS, 2, REFERENCE.withLearningRate(0.1).withMaxEpochs(300)
                .withPatience(300), 1);
        assertEquals(1.0, r.trainAccuracy(), r::toString);
        assertEquals(300, r.iterations());
        assertFalse(r.converged());
    }

    @Test
    void referenceProbeStopsAfterPatienceEpochsWithoutStrictImprovement() {
        // raw inputs all 0: only the bias learns, too slowly (lr 1e-3) to flip the argmax, and with balanced
        // labels every epoch scores 0.5 whichever class wins. Epoch 1 improves on the initial best of 0; epochs
        // 2..6 do not, so the fit stops after 1 + patience = 6 epochs.
        Matrix zeros = Matrix.of(new double[][] {{0}, {0}, {0}, {0}});
        ProbeResult r = LinearProbe.fit(zeros, new int[] {0, 1, 0, 1}, 2, REFERENCE, 5);
        assertEquals(6, r.iterations());
        assertTrue(r.converged());
        assertEquals(0.5, r.trainAccuracy());
        ProbeResult longer = LinearProbe.fit(zeros, new int[] {0, 1, 0, 1}, 2, REFERENCE.withPatience(9), 5);
        assertEquals(10, longer.iterations());
    }

    @Test
    void constantInputsGiveZeroLogitsAndTiesGoToTheLowestClass() {
        // every feature constant -> standardised to 0; balanced labels -> the optimal bias is 0, already the start
        Matrix x = Matrix.of(new double[][] {{3, 1}, {3, 1}, {3, 1}, {3, 1}, {3, 1}, {3, 1}});
        ProbeResult r = LinearProbe.fit(x, new int[] {0, 1, 2, 0, 1, 2}, 3, CONVERGED, 0);
        assertEquals(0, r.iterations());
        assertTrue(r.converged());
        for (float z : r.trainLogits()) {
            assertEquals(0f, z);
        }
        assertArrayEquals(new int[6], r.trainPredictions());
        assertEquals(2.0 / 6, r.trainAccuracy());
        assertEquals(Math.log(3), r.loss(), 1e-12);
    }

    @Test
    void testAccuracyOnTheTrainingSetEqualsTrainingAccuracy() {
        SyntheticData s = SyntheticData.gaussianClasses(400, 12, 4, 9);
        for (ProbeOptions o : new ProbeOptions[] {CONVERGED, REFERENCE}) {
            ProbeResult r = LinearProbe.fit(s.x(), s.labels(), 4, o, 3, s.x(), s.labels());
            assertEquals(r.trainAccuracy(), r.testAccuracy(), o.kind().name());
            assertTrue(r.trainAccuracy() > 0.4, r::toString);
        }
    }

    @Test
    void convergedProbeGeneralisesOnGaussianClasses() {
        SyntheticData all = SyntheticData.gaussianClasses(3000, 20, 5, 1);
        int[] trainRows = java.util.stream.IntStream.range(0, 2000).toArray();
        int[] testRows = java.util.stream.IntStream.range(2000, 3000).toArray();
        Matrix trainX = all.x().selectRows(trainRows);
        Matrix testX = all.x().selectRows(testRows);
        int[] trainY = Arrays.stream(trainRows).map(i -> all.labels()[i]).toArray();
        int[] testY = Arrays.stream(testRows).map(i -> all.labels()[i]).toArray();
        ProbeResult r = LinearProbe.fit(trainX, trainY, 5, CONVERGED, 0, testX, testY);
        assertTrue(r.converged(), r::toString);
        assertTrue(r.testAccuracy() > 0.5 && r.trainAccuracy() >= r.testAccuracy() - 0.05, r::toString);
    }

    @Test
    void convergedProbeIsBitIdenticalWithOneAndTwoThreads() {
        SyntheticData s = SyntheticData.gaussianClasses(3000, 40, 6, 4); // 24 chunks, 12 tasks
        ProbeResult one = LinearProbe.fit(s.x(), s.labels(), 6, CONVERGED.withThreads(1), 0, s.x(), s.labels());
        ProbeResult two = LinearProbe.fit(s.x(), s.labels(), 6, CONVERGED.withThreads(2), 0, s.x(), s.labels());
        assertTrue(Arrays.equals(one.trainLogits(), two.trainLogits()));
        assertEquals(one, two);
        assertTrue(one.iterations() > 3);
    }

    @Test
    void referenceProbeIsBitIdenticalWithOneAndTwoThreadsAndFollowsTheSeed() {
        SyntheticData s = SyntheticData.gaussianClasses(3000, 40, 6, 4);
        ProbeResult one = LinearProbe.fit(s.x(), s.labels(), 6, REFERENCE.withThreads(1), 8);
        ProbeResult two = LinearProbe.fit(s.x(), s.labels(), 6, REFERENCE.withThreads(2), 8);
        assertTrue(Arrays.equals(one.trainLogits(), two.trainLogits()));
        assertEquals(one, two);
        ProbeResult other = LinearProbe.fit(s.x(), s.labels(), 6, REFERENCE.withThreads(2), 9);
        assertFalse(Arrays.equals(one.trainLogits(), other.trainLogits()));
    }

    @Test
    void miniBatchReferenceProbeIsDeterministicAndDiffersFromFullBatch() {
        SyntheticData s = SyntheticData.gaussianClasses(1000, 10, 3, 6);
        ProbeOptions batched = REFERENCE.withBatchSize(300).withMaxEpochs(20);
        ProbeResult one = LinearProbe.fit(s.x(), s.labels(), 3, batched.withThreads(1), 2);
        ProbeResult two = LinearProbe.fit(s.x(), s.labels(), 3, batched.withThreads(2), 2);
        assertEquals(one, two);
        ProbeResult full = LinearProbe.fit(s.x(), s.labels(), 3, REFERENCE.withMaxEpochs(20), 2);
        assertNotEquals(one, full);
        // four Adam steps per epoch learn faster than one
        assertTrue(one.loss() < full.loss(), one + "\n" + full);
    }

    @Test
    void badInputIsRejectedWithAMessageNamingIt() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(x, new int[] {0, 1, 2}, 2, CONVERGED, 0));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("[0, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(x, new int[] {0, 1}, 2, CONVERGED, 0));
        assertTrue(e.getMessage().contains("3 rows but 2 labels"), e.getMessage());
        Matrix nan = Matrix.of(new double[][] {{1, 2}, {3, Double.NaN}, {5, 6}});
        e = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(nan, new int[] {0, 1, 0}, 2, CONVERGED, 0));
        assertTrue(e.getMessage().contains("row 1, column 1") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(x, new int[] {0, 1, 0}, 2, CONVERGED, 0, Matrix.of(new double[][] {{1}}),
                        new int[] {0}));
        assertTrue(e.getMessage().contains("1 columns, expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(x, new int[] {0, 1, 0}, 2, CONVERGED, 0, x, new int[] {0, 5, 0}));
        assertTrue(e.getMessage().startsWith("test label of row 1 is 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(x, new int[] {0, 0, 0}, 1, CONVERGED, 0));
        assertTrue(e.getMessage().contains("numClasses >= 2"), e.getMessage());
    }

    /** Found making CancellationTest speed-independent: Integer.MAX_VALUE iterations allocated a buffer per one. */
    @Test
    void anIterationLimitOfIntegerMaxValueIsAccepted() {
        ProbeResult r = LinearProbe.fit(LINE, LINE_LABELS, 2, CONVERGED.withMaxIterations(Integer.MAX_VALUE), 0);
        assertEquals(1.0, r.trainAccuracy());
        assertTrue(r.converged());
    }
}
