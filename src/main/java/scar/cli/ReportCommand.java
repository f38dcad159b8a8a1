package scar.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scar report DATASET [--out file.html] [--seeds n | --no-evaluation]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Characterise a dataset, plan its completion, evaluate the completion strategies and write "
                + "one self-contained HTML report.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    DatasetSelection selection;

    @Option(names = {"-o", "--out"}, description = "the report file (default: scar-out/<dataset>-report.html)")
    Path out;

    @Option(names = "--seeds", description = "seeds of the evaluation (default: ${DEFAULT-VALUE}; 0 leaves it out)",
            defaultValue = "3")
    int seeds;

    @Mixin
    SweepOptions sweep;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (seeds < 0) {
            throw new IllegalArgumentException("the evaluation needs at least 1 seed, or 0 to leave it out; got "
                    + seeds);
        }
        // Writing the report over the dataset or its labels would destroy them: refused before anything is read.
        selection.requireNotAnInput(out);
        return Study.run(() -> selection.load(sweep.repeats + seeds), out, seeds, sweep.toOptions(), output.width());
    }
}
