package scar.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

import scar.text.Format;
import scar.text.Shortest;
import scar.text.Stored;

/**
 * A held-out score's learning curve extrapolated: the inverse power law {@link PowerLaw} fitted to the per-ratio means
 * (weighted by their spread), its prediction at multiples of the current training size, the size at which it comes
 * within a tolerance of its asymptote, each with a bootstrap interval, and a back-test that refits without the
 * full-data point and predicts it. See docs/SPEC.md §10 for every formula.
 *
 * <p>When the curve does not rise (the fit is flat, or rises by less than half the tolerance across the measured
 * sizes) or there are too few sizes to fit, {@link #status()} says so and {@link #words()} explains it instead of
 * printing numbers.
 *
 * @param quantity    what is extrapolated, e.g. "held-out accuracy" or "recall of 'art'"
 * @param status      whether the curve could be fitted and rises
 * @param curve       the fitted curve (null when there were too few points)
 * @param smallestSize the smallest training size on the curve
 * @param currentSize the training size of the full-data fit
 * @param measured    the full-data fit's score
 * @param multiples   multiples of the current size at which the curve is predicted
 * @param predicted   the prediction at each multiple, with its bootstrap interval
 * @param plateau     the size at which the curve comes within {@code tolerance} of its asymptote, with its interval
 * @param tolerance   the tolerance, as a share
 * @param backTest    the back-test, or null when too few sizes remain without the full-data point
 */
public record Extrapolation(String quantity, Status status, PowerLaw curve,
                            @Stored(min = 0, undefined = true) double smallestSize,
                            @Stored(min = 0, undefined = true) double currentSize,
                            @Stored(min = 0, max = 1, undefined = true) double measured,
                            @Stored(min = 0) double[] multiples,
                            List<Interval> predicted, Interval plateau, @Stored(min = 0, max = 1) double tolerance,
                            BackTest backTest) {

    /** Whether a curve was fitted and whether it rises. */
    public enum Status {
        /** A rising curve was fitted; its predictions are meaningful. */
        FITTED,
        /** The score does not rise measurably with more data: no extrapolation is offered. */
        FLAT,
        /** Fewer than three distinct training sizes carry a score: nothing can be fitted. */
        TOO_FEW_POINTS
    }

    /**
     * The fit without the full-data point, predicting it.
     *
     * @param predicted the prediction at the current size, with its bootstrap interval
     * @param measured  the full-data fit's score
     */
    public record BackTest(Interval predicted, @Stored(min = 0, max = 1, undefined = true) double measured) {
        /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
        @Override
        public String toString() {
            return Shortest.record(this);
        }

        /** Prediction minus measurement. */
        public double error() {
            return predicted.estimate() - measured;
        }
    }

    /** Beyond this multiple of the current size a plateau is reported as not identified by the data. */
    public static final double HORIZON = 1000;

    /** The multiples of the current training size predicted: 1× (the band's start), 2×, 5× and 10×. */
    public static final double[] MULTIPLES = {1, 2, 5, 10};
    private static final double LEVEL = 0.95;

    public Extrapolation {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(status, "status");
        multiples = multiples.clone();
        predicted = List.copyOf(predicted);
        // a fitted or flat curve carries what a plan and the sentences read from it
        if (status != Status.TOO_FEW_POINTS && (curve == null || plateau == null
                || predicted.size() != multiples.length)) {
            throw new IllegalArgumentException(quantity + ": a " + status + " extrapolation needs its curve, its "
                    + "plateau and one prediction per multiple; got " + (curve == null ? "no curve" : "a curve")
                    + ", " + (plateau == null ? "no plateau" : "a plateau") + " and " + predicted.size()
                    + " predictions for " + multiples.length + " multiples");
        }
    }

    @Override
    public double[] multiples() {
        return multiples.clone();
    }

    /** Whether the predictions mean something (a rising curve was fitted). */
    public boolean fitted() {
        return status == Status.FITTED;
    }

    /**
     * Whether the sizes on the curve pin down where it flattens: a rising curve whose size within the tolerance of
     * its asymptote lies within {@value #HORIZON} times the current size.
     */
    public boolean plateauIdentified() {
        return status == Status.FITTED && plateau != null && plateau.estimate() <= HORIZON * currentSize;
    }

    /** The asymptote a of the fitted curve; NaN when nothing was fitted. */
    public double asymptote() {
        return curve == null ? Double.NaN : curve.a();
    }

    /** How much the curve is predicted to gain from {@code from} to {@code to} items; 0 when it is flat. */
    public double gain(double from, double to) {
        if (status == Status.FLAT) {
            return 0;
        }
        if (curve == null) {
            return Double.NaN;
        }
        return curve.at(to) - curve.at(from);
    }

    /**
     * Fits, predicts and back-tests one quantity.
     *
     * @param quantity  what is extrapolated (for the words)
     * @param sizes     training size of each point, one per ratio (the first is the full-data fit)
     * @param values    the score of every fit at each point (NaNs are dropped)
     * @param support   held-out items behind the score (for the binomial floor of each point's variance)
     * @param tolerance gap to the asymptote that counts as flat, in (0, 1)
     * @param bootstrap replicates behind each interval
     * @param seed      seed of the bootstrap
     */
    public static Extrapolation of(String quantity, double[] sizes, double[][] values, int support, double tolerance,
                                   int bootstrap, long seed) {
        List<Integer> usable = new ArrayList<>();
        for (int j = 0; j < sizes.length; j++) {
            if (sizes[j] > 0 && Arrays.stream(values[j]).anyMatch(v -> !Double.isNaN(v))) {
                usable.add(j);
            }
        }
        double[] x = usable.stream().mapToDouble(j -> sizes[j]).toArray();
        double[][] v = usable.stream().map(j -> Arrays.stream(values[j]).filter(d -> !Double.isNaN(d)).toArray())
                .toArray(double[][]::new);
        boolean hasFull = !usable.isEmpty() && usable.get(0) == 0;
        double current = sizes.length == 0 ? Double.NaN : sizes[0];
        double measured = hasFull ? Stats.mean(v[0]) : Double.NaN;
        double[] multiples = MULTIPLES.clone();
        PowerLaw.Fitter fitter = PowerLaw.Fitter.of(x);
        if (fitter == null || !hasFull) {
            return new Extrapolation(quantity, Status.TOO_FEW_POINTS, null, Arrays.stream(x).min().orElse(current),
                    current, measured, multiples, List.of(), null, tolerance, null);
        }
        double[] y = Arrays.stream(v).mapToDouble(Stats::mean).toArray();
        double[] w = weights(v, y, support);
        PowerLaw curve = fitter.fit(y, w, 1.0, true).curve();
        double minSize = Arrays.stream(x).min().orElse(current);
        Status status = curve.b() <= 0 || curve.at(current) - curve.at(minSize) < tolerance / 2 ? Status.FLAT
                : Status.FITTED;

        SplittableRandom random = new SplittableRandom(seed);
        double[] horizon = new double[1];
        double misfit = misfit(x, v, support, 1, horizon);
        double[][] predictions = new double[multiples.length][bootstrap];
        double[] plateaus = new double[bootstrap];
        for (int rep = 0; rep < bootstrap; rep++) {
            PowerLaw c = fitter.fit(replicate(v, y, support, random), w, 1.0, false).curve();
            for (int m = 0; m < multiples.length; m++) {
                predictions[m][rep] = c.at(multiples[m] * current);
            }
            plateaus[rep] = Math.max(current, c.sizeWithin(tolerance));
        }
        List<Interval> predicted = new ArrayList<>();
        for (int m = 0; m < multiples.length; m++) {
            double spread = misfit * Math.max(1, Math.log(multiples[m]) / Math.log(horizon[0]));
            predicted.add(widen(Interval.percentile(curve.at(multiples[m] * current), predictions[m], LEVEL), spread));
        }
        Interval plateau = Interval.percentile(Math.max(current, curve.sizeWithin(tolerance)), plateaus, LEVEL);
        BackTest backTest = backTest(x, v, support, current, measured, bootstrap, random);
        return new Extrapolation(quantity, status, curve, minSize, current, measured, multiples, predicted, plateau,
                tolerance, backTest);
    }

    /** Refits without the first (full-data) point and predicts it; null when fewer than three sizes remain. */
    private static BackTest backTest(double[] x, double[][] v, int support, double current, double measured,
                                     int bootstrap, SplittableRandom random) {
        double[] xs = Arrays.copyOfRange(x, 1, x.length);
        PowerLaw.Fitter fitter = PowerLaw.Fitter.of(xs);
        if (fitter == null) {
            return null;
        }
        double[][] vs = Arrays.copyOfRange(v, 1, v.length);
        double[] y = Arrays.stream(vs).mapToDouble(Stats::mean).toArray();
        double[] ws = weights(vs, y, support);
        PowerLaw curve = fitter.fit(y, ws, 1.0, true).curve();
        double[] samples = new double[bootstrap];
        for (int rep = 0; rep < bootstrap; rep++) {
            samples[rep] = fitter.fit(replicate(vs, y, support, random), ws, 1.0, false).curve().at(current);
        }
        double[] horizon = new double[1];
        double misfit = misfit(xs, vs, support, 0, horizon);
        double spread = misfit * Math.max(1, Math.log(current / xs[0]) / Math.log(horizon[0]));
        return new BackTest(widen(Interval.percentile(curve.at(current), samples, LEVEL), spread), measured);
    }

    /**
     * The extrapolation error of the model on these data: the root mean square of the one-step back-tests that
     * predict point i (i ≥ {@code from}) from the points smaller than it (at least three), or 0 when there are none.
     * {@code horizon[0]} receives the geometric mean of their size ratios x_i / x_{i+1} (2 when there are none).
     */
    static double misfit(double[] x, double[][] v, int support, int from, double[] horizon) {
        double squares = 0;
        double logRatios = 0;
        int count = 0;
        for (int i = from; i + 3 < x.length; i++) {
            double[] xs = Arrays.copyOfRange(x, i + 1, x.length);
            PowerLaw.Fitter fitter = PowerLaw.Fitter.of(xs);
            if (fitter == null) {
                continue;
            }
            double[][] vs = Arrays.copyOfRange(v, i + 1, v.length);
            double[] y = Arrays.stream(vs).mapToDouble(Stats::mean).toArray();
            double predicted = fitter.fit(y, weights(vs, y, support), 1.0, true).curve().at(x[i]);
            double error = predicted - Stats.mean(v[i]);
            squares += error * error;
            logRatios += Math.log(x[i] / x[i + 1]);
            count++;
        }
        horizon[0] = count == 0 ? 2 : Math.exp(logRatios / count);
        return count == 0 ? 0 : Math.sqrt(squares / count);
    }

    /**
     * The interval with each side lengthened by twice the model's extrapolation error {@code spread}, in
     * quadrature: low' = e − √((e − low)² + (2·spread)²), likewise high'.
     */
    static Interval widen(Interval in, double spread) {
        double e = in.estimate();
        double add = 2 * spread;
        return new Interval(e, Math.max(0, e - Math.hypot(e - in.low(), add)),
                Math.min(1, e + Math.hypot(in.high() - e, add)));
    }

    /**
     * Weight of each point: 1 / (s_j² / m_j + v0_j), the variance of a mean of m_j fits with sample variance s_j²,
     * floored by the binomial variance v0_j = max(ȳ_j (1 − ȳ_j), 1/N) / N of a score over N held-out items (a single
     * fit has no spread of its own).
     */
    static double[] weights(double[][] v, double[] y, int support) {
        int n = Math.max(1, support);
        double[] w = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            double floor = Math.max(y[j] * (1 - y[j]), 1.0 / n) / n;
            double sd = Stats.sd(v[j]);
            double spread = Double.isNaN(sd) ? 0 : sd * sd / v[j].length;
            w[j] = 1 / (spread + floor);
        }
        return w;
    }

    /**
     * One bootstrap replicate of the points: each point's fits resampled with replacement and averaged, plus a normal
     * draw with the binomial variance of a score over the held-out items (the weights' floor), which the repeats
     * alone cannot show — a single full-data fit has no repeats at all.
     */
    private static double[] replicate(double[][] v, double[] y, int support, SplittableRandom random) {
        int n = Math.max(1, support);
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            double s = 0;
            for (int k = 0; k < v[j].length; k++) {
                s += v[j][random.nextInt(v[j].length)];
            }
            double floor = Math.max(y[j] * (1 - y[j]), 1.0 / n) / n;
            out[j] = s / v[j].length + Math.sqrt(floor) * random.nextGaussian();
        }
        return out;
    }

    /** The prediction at {@code multiple} × the current size, or null when it was not predicted. */
    public Interval at(double multiple) {
        for (int m = 0; m < multiples.length; m++) {
            if (multiples[m] == multiple) {
                return predicted.get(m);
            }
        }
        return null;
    }

    /** One or two sentences for a person: what the curve says, or why it says nothing. */
    public String words() {
        return switch (status) {
            case TOO_FEW_POINTS -> quantity + ": fewer than three training sizes carry a held-out score, so no "
                    + "learning curve can be fitted.";
            case FLAT -> String.format(Locale.ROOT, "%s: %s now and flat — it does not rise measurably between %s "
                            + "and %s training items, so more data of this kind is not predicted to help.", quantity,
                    score(measured), count(smallestSize), count(currentSize));
            case FITTED -> fittedWords();
        };
    }

    private String fittedWords() {
        StringBuilder sb = new StringBuilder();
        sb.append(quantity).append(": ").append(score(measured)).append(" now");
        for (int m = 0; m < multiples.length; m++) {
            if (multiples[m] == 1) {
                continue;
            }
            Interval p = predicted.get(m);
            sb.append(sb.indexOf("; predicted ") < 0 ? "; predicted " : ", ").append(score(p.estimate())).append(" [")
                    .append(score(p.low())).append("–").append(score(p.high())).append("] at ")
                    .append(trim(multiples[m])).append("×");
        }
        sb.append(". ");
        if (plateau.estimate() <= currentSize) {
            sb.append(String.format(Locale.ROOT, "Already within %s of its asymptote %s.", Format.points(tolerance),
                    score(curve.a())));
        } else if (!plateauIdentified()) {
            sb.append("Still rising without a visible bend: where it comes within ").append(Format.points(tolerance))
                    .append(" of its asymptote lies beyond ").append(Format.items(HORIZON))
                    .append("× the current size and cannot be estimated from these sizes.");
        } else {
            sb.append(String.format(Locale.ROOT, "Within %s of its asymptote %s at about %s items [%s–%s].",
                    Format.points(tolerance), score(curve.a()), count(plateau.estimate()), count(plateau.low()),
                    plateau.high() > HORIZON * currentSize ? "beyond " + Format.items(HORIZON) + "×"
                            : count(plateau.high())));
        }
        if (backTest != null) {
            sb.append(" Back-test: the curve without the full-data fit predicts ")
                    .append(Format.shareInterval(backTest.predicted().estimate(), backTest.predicted().low(),
                            backTest.predicted().high()))
                    .append(" for it, measured ").append(score(backTest.measured())).append(" (error ")
                    .append(Format.signedShare(backTest.error())).append(").");
        }
        return sb.toString();
    }

    static String score(double v) {
        return Format.share(v);
    }

    /** Items; beyond a billion in scientific notation (a plateau far out is a magnitude, not a count). */
    static String count(double v) {
        return Math.abs(v) >= 1e9 ? Format.number(v) : Format.items(v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Shortest.of(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extrapolation e && quantity.equals(e.quantity) && status == e.status
                && Objects.equals(curve, e.curve) && Double.compare(smallestSize, e.smallestSize) == 0
                && Double.compare(currentSize, e.currentSize) == 0 && Double.compare(measured, e.measured) == 0
                && Arrays.equals(multiples, e.multiples) && predicted.equals(e.predicted)
                && Objects.equals(plateau, e.plateau) && Double.compare(tolerance, e.tolerance) == 0
                && Objects.equals(backTest, e.backTest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quantity, status, curve, currentSize, measured, predicted, plateau);
    }

    @Override
    public String toString() {
        return words();
    }
}
