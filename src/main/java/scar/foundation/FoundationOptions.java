package scar.foundation;

import scar.text.Shortest;
import scar.text.Stored;

/**
 * Parameters of SPEC §5.3–5.5, validated on construction.
 *
 * @param delta   δ of the step sizes, in (0, 1); default 0.01
 * @param epsilon ε, the generalisation gap, in (0, 1); default 0.01
 * @param deltaE  δ_E, the dataset-level failure probability the foundation size solves for, in (0, 1); default 0.01
 * @param order   m, the number of inclusion–exclusion orders kept, ≥ 1; default 3. Orders above the number of
 *                classes K contribute nothing (e_o = 0 for o &gt; K)
 */
public record FoundationOptions(@Stored(min = 0, max = 1) double delta, @Stored(min = 0, max = 1) double epsilon,
                                @Stored(min = 0, max = 1) double deltaE, @Stored(min = 1) int order) {
    /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
    @Override
    public String toString() {
        return Shortest.record(this);
    }

    /**
     * @throws IllegalArgumentException if a probability lies outside (0, 1) or the order is below 1
     */
    public FoundationOptions {
        open01("delta", delta);
        open01("epsilon", epsilon);
        open01("deltaE", deltaE);
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
    }

    private static void open01(String name, double v) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must lie in (0, 1), got " + v);
        }
    }

    /** δ = ε = δ_E = 0.01, m = 3. */
    public static FoundationOptions defaults() {
        return new FoundationOptions(0.01, 0.01, 0.01, 3);
    }

    public FoundationOptions withOrder(int m) {
        return new FoundationOptions(delta, epsilon, deltaE, m);
    }

    public FoundationOptions withDelta(double d) {
        return new FoundationOptions(d, epsilon, deltaE, order);
    }

    public FoundationOptions withEpsilon(double e) {
        return new FoundationOptions(delta, e, deltaE, order);
    }

    public FoundationOptions withDeltaE(double d) {
        return new FoundationOptions(delta, epsilon, d, order);
    }
}
