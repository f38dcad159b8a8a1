package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static scar.cli.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import scar.ReadBack;
import scar.Scar;
import scar.cli.Cli.Run;
import scar.foundation.DatasetProfile;
import scar.plan.Evaluation;
import scar.plan.MultiModalPlan;
import scar.text.TextTable;

/**
 * What a person reads and reuses, on every bundled dataset: no line that {@code characterize}, {@code plan},
 * {@code evaluate} and {@code demo} print is wider than 120 columns, and the JSON each writes with {@code -o} reads
 * back exactly — every number — and prints what was printed. {@code evaluate} runs 2 seeds instead of the default 3:
 * its tables have the same columns either way.
 */
class PrintedOutputTest {

    static Stream<String> datasets() {
        return Scar.datasets().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void everyLineFitsAndEveryFileReadsBackExactly(String dataset, @TempDir Path dir) {
        Run characterize = run("characterize", dataset, "--quiet", "-o", dir.resolve("profile").toString());
        assertFits(characterize, "characterize " + dataset);
        DatasetProfile profile = ReadBack.assertExact(dir.resolve("profile/profile.json"), Scar::loadProfile).value();
        for (var p : profile.modalities()) {
            assertTrue(characterize.out().contains(p.toText(TextTable.WIDTH)), "read back, " + p.modality()
                    + " prints what was printed");
        }

        Run plan = run("plan", dataset, "--quiet", "-o", dir.resolve("plan").toString());
        assertFits(plan, "plan " + dataset);
        MultiModalPlan read = ReadBack.assertExact(dir.resolve("plan/plan.json"), Scar::loadPlan).value();
        assertTrue(plan.out().contains(read.toText(TextTable.WIDTH)), "read back, the plan prints what was printed");
        assertEquals(profile, read.profile(), "the same options give the same profile, run after run");

        Run evaluate = run("evaluate", dataset, "--quiet", "--seeds", "2", "-o", dir.resolve("evaluation").toString());
        assertFits(evaluate, "evaluate " + dataset);
        Evaluation evaluation = ReadBack.assertExact(dir.resolve("evaluation/evaluation.json"), Scar::loadEvaluation)
                .value();
        assertTrue(evaluate.out().contains(evaluation.toText(TextTable.WIDTH)), "read back, the evaluation prints "
                + "what was printed");
    }

    @Test
    void theDemoFits(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.html");
        Run demo = run("demo", "-o", report.toString());
        assertFits(demo, "demo");
        assertTrue(Files.size(report) > 100_000, "the report is written");
        assertTrue(demo.out().contains("time taken: "), demo.out());
    }

    @Test
    void wideKeepsEveryColumnOnOneLine() {
        Run narrow = run("characterize", "wikipedia", "-m", "text", "--ratios", "1,2,5", "--quiet");
        Run wide = run("characterize", "wikipedia", "-m", "text", "--ratios", "1,2,5", "--quiet", "--wide");
        assertFits(narrow, "characterize");
        assertEquals(0, wide.code(), wide.err());
        assertFalse(wide.linesLongerThan(TextTable.WIDTH).isEmpty(), "--wide leaves long lines long:\n" + wide.out());
        // no class is saturated and scale is 1 for every class: dropped from the narrow table, kept by --wide
        assertTrue(narrow.out().contains("same in every row: scale 1.000, saturated false"), narrow.out());
        assertTrue(wide.out().lines().anyMatch(l -> l.startsWith("name") && l.contains("scale")
                && l.contains("saturated")), wide.out());
    }

    private static void assertFits(Run run, String what) {
        assertEquals(0, run.code(), what + ": " + run.err());
        assertEquals(List.of(), run.linesLongerThan(TextTable.WIDTH), what + " prints lines wider than "
                + TextTable.WIDTH + " columns");
    }
}
