package scar.cli;

import java.nio.file.Path;
import java.util.Locale;

import scar.Scar;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.plan.Evaluation;
import scar.plan.MultiModalPlan;
import scar.report.Reports;
import scar.report.StagedOutput;

/** The steps shared by {@code demo} and {@code report}: characterise, plan, evaluate, write, summarise. */
final class Study {
    private Study() {
    }

    static int run(scar.data.MultiModalDataset data, Path out, int seeds, ScarOptions options) {
        long start = System.nanoTime();
        Path file = out != null ? out : Path.of("scar-out", safe(data.name()) + "-report.html");
        DatasetProfile profile;
        MultiModalPlan plan;
        Evaluation evaluation;
        // The report's name is checked (and its temporary file made) before any work.
        try (StagedOutput staged = StagedOutput.file(file)) {
            System.out.println(data);
            profile = Scar.characterize(data, options);
            plan = Scar.completionPlan(profile);
            evaluation = seeds > 0 ? Scar.evaluate(plan, seeds) : null;
            Reports.write(profile, plan, evaluation, staged.path());
            staged.commit();
        }

        System.out.println();
        System.out.println(profile);
        for (ScarProfile p : profile.modalities()) {
            System.out.printf(Locale.ROOT, "%-10s foundation size %,.0f for %,d training items; test accuracy %.3f; "
                            + "%d of %d classes saturated%n", p.modality(), p.foundationSize(), p.size(),
                    p.testAccuracy(), java.util.Arrays.stream(p.shortfalls()).filter(d -> d == 0).count(),
                    p.numClasses());
        }
        System.out.println();
        System.out.println(plan.toTable().printAll());
        if (evaluation != null) {
            System.out.println();
            System.out.println(evaluation.toTable().printAll());
        }
        System.out.printf(Locale.ROOT, "%nreport: %s (%.1f s)%n", file.toAbsolutePath(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
