package scar.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The class label of every item: ids {@code 0..K-1} and the K class names. A class may have no items (a dataset's
 * manifest can declare more classes than a subset holds); whether that or a single class is acceptable is for the
 * analysis to decide, helped by {@link #counts()} and {@link #classesWithFewerThan(int)}.
 */
public final class ClassLabels implements Tabular {
    private final int[] labels;
    private final String[] classNames;

    private ClassLabels(int[] labels, String[] classNames) {
        this.labels = labels;
        this.classNames = classNames;
    }

    /**
     * Copies and validates the labels and names.
     *
     * @throws IllegalArgumentException if a label is outside {@code 0..classNames.length-1}, a name is null or blank,
     *                                  or two names are equal
     */
    public static ClassLabels of(int[] labels, String[] classNames) {
        check(labels, classNames);
        return new ClassLabels(labels.clone(), classNames.clone());
    }

    /**
     * As {@link #of(int[], String[])}, but keeps {@code labels}, an array that nobody else holds (a loader's coded
     * labels): a copy would be 4 bytes an item more, unchecked, right after the loader checked its arrays against
     * the heap.
     */
    static ClassLabels adopt(int[] labels, String[] classNames) {
        check(labels, classNames);
        return new ClassLabels(labels, classNames.clone());
    }

    private static void check(int[] labels, String[] classNames) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(classNames, "classNames");
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < classNames.length; k++) {
            if (classNames[k] == null || classNames[k].isBlank()) {
                throw new IllegalArgumentException("class name " + k + " is null or blank");
            }
            if (!seen.add(classNames[k])) {
                throw new IllegalArgumentException("class name '" + classNames[k] + "' appears twice; names must be "
                        + "unique, got " + Arrays.toString(classNames));
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.length) {
                throw new IllegalArgumentException("label of item " + i + " is " + labels[i] + "; expected a class id in 0.."
                        + (classNames.length - 1) + " (" + classNames.length + " class names)");
            }
        }
    }

    /** Labels with the names {@code "0", "1", ..., "K-1"} where K is the largest label plus one. */
    public static ClassLabels of(int[] labels) {
        int k = Arrays.stream(labels).max().orElse(-1) + 1;
        return of(labels, defaultNames(k));
    }

    /** {@code "0", "1", ..., "k-1"}. */
    static String[] defaultNames(int k) {
        return IntStream.range(0, k).mapToObj(Integer::toString).toArray(String[]::new);
    }

    /** The number of items. */
    public int size() {
        return labels.length;
    }

    /** The number of classes K (including classes with no items). */
    public int numClasses() {
        return classNames.length;
    }

    /** The label of item {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    public String className(int k) {
        return classNames[k];
    }

    /** A copy of the class names, indexed by label. */
    public String[] classNames() {
        return classNames.clone();
    }

    /** The number of items per class, indexed by label. */
    public int[] counts() {
        int[] counts = new int[classNames.length];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    /** The classes (ids, ascending) with fewer than {@code min} items, e.g. {@code min = 1} finds empty classes. */
    public int[] classesWithFewerThan(int min) {
        int[] counts = counts();
        return IntStream.range(0, counts.length).filter(k -> counts[k] < min).toArray();
    }

    /** The labels of the given items, in the given order; the class names are kept. */
    public ClassLabels select(int[] rows) {
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = labels[rows[k]];
        }
        return new ClassLabels(out, classNames);
    }

    /** One row per class: {@code label}, {@code class}, {@code items}. */
    @Override
    public Table toTable() {
        return Table.create("classes",
                IntColumn.create("label", IntStream.range(0, classNames.length).toArray()),
                StringColumn.create("class", classNames),
                IntColumn.create("items", counts()));
    }

    @Override
    public String toString() {
        int[] counts = counts();
        StringBuilder sb = new StringBuilder("ClassLabels: " + labels.length + " items, " + classNames.length
                + " classes\n");
        for (int k = 0; k < classNames.length; k++) {
            sb.append(String.format("  %3d %-24s %7d%n", k, classNames[k], counts[k]));
        }
        return sb.toString().stripTrailing();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassLabels other && Arrays.equals(labels, other.labels)
                && Arrays.equals(classNames, other.classNames);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(classNames);
    }
}
