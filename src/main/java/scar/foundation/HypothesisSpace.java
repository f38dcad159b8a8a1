package scar.foundation;

/**
 * Hypothesis-space size of one class (step) at one ratio (SPEC §5.1):
 * h = (1 − C) · exp(2 · S · ((1 − A) − (1 − R))²), i.e. (1 − C)·exp(2·S·(R − A)²), evaluated in the reference's
 * order of operations.
 *
 * <p>Edge cases: C = 1 gives h = 0 (the point is then ignored by the {@link Envelope envelope fit}); S = 0 or R = A
 * gives h = 1 − C; a NaN input (a {@link scar.measure.MeasureVariant#V1} Coverage) gives NaN, also ignored by the
 * fit. With measures in [0, 1], h lies in [0, e²].
 */
public final class HypothesisSpace {
    private HypothesisSpace() {
    }

    /**
     * @param s Scale S in [0, 1]
     * @param c Coverage C in [0, 1]
     * @param a Authenticity A in [0, 1]
     * @param r Richness R in [0, 1]
     * @throws IllegalArgumentException if an input lies outside [0, 1] (NaN is passed through)
     */
    public static double h(double s, double c, double a, double r) {
        check("scale", s);
        check("coverage", c);
        check("authenticity", a);
        check("richness", r);
        double delta = 1 - c;
        double gap = (1 - a) - (1 - r);
        return delta * Math.exp(2 * s * (gap * gap));
    }

    private static void check(String what, double v) {
        if (v < 0 || v > 1) {
            throw new IllegalArgumentException(what + " must lie in [0, 1], got " + v);
        }
    }
}
