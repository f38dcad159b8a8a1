package scar.foundation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded stratified draws over integer class labels 0..K−1: the sweep's subsamples (SPEC §4), held-out test sets and
 * the primary/reserve split of completion (SPEC §6). Every method consumes the given random source in a fixed order,
 * so the same seed gives the same rows.
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
