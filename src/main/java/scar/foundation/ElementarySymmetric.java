package scar.foundation;

import java.util.Objects;

/**
 * Elementary symmetric polynomials e_0..e_m of K values, exactly (no subset sampling) by the recurrence
 * e_o ← e_o + v·e_{o−1}, o = m..1, applied for each value v in turn: O(K·m) time, O(m) memory.
 *
 * <p>e_0 = 1, e_1 = Σ v, e_2 = Σ_{i&lt;j} v_i v_j, ..., e_K = Π v; e_o = 0 for o &gt; K. Intermediate values are kept
 * as a double mantissa times a separate power of two, so no order overflows or underflows however large K and m
 * are (e_500 of 1000 values of 10⁴ is about 10^2299); only the final conversion by {@link #of} can overflow to
 * ±∞, while {@link #logOf} returns ln e_o without overflow. Scaling by powers of two is exact, so the rounding is
 * that of the plain recurrence: for positive values every step adds positive terms and the relative error stays
 * near K·m ulps.
 */
public final class ElementarySymmetric {
    /** Offsets beyond this many binary orders of magnitude make the smaller addend vanish. */
    private static final int FAR = 2200;

    private ElementarySymmetric() {
    }

    /**
     * e_0..e_maxOrder of the values (finite, any sign).
     *
     * @throws IllegalArgumentException if maxOrder &lt; 0 or a value is not finite
     */
    public static double[] of(double[] values, int maxOrder) {
        Scaled s = compute(values, maxOrder);
        double[] e = new double[maxOrder + 1];
        for (int o = 0; o <= maxOrder; o++) {
            e[o] = Math.scalb(s.mantissa[o], (int) Math.max(-FAR, Math.min(FAR, s.exponent[o])));
        }
        return e;
    }

    /**
     * ln e_0..ln e_maxOrder of positive values; −∞ for orders above K.
     *
     * @throws IllegalArgumentException if maxOrder &lt; 0 or a value is not finite and positive
     */
    public static double[] logOf(double[] values, int maxOrder) {
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " must be finite and > 0, got " + values[i]);
            }
        }
        Scaled s = compute(values, maxOrder);
        double[] log = new double[maxOrder + 1];
        for (int o = 0; o <= maxOrder; o++) {
            log[o] = s.mantissa[o] == 0 ? Double.NEGATIVE_INFINITY
                    : Math.log(s.mantissa[o]) + s.exponent[o] * Math.log(2);
        }
        return log;
    }

    /** e_o = mantissa[o] · 2^exponent[o], mantissa in [1, 2) in magnitude or 0. */
    private record Scaled(double[] mantissa, long[] exponent) {
    }

    private static Scaled compute(double[] values, int maxOrder) {
        Objects.requireNonNull(values, "values");
        if (maxOrder < 0) {
            throw new IllegalArgumentException("maxOrder must be >= 0, got " + maxOrder);
        }
        double[] mant = new double[maxOrder + 1];
        long[] exp = new long[maxOrder + 1];
        mant[0] = 1;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + i + " must be finite, got " + v);
            }
            if (v == 0) {
                continue;
            }
            int vExp = Math.getExponent(v);
            double vMant = Math.scalb(v, -vExp);
            for (int o = Math.min(maxOrder, i + 1); o >= 1; o--) {
                if (mant[o - 1] != 0) {
                    add(mant, exp, o, vMant * mant[o - 1], vExp + exp[o - 1]);
                }
            }
        }
        return new Scaled(mant, exp);
    }

    /** mant[o]·2^exp[o] += termMant·2^termExp, then renormalise. */
    private static void add(double[] mant, long[] exp, int o, double termMant, long termExp) {
        if (mant[o] == 0) {
            mant[o] = termMant;
            exp[o] = termExp;
        } else {
            long shift = termExp - exp[o];
            if (shift >= 0) {
                mant[o] = Math.scalb(mant[o], (int) -Math.min(shift, FAR)) + termMant;
                exp[o] = termExp;
            } else {
                mant[o] += Math.scalb(termMant, (int) Math.max(shift, -FAR));
            }
        }
        if (mant[o] == 0) {
            exp[o] = 0;
        } else {
            int e = Math.getExponent(mant[o]);
            mant[o] = Math.scalb(mant[o], -e);
            exp[o] += e;
        }
    }
}
