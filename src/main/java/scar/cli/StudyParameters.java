package scar.cli;

import picocli.CommandLine.Option;

import scar.evidence.EvidenceOptions;
import scar.foundation.ScarOptions;

/**
 * The parameters behind a study's numbers — ε, δ and δ_E of SCAR's sizes, and the evidence's tolerance and bootstrap
 * replicates — as options of every command line that characterises data: this one's commands and the Spark runner's
 * (a picocli mixin). They change only work done after the probes, so every runner takes them alike.
 */
public final class StudyParameters {

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0.01",
            description = "the generalisation gap ε; every size scales as 1/ε² (default: ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = "--delta", paramLabel = "D", defaultValue = "0.01",
            description = "δ of the step sizes, n ∝ ln(H/δ) (default: ${DEFAULT-VALUE})")
    double delta;

    @Option(names = "--delta-e", paramLabel = "D", defaultValue = "0.01",
            description = "δ_E, the failure probability N_F solves for (default: ${DEFAULT-VALUE})")
    double deltaE;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0.01",
            description = "how close to its asymptote a learning curve counts as flat, as a share "
                    + "(default: ${DEFAULT-VALUE}, one point)")
    double tolerance;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
            description = "bootstrap replicates behind every interval of the evidence (default: ${DEFAULT-VALUE})")
    int bootstrap;

    /**
     * {@code options} with these parameters (each checked by {@link ScarOptions} and {@link EvidenceOptions}); a
     * value they refuse is named by its option.
     */
    public ScarOptions applyTo(ScarOptions options) {
        ScarOptions a = option("--epsilon", "epsilon", () -> options.withEpsilon(epsilon));
        ScarOptions b = option("--delta", "delta", () -> a.withDelta(delta));
        ScarOptions c = option("--delta-e", "deltaE", () -> b.withDeltaE(deltaE));
        EvidenceOptions t = option("--tolerance", "tolerance", () -> options.evidence().withTolerance(tolerance));
        return c.withEvidence(option("--bootstrap", "bootstrap", () -> t.withBootstrap(bootstrap)));
    }

    /**
     * {@code apply}'s result: the library's options record with one option's value set. The records name a value they
     * refuse by its Java name ("deltaE must lie in (0, 1), got 0.0"); on a command line the user typed the option, so
     * a refusal that starts with {@code javaName} starts with {@code option} instead ("--delta-e must lie in …").
     *
     * @throws IllegalArgumentException the record's refusal, naming the option
     */
    public static <T> T option(String option, String javaName, java.util.function.Supplier<T> apply) {
        try {
            return apply.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (m != null && m.startsWith(javaName + " ")) {
                throw new IllegalArgumentException(option + m.substring(javaName.length()), e);
            }
            throw e;
        }
    }
}
