package scar.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import scar.data.Tabular;
import scar.text.Columns;
import scar.text.Columns.Kind;
import scar.text.Format;
import scar.text.Text;
import scar.text.Sheet;
import scar.text.TextTable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The generalisation bias across the modalities of one paired dataset (SPEC §7), from per-modality step sizes and
 * foundation sizes.
 *
 * <p>With n_c^m the step size of class c in modality m, N_F^m the foundation size of modality m and |P_c| the items of
 * class c (shared by the paired modalities):
 * <ul>
 *   <li>bias of modality m: N_F^m / min over modalities of N_F (1 for the smallest);</li>
 *   <li>deviation of class c in modality m: n_c^m − mean over modalities of n_c^{m'};</li>
 *   <li>shortfall d_c^m = ⌈max(0, n_c^m − |P_c|)⌉ ({@link CompletionPlan#shortfall});</li>
 *   <li>bottleneck modality of class c: the modality with the largest d_c^m, the first one on ties, and none
 *       ({@code null}, printed "none") when every d_c^m is 0 — the class is saturated in every modality;</li>
 *   <li>paired shortfall of class c: max over m of d_c^m, driven by the bottleneck modality (acquiring a paired
 *       item serves every modality, so the most demanding one decides).</li>
 * </ul>
 *
 * @param modalities      modality names
 * @param classNames      class names
 * @param stepSizes       n_c^m as {@code stepSizes.get(m)[c]}
 * @param foundationSizes N_F^m per modality
 * @param present         |P_c| per class
 */
public record ModalityBias(List<String> modalities, List<String> classNames, List<double[]> stepSizes,
                           double[] foundationSizes, int[] present) implements Tabular {

    /**
     * Validates and copies the inputs.
     *
     * @throws IllegalArgumentException if there is no modality or class, lengths differ, a step size is not finite,
     *                                  a foundation size is not finite and positive, or a count is negative
     */
    public ModalityBias {
        modalities = List.copyOf(modalities);
        classNames = List.copyOf(classNames);
        stepSizes = stepSizes.stream().map(double[]::clone).toList();
        foundationSizes = foundationSizes.clone();
        present = present.clone();
        int m = modalities.size();
        int k = classNames.size();
        if (m == 0 || k == 0) {
            throw new IllegalArgumentException("modality bias needs at least one modality and one class, got "
                    + m + " modalities and " + k + " classes");
        }
        if (stepSizes.size() != m || foundationSizes.length != m) {
            throw new IllegalArgumentException("expected step sizes and foundation sizes for " + m
                    + " modalities, got " + stepSizes.size() + " and " + foundationSizes.length);
        }
        Tables.requireLength("present", present.length, k);
        for (int j = 0; j < m; j++) {
            Tables.requireLength("step sizes of modality '" + modalities.get(j) + "'", stepSizes.get(j).length, k);
            if (!(foundationSizes[j] > 0) || Double.isInfinite(foundationSizes[j])) {
                throw new IllegalArgumentException("foundation size of modality '" + modalities.get(j)
                        + "' must be finite and > 0, got " + foundationSizes[j]);
            }
            for (double step : stepSizes.get(j)) {
                CompletionPlan.shortfall(step, 0); // rejects NaN and infinity with a message naming the value
            }
        }
        for (int c = 0; c < k; c++) {
            if (present[c] < 0) {
                throw new IllegalArgumentException("present count of class '" + classNames.get(c)
                        + "' must be >= 0, got " + present[c]);
            }
        }
    }

    /**
     * The bias of the given modalities.
     *
     * @param stepSizes {@code [modality][class]}
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static ModalityBias of(String[] modalities, String[] classNames, double[][] stepSizes,
                                  double[] foundationSizes, int[] present) {
        Objects.requireNonNull(stepSizes, "stepSizes");
        return new ModalityBias(List.of(modalities), List.of(classNames), List.of(stepSizes),
                Objects.requireNonNull(foundationSizes, "foundationSizes"), Objects.requireNonNull(present, "present"));
    }

    /** n_c^m as {@code get(m)[c]}; copies. */
    @Override
    public List<double[]> stepSizes() {
        return stepSizes.stream().map(double[]::clone).toList();
    }

    /** N_F^m per modality; a copy. */
    @Override
    public double[] foundationSizes() {
        return foundationSizes.clone();
    }

    /** |P_c| per class; a copy. */
    @Override
    public int[] present() {
        return present.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModalityBias other && modalities.equals(other.modalities)
                && classNames.equals(other.classNames)
                && Arrays.deepEquals(stepSizes.toArray(), other.stepSizes.toArray())
                && Arrays.equals(foundationSizes, other.foundationSizes) && Arrays.equals(present, other.present);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modalities, classNames, Arrays.deepHashCode(stepSizes.toArray()),
                Arrays.hashCode(foundationSizes), Arrays.hashCode(present));
    }

    /** N_F^m / min N_F, per modality. */
    public double[] foundationRatios() {
        double min = Arrays.stream(foundationSizes).min().orElseThrow();
        return Arrays.stream(foundationSizes).map(f -> f / min).toArray();
    }

    /** n_c^m − mean over modalities of n_c, as {@code [modality][class]}. */
    public double[][] deviations() {
        int k = classNames.size();
        double[][] out = new double[modalities.size()][k];
        for (int c = 0; c < k; c++) {
            double mean = 0;
            for (double[] steps : stepSizes) {
                mean += steps[c];
            }
            mean /= modalities.size();
            for (int m = 0; m < modalities.size(); m++) {
                out[m][c] = stepSizes.get(m)[c] - mean;
            }
        }
        return out;
    }

    /** d_c^m as {@code [modality][class]}. */
    public long[][] shortfalls() {
        long[][] out = new long[modalities.size()][classNames.size()];
        for (int m = 0; m < out.length; m++) {
            for (int c = 0; c < out[m].length; c++) {
                out[m][c] = CompletionPlan.shortfall(stepSizes.get(m)[c], present[c]);
            }
        }
        return out;
    }

    /** Index of the bottleneck modality of each class, or −1 when the class is saturated in every modality. */
    public int[] bottlenecks() {
        long[][] d = shortfalls();
        int[] out = new int[classNames.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = -1;
            long best = 0;
            for (int m = 0; m < d.length; m++) {
                if (d[m][c] > best) {
                    best = d[m][c];
                    out[c] = m;
                }
            }
        }
        return out;
    }

    /** Name of the bottleneck modality of class {@code c}, or {@code null} when it is saturated everywhere. */
    public String bottleneck(int c) {
        int m = bottlenecks()[c];
        return m < 0 ? null : modalities.get(m);
    }

    /** Paired shortfall per class: max over modalities of d_c^m. */
    public long[] pairedShortfalls() {
        long[][] d = shortfalls();
        long[] out = new long[classNames.size()];
        for (long[] row : d) {
            for (int c = 0; c < out.length; c++) {
                out[c] = Math.max(out[c], row[c]);
            }
        }
        return out;
    }

    /** Per class the largest step size over modalities: the step size a paired acquisition must reach. */
    public double[] pairedStepSizes() {
        double[] out = stepSizes.get(0).clone();
        for (double[] steps : stepSizes) {
            for (int c = 0; c < out.length; c++) {
                out[c] = Math.max(out[c], steps[c]);
            }
        }
        return out;
    }

    /** The completion plan of one modality against the shared present counts. */
    public CompletionPlan plan(String modality, int[] reserve, Integer budget) {
        int m = modalities.indexOf(modality);
        if (m < 0) {
            throw new IllegalArgumentException("no modality '" + modality + "', expected one of " + modalities);
        }
        return CompletionPlan.of(classNames.toArray(String[]::new), stepSizes.get(m), present, reserve, budget);
    }

    /**
     * The paired completion plan: each class must reach its largest step size over modalities, so its shortfall
     * is {@link #pairedShortfalls()}; reserve and budget as in {@link CompletionPlan#of}.
     */
    public CompletionPlan pairedPlan(int[] reserve, Integer budget) {
        return CompletionPlan.of(classNames.toArray(String[]::new), pairedStepSizes(), present, reserve, budget);
    }

    /**
     * One row per class: class, present, then per modality {@code step_<m>}, {@code deviation_<m>},
     * {@code shortfall_<m>}, then {@code bottleneck} ("none" if saturated everywhere) and {@code paired_shortfall}.
     */
    @Override
    public Table toTable() {
        return toSheet().toTable();
    }

    /** {@link #toTable()} before it becomes a table (printing and CSV need no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        List<Column<?>> columns = new ArrayList<>(List.<Column<?>>of(StringColumn.create("class", classNames),
                Columns.counts("present", present)));
        double[][] dev = deviations();
        long[][] d = shortfalls();
        for (int m = 0; m < modalities.size(); m++) {
            String name = modalities.get(m);
            columns.addAll(List.of(Columns.doubles("step_" + name, stepSizes.get(m), Kind.ITEMS),
                    Columns.doubles("deviation_" + name, dev[m], Kind.SIGNED_ITEMS),
                    Columns.counts("shortfall_" + name, d[m])));
        }
        int[] bottlenecks = bottlenecks();
        columns.add(StringColumn.create("bottleneck", Arrays.stream(bottlenecks)
                .mapToObj(m -> m < 0 ? "none" : modalities.get(m))));
        columns.add(Columns.counts("paired_shortfall", pairedShortfalls()));
        return new Sheet("modality bias by class", columns);
    }

    /**
     * One row per modality: modality, foundation_size, ratio_to_smallest, the step-size distribution (min, median,
     * mean, max), total_shortfall, saturated_classes and bottleneck_of (classes whose bottleneck it is).
     */
    public Table modalityTable() {
        return modalitySheet().toTable();
    }

    /** {@link #modalityTable()} before it becomes a table (printing and CSV need no Tablesaw {@code Table}). */
    public Sheet modalitySheet() {
        int mCount = modalities.size();
        double[] min = new double[mCount];
        double[] median = new double[mCount];
        double[] mean = new double[mCount];
        double[] max = new double[mCount];
        long[] total = new long[mCount];
        int[] saturated = new int[mCount];
        int[] bottleneckOf = new int[mCount];
        long[][] d = shortfalls();
        for (int m = 0; m < mCount; m++) {
            double[] sorted = stepSizes.get(m).clone();
            Arrays.sort(sorted);
            int k = sorted.length;
            min[m] = sorted[0];
            max[m] = sorted[k - 1];
            median[m] = k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
            mean[m] = Arrays.stream(sorted).average().orElseThrow();
            total[m] = Arrays.stream(d[m]).sum();
            saturated[m] = (int) Arrays.stream(d[m]).filter(x -> x == 0).count();
        }
        for (int b : bottlenecks()) {
            if (b >= 0) {
                bottleneckOf[b]++;
            }
        }
        return Sheet.of("modality bias by modality",
                StringColumn.create("modality", modalities),
                Columns.doubles("foundation_size", foundationSizes, Kind.ITEMS),
                Columns.doubles("ratio_to_smallest", foundationRatios(), Kind.RATIO),
                Columns.doubles("step_min", min, Kind.ITEMS), Columns.doubles("step_median", median, Kind.ITEMS),
                Columns.doubles("step_mean", mean, Kind.ITEMS), Columns.doubles("step_max", max, Kind.ITEMS),
                Columns.counts("total_shortfall", total),
                Columns.counts("saturated_classes", saturated),
                Columns.counts("bottleneck_of", bottleneckOf));
    }

    /** One line on the modalities, then the table per modality and the table per class. */
    @Override
    public String toText(int width) {
        return Text.wrap("ModalityBias: " + Format.count(modalities.size(), "modality", "modalities") + " "
                + modalities + ", " + Format.count(classNames.size(), "class", "classes") + ", paired shortfall "
                + Format.items(Arrays.stream(pairedShortfalls()).sum()) + " items", width, "", "  ")
                + modalitySheet().render(width) + "\n" + toSheet().render(width);
    }

    @Override
    public String toString() {
        return toText(TextTable.WIDTH);
    }
}
