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

    @Option(names = {"-o", "--out"}, description = "write the plan tables as CSV, the plan (with its profile) as "
            + "plan.json and timings.json into this folder (new, empty, or written by an earlier run, whose files are "
            + "replaced)")
    Path out;

    @Mixin
    SweepOptions sweep;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        selection.requireOutsidePartFolder(out);
        try (StagedOutput staged = out == null ? null : StagedOutput.folder(out)) {
            var data = selection.load(sweep.repeats);
            Main.warnIfSoftwareFma();
            var profile = Scar.characterize(data, sweep.toOptions());
            var plan = budget == null ? Scar.completionPlan(profile) : Scar.completionPlan(profile, budget);
            System.out.println(plan.toText(output.width()));
            if (staged != null) {
                Path dir = staged.path();
                Exports.csv(plan.toSheet(), dir.resolve("plan-by-class.csv"));
                Exports.csv(plan.bias().modalitySheet(), dir.resolve("plan-by-modality.csv"));
                Exports.csv(plan.paired().toSheet(), dir.resolve("plan-paired.csv"));
                Exports.results(plan, dir.resolve("plan.json"));
                Exports.timings(profile, (System.nanoTime() - start) / 1e9, Map.of("plan.json", plan),
                        dir.resolve(Exports.TIMINGS));
                System.out.println("wrote " + staged.commit().size() + " files to " + staged.target());
            }
        }
        return 0;
    }
}
