package scar.foundation;

import java.util.Objects;
import scar.measure.ClassMeasures;
import scar.measure.PairwiseSum;

/**
 * The class-count factor ρ of SPEC §5.4: ρ = (1 − acc) / (1 − mean_c A_c), both taken at ratio 1, floored at e.
 *
 * <p>With argmax predictions and K ≥ 3 classes, 1 − mean A = 2(1 − acc)/K, so ρ = K/2. Edge cases: mean A = 1 (a
 * perfect probe) gives e; any ρ &lt; e (K = 2, 3, 4, 5, or acc = 1 with mean A &lt; 1) gives e. The floor keeps
 * ln ρ ≥ 1, so the foundation size is never negative; the reference's CIFAR scripts omit it.
 */
public final class ClassCountFactor {
    private ClassCountFactor() {
    }

    /**
     * @param accuracyAtR1          multi-class training accuracy at ratio 1, in [0, 1]
     * @param meanAuthenticityAtR1  mean over classes of the Authenticity at ratio 1, in [0, 1]
     * @throws IllegalArgumentException if an input lies outside [0, 1] or is NaN
     */
    public static double rho(double accuracyAtR1, double meanAuthenticityAtR1) {
        if (!(accuracyAtR1 >= 0 && accuracyAtR1 <= 1)) {
            throw new IllegalArgumentException("accuracy at ratio 1 must lie in [0, 1], got " + accuracyAtR1);
        }
        if (!(meanAuthenticityAtR1 >= 0 && meanAuthenticityAtR1 <= 1)) {
            throw new IllegalArgumentException("mean authenticity at ratio 1 must lie in [0, 1], got "
                    + meanAuthenticityAtR1);
        }
        if (meanAuthenticityAtR1 == 1) {
            return Math.E;
        }
        double rho = (1 - accuracyAtR1) / (1 - meanAuthenticityAtR1);
        return Math.max(rho, Math.E);
    }

    /** ρ from the (averaged) measures at ratio 1: their accuracy and the mean of their Authenticity. */
    public static double rho(ClassMeasures atRatio1) {
        Objects.requireNonNull(atRatio1, "atRatio1");
        double[] a = atRatio1.authenticity();
        return rho(atRatio1.accuracy(), PairwiseSum.of(a) / a.length);
    }
}
