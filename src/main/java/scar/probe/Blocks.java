package scar.probe;

import java.util.Arrays;

/**
 * How a fit's rows fall into the blocks and sum groups of SPEC §2.3: block i is rows {@code [starts[i], starts[i + 1])}
 * (the fit's rows of one block of {@link BlockPass#BLOCK} items, none empty), and sum group g is rows
 * {@code [groups[g], groups[g + 1])}: the fit's rows in one aligned run of {@link BlockPass#groupSize} blocks. A
 * group's partial is one double sum over its chunks; group partials are added exactly.
 *
 * @param starts row offsets where blocks start, then the row count
 * @param groups row offsets where sum groups start, then the row count
 */
public record Blocks(int[] starts, int[] groups) {

    /** The blocks and groups of rows that are the increasing item indices {@code items}. */
    public static Blocks of(int[] items) {
        int[] starts = BlockPass.blockStarts(items);
        int count = starts.length - 1;
        if (count == 0) {
            return new Blocks(starts, new int[] {0});
        }
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = BlockPass.blockOf(items[starts[i]]);
        }
        return new Blocks(starts, groups(starts, ids));
    }

    /** The blocks and groups of n rows that are items 0..n−1 (one group per block unless there is one block). */
    static Blocks identity(int n) {
        int count = (n + BlockPass.BLOCK - 1) / BlockPass.BLOCK;
        int[] starts = new int[count + 1];
        long[] ids = new long[count];
        for (int b = 0; b < count; b++) {
            starts[b] = b * BlockPass.BLOCK;
            ids[b] = b;
        }
        starts[count] = n;
        return new Blocks(starts, count == 0 ? new int[] {0} : groups(starts, ids));
    }

    /**
     * Where groups start (row offsets, then the row count) among blocks starting at rows {@code starts} with the
     * increasing item block numbers {@code ids}.
     */
    private static int[] groups(int[] starts, long[] ids) {
        int size = BlockPass.groupSize(starts[ids.length], ids[0], ids[ids.length - 1]);
        int[] out = new int[ids.length + 1];
        int count = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] / size != ids[i - 1] / size) {
                out[count++] = starts[i];
            }
        }
        out[count++] = starts[ids.length];
        return Arrays.copyOf(out, count);
    }

    /** Number of blocks. */
    int count() {
        return starts.length - 1;
    }

    /** Number of sum groups. */
    int groupCount() {
        return groups.length - 1;
    }

    /** Rows of sum groups {@code [first, last)}. */
    int rows(int first, int last) {
        return groups[last] - groups[first];
    }
}
