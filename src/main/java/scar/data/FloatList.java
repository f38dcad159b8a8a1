package scar.data;

import java.util.Arrays;

/** A growable primitive float array for loaders that do not know the row count in advance. */
final class FloatList {
    private float[] data;
    private int size;

    FloatList(int initialCapacity) {
        data = new float[Math.max(16, initialCapacity)];
    }

    /** Makes room for {@code count} more values and returns the offset at which to write them. */
    int reserve(int count) {
        long needed = (long) size + count;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("more than " + (Integer.MAX_VALUE - 8)
                    + " values do not fit one float array; split the data");
        }
        if (needed > data.length) {
            long grown = Math.max(needed, Math.min((long) data.length * 2, Integer.MAX_VALUE - 8));
            Memory.require(4 * grown, "reading " + size + " values so far, growing to " + grown);
            data = Arrays.copyOf(data, (int) grown);
        }
        int offset = size;
        size += count;
        return offset;
    }

    /** The array to write into after {@link #reserve}. */
    float[] array() {
        return data;
    }

    /** The values as an exactly sized array (the backing array itself when it is full). */
    float[] toArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }
}
