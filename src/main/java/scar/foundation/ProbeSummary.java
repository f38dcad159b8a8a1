package scar.foundation;

import scar.text.Format;
import java.util.List;
import java.util.Locale;

import scar.evidence.HeldOutScore;
import scar.probe.ProbeKind;
import scar.probe.ProbeResult;
import scar.text.Shortest;
import scar.text.Stored;

/**
 * What the probe fits of one sweep did: the first fit is the r = 1 run on the whole training set, whose training and
 * test accuracies are the profile's; the rest tell how hard the optimisation was (iterations, convergence, time).
 */
public record ProbeSummary(ProbeKind kind, List<Fit> fits) {

    /**
     * One fit, without its logits.
     *
     * @param trainSize     training items of the fit
     * @param trainAccuracy its training accuracy
     * @param testAccuracy  its held-out accuracy, NaN without held-out items
     * @param heldOut       its held-out counts per class, null without held-out items
     * @param iterations    optimiser iterations (epochs for the reference probe)
     * @param converged     whether a stop rule was met before the limit
     * @param nanos         wall time of the fit; for the converged probe's subsampled fits of a sweep with held-out
     *                      items, without their held-out predictions when the sweep makes them for all of them at
     *                      once (SPEC §4.2)
     */
    public record Fit(@Stored(min = 0) int trainSize, @Stored(min = 0, max = 1) double trainAccuracy,
                      @Stored(min = 0, max = 1, undefined = true) double testAccuracy, HeldOutScore heldOut,
                      @Stored(min = 0) int iterations, boolean converged, long nanos) {
        /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
        @Override
        public String toString() {
            return Shortest.record(this);
        }

        static Fit of(ProbeResult result, HeldOutScore heldOut) {
            return new Fit(result.rows(), result.trainAccuracy(), result.testAccuracy(), heldOut, result.iterations(),
                    result.converged(), result.nanos());
        }
    }

    public ProbeSummary {
        fits = List.copyOf(fits);
        if (fits.isEmpty()) {
            throw new IllegalArgumentException("a probe summary needs at least one fit");
        }
    }

    /** Training accuracy of the r = 1 fit. */
    public double trainAccuracy() {
        return fits.get(0).trainAccuracy();
    }

    /** Test accuracy of the r = 1 fit, NaN without a test set. */
    public double testAccuracy() {
        return fits.get(0).testAccuracy();
    }

    public double meanIterations() {
        return fits.stream().mapToInt(Fit::iterations).average().orElse(0);
    }

    public int maxIterations() {
        return fits.stream().mapToInt(Fit::iterations).max().orElse(0);
    }

    public long notConverged() {
        return fits.stream().filter(f -> !f.converged()).count();
    }

    /** Sum of the fits' own times (CPU-side work; with parallel fits it exceeds the wall time). */
    public double totalFitSeconds() {
        return fits.stream().mapToLong(Fit::nanos).sum() / 1e9;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " probe: " + Format.count(fits.size(), "fit", "fits")
                + ", train accuracy " + Format.share(trainAccuracy()) + ", test accuracy "
                + Format.share(testAccuracy())
                + ", iterations mean " + Format.items(meanIterations()) + " max " + Format.items(maxIterations()) + ", "
                + Format.items(notConverged()) + " not converged, "
                + Format.duration(java.time.Duration.ofNanos(fits.stream().mapToLong(Fit::nanos).sum()))
                + " of fitting";
    }
}
