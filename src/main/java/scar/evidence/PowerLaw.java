package scar.evidence;

import scar.text.Shortest;
import scar.text.Stored;

/**
 * An inverse power law learning curve {@code y(n) = a − b·n^(−c)} (Figueroa et al., "Predicting sample size
 * required for classification performance", BMC Med. Inform. Decis. Mak. 12:8, 2012; Mahmood et al., "How much more
 * data do I need?", CVPR 2022): a held-out score that rises with the training size n towards the asymptote a.
 *
 * <p>{@link #fit} finds a, b, c by weighted least squares: for a fixed exponent c the model is linear in (a, b) and
 * solved in closed form; c is searched on a fixed logarithmic grid over [{@value #MIN_EXPONENT},
 * {@value #MAX_EXPONENT}] and refined by golden-section search next to the best grid point. The asymptote is kept at
 * or below {@code ceiling} (1 for accuracies and recalls) and b at or above 0 (a score that does not fall with more
 * data); at a bound the other parameter is refitted. Everything is deterministic.
 *
 * @param a asymptote: the score with unlimited data of this kind
 * @param b scale of the gap to the asymptote, ≥ 0
 * @param c exponent of the gap's decay, &gt; 0
 */
public record PowerLaw(@Stored double a, @Stored double b, @Stored double c) {
    /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
    @Override
    public String toString() {
        return Shortest.record(this);
    }

    /** Smallest exponent searched. */
    public static final double MIN_EXPONENT = 0.02;
    /** Largest exponent searched. */
    public static final double MAX_EXPONENT = 4.0;
    private static final int GRID = 160;

    /** The curve at size n. */
    public double at(double n) {
        return a - b * Math.pow(n, -c);
    }

    /** The gap to the asymptote at size n, b·n^(−c). */
    public double gap(double n) {
        return b * Math.pow(n, -c);
    }

    /**
     * The size at which the gap to the asymptote falls to {@code tolerance}: (b / tolerance)^(1/c); 0 when b = 0.
     */
    public double sizeWithin(double tolerance) {
        return b <= 0 ? 0 : Math.pow(b / tolerance, 1 / c);
    }

    /** Whether the exponent sits on a bound of the search, where the fit tells little about the curve's bend. */
    public boolean exponentAtBound() {
        return c <= MIN_EXPONENT * 1.0001 || c >= MAX_EXPONENT * 0.9999;
    }

    /** A fit and its weighted sum of squared residuals. */
    record Fitted(PowerLaw curve, double sse) {
    }

    /**
     * The weighted least-squares curve through the points (x_j, y_j) with weights w_j, the exponent refined between
     * grid points.
     *
     * @param x       sizes, &gt; 0; at least 3 distinct
     * @param y       scores
     * @param w       weights, &gt; 0
     * @param ceiling the largest asymptote allowed
     * @return the fit, or null when fewer than 3 distinct sizes are given
     */
    public static PowerLaw fit(double[] x, double[] y, double[] w, double ceiling) {
        Fitter fitter = Fitter.of(x);
        return fitter == null ? null : fitter.fit(y, w, ceiling, true).curve();
    }

    /**
     * Fits curves through points at fixed sizes: the powers x_j^(−c) of every grid exponent are computed once, so a
     * bootstrap can refit many replicates cheaply (grid only, a relative resolution of about 3.4 % in c).
     */
    static final class Fitter {
        private final double[] x;
        private final double[] exponents = new double[GRID];
        private final double[][] powers;
        /**
         * The weights of the last fit and, for them, Σw and every grid exponent's Σw·u and Σw·u², which do not depend
         * on the scores: a bootstrap refits hundreds of replicates with the same weights.
         */
        private double[] weights;
        private double sw;
        private final double[] swu = new double[GRID];
        private final double[] swuu = new double[GRID];

        private Fitter(double[] x) {
            this.x = x.clone();
            this.powers = new double[GRID][x.length];
            double logMin = Math.log(MIN_EXPONENT);
            double step = (Math.log(MAX_EXPONENT) - logMin) / (GRID - 1);
            for (int g = 0; g < GRID; g++) {
                exponents[g] = Math.exp(logMin + g * step);
                for (int j = 0; j < x.length; j++) {
                    powers[g][j] = Math.pow(x[j], -exponents[g]);
                }
            }
        }

        /** The sums of {@link #weights} for {@code w}, each added in the order {@link #atExponent} adds it. */
        private void weigh(double[] w) {
            weights = w.clone();
            sw = 0;
            for (double v : w) {
                sw += v;
            }
            for (int g = 0; g < GRID; g++) {
                double[] u = powers[g];
                double su = 0;
                double suu = 0;
                for (int j = 0; j < u.length; j++) {
                    su += w[j] * u[j];
                    suu += w[j] * u[j] * u[j];
                }
                swu[g] = su;
                swuu[g] = suu;
            }
        }

        /** A fitter for the sizes {@code x}, or null when they hold fewer than 3 distinct values. */
        static Fitter of(double[] x) {
            long distinct = java.util.Arrays.stream(x).distinct().count();
            return distinct < 3 ? null : new Fitter(x);
        }

        /** The best curve over the grid, refined by golden-section search in log c when {@code refine}. */
        Fitted fit(double[] y, double[] w, double ceiling, boolean refine) {
            if (weights == null || !java.util.Arrays.equals(weights, w)) {
                weigh(w);
            }
            double sy = 0;
            for (int j = 0; j < y.length; j++) {
                sy += w[j] * y[j];
            }
            // the grid keeps its best (a, b) in locals: a bootstrap runs this loop a few hundred times per curve
            double[] ab = new double[2];
            int bestIndex = 0;
            double bestSse = 0;
            double bestA = 0;
            double bestB = 0;
            for (int g = 0; g < GRID; g++) {
                double[] u = powers[g];
                double suy = 0;
                for (int j = 0; j < u.length; j++) {
                    suy += w[j] * u[j] * y[j];
                }
                double sse = solve(u, y, w, ceiling, sw, swu[g], sy, swuu[g], suy, ab);
                if (g == 0 || sse < bestSse) {
                    bestSse = sse;
                    bestA = ab[0];
                    bestB = ab[1];
                    bestIndex = g;
                }
            }
            Fitted best = new Fitted(new PowerLaw(bestA, bestB, exponents[bestIndex]), bestSse);
            if (!refine) {
                return best;
            }
            double lo = Math.log(exponents[Math.max(0, bestIndex - 1)]);
            double hi = Math.log(exponents[Math.min(GRID - 1, bestIndex + 1)]);
            double ratio = (Math.sqrt(5) - 1) / 2;
            double p = hi - ratio * (hi - lo);
            double q = lo + ratio * (hi - lo);
            Fitted fp = at(Math.exp(p), y, w, ceiling);
            Fitted fq = at(Math.exp(q), y, w, ceiling);
            for (int it = 0; it < 60 && hi - lo > 1e-10; it++) {
                if (fp.sse() <= fq.sse()) {
                    hi = q;
                    q = p;
                    fq = fp;
                    p = hi - ratio * (hi - lo);
                    fp = at(Math.exp(p), y, w, ceiling);
                } else {
                    lo = p;
                    p = q;
                    fp = fq;
                    q = lo + ratio * (hi - lo);
                    fq = at(Math.exp(q), y, w, ceiling);
                }
            }
            Fitted refined = fp.sse() <= fq.sse() ? fp : fq;
            return refined.sse() < best.sse() ? refined : best;
        }

        /**
         * The best grid point found the plain way, {@link #atExponent} at every grid exponent: what {@link #fit}
         * without refinement must equal bit for bit (the tests hold them side by side).
         */
        Fitted plainGrid(double[] y, double[] w, double ceiling) {
            Fitted best = null;
            for (int g = 0; g < GRID; g++) {
                Fitted f = atExponent(powers[g], exponents[g], y, w, ceiling);
                if (best == null || f.sse() < best.sse()) {
                    best = f;
                }
            }
            return best;
        }

        private Fitted at(double c, double[] y, double[] w, double ceiling) {
            double[] u = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                u[j] = Math.pow(x[j], -c);
            }
            return atExponent(u, c, y, w, ceiling);
        }
    }

    /** The best (a, b) for a fixed exponent c with u_j = x_j^(−c), within a ≤ ceiling and b ≥ 0. */
    static Fitted atExponent(double[] u, double c, double[] y, double[] w, double ceiling) {
        double s = 0;
        double su = 0;
        double sy = 0;
        double suu = 0;
        double suy = 0;
        for (int j = 0; j < u.length; j++) {
            s += w[j];
            su += w[j] * u[j];
            sy += w[j] * y[j];
            suu += w[j] * u[j] * u[j];
            suy += w[j] * u[j] * y[j];
        }
        double[] ab = new double[2];
        double sse = solve(u, y, w, ceiling, s, su, sy, suu, suy, ab);
        return new Fitted(new PowerLaw(ab[0], ab[1], c), sse);
    }

    /**
     * {@link #atExponent} from its weighted sums Σw, Σw·u, Σw·y, Σw·u², Σw·u·y: writes a and b into {@code ab[0]},
     * {@code ab[1]} and returns the weighted sum of squared residuals.
     */
    private static double solve(double[] u, double[] y, double[] w, double ceiling, double s, double su, double sy,
                                double suu, double suy, double[] ab) {
        double det = s * suu - su * su;
        double a;
        double b;
        if (det > 1e-12 * s * suu) {
            double slope = (s * suy - su * sy) / det;
            a = (sy - slope * su) / s;
            b = -slope;
        } else {
            a = sy / s;
            b = 0;
        }
        if (b < 0) {
            // a score that falls with more data: the best non-rising curve is flat at the weighted mean
            b = 0;
            a = sy / s;
        }
        if (a > ceiling) {
            // y = ceiling − b·u: b = Σ w (ceiling − y) u / Σ w u², kept ≥ 0
            a = ceiling;
            b = suu > 0 ? Math.max(0, (ceiling * su - suy) / suu) : 0;
        }
        double sse = 0;
        for (int j = 0; j < u.length; j++) {
            double r = y[j] - (a - b * u[j]);
            sse += w[j] * r * r;
        }
        ab[0] = a;
        ab[1] = b;
        return sse;
    }
}
