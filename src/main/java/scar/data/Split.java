package scar.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Which items are for training and which for testing: one flag per item. */
public final class Split implements Tabular {
    private final boolean[] train;

    private Split(boolean[] train) {
        this.train = train;
    }

    /** {@code train[i]} says whether item i is a training item; the array is copied. */
    public static Split of(boolean[] train) {
        return new Split(Objects.requireNonNull(train, "train").clone());
    }

    /** Items whose index is in {@code testIndices} are test items, all others (of {@code size}) training items. */
    public static Split withTestItems(int size, int[] testIndices) {
        boolean[] train = new boolean[size];
        Arrays.fill(train, true);
        for (int i : testIndices) {
            if (i < 0 || i >= size) {
                throw new IllegalArgumentException("test index " + i + " is outside 0.." + (size - 1));
            }
            train[i] = false;
        }
        return new Split(train);
    }

    public int size() {
        return train.length;
    }

    public boolean isTrain(int i) {
        return train[i];
    }

    /** The indices of the training items, ascending. */
    public int[] trainIndices() {
        return IntStream.range(0, train.length).filter(i -> train[i]).toArray();
    }

    /** The indices of the test items, ascending. */
    public int[] testIndices() {
        return IntStream.range(0, train.length).filter(i -> !train[i]).toArray();
    }

    public int trainSize() {
        int n = 0;
        for (boolean t : train) {
            n += t ? 1 : 0;
        }
        return n;
    }

    public int testSize() {
        return train.length - trainSize();
    }

    /** The flags of the given items, in the given order. */
    public Split select(int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = train[rows[k]];
        }
        return new Split(out);
    }

    /** One row per item: {@code item} (index) and {@code split} ({@code train} or {@code test}). */
    @Override
    public Table toTable() {
        String[] names = new String[train.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = train[i] ? "train" : "test";
        }
        return Table.create("split", IntColumn.create("item", IntStream.range(0, train.length).toArray()),
                StringColumn.create("split", names));
    }

    @Override
    public String toString() {
        return "Split[" + trainSize() + " train / " + testSize() + " test]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split other && Arrays.equals(train, other.train);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(train);
    }
}
