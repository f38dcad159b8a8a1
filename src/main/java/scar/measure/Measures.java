package scar.measure;

import java.util.List;
import java.util.Objects;

/**
 * Computes the four SCAR measures of one probe run (SPEC §3) and averages them over repeats (SPEC §4).
 *
 * <p>Inputs: training logits L (n × K), predicted classes p_i, labels y_i, ratio r. For class c the one-vs-rest
 * task has label b_i = [y_i = c] and decision q_i^c (HEAD: [p_i = c]; V1: its correctness). Then
 * <ul>
 *   <li><b>All-wrong set</b> A = items whose decision is wrong for every class. With one predicted class per item
 *       this is {p_i ≠ y_i} when K = 2 and empty when K ≥ 3, in both variants. V = all items \ A.</li>
 *   <li><b>Scale</b> S_c = ((n − |A|)/n)/r — 1/r for K ≥ 3.</li>
 *   <li><b>Authenticity</b> A_c = |T_c|/n, T_c = items of V on which class c's one-vs-rest decision is right
 *       (identical in both variants).</li>
 *   <li><b>Richness</b> R_c = (|T_c| + Σ_{i ∈ V \ T_c} ρ_i)/|V|, ρ_i = mean over the other K − 1 classes of their
 *       decision q_i^{c'}; 0 if V is empty. HEAD: ρ_i = 1/(K − 1) for a false negative, 0 for a false positive.
 *       V1: ρ_i = (K − 2)/(K − 1). With K = 2, V \ T_c is empty and R_c = 1.</li>
 *   <li><b>Coverage</b> C_c = mean of 1 − {@link Jsd JSD} over the non-empty branches, 0 if both are empty.
 *       Branch 1: L[i,c] of the true positives; branch 0: −L[i,c] of the false positives (HEAD) or of the true
 *       negatives (V1); only values &gt; 0 are kept (so NaN logits are dropped, as in the reference); all n items
 *       count, not only V. A class never predicted has HEAD Coverage 0.</li>
 *   <li><b>Accuracy</b> = mean(p_i = y_i).</li>
 * </ul>
 * The reference passes the number of items separately as {@code num_samples}; its experiments always pass the
 * number of rows of the training set, so here n = {@code logits.rows()}.
 *
 * <p>Cost: O(n·K) time at most. HEAD reads only L[i, p_i] and allocates O(n + K) memory; V1 reads every logit and
 * allocates one buffer of n values. Neither allocates an n × K temporary.
 */
public final class Measures {
    private Measures() {
    }

    /**
     * The measures of one probe run (HEAD semantics) from its n × K training logits as rows and the labels; the
     * predictions are the argmax of each row (ties to the lowest class), as a probe makes them.
     *
     * @throws IllegalArgumentException if there are no rows, the rows differ in length, there are fewer than 2
     *                                  classes, a label lies outside 0..K-1, or the ratio is below 1
     */
    public static ClassMeasures ofLogitRows(double[][] logits, int[] labels, double ratio) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("measures need at least one item, got no logit rows");
        }
        int k = logits[0].length;
        double[] flat = new double[logits.length * k];
        int[] predictions = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            if (logits[i].length != k) {
                throw new IllegalArgumentException("logit row " + i + " has " + logits[i].length
                        + " values, expected " + k + " (one per class, as row 0)");
            }
            System.arraycopy(logits[i], 0, flat, i * k, k);
            for (int c = 1; c < k; c++) {
                if (logits[i][c] > logits[i][predictions[i]]) {
                    predictions[i] = c;
                }
            }
        }
        return compute(Logits.of(flat, logits.length, k), predictions, labels, k, ratio, MeasureVariant.HEAD);
    }

    /**
     * The measures of one probe run.
     *
     * @param logits      n × K training logits
     * @param predictions predicted class of every item, in [0, K)
     * @param labels      label of every item, in [0, K)
     * @param numClasses  K ≥ 2; must equal {@code logits.classes()}
     * @param ratio       the run's subsampling ratio r, finite and ≥ 1
     * @param variant     HEAD (the default semantics) or V1
     * @throws IllegalArgumentException if the sizes disagree, n = 0, K &lt; 2, a class index is out of range, the
     *                                  ratio is below 1, or a kept logit is infinite
     */
    public static ClassMeasures compute(Logits logits, int[] predictions, int[] labels, int numClasses, double ratio,
                                        MeasureVariant variant) {
        Objects.requireNonNull(logits, "logits");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(variant, "variant");
        int n = logits.rows();
        int k = numClasses;
        if (k < 2) {
            throw new IllegalArgumentException("SCAR measures need at least 2 classes, got numClasses = " + k);
        }
        if (logits.classes() != k) {
            throw new IllegalArgumentException("logits have " + logits.classes() + " columns but numClasses = " + k);
        }
        if (n == 0) {
            throw new IllegalArgumentException("SCAR measures need at least one item, got 0 logit rows");
        }
        if (predictions.length != n || labels.length != n) {
            throw new IllegalArgumentException("logits have " + n + " rows but there are " + predictions.length
                    + " predictions and " + labels.length + " labels");
        }
        if (!(ratio >= 1) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("ratio must be finite and >= 1, got " + ratio);
        }
        checkClasses("prediction", predictions, k);
        checkClasses("label", labels, k);

        MeasureCounts counts = new MeasureCounts(k);
        for (int i = 0; i < n; i++) {
            counts.add(labels[i], predictions[i]);
        }
        double[] coverage = variant == MeasureVariant.HEAD
                ? Coverage.head(logits, predictions, labels, k)
                : Coverage.v1(logits, predictions, labels, k);
        return of(counts, coverage, ratio, variant);
    }

    /**
     * The measures from per-class counts and Coverage (SPEC §3), for items gathered elsewhere
     * ({@link MeasureCounts}, {@link CoverageSums}).
     *
     * @throws IllegalArgumentException if no item was counted or the coverage has the wrong length
     */
    public static ClassMeasures of(MeasureCounts counts, double[] coverage, double ratio, MeasureVariant variant) {
        int k = counts.numClasses();
        int n = counts.items;
        if (n == 0) {
            throw new IllegalArgumentException("SCAR measures need at least one item, got 0");
        }
        if (coverage.length != k) {
            throw new IllegalArgumentException(coverage.length + " coverage values for " + k + " classes");
        }
        int valid = n - counts.allWrong;
        double[] scale = new double[k];
        double[] authenticity = new double[k];
        double[] richness = new double[k];
        double others = variant == MeasureVariant.HEAD ? 1.0 / (k - 1) : (k - 2.0) / (k - 1);
        for (int c = 0; c < k; c++) {
            int falsePositives = counts.predictedInV[c] - counts.truePositiveInV[c];
            int falseNegatives = counts.labelledInV[c] - counts.truePositiveInV[c];
            int right = valid - falsePositives - falseNegatives;
            int credited = variant == MeasureVariant.HEAD ? falseNegatives : falsePositives + falseNegatives;
            scale[c] = ((double) valid / n) / ratio;
            authenticity[c] = (double) right / n;
            richness[c] = valid == 0 ? 0.0 : (right + credited * others) / valid;
        }
        return new ClassMeasures(ratio, scale, coverage, authenticity, richness, (double) counts.correct / n);
    }

    /**
     * The per-class mean of each measure, and the mean accuracy, over the repeats of one ratio (SPEC §4), summed in
     * numpy's order ({@link PairwiseSum}) as the reference's {@code np.mean} did. A NaN Coverage makes that class's
     * mean Coverage NaN.
     *
     * @throws IllegalArgumentException if the list is empty or the runs differ in K or ratio
     */
    public static ClassMeasures average(List<ClassMeasures> repeats) {
        Objects.requireNonNull(repeats, "repeats");
        if (repeats.isEmpty()) {
            throw new IllegalArgumentException("cannot average an empty list of measures");
        }
        ClassMeasures first = repeats.get(0);
        int k = first.numClasses();
        for (int j = 1; j < repeats.size(); j++) {
            ClassMeasures m = repeats.get(j);
            if (m.numClasses() != k || Double.compare(m.ratio(), first.ratio()) != 0) {
                throw new IllegalArgumentException("repeat " + j + " has K = " + m.numClasses() + " at ratio "
                        + m.ratio() + ", expected K = " + k + " at ratio " + first.ratio() + " like repeat 0");
            }
        }
        int r = repeats.size();
        double[] column = new double[r];
        double[][] mean = new double[4][k];
        for (int c = 0; c < k; c++) {
            for (int which = 0; which < 4; which++) {
                for (int j = 0; j < r; j++) {
                    ClassMeasures m = repeats.get(j);
                    column[j] = which == 0 ? m.scale(c) : which == 1 ? m.coverage(c)
                            : which == 2 ? m.authenticity(c) : m.richness(c);
                }
                mean[which][c] = PairwiseSum.mean(column, 0, r);
            }
        }
        for (int j = 0; j < r; j++) {
            column[j] = repeats.get(j).accuracy();
        }
        return new ClassMeasures(first.ratio(), mean[0], mean[1], mean[2], mean[3], PairwiseSum.mean(column, 0, r));
    }

    private static void checkClasses(String what, int[] values, int k) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= k) {
                throw new IllegalArgumentException(what + " of item " + i + " is " + values[i]
                        + ", expected a class in [0, " + k + ")");
            }
        }
    }
}
