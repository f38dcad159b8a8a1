package scar.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.foundation.Characterize;
import scar.foundation.DatasetProfile;
import scar.foundation.Progress;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.foundation.Subsampling;
import scar.foundation.Sweep;
import scar.foundation.SweepInput;
import scar.foundation.SweepPlan;
import scar.probe.LinearProbe;
import scar.probe.ProbeResult;

/**
 * The paper's completion experiment (SPEC §6), per modality and seed:
 * <ol>
 *   <li>split each class of the training items 60/40 into primary P and reserve Q (stratified, seeded);</li>
 *   <li>sweep P: step sizes n_c and N_F(P);</li>
 *   <li>plan the SCAR fill against the reserve with the whole reserve as budget ({@link CompletionPlan});</li>
 *   <li>draw the SCAR fill, and a random fill and an average fill of the same size ({@link Fills});</li>
 *   <li>train a probe on P, on P plus each fill, and on P ∪ Q (the full training set); record test accuracies.</li>
 * </ol>
 * Plus, once per modality, the dataset-level S/C/A/R row of SPEC §5.6 from a sweep of the full training set.
 *
 * <p>Test items: the dataset's test split, or the held-out share of {@link ScarOptions#testFraction()}, as in
 * {@link Characterize}. Seed s of the evaluation uses {@code options.seed() + s} for everything it draws.
 */
public final class PlanEvaluation {
    private PlanEvaluation() {
    }

    /** Why no item was held out for testing: testFraction is 0, or every class is too small for its share. */
    private static String noTestReason(MultiModalDataset data, ScarOptions options) {
        double f = options.testFraction();
        if (data.hasSplit() || f == 0) {
            return data.hasSplit() ? "its split puts every item in train" : "testFraction is 0";
        }
        int largest = java.util.Arrays.stream(data.classCounts()).max().orElse(0);
        return "testFraction " + f + " holds out floor(" + f + " x items) of every class, and the largest class has "
                + largest + " items, so none is held out (a class needs at least " + (int) Math.ceil(1 / f)
                + ")";
    }

    /**
     * Checks, before any work, that {@code data} can be evaluated with {@code options}: it has test items, and the
     * primary part of every class ({@value #PRIMARY_SHARE} of its training items, rounded down) can be swept. A report
     * calls it before it characterises the data, so that a dataset it cannot evaluate fails at once.
     *
     * @throws IllegalArgumentException saying why not, in one line
     */
    public static void requireEvaluable(MultiModalDataset data, ScarOptions options) {
        Objects.requireNonNull(data, "dataset");
        Objects.requireNonNull(options, "options");
        String modality = data.modalityNames().get(0);
        SweepInput input = Characterize.input(data, modality, options);
        if (input.testSize() == 0) {
            throw new IllegalArgumentException("dataset " + data.name() + " has no test items: " + noTestReason(data,
                    options) + "; give it a train/test split");
        }
        int[][] byClass = input.trainByClass();
        int[] primary = new int[byClass.length];
        int smallest = 0;
        for (int c = 0; c < primary.length; c++) {
            primary[c] = (int) Math.floor(PRIMARY_SHARE * byClass[c].length);
            smallest = primary[c] < primary[smallest] ? c : smallest;
        }
        try {
            SweepPlan.of(modality, primary, input.classNames(), options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataset " + data.name() + " cannot be evaluated: each seed "
                    + "characterises a primary part of " + Math.round(100 * PRIMARY_SHARE) + "% of every class's "
                    + "training items (the smallest, " + input.classNames()[smallest] + ", keeps " + primary[smallest]
                    + " of " + byClass[smallest].length + "), and there " + e.getMessage()
                    + " (scar report --seeds 0 leaves the evaluation out)", e);
        }
    }

    /** The share of each class that goes to the primary set. */
    public static final double PRIMARY_SHARE = 0.6;

    /**
     * Runs the experiment on every modality of {@code data} with {@code seeds} seeds.
     *
     * @throws IllegalArgumentException if {@code seeds < 1}, or there is no test set (no split and
     *                                  {@code testFraction = 0}), or a class is too small to sweep its primary part
     */
    public static Evaluation run(MultiModalDataset data, ScarOptions options, int seeds) {
        return run(data, options, seeds, null);
    }

    /**
     * As {@link #run(MultiModalDataset, ScarOptions, int)}, reusing the full-set sweeps of {@code known} (a profile of
     * the same dataset) for the S/C/A/R rows when it was computed with the same options; {@code null} sweeps anew.
     */
    public static Evaluation run(MultiModalDataset data, ScarOptions options, int seeds, DatasetProfile known) {
        Objects.requireNonNull(data, "dataset");
        Objects.requireNonNull(options, "options");
        if (seeds < 1) {
            throw new IllegalArgumentException("the evaluation needs at least 1 seed, got " + seeds);
        }
        requireEvaluable(data, options);
        Evaluation.Builder out = Evaluation.builder();
        ScarOptions quiet = options.withProgress(false);
        for (Modality modality : data.modalities()) {
            SweepInput input = Characterize.input(data, modality.name(), options);
            Progress progress = options.progress() ? Progress.auto() : Progress.none();
            ScarProfile full = reusable(known, modality.name(), quiet);
            if (full == null) {
                full = Sweep.run(input, quiet, Progress.none());
            }
            int reservePool = 0;
            progress.start(data.name() + "/" + modality.name() + " evaluation", seeds, "seeds");
            try {
                for (int s = 0; s < seeds; s++) {
                    long seed = options.seed() + s;
                    reservePool = runSeed(out, input, quiet.withSeed(seed), seed);
                    progress.step(s + 1, seeds);
                }
            } finally {
                progress.finish();
            }
            out.datasetRow(modality.name(), input.trainSize(), full.foundationSize(), full.testAccuracy(),
                    reservePool);
        }
        return out.build();
    }

    /** The profile of {@code modality} in {@code known} if it was swept with these options, else null. */
    private static ScarProfile reusable(DatasetProfile known, String modality, ScarOptions quiet) {
        if (known == null || !known.modalityNames().contains(modality)) {
            return null;
        }
        ScarProfile p = known.modality(modality);
        return p.options().withProgress(false).equals(quiet) ? p : null;
    }

    /** One seed of one modality; returns the reserve pool size. */
    private static int runSeed(Evaluation.Builder out, SweepInput input, ScarOptions options, long seed) {
        int k = input.numClasses();
        int[] train = input.train();
        int[] trainY = input.labelsOf(train);
        SplittableRandom random = new SplittableRandom(seed);
        int[][] primaryReserve = Subsampling.split(trainY, k, PRIMARY_SHARE, random);
        int[] primary = toItems(primaryReserve[0], train);
        int[] reserve = toItems(primaryReserve[1], train);
        ScarProfile profile = Sweep.run(input.withTrain(primary).withoutTest(), options, Progress.none());

        int[][] reserveByClass = input.withTrain(reserve).trainByClass();
        int[] reserveCounts = new int[k];
        for (int c = 0; c < k; c++) {
            reserveCounts[c] = reserveByClass[c].length;
        }
        CompletionPlan plan = CompletionPlan.of(input.classNames(), profile.stepSizes(), profile.classCounts(),
                reserveCounts, null);
        int total = (int) plan.totalToAdd();
        int[] scarFill = Fills.scar(reserveByClass, plan.toAdd(), random);
        int[] randomFill = Fills.random(reserveByClass, total, random);
        int[] averageFill = Fills.average(reserveByClass, total, random);

        long probeSeed = random.nextLong();
        record Arm(Evaluation.Strategy strategy, int[] rows, int added) {
        }
        List<Arm> arms = new ArrayList<>();
        arms.add(new Arm(Evaluation.Strategy.PRIMARY, primary, 0));
        arms.add(new Arm(Evaluation.Strategy.SCAR_FILL, union(primary, scarFill), scarFill.length));
        arms.add(new Arm(Evaluation.Strategy.RANDOM_FILL, union(primary, randomFill), randomFill.length));
        arms.add(new Arm(Evaluation.Strategy.AVERAGE_FILL, union(primary, averageFill), averageFill.length));
        arms.add(new Arm(Evaluation.Strategy.FULL, union(primary, reserve), reserve.length));
        Matrix x = input.modality().embeddings();
        Matrix test = x.selectRows(input.test());
        int[] testY = input.labelsOf(input.test());
        for (Arm arm : arms) {
            ProbeResult r = LinearProbe.fit(x.selectRows(arm.rows()), input.labelsOf(arm.rows()), k,
                    options.probe().withThreads(options.threads()), probeSeed, test, testY);
            out.add(input.modalityName(), arm.strategy(), seed, r.testAccuracy(), arm.added());
        }
        return reserve.length;
    }

    /** Positions into {@code items} mapped to the items themselves (increasing positions give increasing items). */
    private static int[] toItems(int[] positions, int[] items) {
        return Subsampling.select(items, positions);
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        java.util.Arrays.sort(out);
        return out;
    }
}
