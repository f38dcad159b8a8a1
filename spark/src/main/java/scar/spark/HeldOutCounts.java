package scar.spark;

import java.io.Serializable;

import scar.evidence.HeldOutScore;

/** A fit's held-out counts per class (support, correct, predicted), gathered per partition and added. */
final class HeldOutCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    final int[] support;
    final int[] correct;
    final int[] predicted;

    HeldOutCounts(int numClasses) {
        support = new int[numClasses];
        correct = new int[numClasses];
        predicted = new int[numClasses];
    }

    void add(int label, int prediction) {
        support[label]++;
        predicted[prediction]++;
        if (label == prediction) {
            correct[label]++;
        }
    }

    HeldOutCounts merge(HeldOutCounts o) {
        for (int c = 0; c < support.length; c++) {
            support[c] += o.support[c];
            correct[c] += o.correct[c];
            predicted[c] += o.predicted[c];
        }
        return this;
    }

    HeldOutScore score() {
        return new HeldOutScore(support, correct, predicted);
    }
}
