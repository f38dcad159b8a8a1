package scar.probe;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithms 7.4 and 7.5) with a backtracking line
 * search that enforces the Armijo condition {@code f(x + t·p) ≤ f(x) + 1e-4·t·∇f·p}, trying t = 1 first (t = 1/‖g‖
 * on the first step or after a reset) and shrinking by safeguarded quadratic interpolation into [0.1·t, 0.5·t].
 * A correction pair (s, y) is stored only when sᵀy > 1e-10·yᵀy, which keeps the implied Hessian positive definite.
 *
 * <p>Stop rules (SPEC §2.1): max |∇f| < gradTolerance, or (f_{k−w} − f_k) / |f_{k−w}| < relTolerance once w
 * iterations have been made (both count as converged); or maxIterations reached (not converged). A step must
 * decrease f strictly. When the L-BFGS direction finds no such step, one steepest-descent step is tried from a
 * fresh history; when that also fails, the search stops. If it failed because a step left f bit-for-bit unchanged or
 * no component of the step reached 2⁻²⁴ of its weight, f is at the resolution of its own evaluation (the probe rounds the weights to float for every pass, so steps
 * below a float ulp are invisible): no later iteration could decrease f, the relative-decrease rule would hold for
 * every later window, and the outcome counts as converged. Any other failure (f only increases or is NaN along
 * steepest descent) counts as not converged.
 */
final class Lbfgs {
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 40;
    /** Relative step below which the objective cannot see a change: the probe evaluates with float weights. */
    private static final double RESOLUTION = 0x1p-24;

    /** A differentiable objective: writes ∇f(x) into {@code grad} and returns f(x). */
    interface Objective {
        double value(double[] x, double[] grad);
    }

    /** Where the minimiser stopped. */
    record Outcome(double[] x, double value, int iterations, boolean converged) {
    }

    private Lbfgs() {
    }

    /**
     * Minimises {@code f} from {@code x0} (not modified). {@code beforeIteration} runs at the start of every
     * iteration (the probe checks for interruption there).
     */
    static Outcome minimize(Objective f, double[] x0, ProbeOptions o, Runnable beforeIteration) {
        return minimize(f, x0, o, beforeIteration, () -> { });
    }

    /**
     * {@link #minimize(Objective, double[], ProbeOptions, Runnable)}, calling {@code accepted} right after every
     * evaluation whose point becomes the current one (the start, then every accepted step): the outcome's point is
     * always the one of the last such evaluation, so a caller can keep what that evaluation computed.
     */
    static Outcome minimize(Objective f, double[] x0, ProbeOptions o, Runnable beforeIteration, Runnable accepted) {
        int dim = x0.length;
        int m = o.history();
        double[][] s = new double[m][];
        double[][] y = new double[m][];
        double[] rho = new double[m];
        double[] alpha = new double[m];
        int stored = 0;
        int newest = -1;
        double[] x = x0.clone();
        double[] g = new double[dim];
        double fx = f.value(x, g);
        accepted.run();
        double[] xn = new double[dim];
        double[] gn = new double[dim];
        double[] p = new double[dim];
        // f at the last relWindow + 1 iterations, in a ring: enough for the relative-decrease test (SPEC 2.1), and
        // small whatever maxIterations is (a buffer per iteration overflowed at maxIterations = Integer.MAX_VALUE)
        double[] past = new double[Math.min(o.relWindow(), o.maxIterations()) + 1];
        past[0] = fx;
        if (maxAbs(g) < o.gradTolerance()) {
            return new Outcome(x, fx, 0, true);
        }
        for (int iter = 1; iter <= o.maxIterations(); iter++) {
            beforeIteration.run();
            direction(g, s, y, rho, alpha, stored, newest, p);
            double slope = dot(g, p);
            if (!(slope < 0)) {
                stored = 0;
                direction(g, s, y, rho, alpha, 0, newest, p);
                slope = dot(g, p);
            }
            double t = stored == 0 ? Math.min(1.0, 1.0 / Math.sqrt(dot(g, g))) : 1.0;
            double fn = Double.NaN;
            boolean taken = false;
            boolean stalled = false;
            for (int tries = 0; tries < MAX_BACKTRACKS && !taken && !stalled; tries++) {
                for (int i = 0; i < dim; i++) {
                    xn[i] = x[i] + t * p[i];
                }
                fn = f.value(xn, gn);
                if (fn < fx && fn <= fx + ARMIJO * t * slope) {
                    taken = true;
                    accepted.run();
                } else if (fn == fx || belowResolution(t, p, x)) {
                    stalled = true; // the step is below the objective's resolution: shorter ones cannot help
                } else {
                    double q = -slope * t * t / (2 * (fn - fx - slope * t));
                    t = Double.isFinite(q) ? Math.max(0.1 * t, Math.min(0.5 * t, q)) : 0.1 * t;
                }
            }
            if (!taken) {
                if (stored == 0) {
                    return new Outcome(x, fx, iter - 1, stalled);
                }
                stored = 0;
                iter--;
                continue;
            }
            newest = (newest + 1) % m;
            double[] sk = s[newest] == null ? (s[newest] = new double[dim]) : s[newest];
            double[] yk = y[newest] == null ? (y[newest] = new double[dim]) : y[newest];
            for (int i = 0; i < dim; i++) {
                sk[i] = xn[i] - x[i];
                yk[i] = gn[i] - g[i];
            }
            double sy = dot(sk, yk);
            double yy = dot(yk, yk);
            if (sy > 1e-10 * yy && sy > 0) {
                rho[newest] = 1.0 / sy;
                stored = Math.min(m, stored + 1);
            } else {
                newest = (newest + m - 1) % m;
                if (stored == m) {
                    stored = m - 1; // the overwritten slot held the oldest pair
                }
            }
            double[] swap = x;
            x = xn;
            xn = swap;
            swap = g;
            g = gn;
            gn = swap;
            fx = fn;
            past[iter % past.length] = fx;
            if (maxAbs(g) < o.gradTolerance()) {
                return new Outcome(x, fx, iter, true);
            }
            if (iter >= o.relWindow()) {
                double before = past[(iter - o.relWindow()) % past.length];
                if ((before - fx) / Math.max(Math.abs(before), Double.MIN_NORMAL) < o.relTolerance()) {
                    return new Outcome(x, fx, iter, true);
                }
            }
        }
        return new Outcome(x, fx, o.maxIterations(), false);
    }

    /** p = −H·g by the two-loop recursion over the {@code stored} newest pairs; p = −g when none is stored. */
    private static void direction(double[] g, double[][] s, double[][] y, double[] rho, double[] alpha, int stored,
            int newest, double[] p) {
        int m = s.length;
        int dim = g.length;
        System.arraycopy(g, 0, p, 0, dim);
        for (int k = 0; k < stored; k++) {
            int idx = (newest - k + m) % m;
            alpha[idx] = rho[idx] * dot(s[idx], p);
            axpy(-alpha[idx], y[idx], p);
        }
        if (stored > 0) {
            double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
            for (int i = 0; i < dim; i++) {
                p[i] *= gamma;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int idx = (newest - k + m) % m;
            double beta = rho[idx] * dot(y[idx], p);
            axpy(alpha[idx] - beta, s[idx], p);
        }
        for (int i = 0; i < dim; i++) {
            p[i] = -p[i];
        }
    }

    /** True when no component of t·p reaches a float ulp of x (relative 2⁻²⁴), the probe's weight resolution. */
    private static boolean belowResolution(double t, double[] p, double[] x) {
        for (int i = 0; i < p.length; i++) {
            if (Math.abs(t * p[i]) > RESOLUTION * Math.abs(x[i])) {
                return false;
            }
        }
        return true;
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double a : v) {
            max = Math.max(max, Math.abs(a));
        }
        return max;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] v, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] += a * v[i];
        }
    }
}
