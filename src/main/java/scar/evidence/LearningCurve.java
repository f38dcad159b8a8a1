package scar.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import scar.data.Tabular;
import scar.text.Columns;
import scar.text.Columns.Kind;
import scar.text.Format;
import scar.text.Sheet;
import scar.text.Stored;
import scar.text.TextTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Held-out learning curves from the sweep, at no extra fits: every fit of ratio r was trained on ⌊n_c / r⌋ items of
 * every class c and scored on the same held-out items, so each ratio gives r scores of a probe trained on
 * Σ_c ⌊n_c / r⌋ items. Per ratio the curve keeps every fit's held-out counts; accuracy, macro-F1 and each class's
 * recall follow from them, as a mean and a spread over the repeats.
 *
 * @param classNames  the K class names
 * @param ratios      the sweep's ratios, increasing (so sizes decrease)
 * @param classCounts training items per class of the whole training set
 * @param scores      per ratio, the held-out counts of each of its fits
 */
public record LearningCurve(String[] classNames, @Stored(min = 1) int[] ratios, @Stored(min = 0) int[] classCounts,
                            List<List<HeldOutScore>> scores)
        implements Tabular {

    /** The held-out accuracy of a fit. */
    public static final ToDoubleFunction<HeldOutScore> ACCURACY = HeldOutScore::accuracy;
    /** The held-out macro-F1 of a fit. */
    public static final ToDoubleFunction<HeldOutScore> MACRO_F1 = HeldOutScore::macroF1;

    /** The held-out recall of class c of a fit. */
    public static ToDoubleFunction<HeldOutScore> recall(int c) {
        return s -> s.recall(c);
    }

    /** Copies everything. @throws IllegalArgumentException if the shapes disagree or a ratio has no fit */
    public LearningCurve {
        classNames = classNames.clone();
        ratios = ratios.clone();
        classCounts = classCounts.clone();
        scores = scores.stream().map(List::copyOf).toList();
        if (scores.size() != ratios.length || classCounts.length != classNames.length) {
            throw new IllegalArgumentException(ratios.length + " ratios, " + scores.size() + " groups of scores, "
                    + classNames.length + " classes and " + classCounts.length + " class counts");
        }
        for (List<HeldOutScore> group : scores) {
            if (group.isEmpty()) {
                throw new IllegalArgumentException("every ratio needs at least one fit's held-out score");
            }
        }
    }

    public int points() {
        return ratios.length;
    }

    public int numClasses() {
        return classNames.length;
    }

    /** Held-out items of the curve (the same for every fit). */
    public int heldOutSize() {
        return scores.get(0).get(0).size();
    }

    /** Held-out items of class c. */
    public int heldOutSupport(int c) {
        return scores.get(0).get(0).support()[c];
    }

    /** Training items of every fit at point j: Σ_c ⌊n_c / r_j⌋. */
    public int size(int j) {
        int total = 0;
        for (int count : classCounts) {
            total += count / ratios[j];
        }
        return total;
    }

    /** Training items of class c in every fit at point j: ⌊n_c / r_j⌋. */
    public int classSize(int j, int c) {
        return classCounts[c] / ratios[j];
    }

    /** The metric of every fit at point j. */
    public double[] values(int j, ToDoubleFunction<HeldOutScore> metric) {
        return scores.get(j).stream().mapToDouble(metric).toArray();
    }

    /** Mean of the metric over the fits of point j. */
    public double mean(int j, ToDoubleFunction<HeldOutScore> metric) {
        return Stats.mean(values(j, metric));
    }

    /** Sample standard deviation (divisor m − 1) of the metric over the fits of point j; NaN for a single fit. */
    public double sd(int j, ToDoubleFunction<HeldOutScore> metric) {
        return Stats.sd(values(j, metric));
    }

    /** Recall of class c of the full-data fit (ratio 1). */
    public double fullRecall(int c) {
        return scores.get(0).get(0).recall(c);
    }

    /** Accuracy of the full-data fit (ratio 1). */
    public double fullAccuracy() {
        return scores.get(0).get(0).accuracy();
    }

    /** One row per ratio: training items, fits, held-out accuracy and macro-F1 as mean and standard deviation. */
    @Override
    public Table toTable() {
        return toSheet().toTable();
    }

    /** {@link #toTable()} before it becomes a table (CSV needs no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        IntColumn ratio = IntColumn.create("ratio", ratios);
        IntColumn items = Columns.counts("items");
        IntColumn fits = Columns.counts("fits");
        DoubleColumn acc = Columns.doubles("accuracy", Kind.SHARE);
        DoubleColumn accSd = Columns.doubles("accuracy_sd", Kind.SHARE);
        DoubleColumn f1 = Columns.doubles("macro_f1", Kind.SHARE);
        DoubleColumn f1Sd = Columns.doubles("macro_f1_sd", Kind.SHARE);
        for (int j = 0; j < ratios.length; j++) {
            items.append(size(j));
            fits.append(scores.get(j).size());
            acc.append(mean(j, ACCURACY));
            accSd.append(sd(j, ACCURACY));
            f1.append(mean(j, MACRO_F1));
            f1Sd.append(sd(j, MACRO_F1));
        }
        String title = "held-out learning curve (" + Format.items(heldOutSize()) + " held-out items)";
        return Sheet.of(title, ratio, items, fits, acc, accSd, f1, f1Sd);
    }

    /** Long format: one row per ratio and class with the class's training items and its recall (mean, sd). */
    public Table recallTable() {
        return recallSheet().toTable();
    }

    /** {@link #recallTable()} before it becomes a table (CSV needs no Tablesaw {@code Table}). */
    public Sheet recallSheet() {
        IntColumn ratio = IntColumn.create("ratio");
        IntColumn cls = IntColumn.create("class");
        StringColumn name = StringColumn.create("name");
        IntColumn items = Columns.counts("class_items");
        DoubleColumn recall = Columns.doubles("recall", Kind.SHARE);
        DoubleColumn recallSd = Columns.doubles("recall_sd", Kind.SHARE);
        for (int j = 0; j < ratios.length; j++) {
            for (int c = 0; c < classNames.length; c++) {
                ratio.append(ratios[j]);
                cls.append(c);
                name.append(classNames[c]);
                items.append(classSize(j, c));
                recall.append(mean(j, recall(c)));
                recallSd.append(sd(j, recall(c)));
            }
        }
        return Sheet.of("held-out recall per class and ratio", ratio, cls, name, items, recall, recallSd);
    }

    @Override
    public List<Table> tables() {
        return List.of(toTable(), recallTable());
    }

    @Override
    public String[] classNames() {
        return classNames.clone();
    }

    @Override
    public int[] ratios() {
        return ratios.clone();
    }

    @Override
    public int[] classCounts() {
        return classCounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningCurve l && Arrays.equals(classNames, l.classNames)
                && Arrays.equals(ratios, l.ratios) && Arrays.equals(classCounts, l.classCounts)
                && scores.equals(l.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ratios), Arrays.hashCode(classCounts), scores);
    }

    @Override
    public String toString() {
        return "LearningCurve[" + ratios.length + " sizes, " + Format.items(heldOutSize()) + " held-out items]\n"
                + TextTable.render(toTable(), TextTable.WIDTH);
    }

    /** Groups the fits' scores by ratio index. */
    public static List<List<HeldOutScore>> group(int points, int[] ratioIndexOfFit, List<HeldOutScore> perFit) {
        List<List<HeldOutScore>> out = new ArrayList<>();
        for (int j = 0; j < points; j++) {
            out.add(new ArrayList<>());
        }
        for (int f = 0; f < perFit.size(); f++) {
            out.get(ratioIndexOfFit[f]).add(perFit.get(f));
        }
        return out;
    }
}
