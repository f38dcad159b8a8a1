package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    void everyFitsHeldOutScoreIsWhatItsOwnProbePredicts() {
        // The fits after the first predict the held-out items together at the end (one pass for all of them): each
        // score must be the one the fit's own probe gives, fitted alone on the same draw with the test set.
        SyntheticData data = SyntheticData.gaussianClasses(700, 12, 4, 9);
        int[] test = java.util.stream.IntStream.range(0, 700).filter(i -> i % 7 == 3).toArray();
        int[] train = java.util.stream.IntStream.range(0, 700).filter(i -> i % 7 != 3).toArray();
        SweepInput input = new SweepInput("synthetic", Modality.of("x", data.x()), data.labels(), FOUR, train, test,
                new int[0]);
        ScarOptions options = quiet().withSeed(4);
        for (int threads : new int[] {1, 2}) {
            ScarProfile p = Sweep.run(input, options.withThreads(threads), Progress.none());
            int[][] byClass = input.trainByClass();
            int[] classCounts = Arrays.stream(byClass).mapToInt(a -> a.length).toArray();
            List<SweepPlan.Fit> planned = SweepPlan.of("x", classCounts, FOUR, options).fits();
            assertEquals(planned.size(), p.probe().fits().size());
            Matrix xTest = data.x().selectRows(test);
            int[] yTest = input.labelsOf(test);
            for (int f = 0; f < planned.size(); f++) {
                SweepPlan.Fit fit = planned.get(f);
                int[] items = fit.ratio() == 1 ? train
                        : Subsampling.keyedDraw(byClass, fit.take(classCounts), options.seed(), fit.draw());
                scar.probe.ProbeResult alone = scar.probe.LinearProbe.fit(data.x().selectRows(items),
                        input.labelsOf(items), items, 4, options.probe().withThreads(1), fit.seed(), xTest, yTest);
                ProbeSummary.Fit swept = p.probe().fits().get(f);
                assertEquals(scar.evidence.HeldOutScore.of(yTest, alone.testPredictions(), 4), swept.heldOut(),
                        "fit " + f + " (ratio " + fit.ratio() + ") on " + threads + " threads");
                assertEquals(Double.doubleToLongBits(alone.testAccuracy()),
                        Double.doubleToLongBits(swept.testAccuracy()), "fit " + f);
                assertEquals(alone.iterations(), swept.iterations(), "fit " + f);
            }
        }
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
    void aClassBelowFourItemsIsToldThatNoRatiosHelp() {
        // 3 items leave 1 at ratio 2, the smallest ratio above 1: the old advice, --ratios 1,2, failed the same way
        SyntheticData data = SyntheticData.gaussianClasses(400, 8, 4, 9);
        int[] rows = keepAtMost(data.labels(), 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(
                data.x().selectRows(rows), select(data.labels(), rows), FOUR, quiet().withRatios(1, 2)));
        assertTrue(e.getMessage().contains("too small: c (3 items)"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 4 training items in every class"), e.getMessage());
        assertFalse(e.getMessage().contains("--ratios 1,2"), e.getMessage());
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

    /**
     * Interrupting the caller while fits run on the worker threads cancels the sweep and stops those threads. A
     * progress listener holds every fit that finishes after the first one until its thread is interrupted, so the
     * interrupt lands mid-sweep however fast or loaded the machine is: the test waits on latches, never on the clock
     * (the timeouts below only keep a broken build from hanging).
     */
    @Test
    void interruptingTheCallerCancelsTheSweepAndStopsItsThreads() throws Exception {
        SyntheticData data = SyntheticData.gaussianClasses(400, 8, 4, 4);
        CountDownLatch held = new CountDownLatch(1);
        Set<Thread> fitThreads = ConcurrentHashMap.newKeySet();
        Progress holding = new Progress() {
            @Override
            public void start(String task, int total, String units) {
            }

            @Override
            public void step(int done, int total) {
                if (done < 2) {
                    return; // the first fit runs alone on the caller; hold the ones after it
                }
                fitThreads.add(Thread.currentThread());
                held.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void finish() {
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                Sweep.run(SweepInput.of("synthetic", Modality.of("x", data.x()), data.labels(), FOUR),
                        quiet().withThreads(2), holding);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "sweep-caller");
        caller.start();
        assertTrue(held.await(10, TimeUnit.MINUTES), "no fit after the first one finished");
        caller.interrupt();
        caller.join(TimeUnit.MINUTES.toMillis(10));
        assertFalse(caller.isAlive(), "the sweep did not stop after the interrupt");
        assertInstanceOf(CancellationException.class, thrown.get());
        List<Thread> workers = new ArrayList<>(fitThreads);
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("scar-sweep")).forEach(workers::add);
        for (Thread t : workers) {
            t.join(TimeUnit.MINUTES.toMillis(10));
            assertFalse(t.isAlive(), "sweep worker " + t.getName() + " still running after the cancellation");
        }
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
