package scar.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = "--dedup", description = "drop items whose embedding repeats an earlier item's (in any "
            + "modality) before the study; without it duplicates are only reported")
    boolean dedup;

    @Mixin
    StudyParameters parameters;

    ScarOptions toOptions() {
        ScarOptions base = ScarOptions.defaults().withSeed(seed).withProbe(probe).withProgress(!quiet)
                .withDedup(dedup);
        ScarOptions o = parameters.applyTo(StudyParameters.option("--repeats", "repeats",
                () -> base.withRepeats(repeats)));
        if (ratios != null) {
            o = o.withRatios(ratios);
        }
        if (threads != null) {
            ScarOptions before = o;
            o = StudyParameters.option("--threads", "threads", () -> before.withThreads(threads));
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
