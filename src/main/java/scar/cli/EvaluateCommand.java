package scar.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import scar.Scar;
import scar.report.Exports;
import scar.report.StagedOutput;

/** {@code scar evaluate DATASET [--seeds 3] [--out dir]}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "The paper's completion experiment: split 60/40 into primary and reserve, fill from the reserve "
                + "by SCAR, at random and evenly with equal budgets, and compare test accuracies over several seeds.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    DatasetSelection selection;

    @Option(names = "--seeds", description = "number of seeds (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int seeds;

    @Option(names = {"-o", "--out"}, description = "write the evaluation tables as CSV, evaluation.json and "
            + "timings.json into this folder (new, empty, or written by an earlier run, whose files are replaced)")
    Path out;

    @Mixin
    SweepOptions sweep;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Sweep options the evaluation has no use for, and why: given, they would be ignored without a word. */
    private static final Map<String, String> UNUSED = new java.util.LinkedHashMap<>(Map.of(
            "--repeats", "the evaluation repeats its split, fills and probes under --seeds N seeds",
            "--bootstrap", "it sets the intervals of the held-out evidence, which the evaluation does not show",
            "--tolerance", "it sets when a learning curve of the held-out evidence counts as flat, which the "
                    + "evaluation does not show"));

    @Override
    public Integer call() {
        for (var unused : UNUSED.entrySet()) {
            if (spec.commandLine().getParseResult().hasMatchedOption(unused.getKey())) {
                throw new IllegalArgumentException(unused.getKey() + " does not apply to evaluate: " + unused.getValue()
                        + "; expected it left out (characterize, plan and report use it)");
            }
        }
        long start = System.nanoTime();
        selection.requireOutsidePartFolder(out);
        try (StagedOutput staged = out == null ? null : StagedOutput.folder(out)) {
            var data = selection.load(seeds);
            var options = sweep.toOptions();
            Main.warnIfSoftwareFma();
            var evaluation = Scar.evaluate(data, options, seeds);
            System.out.println(evaluation.toText(output.width()));
            if (staged != null) {
                Path dir = staged.path();
                Exports.csv(evaluation.toSheet(), dir.resolve("evaluation.csv"));
                Exports.csv(evaluation.accuracySheet(), dir.resolve("evaluation-runs.csv"));
                Exports.results(evaluation, dir.resolve("evaluation.json"));
                Exports.timings(options.threads(), (System.nanoTime() - start) / 1e9,
                        Map.of("evaluation.json", evaluation), dir.resolve(Exports.TIMINGS));
                System.out.println("wrote " + staged.commit().size() + " files to " + staged.target());
            }
        }
        return 0;
    }
}
