package scar.foundation;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/**
 * The dataset foundation size of SPEC §5.5.
 *
 * <p>With e_o the elementary symmetric polynomial of order o of H_1..H_K (computed exactly, {@link
 * ElementarySymmetric}), solve F(x) = Σ_{o=1..m} (−1)^{o+1} e_o·exp(−2ox) − δ_E = 0 — the truncated
 * inclusion–exclusion bound on the probability that some class fails — with {@link Brent Brent's method}
 * (x-tolerance 2e-12) on [x_lo, x_lo + 30], x_lo = max(ln(max H)/2, 1e-3). Then N_F = ln(ρ)·x* / ε². F is evaluated
 * as exp(M)·Σ ±exp(t_o − M) with t_o = −2ox + ln e_o and M = max t_o, so huge e_o never overflow.
 *
 * <p>Edge cases: K = 1 gives F(x) = H·exp(−2x) − δ_E, x* = ln(H/δ_E)/2. Orders above K add nothing. When F has
 * the same sign at both ends of the bracket (e.g. an even order m with many classes makes F(x_lo) &lt; 0), or the
 * solver does not converge, N_F = Σ_c n_c, the sum of the {@link StepSizes step sizes}, as in the reference, and the
 * estimate says so ({@link FoundationEstimate#fallback()}). ρ &lt; e is accepted (the pipeline floors ρ at e,
 * {@link ClassCountFactor}); ρ &lt; 1 would make N_F negative and is rejected.
 *
 * <p>Cost: O(K·m) for the sums plus about 10–40 evaluations of O(m) each; milliseconds for K = 1000.
 */
public final class FoundationSize {
    private FoundationSize() {
    }

    /**
     * @param heights per-class hypothesis-space sizes H_c, finite and &gt; 0
     * @param rho     class-count factor ρ ≥ 1
     * @param options δ, ε, δ_E, m
     * @throws IllegalArgumentException if there is no H, an H is not finite and positive, or ρ is not finite or
     *                                  below 1
     */
    public static FoundationEstimate estimate(double[] heights, double rho, FoundationOptions options) {
        Objects.requireNonNull(heights, "heights");
        Objects.requireNonNull(options, "options");
        if (heights.length == 0) {
            throw new IllegalArgumentException("foundation size needs at least one class H, got none");
        }
        if (!(rho >= 1) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be finite and >= 1 (the pipeline floors it at e), got " + rho);
        }
        double[] stepSizes = StepSizes.of(heights, options);
        int m = Math.min(options.order(), heights.length);
        double[] logE = ElementarySymmetric.logOf(heights, m);
        double maxH = heights[0];
        for (double h : heights) {
            maxH = Math.max(maxH, h);
        }
        double lo = Math.max(Math.log(maxH) / 2, 1e-3);
        OptionalDouble root = Brent.root(objective(logE, options.deltaE()), lo, lo + 30);
        if (root.isPresent()) {
            double x = root.getAsDouble();
            double eps = options.epsilon();
            return new FoundationEstimate(Math.log(rho) * x / (eps * eps), x, false, rho, options, heights, stepSizes);
        }
        return new FoundationEstimate(StepSizes.sum(stepSizes), Double.NaN, true, rho, options, heights, stepSizes);
    }

    /** {@link #estimate(double[], double, FoundationOptions)} with the default options. */
    public static FoundationEstimate estimate(double[] heights, double rho) {
        return estimate(heights, rho, FoundationOptions.defaults());
    }

    /** F(x) of the class Javadoc, from ln e_1..ln e_m. */
    static DoubleUnaryOperator objective(double[] logE, double deltaE) {
        int m = logE.length - 1;
        return x -> {
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 1; o <= m; o++) {
                max = Math.max(max, (-2.0 * o) * x + logE[o]);
            }
            double signed = 0;
            for (int o = 1; o <= m; o++) {
                double term = Math.exp((-2.0 * o) * x + logE[o] - max);
                signed += (o % 2 == 1) ? term : -term;
            }
            return Math.exp(max) * signed - deltaE;
        };
    }
}
