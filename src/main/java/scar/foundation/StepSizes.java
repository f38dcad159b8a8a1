package scar.foundation;

import java.util.Objects;

/**
 * Step size of one class (SPEC §5.3): n_c = max(0, ln(H_c / δ) / (2 ε²)), the number of items a one-vs-rest step with
 * hypothesis-space size H_c needs for generalisation error ε with confidence 1 − δ (δ = ε = 0.01 by default).
 *
 * <p>Edge case: H_c ≤ δ gives n_c = 0 — a hypothesis space that small needs no items. The bare formula is negative
 * there (the reference returns it as it is), and a negative count of items would make shortfalls, plans and the
 * fallback foundation size Σ n_c negative; the library clamps at 0 and SPEC §5.3 says so.
 */
public final class StepSizes {
    private StepSizes() {
    }

    /**
     * n = max(0, ln(H/δ)/(2ε²)).
     *
     * @throws IllegalArgumentException if H is not finite and positive, or δ or ε is not finite and positive
     */
    public static double stepSize(double height, double delta, double epsilon) {
        if (!(height > 0) || Double.isInfinite(height)) {
            throw new IllegalArgumentException("H must be finite and > 0, got " + height);
        }
        if (!(delta > 0) || Double.isInfinite(delta) || !(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("δ and ε must be finite and > 0, got δ = " + delta + ", ε = " + epsilon);
        }
        return Math.max(0, Math.log(height / delta) / (2 * (epsilon * epsilon)));
    }

    /** n = ln(H/δ)/(2ε²) with the default δ = ε = 0.01 ({@link FoundationOptions#defaults()}). */
    public static double stepSize(double height) {
        FoundationOptions o = FoundationOptions.defaults();
        return stepSize(height, o.delta(), o.epsilon());
    }

    /** n for every H with the options' δ and ε. */
    public static double[] of(double[] heights, FoundationOptions options) {
        Objects.requireNonNull(heights, "heights");
        Objects.requireNonNull(options, "options");
        double[] n = new double[heights.length];
        for (int c = 0; c < n.length; c++) {
            if (!(heights[c] > 0) || Double.isInfinite(heights[c])) {
                throw new IllegalArgumentException("H of class " + c + " must be finite and > 0, got " + heights[c]);
            }
            n[c] = stepSize(heights[c], options.delta(), options.epsilon());
        }
        return n;
    }

    /** Σ n_c, added left to right as the reference's {@code sum()} does. */
    static double sum(double[] stepSizes) {
        double s = 0;
        for (double n : stepSizes) {
            s += n;
        }
        return s;
    }
}
