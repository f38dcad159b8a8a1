package scar.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Finds, for many (draw, class) pairs at once, the key of the {@code take}-th eligible item of the class in the
 * draw — the threshold of a keyed draw (SPEC §4.1) — with a few passes over the items' labels only (never their
 * embeddings). Each pass splits every unresolved key range into 256 buckets and counts eligible keys per bucket; a
 * range left with at most {@link #COLLECT} keys is resolved by collecting them. Keys are compared as signed 64-bit
 * integers; ranges are prefixes of {@code key ^ Long.MIN_VALUE}, which orders the same way unsigned.
 */
final class KeyedSelection {
    static final int COLLECT = 512;

    private KeyedSelection() {
    }

    /** What counts as eligible in a selection: items not held out (for fits) or every item (for the hold-out). */
    interface Eligible extends java.io.Serializable {
        boolean test(int item, int label);
    }

    /**
     * @param drawMixes the {@link Draws#drawMix} of every draw
     * @param take      per (draw d, class c) at {@code d·K + c}: the rank wanted, 1 ≤ take &lt; eligible items
     *                  (other pairs: 0, skipped)
     * @return per pair the threshold key, or {@link Draws#NONE} for skipped pairs
     */
    static long[] thresholds(JavaSparkContext sc, JavaRDD<Block> blocks, long[] drawMixes, int numClasses,
                             int[] take, Eligible eligible) {
        int pairs = take.length;
        long[] prefix = new long[pairs];
        int[] bits = new int[pairs];
        long[] need = new long[pairs];
        long[] out = new long[pairs];
        Arrays.fill(out, Draws.NONE);
        List<Integer> active = new ArrayList<>();
        for (int q = 0; q < pairs; q++) {
            if (take[q] > 0) {
                active.add(q);
                need[q] = take[q];
            }
        }
        while (!active.isEmpty()) {
            int[] act = active.stream().mapToInt(Integer::intValue).toArray();
            long[] pre = new long[act.length];
            int[] bit = new int[act.length];
            for (int a = 0; a < act.length; a++) {
                pre[a] = prefix[act[a]];
                bit[a] = bits[act[a]];
            }
            Broadcast<Query> query = sc.broadcast(new Query(drawMixes, numClasses, act, pre, bit, eligible));
            long[] hist = blocks.map(b -> histogram(b, query.value())).treeReduce(KeyedSelection::add);
            query.destroy();
            List<Integer> next = new ArrayList<>();
            List<Integer> collect = new ArrayList<>();
            for (int a = 0; a < act.length; a++) {
                int q = act[a];
                long seen = 0;
                int bucket = 0;
                while (seen + hist[a * 256 + bucket] < need[q]) {
                    seen += hist[a * 256 + bucket];
                    bucket++;
                }
                need[q] -= seen;
                prefix[q] = (prefix[q] << 8) | bucket;
                bits[q] += 8;
                (hist[a * 256 + bucket] <= COLLECT || bits[q] == 64 ? collect : next).add(q);
            }
            if (!collect.isEmpty()) {
                resolve(sc, blocks, drawMixes, numClasses, collect, prefix, bits, need, eligible, out);
            }
            active = next;
        }
        return out;
    }

    private static void resolve(JavaSparkContext sc, JavaRDD<Block> blocks, long[] drawMixes, int numClasses,
                                List<Integer> collect, long[] prefix, int[] bits, long[] need, Eligible eligible,
                                long[] out) {
        int[] act = collect.stream().mapToInt(Integer::intValue).toArray();
        long[] pre = new long[act.length];
        int[] bit = new int[act.length];
        for (int a = 0; a < act.length; a++) {
            pre[a] = prefix[act[a]];
            bit[a] = bits[act[a]];
        }
        Broadcast<Query> query = sc.broadcast(new Query(drawMixes, numClasses, act, pre, bit, eligible));
        List<long[]> keys = blocks.map(b -> keysIn(b, query.value())).treeReduce(KeyedSelection::concat);
        query.destroy();
        for (int a = 0; a < act.length; a++) {
            long[] k = keys.get(a);
            Arrays.sort(k);
            out[act[a]] = k[(int) need[act[a]] - 1];
        }
    }

    /** The pairs of one pass: pair a is (draw act[a] / K, class act[a] % K) within key range (pre[a], bit[a]). */
    private record Query(long[] drawMixes, int numClasses, int[] act, long[] pre, int[] bit, Eligible eligible)
            implements java.io.Serializable {
        /** Slot of pair (draw d, class c) in act, or −1. */
        int[] slots() {
            int[] s = new int[drawMixes.length * numClasses];
            Arrays.fill(s, -1);
            for (int a = 0; a < act.length; a++) {
                s[act[a]] = a;
            }
            return s;
        }
    }

    private static long[] histogram(Block b, Query q) {
        long[] hist = new long[q.act().length * 256];
        int[] slots = q.slots();
        for (int r = 0; r < b.rows(); r++) {
            int item = b.first() + r;
            int c = b.labels()[r];
            if (!q.eligible().test(item, c)) {
                continue;
            }
            for (int d = 0; d < q.drawMixes().length; d++) {
                int a = slots[d * q.numClasses() + c];
                if (a < 0) {
                    continue;
                }
                long u = Draws.key(q.drawMixes()[d], item) ^ Long.MIN_VALUE;
                int bits = q.bit()[a];
                if (bits == 0 || (u >>> (64 - bits)) == q.pre()[a]) {
                    hist[a * 256 + (int) ((u >>> (56 - bits)) & 0xFF)]++;
                }
            }
        }
        return hist;
    }

    private static List<long[]> keysIn(Block b, Query q) {
        int[] slots = q.slots();
        long[][] found = new long[q.act().length][];
        int[] count = new int[q.act().length];
        for (int a = 0; a < found.length; a++) {
            found[a] = new long[4];
        }
        for (int r = 0; r < b.rows(); r++) {
            int item = b.first() + r;
            int c = b.labels()[r];
            if (!q.eligible().test(item, c)) {
                continue;
            }
            for (int d = 0; d < q.drawMixes().length; d++) {
                int a = slots[d * q.numClasses() + c];
                if (a < 0) {
                    continue;
                }
                long key = Draws.key(q.drawMixes()[d], item);
                int bits = q.bit()[a];
                if (bits == 64 ? (key ^ Long.MIN_VALUE) == q.pre()[a]
                        : ((key ^ Long.MIN_VALUE) >>> (64 - bits)) == q.pre()[a]) {
                    if (count[a] == found[a].length) {
                        found[a] = Arrays.copyOf(found[a], 2 * count[a]);
                    }
                    found[a][count[a]++] = key;
                }
            }
        }
        List<long[]> out = new ArrayList<>();
        for (int a = 0; a < found.length; a++) {
            out.add(Arrays.copyOf(found[a], count[a]));
        }
        return out;
    }

    private static long[] add(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    private static List<long[]> concat(List<long[]> a, List<long[]> b) {
        List<long[]> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            long[] x = Arrays.copyOf(a.get(i), a.get(i).length + b.get(i).length);
            System.arraycopy(b.get(i), 0, x, a.get(i).length, b.get(i).length);
            out.add(x);
        }
        return out;
    }
}
