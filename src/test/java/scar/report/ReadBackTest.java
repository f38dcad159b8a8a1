package scar.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.ReadBack;
import scar.Scar;
import scar.data.Datasets;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.plan.CompletionPlan;
import scar.plan.Evaluation;
import scar.plan.MultiModalPlan;

/** Results written as JSON read back exactly, and files that are not what they should be are refused clearly. */
class ReadBackTest {

    private static DatasetProfile iris;

    @BeforeAll
    static void characterize() {
        iris = Scar.characterize(Datasets.bundled("iris"), ScarOptions.defaults().withProgress(false)
                .withRatios(1, 2, 5, 10).withRepeats(2));
    }

    @Test
    void aProfileReadsBackExactly(@TempDir Path dir) {
        Path file = Exports.write(iris, dir).stream().filter(p -> p.endsWith("profile.json")).findFirst()
                .orElseThrow();
        var checked = ReadBack.assertExact(file, Scar::loadProfile);
        DatasetProfile back = checked.value();
        assertEquals(iris, back);
        assertTrue(checked.numbers() > 500, "numbers compared: " + checked.numbers());
        ScarProfile p = back.modalities().get(0);
        assertEquals(iris.modalities().get(0).foundationSize(), p.foundationSize());
        assertEquals(iris.modalities().get(0).nanos(), p.nanos());
        assertEquals(iris.modalities().get(0).probe(), p.probe());
        assertEquals(iris.modalities().get(0).toString(), p.toString(), "it prints the same");
        assertEquals(p, ScarProfile.read(file));
        assertThrows(IllegalStateException.class, back::source, "the dataset is not in the file");
    }

    @Test
    void aProfileWithoutItsTimingsReadsBackWithEveryResultAndNoTimes(@TempDir Path dir) throws Exception {
        Path written = Exports.write(iris, dir.resolve("run")).stream().filter(p -> p.endsWith("profile.json"))
                .findFirst().orElseThrow();
        assertFalse(Files.readString(written).contains("\"nanos\""), "the results file holds no times");
        Path alone = Files.copy(written, Files.createDirectories(dir.resolve("alone")).resolve("profile.json"));
        DatasetProfile back = ReadBack.assertExact(alone, Scar::loadProfile).value();
        ScarProfile p = back.modalities().get(0);
        ScarProfile original = iris.modalities().get(0);
        assertEquals(original.foundationSize(), p.foundationSize());
        assertEquals(original.probe().fits().size(), p.probe().fits().size());
        assertEquals(0, p.nanos(), "no times without timings.json");
        assertEquals(1, back.options().threads(), "no thread count without timings.json: read as one");
        assertEquals(original.toTable().column("step_size").asList(), p.toTable().column("step_size").asList());

        Files.writeString(alone.resolveSibling("timings.json"),
                "{\"run_fields\": {\"profile.json\": {\"/modalities/7/nanos\": 5}}}");
        var e = assertThrows(IllegalArgumentException.class, () -> Scar.loadProfile(alone));
        assertTrue(e.getMessage().contains("does not belong to profile.json") && e.getMessage().contains("/modalities/7"),
                e.getMessage());
    }

    @Test
    void missingNumbersStayNaN(@TempDir Path dir) {
        // no held-out items: no learning curve, and every fit's test accuracy is NaN
        DatasetProfile none = Scar.characterize(Datasets.bundled("iris"), ScarOptions.defaults().withProgress(false)
                .withRatios(1, 2, 5).withTestFraction(0));
        Path file = Exports.json(none, dir.resolve("none.json"));
        assertTrue(assertContains(file, "NaN"));
        DatasetProfile back = ReadBack.assertExact(file, DatasetProfile::read).value();
        assertTrue(Double.isNaN(back.modalities().get(0).testAccuracy()));
        assertFalse(back.modalities().get(0).evidence().hasCurve());
        assertEquals(none, back);
    }

    @Test
    void plansReadBackExactly(@TempDir Path dir) {
        MultiModalPlan plan = Scar.completionPlan(iris);
        MultiModalPlan back = ReadBack.assertExact(Scar.save(plan, dir.resolve("plan.json")), Scar::loadPlan).value();
        assertEquals(plan, back);
        assertTrue(back.agreement().isEmpty());
        assertEquals(plan.toString(), back.toString());
        CompletionPlan one = Scar.completionPlan(iris.modalities().get(0), 500);
        assertEquals(one, ReadBack.assertExact(Scar.save(one, dir.resolve("one.json")), CompletionPlan::read)
                .value());
    }

    @Test
    void evaluationsReadBackExactlyWithTheirMissingValues(@TempDir Path dir) {
        Evaluation e = Evaluation.builder()
                .add("image", Evaluation.Strategy.PRIMARY, 1, 0.25, 0)
                .add("image", Evaluation.Strategy.SCAR_FILL, 1, 0.1 + 0.2, 0)
                .datasetRow("image", 100, 12345.678, 0.3, 0) // an empty reserve: coverage NaN
                .build();
        assertTrue(Double.isNaN(e.datasetRows().get(0).coverage()));
        Evaluation back = ReadBack.assertExact(Scar.save(e, dir.resolve("evaluation.json")), Scar::loadEvaluation)
                .value();
        assertEquals(e, back);
        assertEquals(0.1 + 0.2, back.result("image", Evaluation.Strategy.SCAR_FILL).runs().get(0).accuracy());
    }

    @Test
    void wrongFilesAreRefusedWithTheFileAndTheReason(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.json");
        var io = assertThrows(UncheckedIOException.class, () -> Scar.loadProfile(missing));
        assertTrue(io.getMessage().contains(missing.toString()), io.getMessage());

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"dataset\": \"iris\", \"modalities\": [");
        var e = assertThrows(IllegalArgumentException.class, () -> Scar.loadProfile(broken));
        assertTrue(e.getMessage().startsWith(broken.toAbsolutePath().toString()) && e.getMessage().contains("line"),
                e.getMessage());

        Path evaluation = Scar.save(Evaluation.builder().add("m", Evaluation.Strategy.PRIMARY, 1, 0.5, 0).build(),
                dir.resolve("evaluation.json"));
        e = assertThrows(IllegalArgumentException.class, () -> Scar.loadProfile(evaluation));
        assertTrue(e.getMessage().contains("does not hold a SCAR profile") && e.getMessage().contains("'dataset'"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scar.loadPlan(evaluation));
        assertTrue(e.getMessage().contains("completion plan"), e.getMessage());

        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        e = assertThrows(IllegalArgumentException.class, () -> Scar.loadEvaluation(array));
        assertTrue(e.getMessage().contains("expected a JSON object, found an array"), e.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"dataset\": \"iris\", \"modalities\": []}");
        e = assertThrows(IllegalArgumentException.class, () -> Scar.loadProfile(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        String two = Files.readString(Exports.json(new DatasetProfile("x", java.util.List.of(iris.modalities().get(0),
                iris.modalities().get(0)), null), dir.resolve("two.json")));
        assertTrue(two.contains("\"modalities\""));
        e = assertThrows(IllegalArgumentException.class, () -> ScarProfile.read(dir.resolve("two.json")));
        assertTrue(e.getMessage().contains("2 modalities"), e.getMessage());
    }

    private static boolean assertContains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
