package scar.evidence;

import java.util.Arrays;
import java.util.Objects;

import scar.text.Stored;

/**
 * What one probe scores on the held-out items, per class: how many items the class has (support), how many of them
 * the probe recalls (correct), and how many items it predicts as the class. Every held-out figure of the evidence is
 * a function of these counts.
 *
 * @param support   held-out items of each class
 * @param correct   of those, the ones predicted as their own class
 * @param predicted held-out items predicted as each class
 */
public record HeldOutScore(@Stored(min = 0) int[] support, @Stored(min = 0) int[] correct,
                           @Stored(min = 0) int[] predicted) {

    /** Copies the arrays. @throws IllegalArgumentException if their lengths differ or a count is impossible */
    public HeldOutScore {
        support = Objects.requireNonNull(support, "support").clone();
        correct = Objects.requireNonNull(correct, "correct").clone();
        predicted = Objects.requireNonNull(predicted, "predicted").clone();
        if (correct.length != support.length || predicted.length != support.length) {
            throw new IllegalArgumentException("counts of " + support.length + ", " + correct.length + " and "
                    + predicted.length + " classes; expected the same number");
        }
        for (int c = 0; c < support.length; c++) {
            if (correct[c] < 0 || correct[c] > support[c] || correct[c] > predicted[c]) {
                throw new IllegalArgumentException("class " + c + ": " + correct[c] + " correct of " + support[c]
                        + " items and " + predicted[c] + " predictions");
            }
        }
    }

    /** The counts of {@code predictions} against {@code labels} over K classes. */
    public static HeldOutScore of(int[] labels, int[] predictions, int numClasses) {
        if (labels.length != predictions.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predictions.length + " predictions");
        }
        int[] support = new int[numClasses];
        int[] correct = new int[numClasses];
        int[] predicted = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            support[labels[i]]++;
            predicted[predictions[i]]++;
            if (labels[i] == predictions[i]) {
                correct[labels[i]]++;
            }
        }
        return new HeldOutScore(support, correct, predicted);
    }

    public int numClasses() {
        return support.length;
    }

    /** Held-out items in all. */
    public int size() {
        return Arrays.stream(support).sum();
    }

    /** Share of held-out items predicted as their class; NaN without items. */
    public double accuracy() {
        int n = size();
        return n == 0 ? Double.NaN : (double) Arrays.stream(correct).sum() / n;
    }

    /** Recall of class c: correct / support; NaN when the class has no held-out item. */
    public double recall(int c) {
        return support[c] == 0 ? Double.NaN : (double) correct[c] / support[c];
    }

    /**
     * F1 of class c, 2·TP / (support + predicted); NaN when the class neither occurs nor is predicted, 0 when it
     * occurs or is predicted but never correctly.
     */
    public double f1(int c) {
        int denominator = support[c] + predicted[c];
        return denominator == 0 ? Double.NaN : 2.0 * correct[c] / denominator;
    }

    /** Mean F1 over the classes that occur among the held-out items or are predicted (scikit-learn's macro-F1). */
    public double macroF1() {
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < support.length; c++) {
            double f = f1(c);
            if (!Double.isNaN(f)) {
                sum += f;
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    @Override
    public int[] support() {
        return support.clone();
    }

    @Override
    public int[] correct() {
        return correct.clone();
    }

    @Override
    public int[] predicted() {
        return predicted.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldOutScore s && Arrays.equals(support, s.support) && Arrays.equals(correct, s.correct)
                && Arrays.equals(predicted, s.predicted);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(support) + Arrays.hashCode(correct)) + Arrays.hashCode(predicted);
    }

    @Override
    public String toString() {
        return "HeldOutScore[" + scar.text.Format.items(size()) + " items, accuracy "
                + scar.text.Format.share(accuracy()) + ", macro-F1 " + scar.text.Format.share(macroF1()) + "]";
    }
}
