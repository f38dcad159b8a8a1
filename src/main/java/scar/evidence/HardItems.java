package scar.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import scar.data.Tabular;
import scar.text.Sheet;
import scar.text.Shortest;
import scar.text.Stored;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The items behind a class's numbers: per class, the training and the held-out items that the full-data probe gets
 * wrong or gets right by the smallest margin, with the class it predicts. The <em>margin</em> of an item is its own
 * class's logit minus the largest other logit: negative when the probe is wrong, small when it is unsure.
 *
 * @param classNames the K class names
 * @param items      at most {@code perClass} items per class and split, by class, split (held-out first) and margin
 * @param trainWrong training items per class the probe gets wrong
 * @param testWrong  held-out items per class the probe gets wrong
 * @param perClass   how many items per class and split were kept
 */
public record HardItems(String[] classNames, List<Item> items, @Stored(min = 0) int[] trainWrong,
                        @Stored(min = 0) int[] testWrong, @Stored(min = 0) int perClass)
        implements Tabular {

    /**
     * One item.
     *
     * @param item      index of the item in the dataset
     * @param id        the item's id
     * @param heldOut   whether it is a held-out item (else a training item)
     * @param label     its class
     * @param predicted the class the probe predicts
     * @param margin    own logit minus the largest other logit
     */
    public record Item(@Stored(min = 0) int item, String id, boolean heldOut, @Stored(min = 0) int label,
                       @Stored(min = 0) int predicted, @Stored double margin) {
        /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
        @Override
        public String toString() {
            return Shortest.record(this);
        }
    }

    public HardItems {
        classNames = classNames.clone();
        items = List.copyOf(items);
        trainWrong = trainWrong.clone();
        testWrong = testWrong.clone();
    }

    /**
     * The hard items of one probe from its training and held-out logits (n × K row-major floats).
     *
     * @param trainItems  dataset indices of the training rows, in logit order
     * @param trainLabels their classes
     * @param trainLogits their logits
     * @param testItems   dataset indices of the held-out rows (may be empty)
     * @param testLabels  their classes
     * @param testLogits  their logits (null when there are none)
     * @param ids         the id of a dataset index
     * @param perClass    items to keep per class and split, ≥ 0
     */
    public static HardItems of(String[] classNames, int[] trainItems, int[] trainLabels, float[] trainLogits,
                               int[] testItems, int[] testLabels, float[] testLogits, IntFunction<String> ids,
                               int perClass) {
        Objects.requireNonNull(ids, "ids");
        int k = classNames.length;
        List<Item> out = new ArrayList<>();
        int[] testWrong = collect(testItems, testLabels, testLogits, k, true, ids, perClass, out);
        int[] trainWrong = collect(trainItems, trainLabels, trainLogits, k, false, ids, perClass, out);
        out.sort(Comparator.comparingInt(Item::label).thenComparing(i -> !i.heldOut())
                .thenComparingDouble(Item::margin).thenComparingInt(Item::item));
        return new HardItems(classNames, out, trainWrong, testWrong, perClass);
    }

    private static int[] collect(int[] items, int[] labels, float[] logits, int k, boolean heldOut,
                                 IntFunction<String> ids, int perClass, List<Item> out) {
        int[] wrong = new int[k];
        if (items.length == 0) {
            return wrong;
        }
        List<List<Item>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int r = 0; r < items.length; r++) {
            int y = labels[r];
            int off = r * k;
            int best = 0;
            double other = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (logits[off + c] > logits[off + best]) {
                    best = c;
                }
                if (c != y) {
                    other = Math.max(other, logits[off + c]);
                }
            }
            if (best != y) {
                wrong[y]++;
            }
            byClass.get(y).add(new Item(items[r], null, heldOut, y, best, logits[off + y] - other));
        }
        Comparator<Item> order = Comparator.comparingDouble(Item::margin).thenComparingInt(Item::item);
        for (List<Item> group : byClass) {
            group.sort(order);
            for (Item it : group.subList(0, Math.min(perClass, group.size()))) {
                out.add(new Item(it.item(), ids.apply(it.item()), heldOut, it.label(), it.predicted(), it.margin()));
            }
        }
        return wrong;
    }

    @Override
    public String[] classNames() {
        return classNames.clone();
    }

    @Override
    public int[] trainWrong() {
        return trainWrong.clone();
    }

    @Override
    public int[] testWrong() {
        return testWrong.clone();
    }

    /** The kept items of class {@code c}. */
    public List<Item> ofClass(int c) {
        return items.stream().filter(i -> i.label() == c).toList();
    }

    /** One row per kept item: class, split, id, predicted class, margin, and whether the probe is wrong. */
    @Override
    public Table toTable() {
        return toSheet().toTable();
    }

    /** {@link #toTable()} before it becomes a table (CSV needs no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        StringColumn cls = StringColumn.create("class");
        StringColumn split = StringColumn.create("split");
        IntColumn item = IntColumn.create("item");
        StringColumn id = StringColumn.create("id");
        StringColumn predicted = StringColumn.create("predicted");
        DoubleColumn margin = scar.text.Columns.doubles("margin", scar.text.Columns.Kind.NUMBER);
        StringColumn wrong = StringColumn.create("wrong");
        for (Item it : items) {
            cls.append(classNames[it.label()]);
            split.append(it.heldOut() ? "held-out" : "train");
            item.append(it.item());
            id.append(it.id());
            predicted.append(classNames[it.predicted()]);
            margin.append(it.margin());
            wrong.append(it.predicted() != it.label() ? "yes" : "no");
        }
        return Sheet.of("items the full-data probe gets wrong or nearly wrong (" + perClass + " per class and split)",
                cls, split, item, id, predicted, margin, wrong);
    }

    /**
     * A bounded view of {@link #toTable()} in which every class appears while it can: per class its {@code perClass}
     * items with the smallest margins (either split; ties held-out first, then by item), fewer per class when
     * K · {@code perClass} exceeds {@code maxRows} (at least one), and only the first {@code maxRows} classes when
     * even one each does not fit. The caption says how many items per class are shown, which classes were left out,
     * and, from {@code fullTable}, where every kept item is.
     *
     * @throws IllegalArgumentException if {@code perClass} or {@code maxRows} is below 1
     */
    public Table preview(int perClass, int maxRows, String fullTable) {
        return previewSheet(perClass, maxRows, fullTable).toTable();
    }

    /** {@link #preview} before it becomes a table (a report needs no Tablesaw {@code Table}). */
    public Sheet previewSheet(int perClass, int maxRows, String fullTable) {
        if (perClass < 1 || maxRows < 1) {
            throw new IllegalArgumentException("perClass is " + perClass + " and maxRows " + maxRows
                    + "; expected both ≥ 1");
        }
        int k = classNames.length;
        int each = Math.max(1, Math.min(perClass, maxRows / k));
        int classes = Math.min(k, maxRows / each);
        Comparator<Item> hardest = Comparator.comparingDouble(Item::margin).thenComparing(i -> !i.heldOut())
                .thenComparingInt(Item::item);
        List<Item> shown = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            ofClass(c).stream().sorted(hardest).limit(each).forEach(shown::add);
        }
        String left = classes < k ? String.format(java.util.Locale.ROOT,
                "; the first %,d of %,d classes, the other %,d classes' items are left out here", classes, k,
                k - classes) : "";
        return new HardItems(classNames, shown, trainWrong, testWrong, perClass).toSheet().titled("items the full-data probe gets wrong or nearly wrong: per class the " + each
                + " with the smallest margins, of " + this.perClass + " per class and split kept" + left
                + ". All " + String.format(java.util.Locale.ROOT, "%,d", items.size()) + " kept items: "
                + fullTable);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HardItems h && java.util.Arrays.equals(classNames, h.classNames) && items.equals(h.items)
                && java.util.Arrays.equals(trainWrong, h.trainWrong) && java.util.Arrays.equals(testWrong, h.testWrong)
                && perClass == h.perClass;
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, java.util.Arrays.hashCode(trainWrong), java.util.Arrays.hashCode(testWrong));
    }

    @Override
    public String toString() {
        return "HardItems[" + items.size() + " items, " + java.util.Arrays.stream(trainWrong).sum()
                + " training and " + java.util.Arrays.stream(testWrong).sum() + " held-out items wrong]";
    }
}
