package scar.foundation;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import scar.data.Tabular;
import scar.text.Columns;
import scar.text.Columns.Kind;
import scar.text.Format;
import scar.text.Text;
import scar.text.TextTable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What changed between two SCAR runs — say yesterday's profile read back with {@code loadProfile} and today's: the
 * settings and data that differ (seeds, options, items, classes), and what SCAR and the held-out evidence say in each
 * (N_F, accuracy, every class's step size and recall). Modalities and classes are matched by name; those in one run
 * only are named among the differences.
 *
 * @param a     the first run ("A")
 * @param b     the second run ("B")
 */
public record ProfileComparison(DatasetProfile a, DatasetProfile b) implements Tabular {

    public ProfileComparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    /** The comparison of two profiles. */
    public static ProfileComparison of(DatasetProfile a, DatasetProfile b) {
        return new ProfileComparison(a, b);
    }

    /** The comparison of two profiles of one modality each. */
    public static ProfileComparison of(ScarProfile a, ScarProfile b) {
        return new ProfileComparison(new DatasetProfile(a.dataset(), List.of(a), null),
                new DatasetProfile(b.dataset(), List.of(b), null));
    }

    /** The modalities both runs have, in A's order. */
    public List<String> sharedModalities() {
        return a.modalityNames().stream().filter(b.modalityNames()::contains).toList();
    }

    /** The classes both runs have in {@code modality}, in A's order. */
    public List<String> sharedClasses(String modality) {
        List<String> other = List.of(b.modality(modality).classNames());
        return Arrays.stream(a.modality(modality).classNames()).filter(other::contains).toList();
    }

    /**
     * Every setting and fact about the data, as text, in both runs: what, A, B, and whether it changed. Options are
     * listed component by component ({@code probe.lambda}, {@code foundation.epsilon}, …); whether progress was shown
     * is left out.
     */
    public Table settingsTable() {
        Map<String, String[]> x = facts(a);
        Map<String, String[]> y = facts(b);
        List<String> keys = new ArrayList<>(x.keySet());
        y.keySet().stream().filter(k -> !x.containsKey(k)).forEach(keys::add);
        StringColumn what = StringColumn.create("what");
        StringColumn first = StringColumn.create("A");
        StringColumn second = StringColumn.create("B");
        StringColumn changed = StringColumn.create("changed");
        String[] none = {"none", "none"};
        for (String k : keys) {
            String[] u = x.getOrDefault(k, none);
            String[] v = y.getOrDefault(k, none);
            what.append(k);
            first.append(u[1]);
            second.append(v[1]);
            changed.append(u[0].equals(v[0]) ? "no" : "yes");
        }
        return Table.create("settings and data of the two runs").addColumns(what, first, second, changed);
    }

    /** The rows of {@link #settingsTable()} that changed. */
    public Table differences() {
        Table all = settingsTable();
        return all.where(all.stringColumn("changed").isEqualTo("yes")).removeColumns("changed")
                .setName("what changed between A and B");
    }

    /**
     * One row per modality in both runs: N_F in A and B and its change, the held-out accuracy in A and B and its
     * change, and the total shortfall in A and B.
     */
    public Table modalityTable() {
        List<String> ms = sharedModalities();
        double[][] v = new double[6][ms.size()];
        long[][] shortfall = new long[2][ms.size()];
        for (int m = 0; m < ms.size(); m++) {
            ScarProfile p = a.modality(ms.get(m));
            ScarProfile q = b.modality(ms.get(m));
            v[0][m] = p.foundationSize();
            v[1][m] = q.foundationSize();
            v[2][m] = q.foundationSize() - p.foundationSize();
            v[3][m] = p.testAccuracy();
            v[4][m] = q.testAccuracy();
            v[5][m] = q.testAccuracy() - p.testAccuracy();
            shortfall[0][m] = Arrays.stream(p.shortfalls()).asLongStream().sum();
            shortfall[1][m] = Arrays.stream(q.shortfalls()).asLongStream().sum();
        }
        return Table.create("N_F and held-out accuracy in A and B").addColumns(
                StringColumn.create("modality", ms),
                Columns.doubles("N_F_A", v[0], Kind.ITEMS), Columns.doubles("N_F_B", v[1], Kind.ITEMS),
                Columns.doubles("N_F_change", v[2], Kind.SIGNED_ITEMS),
                Columns.doubles("accuracy_A", v[3], Kind.SHARE), Columns.doubles("accuracy_B", v[4], Kind.SHARE),
                Columns.doubles("accuracy_change", v[5], Kind.SIGNED_SHARE),
                Columns.counts("shortfall_A", shortfall[0]), Columns.counts("shortfall_B", shortfall[1]));
    }

    /**
     * One row per modality and class in both runs: the items, the step size in A and B and its change, and the
     * held-out recall in A and B (NaN without held-out items).
     */
    @Override
    public Table toTable() {
        StringColumn modality = StringColumn.create("modality");
        StringColumn cls = StringColumn.create("class");
        var itemsA = Columns.counts("items_A");
        var itemsB = Columns.counts("items_B");
        var stepA = Columns.doubles("step_size_A", Kind.ITEMS);
        var stepB = Columns.doubles("step_size_B", Kind.ITEMS);
        var change = Columns.doubles("step_change", Kind.SIGNED_ITEMS);
        var recallA = Columns.doubles("recall_A", Kind.SHARE);
        var recallB = Columns.doubles("recall_B", Kind.SHARE);
        for (String m : sharedModalities()) {
            ScarProfile p = a.modality(m);
            ScarProfile q = b.modality(m);
            for (String name : sharedClasses(m)) {
                int i = index(p, name);
                int j = index(q, name);
                modality.append(m);
                cls.append(name);
                itemsA.append(p.classCounts()[i]);
                itemsB.append(q.classCounts()[j]);
                stepA.append(p.stepSizes()[i]);
                stepB.append(q.stepSizes()[j]);
                change.append(q.stepSizes()[j] - p.stepSizes()[i]);
                recallA.append(recall(p, i));
                recallB.append(recall(q, j));
            }
        }
        return Table.create("step size and held-out recall per class in A and B").addColumns(modality, cls, itemsA,
                itemsB, stepA, stepB, change, recallA, recallB);
    }

    /** Step-size change per shared class: {@code [shared modality][shared class]}, B − A. */
    public double[][] stepSizeChanges() {
        List<String> ms = sharedModalities();
        double[][] out = new double[ms.size()][];
        for (int m = 0; m < ms.size(); m++) {
            ScarProfile p = a.modality(ms.get(m));
            ScarProfile q = b.modality(ms.get(m));
            out[m] = sharedClasses(ms.get(m)).stream()
                    .mapToDouble(n -> q.stepSizes()[index(q, n)] - p.stepSizes()[index(p, n)]).toArray();
        }
        return out;
    }

    /** What changed, N_F and accuracy per modality, then every class. */
    @Override
    public List<Table> tables() {
        return List.of(differences(), modalityTable(), toTable());
    }

    /** A header line, what changed (or that nothing did), the modalities, then the classes. */
    @Override
    public String toText(int width) {
        StringBuilder out = new StringBuilder(Text.wrap("Comparison of A (" + a.dataset() + ") and B (" + b.dataset()
                + ")", width, "", "  "));
        Table diff = differences();
        out.append(diff.rowCount() == 0 ? "same settings and data: the runs should agree to the bit\n"
                : TextTable.render(diff, width));
        return out.append('\n').append(TextTable.render(modalityTable(), width)).append('\n')
                .append(TextTable.render(toTable(), width)).toString();
    }

    @Override
    public String toString() {
        return toText(TextTable.WIDTH);
    }

    private static int index(ScarProfile p, String className) {
        return Arrays.asList(p.classNames()).indexOf(className);
    }

    private static double recall(ScarProfile p, int c) {
        return p.evidence().hasCurve() ? p.evidence().recalls().get(c).measured() : Double.NaN;
    }

    /** The settings and data facts of one run, in display order: each as its full text and as shown. */
    private static Map<String, String[]> facts(DatasetProfile d) {
        Map<String, String> out = new LinkedHashMap<>();
        ScarProfile first = d.modalities().get(0);
        out.put("dataset", d.dataset());
        out.put("modalities", String.join(", ", d.modalityNames()));
        out.put("classes", Format.items(first.numClasses()));
        out.put("class names", String.join(", ", first.classNames()));
        out.put("training items", Format.items(first.size()));
        out.put("training items per class", String.join(", ", Arrays.stream(first.classCounts())
                .mapToObj(Format::items).toList()));
        out.put("held-out items", Format.items(first.testSize()));
        out.put("duplicates dropped", Format.items(first.evidence().dropped()));
        out.put("ratios used", Arrays.toString(first.ratios()));
        out.put("ratios skipped", Arrays.toString(first.skippedRatios()));
        flatten("", d.options(), out);
        out.remove("progress");
        Map<String, String[]> shown = new LinkedHashMap<>();
        out.forEach((k, v) -> shown.put(k, new String[] {v, abbreviated(v)}));
        return shown;
    }

    /** The components of a record, recursively, as text ({@code probe.lambda}); parameters as {@link Format#number}. */
    private static void flatten(String prefix, Record value, Map<String, String> out) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read option " + c.getName(), e);
            }
            String name = prefix + c.getName();
            if (v instanceof Record r) {
                flatten(name + ".", r, out);
            } else if (v instanceof int[] ints) {
                out.put(name, Arrays.toString(ints));
            } else if (v instanceof Double x) {
                out.put(name, Format.number(x));
            } else {
                out.put(name, String.valueOf(v).toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /** A long list of values shortened to its first three and last: enough to see that it differs. */
    private static String abbreviated(String list) {
        String[] values = list.split(", ");
        if (values.length <= 4) {
            return list;
        }
        return String.join(", ", Arrays.copyOf(values, 3)) + ", …, " + values[values.length - 1] + " ("
                + values.length + ")";
    }
}
