package scar.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import scar.Scar;
import scar.report.Exports;

/** {@code scar plan DATASET [--budget B] [--out dir]}. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Characterise a dataset and print its completion plan: per class (and modality) how many "
                + "items to acquire, the bottleneck modality of each class, and which classes are saturated.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    DatasetSelection selection;

    @Option(names = "--budget", description = "at most this many paired items in total (default: what the held-out "
            + "learning curve supports, capped at 10x the current items)")
    Integer budget;

    @Option(names = {"-o", "--out"}, description = "write the plan tables as CSV and the plan (with its profile) as "
            + "plan.json into this folder")
    Path out;

    @Mixin
    SweepOptions sweep;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        var profile = Scar.characterize(selection.load(), sweep.toOptions());
        var plan = budget == null ? Scar.completionPlan(profile) : Scar.completionPlan(profile, budget);
        System.out.println(plan.toText(output.width()));
        if (out != null) {
            Exports.mkdirs(out);
            Exports.csv(plan.toTable(), out.resolve("plan-by-class.csv"));
            Exports.csv(plan.bias().modalityTable(), out.resolve("plan-by-modality.csv"));
            Exports.csv(plan.paired().toTable(), out.resolve("plan-paired.csv"));
            Exports.json(plan, out.resolve("plan.json"));
            System.out.println("wrote 4 files to " + out.toAbsolutePath());
        }
        return 0;
    }
}
