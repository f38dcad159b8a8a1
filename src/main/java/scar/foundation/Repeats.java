package scar.foundation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import scar.evidence.Interval;
import scar.text.Columns.Kind;
import scar.text.Format;
import scar.text.Stored;

/**
 * SCAR's numbers under several seeds ({@link ScarOptions#repeats()}): run i uses seed s + i, so each run can be
 * reproduced alone with that seed. The profile shows the first run's numbers; these are the spread of all of them, as
 * a median with the minimum and maximum over runs ({@link Interval#medianRange}).
 *
 * @param seeds           the seed of each run
 * @param foundationSizes N_F of each run
 * @param stepSizes       n_c of each run, {@code [run][class]}
 * @param shortfalls      the shortfall of each class in each run, {@code [run][class]}
 * @param classCounts     the training items of each class in each run, {@code [run][class]} (they differ between
 *                        runs when the held-out items are drawn by seed)
 */
public record Repeats(long[] seeds, @Stored(min = 0) double[] foundationSizes, @Stored double[][] stepSizes,
                      @Stored(min = 0) int[][] shortfalls, @Stored(min = 0) int[][] classCounts) {

    public Repeats {
        seeds = seeds.clone();
        foundationSizes = foundationSizes.clone();
        stepSizes = Arrays.stream(stepSizes).map(double[]::clone).toArray(double[][]::new);
        shortfalls = Arrays.stream(shortfalls).map(int[]::clone).toArray(int[][]::new);
        classCounts = Arrays.stream(classCounts).map(int[]::clone).toArray(int[][]::new);
        if (seeds.length == 0 || foundationSizes.length != seeds.length || stepSizes.length != seeds.length
                || shortfalls.length != seeds.length || classCounts.length != seeds.length) {
            throw new IllegalArgumentException("every run needs a seed, a foundation size, step sizes and shortfalls");
        }
    }

    /** The repeats of one profile per seed, in run order. */
    static Repeats of(List<ScarProfile> runs) {
        Objects.requireNonNull(runs, "runs");
        return new Repeats(runs.stream().mapToLong(p -> p.options().seed()).toArray(),
                runs.stream().mapToDouble(ScarProfile::foundationSize).toArray(),
                runs.stream().map(ScarProfile::stepSizes).toArray(double[][]::new),
                runs.stream().map(ScarProfile::shortfalls).toArray(int[][]::new),
                runs.stream().map(ScarProfile::classCounts).toArray(int[][]::new));
    }

    /**
     * The profile of one modality under every seed of {@link ScarOptions#repeats()}: the first run's profile with the
     * spread over all of them. {@code runs} are the profiles of the same modality and items under the seeds s, s + 1,
     * …, in that order — the local sweep's and the Spark runner's alike.
     */
    public static ScarProfile combine(List<ScarProfile> runs) {
        Objects.requireNonNull(runs, "runs");
        return runs.get(0).withRepeats(of(runs));
    }

    /** The number of runs. */
    public int runs() {
        return seeds.length;
    }

    /** Whether there is more than one run, so that the intervals mean something. */
    public boolean any() {
        return seeds.length > 1;
    }

    /** N_F: median, minimum and maximum over runs. */
    public Interval foundationSize() {
        return Interval.medianRange(foundationSizes);
    }

    /** n_c of class c over runs. */
    public Interval stepSize(int c) {
        return Interval.medianRange(Arrays.stream(stepSizes).mapToDouble(r -> r[c]).toArray());
    }

    /** The shortfall of class c over runs. */
    public Interval shortfall(int c) {
        return Interval.medianRange(Arrays.stream(shortfalls).mapToDouble(r -> r[c]).toArray());
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    @Override
    public double[] foundationSizes() {
        return foundationSizes.clone();
    }

    @Override
    public double[][] stepSizes() {
        return Arrays.stream(stepSizes).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public int[][] shortfalls() {
        return Arrays.stream(shortfalls).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public int[][] classCounts() {
        return Arrays.stream(classCounts).map(int[]::clone).toArray(int[][]::new);
    }

    /**
     * Per class: the step size (median, min, max over runs) and the shortfall likewise; empty with a single run.
     */
    public tech.tablesaw.api.Table toTable(String[] classNames) {
        return perClass(classNames).toTable();
    }

    /**
     * {@link #toTable(String[])} before it becomes a table (printing and reports need no Tablesaw {@code Table}): the
     * median, minimum and maximum of each number as columns of their own ({@code step_size}, {@code step_size_min},
     * {@code step_size_max}), which read as one, {@code 118,198 (117,920–118,431)} ({@link scar.text.Columns#shown}).
     */
    public scar.text.Sheet perClass(String[] classNames) {
        var name = tech.tablesaw.api.StringColumn.create("class", classNames);
        List<tech.tablesaw.columns.Column<?>> columns = new java.util.ArrayList<>(List.of(name));
        columns.addAll(Interval.spreadColumns("step_size", perClass(classNames.length, this::stepSize), Kind.ITEMS));
        columns.addAll(Interval.spreadColumns("shortfall", perClass(classNames.length, this::shortfall), Kind.ITEMS));
        return scar.text.Sheet.of("over " + runs() + " seeds: median (min–max) per class",
                columns.toArray(tech.tablesaw.columns.Column<?>[]::new));
    }

    private static List<Interval> perClass(int classes, IntFunction<Interval> of) {
        return java.util.stream.IntStream.range(0, classes).mapToObj(of).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Repeats r && Arrays.equals(seeds, r.seeds) && Arrays.equals(foundationSizes,
                r.foundationSizes) && Arrays.deepEquals(stepSizes, r.stepSizes) && Arrays.deepEquals(shortfalls,
                r.shortfalls) && Arrays.deepEquals(classCounts, r.classCounts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(seeds) + Arrays.hashCode(foundationSizes);
    }

    @Override
    public String toString() {
        Interval nf = foundationSize();
        return "Repeats[" + runs() + " runs, seeds " + Arrays.toString(seeds) + ", N_F median "
                + Format.itemsRange(nf.estimate(), nf.low(), nf.high()) + "]";
    }
}
