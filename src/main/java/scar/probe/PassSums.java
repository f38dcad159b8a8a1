package scar.probe;

import java.io.Serializable;

/**
 * What one pass of the converged probe over some of a fit's rows adds up (SPEC §2.3): the cross-entropy summed over
 * the rows, the gradient of the mean loss (its rows' share: every row's term is already divided by the fit's row
 * count), and the number of correct argmax predictions. Sum groups' partials are added exactly ({@link ExactSum}),
 * so passes over disjoint sets of groups {@link #merge} into the same totals in any order, on any machine.
 */
public final class PassSums implements Serializable {
    private static final long serialVersionUID = 2L;

    private final int numClasses;
    private final int d;
    /** K·d weight gradient (row-major), K bias gradient, then the summed loss. */
    private final ExactSum sums;
    private long correct;
    private long rows;
    /** Group partials added: one exact addition of K·d + K + 1 terms each. */
    private long partials;

    public PassSums(int numClasses, int d) {
        this.numClasses = numClasses;
        this.d = d;
        this.sums = new ExactSum(numClasses * d + numClasses + 1);
    }

    /** Back to an empty pass (no rows, zero sums), ready to be filled again; returns this. */
    PassSums clear() {
        sums.clear();
        correct = 0;
        rows = 0;
        partials = 0;
        return this;
    }

    /**
     * Adds one sum group's partial: {@code slot} holds K·d + K gradient terms and the loss, as {@link BlockPass} fills
     * it, over {@code groupRows} rows of which {@code right} were predicted correctly.
     */
    void addGroup(double[] slot, int right, int groupRows) {
        sums.addAll(slot);
        correct += right;
        rows += groupRows;
        partials++;
    }

    /** Adds {@code other} (a pass over other sum groups of the same fit) exactly; returns this. */
    public PassSums merge(PassSums other) {
        if (other.numClasses != numClasses || other.d != d) {
            throw new IllegalArgumentException("cannot merge pass sums of K = " + other.numClasses + ", d = " + other.d
                    + " into K = " + numClasses + ", d = " + d);
        }
        sums.merge(other.sums);
        correct += other.correct;
        rows += other.rows;
        partials += other.partials;
        return this;
    }

    /** The mean cross-entropy over the fit's {@code n} rows. */
    public double meanLoss(long n) {
        return sums.get(numClasses * d + numClasses) * (1.0 / n);
    }

    /** Writes the weight gradient (K·d, row-major) and the bias gradient (K). */
    public void gradient(double[] gradW, double[] gradB) {
        int weights = numClasses * d;
        double[] all = sums.toArray();
        System.arraycopy(all, 0, gradW, 0, weights);
        System.arraycopy(all, weights, gradB, 0, numClasses);
    }

    /** Correct argmax predictions (ties to the lowest class) among the rows summed. */
    public long correct() {
        return correct;
    }

    /** Rows summed. */
    public long rows() {
        return rows;
    }

    /** Sum-group partials added (SPEC §2.3): what the exact additions cost is proportional to this. */
    public long partials() {
        return partials;
    }

    public int numClasses() {
        return numClasses;
    }

    public int dimension() {
        return d;
    }
}
