package scar.foundation;

import java.util.Arrays;
import java.util.Objects;

import scar.evidence.EvidenceOptions;
import scar.measure.MeasureVariant;
import scar.probe.ProbeKind;
import scar.probe.ProbeOptions;
import scar.text.Stored;

/**
 * Everything that shapes one SCAR characterisation: the seed, the subsampling ratios of the sweep (SPEC §4), the
 * probe, the measure semantics, the foundation-size constants, the number of threads and whether progress is shown.
 *
 * <p>Immutable; start from {@link #defaults()} and change one thing at a time:
 * <pre>{@code ScarOptions.defaults().withSeed(7).withRatios(1, 2, 5).withThreads(1)}</pre>
 *
 * <p>The same options (including the seed) give bit-identical results on any number of threads.
 *
 * @param seed         the root of every random draw (subsamples, probe initialisation, held-out split)
 * @param ratios       subsampling divisors r, each ≥ 1, distinct, in increasing order; the default is 1, 2, 5, 10, 15,
 *                     20, 30. Ratio 1 is required: the accuracy and class-count factor come from it.
 * @param probe        the linear probe and its parameters ({@link ProbeOptions#defaults()}: the converged probe)
 * @param variant      measure semantics, HEAD (default) or V1 (SPEC §3.2)
 * @param foundation   δ, ε, δ_E and the inclusion–exclusion order (SPEC §5)
 * @param threads      worker threads for the probe fits, ≥ 1; the default is every available processor. It is the one
 *                     thread setting: the probe options are given the same count (the sweep hands it to every fit)
 * @param testFraction share of each class held out as a test set when the dataset has no train/test split, in
 *                     [0, 0.9]; 0 means no test accuracy is measured (default 0.2)
 * @param progress     whether long runs report progress (a bar on a terminal, an updating line in a notebook)
 * @param evidence     the held-out evidence's bootstrap, tolerance and per-item view
 * @param repeats      how many sweeps to run, under the seeds seed, seed + 1, …, seed + repeats − 1; the profile's
 *                     numbers are those of the first, with the spread of all of them beside (default 1)
 * @param dedup        whether items whose embedding repeats one of an earlier item (in any modality) are dropped
 *                     before the study (default false: they are only reported)
 */
public record ScarOptions(long seed, @Stored(min = 1) int[] ratios, ProbeOptions probe, MeasureVariant variant,
                          FoundationOptions foundation, @Stored(min = 1) int threads,
                          @Stored(min = 0, max = 0.9) double testFraction, boolean progress, EvidenceOptions evidence,
                          @Stored(min = 1) int repeats, boolean dedup) {

    /** The ratios of the reference code: 1 + 2 + 5 + 10 + 15 + 20 + 30 = 83 probe fits per sweep. */
    public static final int[] DEFAULT_RATIOS = {1, 2, 5, 10, 15, 20, 30};

    /** The default seed. */
    public static final long DEFAULT_SEED = 42L;

    public ScarOptions {
        Objects.requireNonNull(ratios, "ratios");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(evidence, "evidence");
        ratios = ratios.clone();
        if (ratios.length < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 ratios, got " + Arrays.toString(ratios));
        }
        if (ratios[0] != 1) {
            throw new IllegalArgumentException("the ratios must start with 1 (the full set), got "
                    + Arrays.toString(ratios));
        }
        for (int i = 1; i < ratios.length; i++) {
            if (ratios[i] <= ratios[i - 1]) {
                throw new IllegalArgumentException("the ratios must be distinct and increasing, got "
                        + Arrays.toString(ratios));
            }
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (probe.threads() != threads) {
            probe = probe.withThreads(threads);
        }
        if (!(testFraction >= 0 && testFraction <= 0.9)) {
            throw new IllegalArgumentException("testFraction must be in [0, 0.9], got " + testFraction);
        }
    }

    /** Seed 42, ratios 1, 2, 5, 10, 15, 20, 30, the converged probe, HEAD measures, every processor, progress on. */
    public static ScarOptions defaults() {
        return new ScarOptions(DEFAULT_SEED, DEFAULT_RATIOS, ProbeOptions.defaults(), MeasureVariant.HEAD,
                FoundationOptions.defaults(), Runtime.getRuntime().availableProcessors(), 0.2, true,
                EvidenceOptions.defaults(), 1, false);
    }

    @Override
    public int[] ratios() {
        return ratios.clone();
    }

    public ScarOptions withSeed(long newSeed) {
        return new ScarOptions(newSeed, ratios, probe, variant, foundation, threads, testFraction, progress, evidence, repeats, dedup);
    }

    public ScarOptions withRatios(int... newRatios) {
        return new ScarOptions(seed, newRatios, probe, variant, foundation, threads, testFraction, progress, evidence, repeats, dedup);
    }

    public ScarOptions withProbe(ProbeOptions newProbe) {
        return new ScarOptions(seed, ratios, newProbe, variant, foundation, threads, testFraction, progress, evidence, repeats, dedup);
    }

    /** Shorthand for {@code withProbe(probe().withKind(kind))}. */
    public ScarOptions withProbe(ProbeKind kind) {
        return withProbe(probe.withKind(kind));
    }

    public ScarOptions withVariant(MeasureVariant newVariant) {
        return new ScarOptions(seed, ratios, probe, newVariant, foundation, threads, testFraction, progress, evidence, repeats, dedup);
    }

    public ScarOptions withFoundation(FoundationOptions newFoundation) {
        return new ScarOptions(seed, ratios, probe, variant, newFoundation, threads, testFraction, progress, evidence, repeats, dedup);
    }

    public ScarOptions withThreads(int newThreads) {
        return new ScarOptions(seed, ratios, probe, variant, foundation, newThreads, testFraction, progress, evidence, repeats, dedup);
    }

    public ScarOptions withTestFraction(double newTestFraction) {
        return new ScarOptions(seed, ratios, probe, variant, foundation, threads, newTestFraction, progress, evidence, repeats, dedup);
    }

    public ScarOptions withProgress(boolean show) {
        return new ScarOptions(seed, ratios, probe, variant, foundation, threads, testFraction, show, evidence, repeats, dedup);
    }

    public ScarOptions withEvidence(EvidenceOptions newEvidence) {
        return new ScarOptions(seed, ratios, probe, variant, foundation, threads, testFraction, progress, newEvidence,
                repeats, dedup);
    }

    /** Runs the sweep under {@code count} seeds (seed, seed + 1, …) and reports the spread of SCAR's numbers. */
    public ScarOptions withRepeats(int count) {
        return new ScarOptions(seed, ratios, probe, variant, foundation, threads, testFraction, progress, evidence,
                count, dedup);
    }

    /** Drops items whose embedding repeats an earlier item's (in any modality) before the study. */
    public ScarOptions withDedup(boolean drop) {
        return new ScarOptions(seed, ratios, probe, variant, foundation, threads, testFraction, progress, evidence,
                repeats, drop);
    }

    /** ε of SPEC §5.3 (default 0.01): every size scales with 1/ε². */
    public ScarOptions withEpsilon(double epsilon) {
        return withFoundation(foundation.withEpsilon(epsilon));
    }

    /** δ of SPEC §5.3 (default 0.01): step sizes scale with ln(H/δ). */
    public ScarOptions withDelta(double delta) {
        return withFoundation(foundation.withDelta(delta));
    }

    /** δ_E of SPEC §5.5 (default 0.01), the failure probability the foundation size solves for. */
    public ScarOptions withDeltaE(double deltaE) {
        return withFoundation(foundation.withDeltaE(deltaE));
    }

    /** The number of probe fits one sweep with these ratios takes (every ratio r is repeated r times). */
    public int fitsPerSweep() {
        return Arrays.stream(ratios).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScarOptions other && seed == other.seed && Arrays.equals(ratios, other.ratios)
                && probe.equals(other.probe) && variant == other.variant && foundation.equals(other.foundation)
                && threads == other.threads && Double.compare(testFraction, other.testFraction) == 0
                && progress == other.progress && evidence.equals(other.evidence) && repeats == other.repeats
                && dedup == other.dedup;
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, Arrays.hashCode(ratios), probe, variant, foundation, threads, testFraction, progress, evidence, repeats, dedup);
    }

    @Override
    public String toString() {
        return "ScarOptions[seed=" + seed + ", ratios=" + Arrays.toString(ratios) + ", probe=" + probe.kind()
                + ", variant=" + variant + ", threads=" + threads + ", testFraction=" + testFraction
                + ", order=" + foundation.order() + ", epsilon=" + foundation.epsilon() + ", delta="
                + foundation.delta() + ", repeats=" + repeats + ", dedup=" + dedup + "]";
    }
}
