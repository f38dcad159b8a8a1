package scar.foundation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded stratified draws over integer class labels 0..K−1.
 *
 * <p>The sweep's subsamples and the held-out items (SPEC §4) follow a <em>keyed</em> rule: every item gets a key,
 * a seeded 64-bit hash of (seed, draw, item index) ({@link #key}), and a class keeps the items with the smallest
 * keys. An item's fate depends only on its own index and the seed, never on the other items' order or on which
 * machine or partition holds it, so a distributed run draws the same subsamples as a local one.
 *
 * <p>The primary/reserve split and the fills of completion (SPEC §6) draw from a {@link SplittableRandom} consumed
 * in a fixed order, so the same seed gives the same rows.
 */
public final class Subsampling {
    private Subsampling() {
    }

    /** Item indices of each class, in increasing order: {@code result[c]} lists the items with label c. */
    public static int[][] byClass(int[] labels, int numClasses) {
        int[] counts = new int[numClasses];
        for (int y : labels) {
            counts[y]++;
        }
        int[][] out = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            out[c] = new int[counts[c]];
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            out[labels[i]][fill[labels[i]]++] = i;
        }
        return out;
    }

    /**
     * Draws {@code take[c]} items of every class c without replacement (a partial Fisher–Yates shuffle per class, in
     * class order) and returns their indices sorted increasingly.
     */
    public static int[] draw(int[][] byClass, int[] take, SplittableRandom random) {
        int total = Arrays.stream(take).sum();
        int[] out = new int[total];
        int pos = 0;
        for (int c = 0; c < byClass.length; c++) {
            int[] pool = byClass[c].clone();
            for (int j = 0; j < take[c]; j++) {
                int pick = j + random.nextInt(pool.length - j);
                int t = pool[j];
                pool[j] = pool[pick];
                pool[pick] = t;
                out[pos++] = pool[j];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** The draw of the held-out items in {@link #key}; fits use {@link #fitDraw}. */
    public static final long HOLD_OUT_DRAW = -1L;

    /**
     * The draw number of repeat {@code repeat} (0-based) at ratio {@code ratio}: {@code ratio · 2³² + repeat}, so a
     * subsample does not depend on which other ratios the sweep runs.
     */
    public static long fitDraw(int ratio, int repeat) {
        return ((long) ratio << 32) + repeat;
    }

    /**
     * The key of item {@code item} in draw {@code draw} of a study seeded with {@code seed}:
     * {@code mix(mix(mix(seed) ^ draw) ^ item)} with {@code mix} the SplitMix64 finaliser. Items are ranked by key as
     * signed 64-bit integers, ties by item index.
     */
    public static long key(long seed, long draw, long item) {
        return mix(mix(mix(seed) ^ draw) ^ item);
    }

    /** The seed of a fit's own randomness (the reference probe's initial weights): the key of item −1. */
    public static long fitSeed(long seed, long draw) {
        return key(seed, draw, -1L);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood, 2014): a bijection of 64-bit integers that mixes every bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The keyed draw: of every class c, the {@code take[c]} items of {@code byClass[c]} with the smallest
     * {@link #key}{@code (seed, draw, item)}; returns all of them sorted increasingly.
     */
    public static int[] keyedDraw(int[][] byClass, int[] take, long seed, long draw) {
        int total = Arrays.stream(take).sum();
        int[] out = new int[total];
        int pos = 0;
        for (int c = 0; c < byClass.length; c++) {
            int[] items = byClass[c];
            int want = take[c];
            if (want >= items.length) {
                System.arraycopy(items, 0, out, pos, items.length);
                pos += items.length;
                continue;
            }
            if (want <= 0) {
                continue;
            }
            long[] keys = new long[items.length];
            for (int j = 0; j < items.length; j++) {
                keys[j] = key(seed, draw, items[j]);
            }
            long threshold = smallest(keys.clone(), want - 1);
            int below = 0;
            for (long key : keys) {
                below += key < threshold ? 1 : 0;
            }
            int ties = want - below;
            // items are increasing, so ties at the threshold go to the lower item indices
            for (int j = 0; j < items.length; j++) {
                if (keys[j] < threshold) {
                    out[pos++] = items[j];
                } else if (keys[j] == threshold && ties > 0) {
                    out[pos++] = items[j];
                    ties--;
                }
            }
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * The value that would stand at index {@code k} if {@code a} were sorted increasingly (a selection, not a sort:
     * a draw needs only its threshold; {@code a} is reordered). Quickselect around a median of three, with a sort
     * of the remaining range as the fallback when it keeps splitting badly, so it is never worse than a sort.
     */
    static long smallest(long[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        int budget = 2 * (64 - Long.numberOfLeadingZeros(a.length));
        while (hi - lo > 16) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            long x = a[lo];
            long y = a[mid];
            long z = a[hi];
            long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            // three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                long v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        Arrays.sort(a, lo, hi + 1);
        return a[k];
    }

    /**
     * The keyed hold-out: of every class, ⌊fraction · n_c⌋ items by {@link #keyedDraw} with draw
     * {@link #HOLD_OUT_DRAW}. Returns {@code [rest, held out]}, each sorted increasingly.
     */
    public static int[][] keyedHoldOut(int[] labels, int numClasses, double fraction, long seed) {
        int[][] byClass = byClass(labels, numClasses);
        int[] take = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            take[c] = (int) Math.floor(fraction * byClass[c].length);
        }
        int[] held = keyedDraw(byClass, take, seed, HOLD_OUT_DRAW);
        return new int[][] {complement(held, labels.length), held};
    }

    /** ⌊n_c / r⌋ of every class: the stratified subsample of ratio r. */
    public static int[] perClassTake(int[][] byClass, int ratio) {
        int[] take = new int[byClass.length];
        for (int c = 0; c < take.length; c++) {
            take[c] = byClass[c].length / ratio;
        }
        return take;
    }

    /**
     * Splits every class into a first part of ⌊fraction · n_c⌋ items and the rest, drawn at random. Returns the two
     * parts' indices, each sorted increasingly: {@code [first, rest]}.
     */
    public static int[][] split(int[] labels, int numClasses, double fraction, SplittableRandom random) {
        int[][] byClass = byClass(labels, numClasses);
        int[] take = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            take[c] = (int) Math.floor(fraction * byClass[c].length);
        }
        int[] first = draw(byClass, take, random);
        return new int[][] {first, complement(first, labels.length)};
    }

    /** The indices 0..n−1 not in {@code sortedSubset}, increasing. */
    public static int[] complement(int[] sortedSubset, int n) {
        int[] out = new int[n - sortedSubset.length];
        int pos = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k < sortedSubset.length && sortedSubset[k] == i) {
                k++;
            } else {
                out[pos++] = i;
            }
        }
        return out;
    }

    /** {@code values[indices[j]]} for every j. */
    public static int[] select(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            out[j] = values[indices[j]];
        }
        return out;
    }
}
