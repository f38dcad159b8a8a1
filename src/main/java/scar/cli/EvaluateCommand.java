package scar.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import scar.Scar;
import scar.report.Exports;

/** {@code scar evaluate DATASET [--seeds 3] [--out dir]}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "The paper's completion experiment: split 60/40 into primary and reserve, fill from the reserve "
                + "by SCAR, at random and evenly with equal budgets, and compare test accuracies over several seeds.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    DatasetSelection selection;

    @Option(names = "--seeds", description = "number of seeds (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int seeds;

    @Option(names = {"-o", "--out"}, description = "write the evaluation tables as CSV and evaluation.json into this "
            + "folder")
    Path out;

    @Mixin
    SweepOptions sweep;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        var data = selection.load();
        var evaluation = Scar.evaluate(data, sweep.toOptions(), seeds);
        System.out.println(evaluation.toText(output.width()));
        if (out != null) {
            Exports.mkdirs(out);
            Exports.csv(evaluation.toTable(), out.resolve("evaluation.csv"));
            Exports.csv(evaluation.accuracyTable(), out.resolve("evaluation-runs.csv"));
            Exports.json(evaluation, out.resolve("evaluation.json"));
            System.out.println("wrote 3 files to " + out.toAbsolutePath());
        }
        return 0;
    }
}
