package scar.measure;

import java.util.Objects;

/**
 * How far a set of positive margins is from a normal distribution fitted to them (SPEC §3.1): the squared
 * Jensen–Shannon distance, in bits, between their 100-bin histogram and the fitted normal's density at the bin
 * centres. Coverage is 1 − JSD.
 *
 * <p>For values v_1..v_m:
 * <ul>
 *   <li>m &lt; 1, or any v &lt; 0: JSD = 1.</li>
 *   <li>μ = mean, σ = sample standard deviation (divisor m − 1). σ = 0 (constant values) or σ undefined (a single
 *       value): JSD = 1.</li>
 *   <li>Histogram with numpy's semantics: 100 equal bins over [min, max], edges e_j = j·((max − min)/100) + min for
 *       j &lt; 100 and e_100 = max exactly, the last bin closed; an item's bin is trunc((v − min)·(100/(max − min)))
 *       (100 becomes 99), then moved down one if v &lt; e_k, or up one if k ≠ 99 and v ≥ e_{k+1}.</li>
 *   <li>p_j = count_j / (e_{j+1} − e_j) / m + 1e-12, q_j = φ((c_j − μ)/σ)/σ + 1e-12 at the centres
 *       c_j = (e_j + e_{j+1})/2; both normalised to sum 1.</li>
 *   <li>JSD = [Σ p ln(p/M) + Σ q ln(q/M)] / (2 ln 2) with M = (p + q)/2; always in [0, 1].</li>
 * </ul>
 * Sums and means are taken in numpy's pairwise order ({@link PairwiseSum}) so results track the reference's to a
 * few ulps.
 */
public final class Jsd {
    /** Number of histogram bins. */
    public static final int BINS = 100;
    private static final double FLOOR = 1e-12;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private Jsd() {
    }

    /**
     * The JSD of §3.1 of all values.
     *
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static double of(double[] values) {
        Objects.requireNonNull(values, "values");
        return of(values, 0, values.length, false);
    }

    /**
     * The JSD of {@code values[from .. to)}. With {@code degenerateIsNaN} a range whose σ is 0 or undefined yields
     * NaN instead of 1 (the {@link MeasureVariant#V1} behaviour); the other rules are unchanged.
     */
    static double of(double[] values, int from, int to, boolean degenerateIsNaN) {
        int m = to - from;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean negative = false;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("JSD needs finite values, got " + v + " at index " + (i - from));
            }
            negative |= v < 0;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (m < 1 || negative) {
            return 1.0;
        }
        double mu = PairwiseSum.mean(values, from, to);
        double sigma = sampleStd(values, from, to, mu);
        if (sigma == 0 || Double.isNaN(sigma)) {
            return degenerateIsNaN ? Double.NaN : 1.0;
        }
        double[] edges = edges(lo == hi ? lo - 0.5 : lo, lo == hi ? hi + 0.5 : hi);
        long[] counts = new long[BINS];
        for (int i = from; i < to; i++) {
            counts[bin(values[i], edges)]++;
        }
        return fromSummary(m, lo, hi, mu, sigma, counts, degenerateIsNaN);
    }

    /**
     * The JSD of §3.1 from a summary of m &gt; 0 non-negative values: their range, mean μ, sample standard deviation
     * σ and the counts of the 100 bins of {@link #edges}{@code (lo, hi)} ({@link #bin}). For values spread over
     * machines: the summary can be gathered in two passes ({@link CoverageSums}).
     */
    public static double fromSummary(long m, double lo, double hi, double mu, double sigma, long[] counts,
                                     boolean degenerateIsNaN) {
        if (sigma == 0 || Double.isNaN(sigma)) {
            return degenerateIsNaN ? Double.NaN : 1.0;
        }
        double[] edges = edges(lo == hi ? lo - 0.5 : lo, lo == hi ? hi + 0.5 : hi);
        double[] p = new double[BINS];
        double[] q = new double[BINS];
        for (int j = 0; j < BINS; j++) {
            p[j] = counts[j] / (edges[j + 1] - edges[j]) / m + FLOOR;
            double z = (0.5 * (edges[j] + edges[j + 1]) - mu) / sigma;
            q[j] = Math.exp(-(z * z) / 2.0) / SQRT_2PI / sigma + FLOOR;
        }
        normalise(p);
        normalise(q);
        return squaredJensenShannon(p, q);
    }

    private static double sampleStd(double[] values, int from, int to, double mu) {
        int m = to - from;
        double[] sq = new double[m];
        for (int i = 0; i < m; i++) {
            double d = values[from + i] - mu;
            sq[i] = d * d;
        }
        return Math.sqrt(PairwiseSum.of(sq) / Math.max(m - 1, 0));
    }

    /** numpy.linspace(lo, hi, 101): j·step + lo, the last edge exactly hi. */
    public static double[] edges(double lo, double hi) {
        double[] e = new double[BINS + 1];
        double delta = hi - lo;
        double step = delta / BINS;
        for (int j = 0; j < BINS; j++) {
            e[j] = step == 0 ? (j / (double) BINS) * delta + lo : j * step + lo;
        }
        e[BINS] = hi;
        return e;
    }

    /** The bin of {@code v} among {@code edges} (numpy's histogram rule, the last bin closed). */
    public static int bin(double v, double[] e) {
        double lo = e[0];
        double norm = BINS / (e[BINS] - lo);
        int k = (int) ((v - lo) * norm);
        if (k == BINS) {
            k--;
        }
        if (v < e[k]) {
            k--;
        } else if (k != BINS - 1 && v >= e[k + 1]) {
            k++;
        }
        return k;
    }

    private static void normalise(double[] x) {
        double s = PairwiseSum.of(x);
        for (int j = 0; j < x.length; j++) {
            x[j] /= s;
        }
    }

    /** scipy's jensenshannon(p, q, base=2) squared; p and q are renormalised first as scipy does. */
    private static double squaredJensenShannon(double[] p, double[] q) {
        normalise(p);
        normalise(q);
        double[] left = new double[BINS];
        double[] right = new double[BINS];
        for (int j = 0; j < BINS; j++) {
            double mid = (p[j] + q[j]) / 2.0;
            left[j] = p[j] * Math.log(p[j] / mid);
            right[j] = q[j] * Math.log(q[j] / mid);
        }
        double js = (PairwiseSum.of(left) + PairwiseSum.of(right)) / Math.log(2);
        double distance = Math.sqrt(js / 2.0);
        return distance * distance;
    }
}
