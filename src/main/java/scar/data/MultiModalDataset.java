package scar.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import scar.text.Columns;
import scar.text.Format;
import scar.text.Sheet;
import scar.text.TextTable;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A labelled dataset: n items, their class labels, one or more modalities over the same items (row i of every
 * modality is item i) and an optional train/test split. Immutable; every {@code with...}/{@code select} returns a new
 * dataset. Validated on construction: every modality has n rows, modality names are unique, and modalities that carry
 * ids carry the same ids in the same order.
 */
public final class MultiModalDataset implements Tabular {
    private final String name;
    private final ClassLabels labels;
    private final Map<String, Modality> modalities;
    private final Split split;

    private MultiModalDataset(String name, ClassLabels labels, Map<String, Modality> modalities, Split split) {
        this.name = name;
        this.labels = labels;
        this.modalities = modalities;
        this.split = split;
    }

    /** A dataset without a split; see {@link #of(String, ClassLabels, List, Split)}. */
    public static MultiModalDataset of(String name, int[] labels, String[] classNames, Modality... modalities) {
        return of(name, ClassLabels.of(labels, classNames), List.of(modalities), null);
    }

    /**
     * @param split null for no split
     * @throws IllegalArgumentException if there is no modality, two share a name, a modality's row count or ids differ
     *                                  from the items, or the split's size differs
     */
    public static MultiModalDataset of(String name, ClassLabels labels, List<Modality> modalities, Split split) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(modalities, "modalities");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a dataset name must not be blank");
        }
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + name + "' needs at least one modality");
        }
        Map<String, Modality> byName = new LinkedHashMap<>();
        Modality withIds = null;
        for (Modality m : modalities) {
            Objects.requireNonNull(m, "modality");
            if (byName.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("dataset '" + name + "' has two modalities named '" + m.name() + "'");
            }
            if (m.rows() != labels.size()) {
                throw new IllegalArgumentException("modality '" + m.name() + "' has " + m.rows() + " rows but dataset '"
                        + name + "' has " + labels.size() + " labels; expected one row per item");
            }
            if (m.hasIds()) {
                if (withIds != null && !Arrays.equals(withIds.idsOrNull(), m.idsOrNull())) {
                    throw new IllegalArgumentException("modalities '" + withIds.name() + "' and '" + m.name()
                            + "' have different item ids; expected the same items in the same order");
                }
                withIds = m;
            }
        }
        if (split != null && split.size() != labels.size()) {
            throw new IllegalArgumentException("the split has " + split.size() + " items but dataset '" + name
                    + "' has " + labels.size());
        }
        return new MultiModalDataset(name, labels, byName, split);
    }

    public String name() {
        return name;
    }

    /** The number of items n. */
    public int size() {
        return labels.size();
    }

    public ClassLabels classLabels() {
        return labels;
    }

    /** A copy of the labels, one per item, in {@code 0..numClasses()-1}. */
    public int[] labels() {
        return labels.labels();
    }

    public String[] classNames() {
        return labels.classNames();
    }

    public int numClasses() {
        return labels.numClasses();
    }

    /** Items per class, indexed by label. */
    public int[] classCounts() {
        return labels.counts();
    }

    /** The id of item i: the modalities' ids when they have them, the row index otherwise. */
    public String id(int i) {
        return idsHolder().id(i);
    }

    /** The item ids (a copy). */
    public String[] ids() {
        return idsHolder().ids();
    }

    private Modality idsHolder() {
        for (Modality m : modalities.values()) {
            if (m.hasIds()) {
                return m;
            }
        }
        return modalities.values().iterator().next();
    }

    public List<String> modalityNames() {
        return List.copyOf(modalities.keySet());
    }

    /** The modalities, each remembering this dataset ({@link Modality#dataset()}). */
    public List<Modality> modalities() {
        return modalities.values().stream().map(m -> m.attachedTo(this)).toList();
    }

    /** The modality called {@code modalityName}; an unknown name is an error that lists the available ones. */
    public Modality modality(String modalityName) {
        Modality m = modalities.get(modalityName);
        if (m == null) {
            throw noModality(name, modalityName, modalities.keySet());
        }
        return m.attachedTo(this);
    }

    /** The error for a modality name that dataset {@code name} does not have, listing those it has. */
    static IllegalArgumentException noModality(String name, String modality, java.util.Collection<String> available) {
        return new IllegalArgumentException("dataset '" + name + "' has no modality '" + modality + "'; available: "
                + String.join(", ", available));
    }

    /** The split, or null when the dataset has none. */
    public Split split() {
        return split;
    }

    public boolean hasSplit() {
        return split != null;
    }

    /** Training item indices, ascending; every item when there is no split. */
    public int[] trainIndices() {
        return split == null ? IntStream.range(0, size()).toArray() : split.trainIndices();
    }

    /** Test item indices, ascending; none when there is no split. */
    public int[] testIndices() {
        return split == null ? new int[0] : split.testIndices();
    }

    /** The training items as a dataset without a split (all items when there is no split). */
    public MultiModalDataset train() {
        return select(trainIndices()).withSplit(null);
    }

    /** The test items as a dataset without a split (empty when there is no split). */
    public MultiModalDataset test() {
        return select(testIndices()).withSplit(null);
    }

    /** The same items and modalities with other labels, e.g. cross-modal cluster labels. */
    public MultiModalDataset withLabels(int[] newLabels, String[] newClassNames) {
        return of(name, ClassLabels.of(newLabels, newClassNames), modalities(), split);
    }

    /** The same data with another (or, for null, no) split. */
    public MultiModalDataset withSplit(Split newSplit) {
        return of(name, labels, modalities(), newSplit);
    }

    /** The same data under another name. */
    public MultiModalDataset withName(String newName) {
        return of(newName, labels, modalities(), split);
    }

    /** This dataset with one more modality over the same items. */
    public MultiModalDataset withModality(Modality modality) {
        List<Modality> all = new ArrayList<>(modalities.values());
        all.add(modality);
        return of(name, labels, all, split);
    }

    /** Only the named modalities, in the given order. */
    public MultiModalDataset selectModalities(String... names) {
        return of(name, labels, Arrays.stream(names).map(this::modality).toList(), split);
    }

    /** The given items (distinct indices), in the given order, in every modality, label and split. */
    public MultiModalDataset select(int[] rows) {
        Modality.checkRows(rows, size());
        List<Modality> selected = modalities.values().stream().map(m -> m.view(rows)).toList();
        return new MultiModalDataset(name, labels.select(rows), toMap(selected), split == null ? null : split.select(rows));
    }

    private static Map<String, Modality> toMap(List<Modality> list) {
        Map<String, Modality> map = new LinkedHashMap<>();
        list.forEach(m -> map.put(m.name(), m));
        return map;
    }

    /**
     * The summary: one row per class with {@code label}, {@code class}, {@code items} and, with a split,
     * {@code train} and {@code test} counts.
     */
    @Override
    public Table toTable() {
        Table t = labels.toTable().setName(name);
        if (split != null) {
            int[][] counts = splitCounts();
            t.addColumns(IntColumn.create("train", counts[0]), IntColumn.create("test", counts[1]));
        }
        return t;
    }

    /** The modalities as a table: {@code modality}, {@code rows}, {@code dim}. */
    public Table modalitiesTable() {
        return Table.create(name + " modalities",
                StringColumn.create("modality", modalities.keySet()),
                IntColumn.create("rows", modalities.values().stream().mapToInt(Modality::rows).toArray()),
                IntColumn.create("dim", modalities.values().stream().mapToInt(Modality::dim).toArray()));
    }

    /** {@code [0][k]} training and {@code [1][k]} test items of class k. */
    private int[][] splitCounts() {
        int[][] counts = new int[2][numClasses()];
        for (int i = 0; i < size(); i++) {
            counts[split.isTrain(i) ? 0 : 1][labels.label(i)]++;
        }
        return counts;
    }

    /** The summary within {@code width} columns: items, split, modalities, then one row per class. */
    public String toText(int width) {
        StringBuilder sb = new StringBuilder();
        sb.append("MultiModalDataset ").append(name).append(": ").append(Format.items(size())).append(" items, ")
                .append(Format.count(numClasses(), "class", "classes")).append(", ")
                .append(Format.count(modalities.size(), "modality", "modalities")).append('\n');
        sb.append("split: ").append(split == null ? "none" : Format.items(split.trainSize()) + " train / "
                + Format.items(split.testSize()) + " test").append('\n');
        Sheet views = Sheet.of("modalities",
                StringColumn.create("modality", modalities.keySet().stream()),
                Columns.counts("rows", modalities.values().stream().mapToInt(Modality::rows).toArray()),
                Columns.counts("dimension", modalities.values().stream().mapToInt(Modality::dim).toArray()));
        sb.append(views.render(width));
        int[] ids = new int[numClasses()];
        java.util.Arrays.setAll(ids, k -> k);
        List<tech.tablesaw.columns.Column<?>> classes = new ArrayList<>(List.<tech.tablesaw.columns.Column<?>>of(IntColumn.create("id", ids),
                StringColumn.create("class", java.util.stream.IntStream.range(0, numClasses())
                        .mapToObj(labels::className)),
                Columns.counts("items", labels.counts())));
        if (split != null) {
            int[][] bySplit = splitCounts();
            classes.addAll(List.of(Columns.counts("train", bySplit[0]), Columns.counts("test", bySplit[1])));
        }
        sb.append(new Sheet("classes", classes).render(width));
        return sb.toString().stripTrailing();
    }

    @Override
    public String toString() {
        return toText(TextTable.WIDTH);
    }
}
