package scar.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import scar.Scar;
import scar.data.MultiModalDataset;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.plan.Evaluation;
import scar.plan.PlanEvaluation;
import scar.plan.MultiModalPlan;
import scar.report.Reports;
import scar.report.StagedOutput;
import scar.text.Format;
import scar.text.Text;

/** The steps shared by {@code demo} and {@code report}: characterise, plan, evaluate, write, summarise. */
final class Study {
    private Study() {
    }

    /**
     * Reads the data {@code source} gives, runs the study and prints it within {@code width} columns. Its time is
     * measured once — characterising, planning and evaluating — and the report's footer and the last line printed
     * show that same duration.
     */
    static int run(Supplier<MultiModalDataset> source, Path out, int seeds, ScarOptions options, int width) {
        // The default name is the data's, so without -o the data is read first.
        MultiModalDataset data = out != null ? null : source.get();
        long start = System.nanoTime();
        Path file = out != null ? out : Path.of("scar-out", safe(data.name()) + "-report.html");
        DatasetProfile profile;
        MultiModalPlan plan;
        Evaluation evaluation;
        Duration elapsed;
        // The report's name is checked (and its temporary file made) before any other work: a named report before
        // the data is read.
        try (StagedOutput staged = StagedOutput.file(file)) {
            if (data == null) {
                data = source.get();
                start = System.nanoTime();
            }
            System.out.println(data.toText(width));
            if (seeds > 0) {
                PlanEvaluation.requireEvaluable(data, options); // before the characterisation, not after it
            }
            Main.warnIfSoftwareFma();
            profile = Scar.characterize(data, options);
            plan = Scar.completionPlan(profile);
            evaluation = seeds > 0 ? Scar.evaluate(plan, seeds) : null;
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            Reports.write(profile, plan, evaluation, elapsed, staged.path());
            staged.commit();
        }

        System.out.println();
        System.out.print(profile.toSheet().render(width));
        for (ScarProfile p : profile.modalities()) {
            System.out.print(Text.wrap(p.modality() + ": foundation size " + Format.items(p.foundationSize())
                    + " for " + Format.items(p.size()) + " training items; test accuracy "
                    + Format.share(p.testAccuracy()) + "; "
                    + java.util.Arrays.stream(p.shortfalls()).filter(d -> d == 0).count() + " of " + p.numClasses()
                    + " classes saturated", width, "", "  "));
        }
        System.out.println();
        System.out.println(plan.toText(width));
        if (evaluation != null) {
            System.out.println(evaluation.toText(width));
        }
        System.out.print(Text.wrap("report: " + file.toAbsolutePath(), width, "", "  "));
        System.out.println("time taken: " + Format.duration(elapsed) + " (characterise, plan"
                + (evaluation != null ? ", evaluate" : "") + ")");
        return 0;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
