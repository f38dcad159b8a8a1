package scar.foundation;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

import scar.data.Modality;

/**
 * The labelled items one sweep studies: one modality's embeddings (held, never copied), every item's label, and
 * which items the sweep trains on and which are held out. Items are named by their index in the modality (the
 * dataset's item order); subsamples, train and test sets are lists of such indices.
 *
 * <p>{@link Characterize#input} builds it from a dataset and the options; tests and benchmarks use {@link #of}.
 *
 * @param dataset    dataset name, for reports
 * @param modality   the embeddings, one row per item
 * @param labels     every item's class, 0..K−1 (copied in, never handed out)
 * @param classNames the K class names
 * @param train      the items the sweep trains on, strictly increasing
 * @param test       the held-out items, strictly increasing and disjoint from {@code train}; may be empty
 * @param dropped    items left out of both because they repeat another item's embedding ({@code --dedup}),
 *                   increasing; usually empty
 */
public record SweepInput(String dataset, Modality modality, int[] labels, String[] classNames, int[] train,
                         int[] test, int[] dropped) {

    /**
     * @throws IllegalArgumentException if the labels do not match the rows, a label lies outside 0..K−1, or the
     *                                  train and test lists are unsorted, out of range or overlap
     */
    public SweepInput {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(modality, "modality");
        labels = Objects.requireNonNull(labels, "labels").clone();
        classNames = Objects.requireNonNull(classNames, "classNames").clone();
        train = Objects.requireNonNull(train, "train").clone();
        test = Objects.requireNonNull(test, "test").clone();
        dropped = Objects.requireNonNull(dropped, "dropped").clone();
        int n = modality.rows();
        if (labels.length != n) {
            throw new IllegalArgumentException("modality '" + modality.name() + "' has " + n + " rows but "
                    + labels.length + " labels; expected one label per row");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.length) {
                throw new IllegalArgumentException("label of item " + i + " is " + labels[i]
                        + ", expected a class in [0, " + classNames.length + ")");
            }
        }
        checkIndices("training", train, n);
        checkIndices("test", test, n);
        int i = 0;
        int j = 0;
        while (i < train.length && j < test.length) {
            if (train[i] == test[j]) {
                throw new IllegalArgumentException("item " + train[i] + " is both a training and a test item");
            }
            if (train[i] < test[j]) {
                i++;
            } else {
                j++;
            }
        }
    }

    private static void checkIndices(String what, int[] items, int n) {
        for (int k = 0; k < items.length; k++) {
            if (items[k] < 0 || items[k] >= n) {
                throw new IllegalArgumentException(what + " item " + items[k] + " is outside 0.." + (n - 1));
            }
            if (k > 0 && items[k] <= items[k - 1]) {
                throw new IllegalArgumentException(what + " items must be strictly increasing, got " + items[k - 1]
                        + " then " + items[k]);
            }
        }
    }

    /** Every item of {@code modality} trains, none is held out. */
    public static SweepInput of(String dataset, Modality modality, int[] labels, String[] classNames) {
        return new SweepInput(dataset, modality, labels, classNames, IntStream.range(0, modality.rows()).toArray(),
                new int[0], new int[0]);
    }

    /** The same items, training on {@code newTrain} (which must not overlap the test items). */
    public SweepInput withTrain(int[] newTrain) {
        return new SweepInput(dataset, modality, labels, classNames, newTrain, test, dropped);
    }

    /** The same training items, nothing held out. */
    public SweepInput withoutTest() {
        return new SweepInput(dataset, modality, labels, classNames, train, new int[0], dropped);
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The label of item {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    @Override
    public String[] classNames() {
        return classNames.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public int[] dropped() {
        return dropped.clone();
    }

    /** The same study without the items {@code drop} (increasing), which join {@link #dropped()}. */
    public SweepInput without(int[] drop) {
        if (drop.length == 0) {
            return this;
        }
        java.util.function.IntPredicate kept = i -> Arrays.binarySearch(drop, i) < 0;
        int[] allDropped = IntStream.concat(Arrays.stream(dropped), Arrays.stream(drop)).distinct().sorted().toArray();
        return new SweepInput(dataset, modality, labels, classNames, Arrays.stream(train).filter(kept).toArray(),
                Arrays.stream(test).filter(kept).toArray(), allDropped);
    }

    public int numClasses() {
        return classNames.length;
    }

    public String modalityName() {
        return modality.name();
    }

    public boolean hasTest() {
        return test.length > 0;
    }

    public int trainSize() {
        return train.length;
    }

    public int testSize() {
        return test.length;
    }

    /** The training items of every class, each list increasing: {@code result[c]} holds item indices. */
    public int[][] trainByClass() {
        return byClass(train);
    }

    /** The held-out items of every class, each list increasing. */
    public int[][] testByClass() {
        return byClass(test);
    }

    private int[][] byClass(int[] items) {
        int[][] local = Subsampling.byClass(Subsampling.select(labels, items), classNames.length);
        for (int[] group : local) {
            for (int k = 0; k < group.length; k++) {
                group[k] = items[group[k]];
            }
        }
        return local;
    }

    /** The labels of {@code items}, in order. */
    public int[] labelsOf(int[] items) {
        return Subsampling.select(labels, items);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepInput s && dataset.equals(s.dataset) && modality == s.modality
                && Arrays.equals(labels, s.labels) && Arrays.equals(classNames, s.classNames)
                && Arrays.equals(train, s.train) && Arrays.equals(test, s.test) && Arrays.equals(dropped, s.dropped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataset, modality.name(), Arrays.hashCode(train), Arrays.hashCode(test));
    }

    @Override
    public String toString() {
        return "SweepInput[" + dataset + " / " + modality.name() + ", " + train.length + " training items, "
                + test.length + " held out, " + classNames.length + " classes"
                + (dropped.length > 0 ? ", " + dropped.length + " duplicates dropped" : "") + "]";
    }
}
