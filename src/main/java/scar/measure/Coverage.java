package scar.measure;

/**
 * Coverage of every class (SPEC §3 step 5): the mean of 1 − JSD over the non-empty branches, 0 if both are empty.
 * Both branches range over all n items.
 */
final class Coverage {
    private Coverage() {
    }

    /**
     * HEAD: branch 1 holds L[i,c] of the true positives, branch 0 holds −L[i,c] of the false positives, each kept
     * where positive. Both need only the logit of an item's predicted class, so each item's logit is read once and
     * the kept values are grouped by (class, branch) in item order with a counting sort: O(n + K) memory.
     */
    static double[] head(Logits logits, int[] predictions, int[] labels, int k) {
        int n = predictions.length;
        double[] value = new double[n];
        int[] group = new int[n];
        int[] count = new int[2 * k];
        for (int i = 0; i < n; i++) {
            int p = predictions[i];
            boolean truePositive = labels[i] == p;
            double logit = logits.get(i, p);
            double v = truePositive ? logit : -logit;
            if (v > 0) {
                requireFinite(v, i, p);
                group[i] = 2 * p + (truePositive ? 1 : 0);
                value[i] = v;
                count[group[i]]++;
            } else {
                group[i] = -1;
            }
        }
        int[] start = new int[2 * k + 1];
        for (int g = 0; g < 2 * k; g++) {
            start[g + 1] = start[g] + count[g];
        }
        int[] next = start.clone();
        double[] grouped = new double[start[2 * k]];
        for (int i = 0; i < n; i++) {
            if (group[i] >= 0) {
                grouped[next[group[i]]++] = value[i];
            }
        }
        double[] coverage = new double[k];
        for (int c = 0; c < k; c++) {
            coverage[c] = combine(grouped, start[2 * c], start[2 * c + 1], start[2 * c + 2], false);
        }
        return coverage;
    }

    /**
     * V1: branch 1 holds L[i,c] of the true positives, branch 0 holds −L[i,c] of the true negatives, each kept where
     * positive. Reads every logit once, class by class, into one reusable buffer of n values.
     */
    static double[] v1(Logits logits, int[] predictions, int[] labels, int k) {
        int n = predictions.length;
        double[] buffer = new double[n];
        double[] coverage = new double[k];
        for (int c = 0; c < k; c++) {
            int negatives = 0;
            int positivesFromEnd = 0;
            for (int i = 0; i < n; i++) {
                boolean labelled = labels[i] == c;
                boolean predicted = predictions[i] == c;
                if (!labelled && !predicted) {
                    double v = -logits.get(i, c);
                    if (v > 0) {
                        requireFinite(v, i, c);
                        buffer[negatives++] = v;
                    }
                } else if (labelled && predicted) {
                    double v = logits.get(i, c);
                    if (v > 0) {
                        requireFinite(v, i, c);
                        buffer[n - 1 - positivesFromEnd++] = v;
                    }
                }
            }
            reverse(buffer, n - positivesFromEnd, n);
            coverage[c] = combine(buffer, 0, negatives, n - positivesFromEnd, n, true);
        }
        return coverage;
    }

    private static double combine(double[] values, int from0, int to0, int to1, boolean degenerateIsNaN) {
        return combine(values, from0, to0, to0, to1, degenerateIsNaN);
    }

    /** Mean of 1 − JSD over the non-empty ranges [from0, to0) (branch 0) and [from1, to1) (branch 1). */
    private static double combine(double[] values, int from0, int to0, int from1, int to1, boolean degenerateIsNaN) {
        boolean has0 = to0 > from0;
        boolean has1 = to1 > from1;
        double c0 = has0 ? 1 - Jsd.of(values, from0, to0, degenerateIsNaN) : 0;
        double c1 = has1 ? 1 - Jsd.of(values, from1, to1, degenerateIsNaN) : 0;
        if (has0 && has1) {
            return (c0 + c1) / 2;
        }
        return has0 ? c0 : has1 ? c1 : 0.0;
    }

    private static void reverse(double[] a, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void requireFinite(double v, int item, int c) {
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("logit of item " + item + " for class " + c
                    + " is infinite; Coverage needs finite logits");
        }
    }
}
