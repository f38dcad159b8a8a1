package scar.cli;

import picocli.CommandLine.Option;

import scar.evidence.EvidenceOptions;
import scar.foundation.ScarOptions;
import scar.probe.ProbeKind;

/** The sweep options shared by the commands that characterise data (a picocli mixin). */
final class SweepOptions {

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--ratios", split = ",", paramLabel = "R",
            description = "subsampling ratios, starting at 1 (default: 1,2,5,10,15,20,30)")
    int[] ratios;

    @Option(names = "--probe", paramLabel = "KIND",
            description = "linear probe: converged or reference (default: ${DEFAULT-VALUE})",
            defaultValue = "converged", converter = ProbeKindConverter.class)
    ProbeKind probe;

    @Option(names = "--threads", description = "worker threads (default: all processors)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = "--repeats", paramLabel = "M", defaultValue = "1",
            description = "sweep under M seeds (seed, seed+1, ...) and show N_F, step sizes and shortfalls as a "
                    + "median with min-max (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0.01",
            description = "the generalisation gap ε; every size scales as 1/ε² (default: ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = "--delta", paramLabel = "D", defaultValue = "0.01",
            description = "δ of the step sizes, n ∝ ln(H/δ) (default: ${DEFAULT-VALUE})")
    double delta;

    @Option(names = "--delta-e", paramLabel = "D", defaultValue = "0.01",
            description = "δ_E, the failure probability N_F solves for (default: ${DEFAULT-VALUE})")
    double deltaE;

    @Option(names = "--dedup", description = "drop items whose embedding repeats an earlier item's (in any "
            + "modality) before the study; without it duplicates are only reported")
    boolean dedup;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0.01",
            description = "how close to its asymptote a learning curve counts as flat, as a share "
                    + "(default: ${DEFAULT-VALUE}, one point)")
    double tolerance;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
            description = "bootstrap replicates behind every interval of the evidence (default: ${DEFAULT-VALUE})")
    int bootstrap;

    ScarOptions toOptions() {
        ScarOptions o = ScarOptions.defaults().withSeed(seed).withProbe(probe).withProgress(!quiet)
                .withRepeats(repeats).withEpsilon(epsilon).withDelta(delta).withDeltaE(deltaE).withDedup(dedup)
                .withEvidence(EvidenceOptions.defaults().withTolerance(tolerance).withBootstrap(bootstrap));
        if (ratios != null) {
            o = o.withRatios(ratios);
        }
        if (threads != null) {
            o = o.withThreads(threads);
        }
        return o;
    }

    /** Accepts the probe kind in any case. */
    static final class ProbeKindConverter implements picocli.CommandLine.ITypeConverter<ProbeKind> {
        @Override
        public ProbeKind convert(String value) {
            try {
                return ProbeKind.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown probe '" + value
                        + "'; expected converged or reference");
            }
        }
    }
}
