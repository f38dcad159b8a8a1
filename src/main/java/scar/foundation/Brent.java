package scar.foundation;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/**
 * Brent's root finder on a bracketing interval: inverse quadratic interpolation or a secant step when it makes
 * good progress, bisection otherwise, so it converges superlinearly on smooth functions and never slower than
 * bisection. Stops when the bracket half-width is below (xTol + rTol·|x|)/2 or f(x) = 0 — the convention of
 * scipy's {@code brentq}, whose defaults {@link #X_TOL} and {@link #R_TOL} SPEC §5.5 uses.
 */
public final class Brent {
    /** Absolute x tolerance of SPEC §5.5. */
    public static final double X_TOL = 2e-12;
    /** Relative x tolerance: four machine epsilons. */
    public static final double R_TOL = 4 * Math.ulp(1.0);
    /** Iteration limit. */
    public static final int MAX_ITERATIONS = 100;

    private Brent() {
    }

    /** A root of f in [a, b] with the default tolerances. @see #root(DoubleUnaryOperator, double, double, double, double, int) */
    public static OptionalDouble root(DoubleUnaryOperator f, double a, double b) {
        return root(f, a, b, X_TOL, R_TOL, MAX_ITERATIONS);
    }

    /**
     * A root of f in [a, b].
     *
     * @return the root; empty if f(a) and f(b) have the same sign (no root is bracketed), if f(a) or f(b) is not
     *         finite, or if the method has not converged after {@code maxIterations} steps
     * @throws IllegalArgumentException if a or b is not finite, or a tolerance is negative
     */
    public static OptionalDouble root(DoubleUnaryOperator f, double a, double b, double xTol, double rTol,
                                      int maxIterations) {
        Objects.requireNonNull(f, "f");
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("bracket must be finite, got [" + a + ", " + b + "]");
        }
        if (!(xTol >= 0) || !(rTol >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got " + xTol + ", " + rTol);
        }
        double last = a;
        double fLast = f.applyAsDouble(a);
        double best = b;
        double fBest = f.applyAsDouble(b);
        if (!Double.isFinite(fLast) || !Double.isFinite(fBest)) {
            return OptionalDouble.empty();
        }
        if (fLast == 0) {
            return OptionalDouble.of(last);
        }
        if (fBest == 0) {
            return OptionalDouble.of(best);
        }
        if ((fLast < 0) == (fBest < 0)) {
            return OptionalDouble.empty();
        }
        // "best" is the current estimate, "last" the previous one, "other" the end of the bracket opposite "best"
        double other = 0;
        double fOther = 0;
        double stepBefore = 0;
        double step = 0;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (fLast != 0 && fBest != 0 && (fLast < 0) != (fBest < 0)) {
                other = last;
                fOther = fLast;
                stepBefore = best - last;
                step = stepBefore;
            }
            if (Math.abs(fOther) < Math.abs(fBest)) {
                last = best;
                best = other;
                other = last;
                fLast = fBest;
                fBest = fOther;
                fOther = fLast;
            }
            double tol = (xTol + rTol * Math.abs(best)) / 2;
            double half = (other - best) / 2;
            if (fBest == 0 || Math.abs(half) < tol) {
                return OptionalDouble.of(best);
            }
            if (Math.abs(stepBefore) > tol && Math.abs(fBest) < Math.abs(fLast)) {
                double trial;
                if (last == other) {
                    trial = -fBest * (best - last) / (fBest - fLast);
                } else {
                    double slopeLast = (fLast - fBest) / (last - best);
                    double slopeOther = (fOther - fBest) / (other - best);
                    trial = -fBest * (fOther * slopeOther - fLast * slopeLast)
                            / (slopeOther * slopeLast * (fOther - fLast));
                }
                if (2 * Math.abs(trial) < Math.min(Math.abs(stepBefore), 3 * Math.abs(half) - tol)) {
                    stepBefore = step;
                    step = trial;
                } else {
                    stepBefore = half;
                    step = half;
                }
            } else {
                stepBefore = half;
                step = half;
            }
            last = best;
            fLast = fBest;
            best += Math.abs(step) > tol ? step : (half > 0 ? tol : -tol);
            fBest = f.applyAsDouble(best);
            if (Double.isNaN(fBest)) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }
}
