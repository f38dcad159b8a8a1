package scar.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.spark.api.java.JavaSparkContext;
import scar.foundation.DatasetProfile;
import scar.foundation.Progress;
import scar.foundation.Repeats;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.foundation.Subsampling;
import scar.foundation.SweepPlan;
import scar.probe.ProbeKind;

/**
 * One SCAR study of a cached {@link SparkData}: the held-out items and every fit's subsample decided once for all
 * modalities by keyed draws (SPEC §4.1), then one distributed sweep per modality ({@link SparkSweep}). With
 * {@link ScarOptions#repeats()} m &gt; 1 the draws are decided under each of the seeds s, s + 1, …, s + m − 1 and
 * every modality is swept under each, all from the same cached blocks; the profile is the first run's with the spread
 * over all runs ({@link Repeats}), as the local library's.
 *
 * <p>What differs from the local library: no train/test split column (the held-out items are the keyed
 * {@code testFraction} of every class), no duplicate detection or dropping, and the converged probe only.
 */
public final class SparkStudy {
    private final SparkData data;
    private final ScarOptions options;
    private final JavaSparkContext sc;
    private final int[] classCounts;
    private final int testSize;
    private final Draws draws;
    private final SweepPlan plan;
    private final String jobGroup;
    /** The studies of the same data under the seeds s + 1, …, s + m − 1 (empty with one seed). */
    private final List<SparkStudy> laterSeeds;

    private SparkStudy(SparkData data, ScarOptions options, JavaSparkContext sc, int[] classCounts, int testSize,
                       Draws draws, SweepPlan plan, String jobGroup, List<SparkStudy> laterSeeds) {
        this.data = data;
        this.options = options;
        this.sc = sc;
        this.classCounts = classCounts;
        this.testSize = testSize;
        this.draws = draws;
        this.plan = plan;
        this.jobGroup = jobGroup;
        this.laterSeeds = List.copyOf(laterSeeds);
    }

    /**
     * Decides the held-out items and the subsamples of every fit under every seed of {@link ScarOptions#repeats()}
     * (a few passes over the labels per seed).
     *
     * @throws IllegalArgumentException for options the Spark runner does not support, or classes too small for
     *                                  the sweep (as {@link SweepPlan#of})
     */
    public static SparkStudy of(SparkData data, ScarOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        if (options.probe().kind() != ProbeKind.CONVERGED) {
            throw new IllegalArgumentException("the Spark runner fits the converged probe only, got "
                    + options.probe().kind());
        }
        if (options.dedup()) {
            throw new IllegalArgumentException("the Spark runner does not detect or drop duplicates (withDedup)");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.blocks().context());
        int k = data.numClasses();
        int[] all = data.blocks().map(b -> {
            int[] c = new int[k];
            for (int y : b.labels()) {
                c[y]++;
            }
            return c;
        }).treeReduce(SparkStudy::add);
        String jobGroup = "scar-" + UUID.randomUUID();
        SparkStudy first = draw(data, options, sc, all, jobGroup);
        if (options.repeats() == 1) {
            return first;
        }
        List<SparkStudy> later = new ArrayList<>();
        for (int i = 1; i < options.repeats(); i++) {
            later.add(draw(data, options.withSeed(options.seed() + i), sc, all, jobGroup));
        }
        return new SparkStudy(data, options, sc, first.classCounts, first.testSize, first.draws, first.plan,
                jobGroup, later);
    }

    /** The study under {@code options.seed()}: its held-out items and fits, from the class counts {@code all}. */
    private static SparkStudy draw(SparkData data, ScarOptions options, JavaSparkContext sc, int[] all,
                                   String jobGroup) {
        int k = data.numClasses();
        long seed = options.seed();
        long[] hold = null;
        boolean[] holdAll = null;
        int[] held = new int[k];
        if (options.testFraction() > 0) {
            int[] take = new int[k];
            holdAll = new boolean[k];
            for (int c = 0; c < k; c++) {
                held[c] = (int) Math.floor(options.testFraction() * all[c]);
                holdAll[c] = held[c] >= all[c];
                take[c] = held[c] > 0 && !holdAll[c] ? held[c] : 0;
            }
            hold = KeyedSelection.thresholds(sc, data.blocks(),
                    new long[] {Draws.drawMix(seed, Subsampling.HOLD_OUT_DRAW)}, k, take, (item, label) -> true);
        }
        int[] train = new int[k];
        for (int c = 0; c < k; c++) {
            train[c] = all[c] - held[c];
        }
        SweepPlan plan = SweepPlan.of(data.name(), train, data.classNames(), options);
        List<SweepPlan.Fit> fits = plan.fits();
        long[] fitDraw = new long[fits.size()];
        boolean[][] fitAll = new boolean[fits.size()][];
        long[][] fitThreshold = new long[fits.size()][];
        List<Integer> drawn = new ArrayList<>();
        for (int f = 0; f < fits.size(); f++) {
            fitDraw[f] = fits.get(f).draw();
            if (fits.get(f).ratio() > 1) {
                drawn.add(f);
            }
        }
        Draws holdOnly = new Draws(seed, k, hold, holdAll, new long[0], new long[0][], new boolean[0][]);
        if (!drawn.isEmpty()) {
            long[] mixes = new long[drawn.size()];
            int[] take = new int[drawn.size() * k];
            for (int j = 0; j < drawn.size(); j++) {
                SweepPlan.Fit fit = fits.get(drawn.get(j));
                mixes[j] = Draws.drawMix(seed, fit.draw());
                int[] t = fit.take(train);
                boolean[] everything = new boolean[k];
                for (int c = 0; c < k; c++) {
                    everything[c] = t[c] >= train[c];
                    take[j * k + c] = t[c] > 0 && !everything[c] ? t[c] : 0;
                }
                fitAll[drawn.get(j)] = everything;
            }
            long[] thresholds = KeyedSelection.thresholds(sc, data.blocks(), mixes, k, take,
                    (item, label) -> !holdOnly.heldOut(item, label));
            for (int j = 0; j < drawn.size(); j++) {
                fitThreshold[drawn.get(j)] = Arrays.copyOfRange(thresholds, j * k, (j + 1) * k);
            }
        }
        Draws draws = new Draws(seed, k, hold, holdAll, fitDraw, fitThreshold, fitAll);
        return new SparkStudy(data, options, sc, train, Arrays.stream(held).sum(), draws, plan, jobGroup, List.of());
    }

    private static int[] add(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    /** The profile of one modality (an embedding column), under every seed of {@link ScarOptions#repeats()}. */
    public ScarProfile modality(String column, Progress progress) {
        int m = data.modality(column);
        List<ScarProfile> runs = new ArrayList<>();
        runs.add(new SparkSweep(this, m, progress).run());
        for (SparkStudy s : laterSeeds) {
            runs.add(new SparkSweep(s, m, progress).run());
        }
        return Repeats.combine(runs);
    }

    /** Every modality, one after the other (each under every seed, as the local library sweeps them). */
    public DatasetProfile all(Progress progress) {
        List<ScarProfile> out = new ArrayList<>();
        for (String m : data.modalities()) {
            out.add(modality(m, progress));
        }
        return new DatasetProfile(data.name(), out, null);
    }

    /** Cancels every Spark job this study started (for an interrupted notebook cell). */
    public void cancel() {
        sc.cancelJobGroup(jobGroup);
    }

    SparkData data() {
        return data;
    }

    ScarOptions options() {
        return options;
    }

    JavaSparkContext sc() {
        return sc;
    }

    int[] classCounts() {
        return classCounts;
    }

    int testSize() {
        return testSize;
    }

    Draws draws() {
        return draws;
    }

    SweepPlan plan() {
        return plan;
    }

    String jobGroup() {
        return jobGroup;
    }
}
