package scar.data;

import java.util.Arrays;

/** A growable primitive float array for loaders that do not know the row count in advance. */
final class FloatList {
    /** The largest first capacity: 64 MiB; beyond it the list grows with the values actually read. */
    private static final long MAX_INITIAL = 1 << 24;

    private final String source;
    private float[] data;
    private int size;

    /**
     * @param initialCapacity values to make room for at first (at most 16 Mi are allocated before any is read)
     * @param source          the file being read, for the message when growing would not fit the heap
     */
    FloatList(long initialCapacity, String source) {
        this.source = source;
        data = new float[(int) Math.max(16, Math.min(initialCapacity, MAX_INITIAL))];
    }

    /** Makes room for {@code count} more values and returns the offset at which to write them. */
    int reserve(int count) {
        long needed = (long) size + count;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(source + ": more than " + (Integer.MAX_VALUE - 8) + " values do not"
                    + " fit one float array; split the data, or save it as a float32 .npy file, which is memory-mapped");
        }
        if (needed > data.length) {
            long grown = Math.max(needed, Math.min((long) data.length * 2, Integer.MAX_VALUE - 8));
            float[] old = data;
            data = Memory.allocate(4 * grown, "reading " + source + " (" + size + " values so far, growing to "
                    + grown + ")", () -> Arrays.copyOf(old, (int) grown));
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
