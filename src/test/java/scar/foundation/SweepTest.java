package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import scar.data.Matrix;
import scar.data.Modality;
import scar.measure.ClassMeasures;
import scar.probe.ProbeKind;
import scar.probe.SyntheticData;

class SweepTest {
    private static final String[] FOUR = {"a", "b", "c", "d"};

    private static ScarProfile sweep(SyntheticData data, ScarOptions options) {
        return run(data.x(), data.labels(), FOUR, options);
    }

    /** Sweeps every row of {@code x}, nothing held out. */
    private static ScarProfile run(Matrix x, int[] labels, String[] names, ScarOptions options) {
        return Sweep.run(SweepInput.of("synthetic", Modality.of("x", x), labels, names), options, Progress.none());
    }

    private static ScarOptions quiet() {
        return ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5, 10);
    }

    @ParameterizedTest
    @EnumSource(ProbeKind.class)
    void sameSeedGivesBitIdenticalProfilesOnOneAndTwoThreads(ProbeKind kind) {
        SyntheticData data = SyntheticData.gaussianClasses(800, 24, 4, 3);
        ScarOptions options = quiet().withProbe(kind).withSeed(11);
        ScarProfile one = sweep(data, options.withThreads(1));
        ScarProfile two = sweep(data, options.withThreads(2));
        for (int j = 0; j < one.measures().size(); j++) {
            ClassMeasures a = one.measures().get(j);
            ClassMeasures b = two.measures().get(j);
            assertArrayEquals(a.coverage(), b.coverage(), 0.0, "coverage at ratio " + a.ratio());
            assertArrayEquals(a.authenticity(), b.authenticity(), 0.0);
            assertArrayEquals(a.richness(), b.richness(), 0.0);
        }
        assertEquals(Double.doubleToLongBits(one.foundationSize()), Double.doubleToLongBits(two.foundationSize()));
        assertArrayEquals(one.stepSizes(), two.stepSizes(), 0.0);
        assertEquals(one.measures(), two.measures());
        assertEquals(1 + 2 + 5 + 10, one.probe().fits().size());
    }

    @Test
    void everyFitScoresTheHeldOutItemsAndTheFullFitKeepsItsHardItems() {
        SyntheticData data = SyntheticData.gaussianClasses(500, 16, 4, 3);
        int[] test = java.util.stream.IntStream.range(0, 500).filter(i -> i % 5 == 0).toArray();
        int[] train = java.util.stream.IntStream.range(0, 500).filter(i -> i % 5 != 0).toArray();
        SweepInput input = new SweepInput("synthetic", Modality.of("x", data.x()), data.labels(), FOUR, train, test,
                new int[0]);
        ScarProfile p = Sweep.run(input, quiet(), Progress.none());
        for (ProbeSummary.Fit fit : p.probe().fits()) {
            assertEquals(100, fit.heldOut().size());
            assertEquals(fit.testAccuracy(), fit.heldOut().accuracy(), 1e-15);
        }
        assertEquals(400, p.probe().fits().get(0).trainSize());
        assertEquals(200, p.probe().fits().get(1).trainSize());
        var hard = p.evidence().hardItems();
        assertTrue(hard.items().stream().allMatch(i -> i.heldOut() ? i.item() % 5 == 0 : i.item() % 5 != 0),
                "items are named by their dataset index and split");
        assertEquals(4 * 2 * 10, hard.items().size(), "10 per class and split");
    }

    @Test
    void anotherSeedDrawsOtherSubsamples() {
        SyntheticData data = SyntheticData.gaussianClasses(400, 16, 4, 3);
        ScarProfile a = sweep(data, quiet().withSeed(1));
        ScarProfile b = sweep(data, quiet().withSeed(2));
        // ratio 1 uses every item, so it agrees; the subsampled ratios differ
        assertEquals(a.measures().get(0), b.measures().get(0));
        assertNotEquals(a.measures().get(3), b.measures().get(3));
    }

    @Test
    void measuresStayInTheUnitIntervalAndTheSizeIsPositive() {
        ScarProfile p = sweep(SyntheticData.gaussianClasses(600, 12, 4, 5), quiet());
        for (ClassMeasures m : p.measures()) {
            for (double[] v : new double[][] {m.scale(), m.coverage(), m.authenticity(), m.richness()}) {
                for (double x : v) {
                    assertTrue(x >= 0 && x <= 1, "measure " + x + " at ratio " + m.ratio());
                }
            }
        }
        assertTrue(p.foundationSize() > 0 && Double.isFinite(p.foundationSize()));
        assertArrayEquals(new int[] {1, 2, 5, 10}, p.ratios());
        assertEquals(4, p.toTable().rowCount());
        assertEquals(4 * 4, p.measuresTable().rowCount());
    }

    @Test
    void ratiosThatLeaveAClassWithFewerThanTwoItemsAreSkippedAndRecorded() {
        // class 3 keeps only 12 items: ratio 10 leaves it 1 item, so ratio 10 is skipped
        SyntheticData data = SyntheticData.gaussianClasses(400, 8, 4, 9);
        int[] rows = keepAtMost(data.labels(), 3, 12);
        Matrix x = data.x().selectRows(rows);
        int[] y = select(data.labels(), rows);
        ScarProfile p = run(x, y, FOUR, quiet());
        assertArrayEquals(new int[] {1, 2, 5}, p.ratios());
        assertArrayEquals(new int[] {10}, p.skippedRatios());
        assertTrue(p.toString().contains("skipped [10]"), p.toString());
    }

    @Test
    void tooFewUsableRatiosIsAnErrorNamingTheSmallClass() {
        SyntheticData data = SyntheticData.gaussianClasses(400, 8, 4, 9);
        int[] rows = keepAtMost(data.labels(), 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, 
                () -> run(data.x().selectRows(rows), select(data.labels(), rows), FOUR, quiet()));
        assertTrue(e.getMessage().contains("c (3 items)"), e.getMessage());
        assertTrue(e.getMessage().contains("ratios"), e.getMessage());
    }

    @Test
    void aClassWithOneItemOrASingleClassIsRejected() {
        SyntheticData data = SyntheticData.gaussianClasses(200, 8, 4, 9);
        int[] rows = keepAtMost(data.labels(), 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, 
                () -> run(data.x().selectRows(rows), select(data.labels(), rows), FOUR, quiet()));
        assertTrue(e.getMessage().contains("class 1 'b' (1 item) has fewer than 2"), e.getMessage());

        int[] zeros = new int[data.labels().length];
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class, 
                () -> run(data.x(), zeros, new String[] {"only"}, quiet()));
        assertTrue(single.getMessage().contains("at least 2 classes"), single.getMessage());
    }

    @Test
    void interruptingTheCallerCancelsTheSweepAndStopsItsThreads() throws Exception {
        SyntheticData data = SyntheticData.gaussianClasses(20_000, 128, 10, 4);
        String[] names = new String[10];
        Arrays.setAll(names, c -> "c" + c);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                run(data.x(), data.labels(), names, ScarOptions.defaults().withProgress(false).withThreads(2));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        Thread.sleep(1500);
        long start = System.nanoTime();
        caller.interrupt();
        caller.join(30_000);
        assertTrue(!caller.isAlive(), "the sweep did not stop within 30 s of the interrupt");
        assertTrue(thrown.get() instanceof CancellationException, "expected a CancellationException, got "
                + thrown.get());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("sweep cancelled %.2f s after the interrupt%n", seconds);
        Thread.sleep(200);
        long left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("scar-sweep") && t.isAlive()).count();
        assertEquals(0, left, "sweep worker threads still running after cancellation");
    }

    private static int[] keepAtMost(int[] labels, int cls, int keep) {
        return java.util.stream.IntStream.range(0, labels.length).filter(new java.util.function.IntPredicate() {
            int seen;

            @Override
            public boolean test(int i) {
                return labels[i] != cls || seen++ < keep;
            }
        }).toArray();
    }

    private static int[] select(int[] values, int[] rows) {
        return Arrays.stream(rows).map(i -> values[i]).toArray();
    }
}
