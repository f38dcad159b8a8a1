package scar.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import scar.data.Matrix;

/** {@link Predictor#predictAll}: many probes over one set of rows give each probe's own test predictions. */
class PredictorTest {
    private static final ProbeOptions CONVERGED = ProbeOptions.defaults().withThreads(1);

    /** 600 rows of 20 features and 5 classes: the first 500 train, the last 100 are the test rows. */
    private static final SyntheticData DATA = SyntheticData.gaussianClasses(600, 20, 5, 7);

    private static int[] range(int from, int to, int step) {
        return IntStream.iterate(from, i -> i < to, i -> i + step).toArray();
    }

    private static int[] labelsOf(SyntheticData data, int[] rows) {
        return IntStream.of(rows).map(r -> data.labels()[r]).toArray();
    }

    @Test
    void everyProbePredictsTheTestRowsAsItsOwnFitDoes() {
        // Three fits on different items, so three standardisers and models; 300 test rows are one full panel of
        // 256 rows and a short one.
        SyntheticData data = SyntheticData.gaussianClasses(900, 20, 5, 3);
        int[] test = range(600, 900, 1);
        Matrix xTest = data.x().selectRows(test);
        int[] yTest = labelsOf(data, test);
        int[][] items = {range(0, 600, 1), range(0, 600, 2), range(1, 600, 3)};
        Predictor[] probes = new Predictor[items.length];
        int[][] expected = new int[items.length][];
        for (int f = 0; f < items.length; f++) {
            Matrix x = data.x().selectRows(items[f]);
            int[] y = labelsOf(data, items[f]);
            ProbeResult own = LinearProbe.fit(x, y, items[f], 5, CONVERGED, 0, xTest, yTest);
            LinearProbe.Trained trained = LinearProbe.train(x, y, items[f], 5, CONVERGED);
            assertArrayEquals(own.trainLogits(), trained.result().trainLogits(), "fit " + f);
            assertTrue(Double.isNaN(trained.result().testAccuracy()));
            expected[f] = own.testPredictions();
            probes[f] = trained.predictor();
        }
        // the fits disagree on some rows, so a probe's rows given another probe's classes would be caught
        assertNotEquals(java.util.Arrays.toString(expected[1]), java.util.Arrays.toString(expected[2]));
        for (int threads : new int[] {1, 2, 3}) {
            int[][] all = Predictor.predictAll(xTest, probes, threads);
            for (int f = 0; f < items.length; f++) {
                assertArrayEquals(expected[f], all[f], "fit " + f + " on " + threads + " threads");
            }
        }
    }

    @Test
    void aFeatureTooNarrowForFloatScalingIsStandardisedInDoubleAsInAFit() {
        // Feature 0 takes the values 0 and 1e-40 (subnormal): 1/σ overflows a float, so the standardiser keeps the
        // double form for every feature (Standardizer); the column-wise form must give the same floats.
        int n = 400;
        int d = 6;
        float[] v = new float[n * d];
        int[] labels = new int[n];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            v[i * d] = (i % 2) * 1e-40f;
            for (int j = 1; j < d; j++) {
                v[i * d + j] = (float) (random.nextGaussian() + labels[i] * (j % 3 == labels[i] ? 1.5 : 0));
            }
        }
        Matrix all = Matrix.wrap(n, d, v);
        int[] train = range(0, 300, 1);
        int[] test = range(300, n, 1);
        Matrix x = all.selectRows(train);
        int[] y = IntStream.of(train).map(i -> labels[i]).toArray();
        Matrix xTest = all.selectRows(test);
        int[] yTest = IntStream.of(test).map(i -> labels[i]).toArray();
        ProbeResult own = LinearProbe.fit(x, y, train, 3, CONVERGED, 0, xTest, yTest);
        Predictor probe = LinearProbe.train(x, y, train, 3, CONVERGED).predictor();
        assertTrue(own.testAccuracy() > 0.5, own::toString);
        assertArrayEquals(own.testPredictions(), Predictor.predictAll(xTest, new Predictor[] {probe}, 2)[0]);
    }

    @Test
    void theColumnFormOfAStandardiserGivesTheFloatsOfItsRowForm() {
        java.util.Random random = new java.util.Random(3);
        int d = 5;
        int rows = 37;
        double[] mean = {0.5, -3.0, 1e-3, 7.25, 0.0};
        double[] floatScale = {2.0, 0.37, 1e3, 1.0 / 3, 0.0};
        double[] doubleScale = floatScale.clone();
        doubleScale[1] = 1e40; // beyond a float: the standardiser keeps the double form for every feature
        for (double[] scale : new double[][] {floatScale, doubleScale}) {
            Standardizer s = new Standardizer(mean, scale);
            float[][] byRow = new float[rows][d];
            float[][] byColumn = new float[d][rows];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d; j++) {
                    byRow[r][j] = (float) (random.nextGaussian() * 10);
                    byColumn[j][r] = byRow[r][j];
                }
                s.apply(byRow[r], byRow[r]);
            }
            for (int j = 0; j < d; j++) {
                float[] out = new float[rows];
                s.applyColumn(j, byColumn[j], out, rows);
                for (int r = 0; r < rows; r++) {
                    assertEquals(Float.floatToRawIntBits(byRow[r][j]), Float.floatToRawIntBits(out[r]),
                            "feature " + j + ", row " + r + ", scale " + scale[1]);
                }
            }
        }
    }

    @Test
    void noProbesOrNoRowsGiveEmptyAnswers() {
        Predictor probe = LinearProbe.train(DATA.x().selectRows(range(0, 500, 1)), labelsOf(DATA, range(0, 500, 1)),
                null, 5, CONVERGED).predictor();
        assertEquals(0, Predictor.predictAll(DATA.x(), new Predictor[0], 2).length);
        int[][] none = Predictor.predictAll(DATA.x().selectRows(new int[0]), new Predictor[] {probe}, 2);
        assertEquals(1, none.length);
        assertEquals(0, none[0].length);
    }

    @Test
    void refusesRowsOrProbesOfAnotherShapeAndRowsThatAreNotFinite() {
        int[] train = range(0, 500, 1);
        Predictor five = LinearProbe.train(DATA.x().selectRows(train), labelsOf(DATA, train), train, 5, CONVERGED)
                .predictor();
        SyntheticData other = SyntheticData.gaussianClasses(200, 20, 3, 1);
        Predictor three = LinearProbe.train(other.x(), other.labels(), null, 3, CONVERGED).predictor();
        Matrix test = DATA.x().selectRows(range(500, 600, 1));
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> Predictor.predictAll(test, new Predictor[] {five, three}, 1));
        assertTrue(mixed.getMessage().contains("expected one shape"), mixed.getMessage());
        IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                () -> Predictor.predictAll(Matrix.wrap(2, 3, new float[6]), new Predictor[] {five}, 1));
        assertTrue(narrow.getMessage().contains("3 columns"), narrow.getMessage());
        float[] values = new float[2 * 20];
        values[25] = Float.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Predictor.predictAll(Matrix.wrap(2, 20, values), new Predictor[] {five}, 1));
        assertTrue(nan.getMessage().contains("held-out set"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearProbe.train(DATA.x(), DATA.labels(), null, 5,
                ProbeOptions.reference()));
    }

    @Test
    void anInterruptedCallerCancelsAndKeepsItsFlag() {
        int[] train = range(0, 500, 1);
        Predictor probe = LinearProbe.train(DATA.x().selectRows(train), labelsOf(DATA, train), train, 5, CONVERGED)
                .predictor();
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class,
                    () -> Predictor.predictAll(DATA.x(), new Predictor[] {probe}, 2));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    /**
     * An interrupt that lands while the probes run over a panel of rows stops the pass at the next probe, not after
     * all of them: one panel of 256 rows and 20,000 probes (one standardiser and model, shared) is one task of a
     * second or more, as one panel of a sweep's 82 probes is at K = 1,000 and d = 768 (64·10⁹ multiply-adds); a
     * notebook waits 300 ms after an interrupt. The test waits until the caller runs the forward kernel, so past the
     * check at the start of the task, then interrupts it; the deadline only keeps a broken build from hanging.
     */
    @Test
    void anInterruptDuringAPanelStopsThePassAtTheNextProbe() throws Exception {
        int d = 256;
        int k = 10;
        java.util.Random random = new java.util.Random(11);
        float[] values = new float[256 * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        float[][] w = new float[k][d];
        for (float[] wk : w) {
            for (int j = 0; j < d; j++) {
                wk[j] = (float) random.nextGaussian();
            }
        }
        double[] scale = new double[d];
        java.util.Arrays.fill(scale, 1.0);
        Predictor[] probes = new Predictor[20_000];
        Predictor probe = new Predictor(new Standardizer(new double[d], scale), new Model(w, new float[k]));
        java.util.Arrays.fill(probes, probe);
        Matrix rows = Matrix.wrap(256, d, values);
        var thrown = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                Predictor.predictAll(rows, probes, 1);
            } catch (Throwable t) {
                thrown.set(t);
            } finally {
                finished.countDown();
            }
        }, "predict-all-caller");
        caller.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (java.util.Arrays.stream(caller.getStackTrace()).noneMatch(f -> f.getMethodName().equals("forward"))) {
            assertTrue(caller.isAlive() && System.nanoTime() < deadline, "the pass never reached the kernel");
            Thread.onSpinWait();
        }
        caller.interrupt();
        assertTrue(finished.await(5, java.util.concurrent.TimeUnit.MINUTES), "the pass did not end");
        assertTrue(thrown.get() instanceof CancellationException, "the pass ended with " + thrown.get());
    }
}
