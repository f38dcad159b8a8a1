package scar.foundation;

import java.util.Objects;

/**
 * The lower exponential envelope of one class's h over x = 1/r (SPEC §5.2): the largest a such that
 * a·(1 − e^{−λx}) ≤ y at every valid point, maximised over a fixed grid of λ.
 *
 * <p>The grid is numpy's {@code logspace(-4, 1, 1000)}: λ_j = 10^(j·(5/999) − 4), λ_999 = 10, and λ_0 =
 * 9.999999999999999e-05 (one ulp below 10⁻⁴, the value the reference produced; SPEC §5.2). For each λ,
 * a(λ) = min_j y_j / (1 − exp(−λ x_j)) over the valid points, skipping a λ for which some 1 − exp(−λx) ≤ 0;
 * H = the first strict maximum of a(λ). Since a(λ) never increases with λ, H is attained at λ_0 whenever
 * λ_0·x underflows nowhere.
 *
 * <p>Valid points have x &gt; 0 and a finite y &gt; 0; NaN, zero, negative and infinite y are dropped (a point with
 * y = 0 comes from Coverage = 1). No valid point, or no λ giving a positive envelope, is an
 * {@link IllegalArgumentException}; the message names the class when a context is given.
 */
public final class Envelope {
    /** Number of λ values in the grid. */
    public static final int GRID_SIZE = 1000;
    private static final double[] LAMBDAS = grid();

    /**
     * The fitted envelope: its height H (the class's hypothesis-space size) and the λ it was attained at.
     *
     * @param height H = a(λ*)
     * @param lambda λ*
     * @param points number of valid (x, y) points used
     */
    public record Fit(double height, double lambda, int points) {
    }

    private Envelope() {
    }

    private static double[] grid() {
        double[] g = new double[GRID_SIZE];
        double step = 5.0 / (GRID_SIZE - 1);
        for (int j = 0; j < GRID_SIZE - 1; j++) {
            g[j] = Math.pow(10, j * step + -4.0);
        }
        g[0] = Math.nextDown(1e-4);
        g[GRID_SIZE - 1] = 10.0;
        return g;
    }

    /** A copy of the λ grid. */
    public static double[] lambdaGrid() {
        return LAMBDAS.clone();
    }

    /** H of the points (x_j, y_j). @see #fitWithLambda(double[], double[], String) */
    public static double fit(double[] x, double[] y) {
        return fitWithLambda(x, y, null).height();
    }

    /**
     * H of the points (x_j, y_j); {@code context} (e.g. "class 3 (cat)") is named in the error message.
     *
     * @see #fitWithLambda(double[], double[], String)
     */
    public static double fit(double[] x, double[] y, String context) {
        return fitWithLambda(x, y, context).height();
    }

    /**
     * The envelope fit with its λ.
     *
     * @param x       the points' x = 1/r
     * @param y       the points' h values; invalid ones are dropped
     * @param context what the points belong to, for error messages; may be null
     * @throws IllegalArgumentException if x and y differ in length, no point is valid, or no λ of the grid gives a
     *                                  positive 1 − exp(−λx) at every valid point
     */
    public static Fit fitWithLambda(double[] x, double[] y, String context) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        String who = context == null ? "" : " for " + context;
        if (x.length != y.length) {
            throw new IllegalArgumentException("envelope fit" + who + ": " + x.length + " x values but " + y.length
                    + " y values");
        }
        int m = 0;
        double[] vx = new double[x.length];
        double[] vy = new double[y.length];
        for (int j = 0; j < x.length; j++) {
            if (x[j] > 0 && y[j] > 0 && y[j] < Double.POSITIVE_INFINITY) {
                vx[m] = x[j];
                vy[m] = y[j];
                m++;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("envelope fit" + who + ": no valid point among " + x.length
                    + " (need x > 0 and a finite h > 0; h = " + java.util.Arrays.toString(y) + ")");
        }
        double best = 0;
        double bestLambda = Double.NaN;
        for (double lambda : LAMBDAS) {
            double a = Double.POSITIVE_INFINITY;
            boolean usable = true;
            for (int j = 0; j < m && usable; j++) {
                double f = 1 - Math.exp(-lambda * vx[j]);
                usable = f > 0;
                a = Math.min(a, vy[j] / f);
            }
            if (usable && a > best) {
                best = a;
                bestLambda = lambda;
            }
        }
        if (Double.isNaN(bestLambda)) {
            throw new IllegalArgumentException("envelope fit" + who + ": no λ in [1e-4, 10] gives 1 − exp(−λx) > 0 at"
                    + " every valid x (x values too small)");
        }
        return new Fit(best, bestLambda, m);
    }
}
