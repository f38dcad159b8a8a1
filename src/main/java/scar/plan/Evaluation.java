package scar.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import scar.data.Tabular;
import scar.text.Columns;
import scar.text.Columns.Kind;
import scar.text.Format;
import scar.text.Sheet;
import scar.text.Shortest;
import scar.text.Stored;
import scar.text.TextTable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The evaluation of completion plans (SPEC §6 steps 7–8 and §5.6): per modality and strategy the test accuracies of
 * probes trained over several seeds, and the dataset-level S/C/A/R row of each modality.
 *
 * <p>Each seed splits every class 60/40 into primary and reserve, plans on the primary set, extends it by the SCAR,
 * random and average fills of equal size, and trains a probe on each extended set as well as on the primary and the
 * full set. This type only holds and aggregates those numbers; build it with {@link #builder()}.
 *
 * <p>Spread is the sample standard deviation (divisor seeds − 1), NaN with a single seed.
 *
 * @param results     one entry per modality and strategy that has runs, modalities in the order first seen,
 *                    strategies in {@link Strategy} order
 * @param datasetRows one S/C/A/R row per modality that has one, in the order first seen
 */
public record Evaluation(List<Result> results, List<DatasetScar> datasetRows) implements Tabular {

    /** The training sets compared. */
    public enum Strategy {
        /** The 60% primary split alone. */
        PRIMARY("primary"),
        /** Primary + the SCAR fill of the completion plan. */
        SCAR_FILL("scar_fill"),
        /** Primary + as many items drawn uniformly from the pooled reserve. */
        RANDOM_FILL("random_fill"),
        /** Primary + as many items spread evenly over the classes. */
        AVERAGE_FILL("average_fill"),
        /** Primary + the whole reserve. */
        FULL("full");

        private final String key;

        Strategy(String key) {
            this.key = key;
        }

        /** Column-friendly name, e.g. {@code scar_fill}. */
        public String key() {
            return key;
        }
    }

    /**
     * One probe: its seed, test accuracy and the number of items added to the primary set.
     *
     * @param seed     seed of the split and fills
     * @param accuracy test accuracy in [0, 1]
     * @param added    items added to the primary set (0 for {@link Strategy#PRIMARY})
     */
    public record Run(long seed, @Stored(min = 0, max = 1) double accuracy, @Stored(min = 0) int added) {
        /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
        @Override
        public String toString() {
            return Shortest.record(this);
        }
    }

    /**
     * The runs of one strategy on one modality.
     *
     * @param modality modality name
     * @param strategy strategy
     * @param runs     one per seed, in the order added
     */
    public record Result(String modality, Strategy strategy, List<Run> runs) {
        public Result {
            Objects.requireNonNull(modality, "modality");
            Objects.requireNonNull(strategy, "strategy");
            runs = List.copyOf(runs);
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("the result of " + strategy + " on modality '" + modality
                        + "' has no run; expected one per seed");
            }
        }

        /** Mean test accuracy. */
        public double mean() {
            return runs.stream().mapToDouble(Run::accuracy).average().orElse(Double.NaN);
        }

        /** Sample standard deviation of the test accuracy; NaN for a single run. */
        public double sd() {
            if (runs.size() < 2) {
                return Double.NaN;
            }
            double mean = mean();
            double ss = runs.stream().mapToDouble(r -> (r.accuracy() - mean) * (r.accuracy() - mean)).sum();
            return Math.sqrt(ss / (runs.size() - 1));
        }

        /** Mean number of added items. */
        public double meanAdded() {
            return runs.stream().mapToInt(Run::added).average().orElse(Double.NaN);
        }
    }

    public Evaluation {
        results = List.copyOf(results);
        datasetRows = List.copyOf(datasetRows);
    }

    /**
     * An evaluation read back from its JSON ({@code scar evaluate -o}, or {@code save(evaluation, file.json)}),
     * every accuracy exactly as it was.
     *
     * @throws IllegalArgumentException naming the file and what is wrong when it is not such an evaluation
     */
    public static Evaluation read(java.nio.file.Path file) {
        String what = "a SCAR evaluation (the evaluation.json that 'scar evaluate -o' or save(evaluation, path) "
                + "writes)";
        com.google.gson.JsonObject json = scar.text.Json.readObject(file, what);
        scar.text.Json.member(json, "results", file, what);
        return scar.text.Json.fromTree(json, Evaluation.class, file, what);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The modalities, in the order first seen. */
    public List<String> modalities() {
        Set<String> out = new LinkedHashSet<>();
        results.forEach(r -> out.add(r.modality()));
        datasetRows.forEach(r -> out.add(r.modality()));
        return List.copyOf(out);
    }

    /** The runs of one modality and strategy, or {@code null} if there are none. */
    public Result result(String modality, Strategy strategy) {
        return results.stream().filter(r -> r.modality().equals(modality) && r.strategy() == strategy)
                .findFirst().orElse(null);
    }

    /** The S/C/A/R row of one modality, or {@code null} if there is none. */
    public DatasetScar datasetRow(String modality) {
        return datasetRows.stream().filter(r -> r.modality().equals(modality)).findFirst().orElse(null);
    }

    /**
     * The paper's table: one row per modality with size, foundation_size, S, C, A, R, then {@code <strategy>_mean}
     * and {@code <strategy>_sd} of the test accuracy for every strategy, and {@code added} (mean items added by the
     * SCAR fill, equal for the random and average fills). Missing values are NaN, which Tablesaw shows as missing.
     */
    @Override
    public Table toTable() {
        return toSheet().toTable();
    }

    /** {@link #toTable()} before it becomes a table (CSV needs no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        List<String> modalities = modalities();
        int n = modalities.size();
        List<tech.tablesaw.columns.Column<?>> columns = new java.util.ArrayList<>();
        columns.add(StringColumn.create("modality", modalities));
        columns.addAll(List.of(scarColumns(modalities.stream().map(this::datasetRow).toList())));
        for (Strategy s : Strategy.values()) {
            double[] mean = new double[n];
            double[] sd = new double[n];
            for (int i = 0; i < n; i++) {
                Result r = result(modalities.get(i), s);
                mean[i] = r == null ? Double.NaN : r.mean();
                sd[i] = r == null ? Double.NaN : r.sd();
            }
            columns.add(Columns.doubles(s.key() + "_mean", mean, Kind.SHARE));
            columns.add(Columns.doubles(s.key() + "_sd", sd, Kind.SHARE));
        }
        double[] added = modalities.stream().map(m -> result(m, Strategy.SCAR_FILL))
                .mapToDouble(r -> r == null ? Double.NaN : r.meanAdded()).toArray();
        columns.add(Columns.doubles("added", added, Kind.ITEMS));
        return new Sheet("evaluation", columns);
    }

    /** size, foundation_size, S, C, A, R of each row (NaN where a modality has none). */
    private static tech.tablesaw.columns.Column<?>[] scarColumns(List<DatasetScar> rows) {
        return new tech.tablesaw.columns.Column<?>[] {
            Columns.doubles("size", column(rows, DatasetScar::datasetSize), Kind.ITEMS),
            Columns.doubles("foundation_size", column(rows, DatasetScar::foundationSize), Kind.ITEMS),
            Columns.doubles("S", column(rows, DatasetScar::scale), Kind.SHARE),
            Columns.doubles("C", column(rows, DatasetScar::coverage), Kind.SHARE),
            Columns.doubles("A", column(rows, DatasetScar::authenticity), Kind.SHARE),
            Columns.doubles("R", column(rows, DatasetScar::richness), Kind.SHARE)};
    }

    /** The dataset-level S/C/A/R of every modality (SPEC §5.6): modality, size, foundation_size, S, C, A, R. */
    public Table scarTable() {
        return scarSheet().toTable();
    }

    /** {@link #scarTable()} before it becomes a table (printing it needs no Tablesaw {@code Table}). */
    private Sheet scarSheet() {
        List<tech.tablesaw.columns.Column<?>> columns = new java.util.ArrayList<>();
        columns.add(StringColumn.create("modality", datasetRows.stream().map(DatasetScar::modality)));
        columns.addAll(List.of(scarColumns(datasetRows)));
        return new Sheet("dataset-level SCAR", columns);
    }

    private static double[] column(List<DatasetScar> rows, ToDoubleFunction<DatasetScar> value) {
        return rows.stream().mapToDouble(r -> r == null ? Double.NaN : value.applyAsDouble(r)).toArray();
    }

    /** One row per modality and strategy: modality, strategy, seeds, mean, sd, min, max, mean_added. */
    public Table accuracyTable() {
        return accuracySheet().toTable();
    }

    /** {@link #accuracyTable()} before it becomes a table (printing and CSV need no Tablesaw {@code Table}). */
    public Sheet accuracySheet() {
        return Sheet.of("test accuracy by strategy",
                StringColumn.create("modality", results.stream().map(Result::modality)),
                StringColumn.create("strategy", results.stream().map(r -> r.strategy().key())),
                Columns.counts("seeds", results.stream().mapToInt(r -> r.runs().size()).toArray()),
                Columns.doubles("mean", results.stream().mapToDouble(Result::mean).toArray(), Kind.SHARE),
                Columns.doubles("sd", results.stream().mapToDouble(Result::sd).toArray(), Kind.SHARE),
                Columns.doubles("min", results.stream().mapToDouble(r -> r.runs().stream()
                        .mapToDouble(Run::accuracy).min().orElseThrow()).toArray(), Kind.SHARE),
                Columns.doubles("max", results.stream().mapToDouble(r -> r.runs().stream()
                        .mapToDouble(Run::accuracy).max().orElseThrow()).toArray(), Kind.SHARE),
                Columns.doubles("mean_added", results.stream().mapToDouble(Result::meanAdded).toArray(), Kind.ITEMS));
    }

    /** A header line, the dataset-level S/C/A/R of every modality, then the test accuracy of every strategy. */
    @Override
    public String toText(int width) {
        int seeds = results.stream().mapToInt(r -> r.runs().size()).max().orElse(0);
        StringBuilder out = new StringBuilder("Evaluation: ").append(Format.count(modalities().size(), "modality",
                "modalities")).append(", ").append(Format.count(seeds, "seed", "seeds")).append('\n');
        if (!datasetRows.isEmpty()) {
            out.append(scarSheet().render(width)).append('\n');
        }
        return out.append(accuracySheet().render(width)).toString();
    }

    @Override
    public String toString() {
        return toText(TextTable.WIDTH);
    }

    /** Collects runs (in any order) and dataset rows; {@link #build()} aggregates them. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Map<Strategy, List<Run>>> runs = new LinkedHashMap<>();
        private final Map<String, ScarInput> scarInputs = new LinkedHashMap<>();

        private record ScarInput(int datasetSize, double foundationSize, double accuracy, int reservePool) {
        }

        private Builder() {
        }

        /**
         * Records one probe's test accuracy.
         *
         * @throws IllegalArgumentException if the accuracy is outside [0, 1], {@code added} is negative, or this
         *                                  modality, strategy and seed was already recorded
         */
        public Builder add(String modality, Strategy strategy, long seed, double testAccuracy, int added) {
            Objects.requireNonNull(modality, "modality");
            Objects.requireNonNull(strategy, "strategy");
            DatasetScar.requireShare("test accuracy of " + strategy.key() + " on '" + modality + "', seed " + seed,
                    testAccuracy, false);
            if (added < 0) {
                throw new IllegalArgumentException("added items must be >= 0, got " + added);
            }
            List<Run> list = runs.computeIfAbsent(modality, m -> new LinkedHashMap<>())
                    .computeIfAbsent(strategy, s -> new ArrayList<>());
            if (list.stream().anyMatch(r -> r.seed() == seed)) {
                throw new IllegalArgumentException(strategy.key() + " on '" + modality + "' with seed " + seed
                        + " was already recorded");
            }
            list.add(new Run(seed, testAccuracy, added));
            return this;
        }

        /**
         * Records what the S/C/A/R row of a modality needs; its coverage is the mean over the SCAR-fill runs of
         * added / {@code reservePool} (the 60/40 split gives every seed the same pool size).
         *
         * @param fullTestAccuracy test accuracy of the probe trained on the whole dataset (Authenticity)
         */
        public Builder datasetRow(String modality, int datasetSize, double foundationSize, double fullTestAccuracy,
                                  int reservePool) {
            Objects.requireNonNull(modality, "modality");
            if (reservePool < 0) {
                throw new IllegalArgumentException("reserve pool must be >= 0, got " + reservePool);
            }
            DatasetScar.of(modality, datasetSize, foundationSize, fullTestAccuracy, Double.NaN); // validates
            scarInputs.put(modality, new ScarInput(datasetSize, foundationSize, fullTestAccuracy, reservePool));
            return this;
        }

        /**
         * The evaluation.
         *
         * @throws IllegalArgumentException if a SCAR fill added more items than its modality's reserve pool
         */
        public Evaluation build() {
            List<Result> results = new ArrayList<>();
            runs.forEach((modality, byStrategy) -> byStrategy.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                    .forEach(e -> results.add(new Result(modality, e.getKey(), e.getValue()))));
            List<DatasetScar> rows = new ArrayList<>();
            scarInputs.forEach((modality, in) -> {
                List<Run> scarRuns = runs.getOrDefault(modality, Map.of()).getOrDefault(Strategy.SCAR_FILL, List.of());
                double coverage = scarRuns.stream()
                        .mapToDouble(r -> DatasetScar.coverage(r.added(), in.reservePool())).average().orElse(Double.NaN);
                rows.add(DatasetScar.of(modality, in.datasetSize(), in.foundationSize(), in.accuracy(), coverage));
            });
            return new Evaluation(results, rows);
        }
    }
}
