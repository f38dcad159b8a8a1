package scar.measure;

import java.io.Serializable;

/**
 * The per-class counts behind Scale, Authenticity and Richness (SPEC §3), gathered one item at a time and
 * mergeable, so that items spread over machines give the same counts as items in one array. {@link Measures}
 * turns them, with Coverage, into {@link ClassMeasures}.
 */
public final class MeasureCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int numClasses;
    final int[] predictedInV;
    final int[] labelledInV;
    final int[] truePositiveInV;
    int items;
    int correct;
    int allWrong;

    public MeasureCounts(int numClasses) {
        this.numClasses = numClasses;
        this.predictedInV = new int[numClasses];
        this.labelledInV = new int[numClasses];
        this.truePositiveInV = new int[numClasses];
    }

    /** Adds one item with label y and prediction p. With K = 2 a wrong item is wrong for every class (SPEC §3.1). */
    public void add(int y, int p) {
        items++;
        if (p == y) {
            correct++;
        } else if (numClasses == 2) {
            allWrong++;
            return;
        }
        predictedInV[p]++;
        labelledInV[y]++;
        if (p == y) {
            truePositiveInV[p]++;
        }
    }

    /** Adds the counts of other items; returns this. */
    public MeasureCounts merge(MeasureCounts other) {
        if (other.numClasses != numClasses) {
            throw new IllegalArgumentException("cannot merge counts of " + other.numClasses + " and " + numClasses
                    + " classes");
        }
        for (int c = 0; c < numClasses; c++) {
            predictedInV[c] += other.predictedInV[c];
            labelledInV[c] += other.labelledInV[c];
            truePositiveInV[c] += other.truePositiveInV[c];
        }
        items += other.items;
        correct += other.correct;
        allWrong += other.allWrong;
        return this;
    }

    public int numClasses() {
        return numClasses;
    }

    /** Items counted. */
    public int items() {
        return items;
    }

    /** Items whose prediction is their label. */
    public int correct() {
        return correct;
    }
}
