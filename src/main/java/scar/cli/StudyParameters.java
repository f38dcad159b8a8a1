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

    /** {@code options} with these parameters (each checked by {@link ScarOptions} and {@link EvidenceOptions}). */
    public ScarOptions applyTo(ScarOptions options) {
        return options.withEpsilon(epsilon).withDelta(delta).withDeltaE(deltaE)
                .withEvidence(options.evidence().withTolerance(tolerance).withBootstrap(bootstrap));
    }
}
