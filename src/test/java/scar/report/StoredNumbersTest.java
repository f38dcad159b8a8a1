package scar.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import scar.Scar;
import scar.data.Datasets;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarOptions;

/**
 * A profile.json whose numbers are not what they may be (SPEC §11: NaN only where a result does not give the number)
 * is refused in one line naming the file, the JSON path, the value and what was expected — not read as it is.
 */
class StoredNumbersTest {

    private static String written;

    @BeforeAll
    static void characterize(@TempDir Path dir) throws IOException {
        DatasetProfile iris = Scar.characterize(Datasets.bundled("iris"), ScarOptions.defaults().withProgress(false)
                .withRatios(1, 2, 5, 10));
        written = Files.readString(Exports.write(iris, dir).stream().filter(p -> p.endsWith("profile.json"))
                .findFirst().orElseThrow());
    }

    /** What a profile cannot hold: the kind, the path, the JSON text put there (null: removed), the message's end. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("NaN in a measure", "/modalities/0/measures/1/authenticity/2", "NaN",
                        "is NaN; expected a finite number in [0, 1]"),
                Arguments.of("NaN in an accuracy", "/modalities/0/measures/0/accuracy", "NaN",
                        "is NaN; expected a finite number in [0, 1]"),
                Arguments.of("an accuracy above 1", "/modalities/0/probe/fits/0/trainAccuracy", "1.5",
                        "is 1.5; expected a finite number in [0, 1]"),
                Arguments.of("a measure just above 1", "/modalities/0/measures/2/accuracy", "1.0000001",
                        "is 1.0000001; expected a finite number in [0, 1]"),
                Arguments.of("infinity", "/modalities/0/foundation/size", "Infinity",
                        "is Infinity; expected a finite number >= 0"),
                Arguments.of("minus infinity", "/modalities/0/steps/classes/1/stepSize", "-Infinity",
                        "is -Infinity; expected a finite number"),
                Arguments.of("a number beyond double", "/modalities/0/measures/1/ratio", "1e400",
                        "is 1e400; expected a finite number >= 1"),
                Arguments.of("a share as a string", "/modalities/0/measures/0/scale/0", "\"0.5\"",
                        "is \"0.5\"; expected a finite number in [0, 1]"),
                Arguments.of("a count as a string", "/modalities/0/testSize", "\"30\"",
                        "is \"30\"; expected a whole number >= 0"),
                Arguments.of("a negative count", "/modalities/0/classCounts/1", "-4",
                        "is -4; expected a whole number >= 0"),
                Arguments.of("a negative held-out count", "/modalities/0/evidence/curve/scores/0/0/support/2", "-1",
                        "is -1; expected a whole number >= 0"),
                Arguments.of("a fractional count", "/modalities/0/testSize", "2.5",
                        "is 2.5; expected a whole number >= 0"),
                Arguments.of("a missing count", "/modalities/0/testSize", null,
                        "is missing; expected a whole number >= 0"),
                Arguments.of("a missing size", "/modalities/0/foundation/size", null,
                        "is missing; expected a finite number >= 0"),
                Arguments.of("a missing measure", "/modalities/0/measures/0/coverage", null,
                        "is missing; expected an array"),
                Arguments.of("an unknown status", "/modalities/0/evidence/accuracy/status", "\"FITTTED\"",
                        "is \"FITTTED\"; expected one of FITTED, FLAT, TOO_FEW_POINTS"),
                Arguments.of("a number for a flag", "/modalities/0/foundation/fallback", "0",
                        "is 0; expected true or false"),
                Arguments.of("a number for a name", "/modalities/0/classNames/0", "7", "is 7; expected a string"),
                Arguments.of("a null modality", "/modalities/0", "null", "is null; expected an object"),
                Arguments.of("a null class name", "/modalities/0/classNames/1", "null", "is null; expected a string"),
                Arguments.of("a null measure", "/modalities/0/measures/0/richness/2", "null",
                        "is null; expected a finite number in [0, 1]"),
                Arguments.of("an object for the dataset's name", "/dataset", "{}", "is an object; expected a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aNumberAProfileCannotHoldIsRefusedByItsPath(String kind, String path, String value, String expected,
                                                     @TempDir Path dir) throws IOException {
        Path file = edited(dir, path, value);
        var e = assertThrows(IllegalArgumentException.class, () -> Scar.loadProfile(file), kind);
        assertEquals(file.toAbsolutePath() + " does not hold a SCAR profile (the profile.json that 'scar characterize"
                + " -o' or save(profile, path) writes): " + path + " " + expected, e.getMessage());
    }

    @Test
    void aRuleOfAResultsConstructorIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = edited(dir, "/modalities/0/measures/0/scale", "[1.0, 1.0]");
        var e = assertThrows(IllegalArgumentException.class, () -> Scar.loadProfile(file));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + " does not hold a SCAR profile")
                && e.getMessage().contains("coverage has 3 classes, expected 2 like scale")
                && !e.getMessage().contains("Failed to invoke") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void partsThatDoNotFitTogetherAreRefused(@TempDir Path dir) throws IOException {
        // a step result or a class name removed used to load, and failed later in a plan or a comparison
        for (String[] removed : new String[][] {{"/modalities/0/steps/classes/1", "steps has 2 entries, expected 3"},
                {"/modalities/0/classNames/1", "classCounts has 3 entries, expected 2"},
                {"/modalities/0/measures/1", "measures has 3 entries, expected 4 (one per ratio)"},
                {"/modalities/0/repeats/shortfalls/0/2", "the shortfalls of repeat 0 has 2 entries, expected 3"},
                // a fitted curve without its plateau loaded, and the plan's default budget failed on it
                {"/modalities/0/evidence/accuracy/plateau", "extrapolation needs its curve, its plateau and one "
                        + "prediction per multiple; got a curve, no plateau"},
                {"/modalities/0/evidence/accuracy/predicted/3", "and 3 predictions for 4 multiples"},
                // the evidence without its accuracy, or with a recall missing, loaded and failed in a plan
                {"/modalities/0/evidence/accuracy", "the evidence has a learning curve, no accuracy extrapolation"},
                {"/modalities/0/evidence/recalls/0", "and 2 recall extrapolations; expected all three with one recall "
                        + "per class (3)"}}) {
            Path file = removed(dir, removed[0]);
            var e = assertThrows(IllegalArgumentException.class, () -> Scar.loadProfile(file), removed[0]);
            assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + " does not hold a SCAR profile")
                    && e.getMessage().contains(removed[1]), e.getMessage());
        }
    }

    @Test
    void aPlanWhosePartsDoNotFitTogetherIsRefused(@TempDir Path dir) throws IOException {
        // found by mutating a plan.json at random: these loaded, then printing the plan failed
        Path saved = Scar.save(Scar.completionPlan(Scar.loadProfile(edited(dir, "/dataset", "\"iris\""))),
                dir.resolve("plan.json"));
        String plan = Files.readString(saved);
        for (String[] bad : new String[][] {
                {"/paired/outlook/recallGain/0/1", null, "has 3 recalls and 2 gains for a plan of 3 classes"},
                {"/paired/outlook/recallNow", "[]", "has recalls of 0 and gains of 1 modalities for 1 modalities"},
                {"/paired/classes/1/status", "null", "missing status"},
                {"/paired/classes/1/toAdd", "2147483648", "/paired/classes/1/toAdd is 2147483648; expected a whole "
                        + "number in [0, 2147483647]"}}) {
            Path file = edited(plan, dir, "plan.json", bad[0], bad[1]);
            var e = assertThrows(IllegalArgumentException.class, () -> Scar.loadPlan(file), bad[0]);
            assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + " does not hold a SCAR completion plan")
                    && e.getMessage().contains(bad[2]), e.getMessage());
        }
    }

    @Test
    void anEvaluationWithAnImpossibleRunIsRefused(@TempDir Path dir) throws IOException {
        // found by mutating an evaluation.json at random: these loaded, then printing or plotting it failed
        String evaluation = Files.readString(Scar.save(scar.plan.Evaluation.builder()
                .add("m", scar.plan.Evaluation.Strategy.PRIMARY, 1, 0.5, 0)
                .add("m", scar.plan.Evaluation.Strategy.SCAR_FILL, 1, 0.6, 4).datasetRow("m", 100, 12345.678, 0.6, 10)
                .build(), dir.resolve("evaluation.json")));
        for (String[] bad : new String[][] {
                {"/results/0/runs/0/accuracy", "NaN", "/results/0/runs/0/accuracy is NaN; expected a finite number "
                        + "in [0, 1]"},
                {"/results/1/runs/0/added", "-4", "/results/1/runs/0/added is -4; expected a whole number >= 0"},
                {"/results/1/strategy", null, "missing strategy"},
                {"/results/1/runs", "[]", "the result of SCAR_FILL on modality 'm' has no run"},
                {"/datasetRows/0/richness", "2147483648", "/datasetRows/0/richness is 2147483648; expected a finite "
                        + "number in [0, 1]"},
                {"/datasetRows/0/modality", null, "missing modality"}}) {
            Path file = edited(evaluation, dir, "evaluation.json", bad[0], bad[1]);
            var e = assertThrows(IllegalArgumentException.class, () -> Scar.loadEvaluation(file), bad[0]);
            assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + " does not hold a SCAR evaluation")
                    && e.getMessage().contains(bad[2]), e.getMessage());
        }
    }

    @Test
    void nanWhereANumberIsUndefinedStillReads(@TempDir Path dir) throws IOException {
        // SPEC §11: a number a result does not give is NaN — Coverage of a V1 class, a fit without held-out items,
        // an unusable h, the root of a fallback
        Path file = edited(dir, "/modalities/0/measures/1/coverage/0", "NaN");
        assertTrue(Double.isNaN(Scar.loadProfile(file).modalities().get(0).measures().get(1).coverage()[0]));
        file = edited(dir, "/modalities/0/probe/fits/3/testAccuracy", "NaN");
        assertTrue(Double.isNaN(Scar.loadProfile(file).modalities().get(0).probe().fits().get(3).testAccuracy()));
        file = edited(dir, "/modalities/0/steps/classes/0/h/2", "NaN");
        assertFalse(Scar.loadProfile(file).modalities().isEmpty());
        file = edited(dir, "/modalities/0/foundation/root", "NaN");
        assertTrue(Double.isNaN(Scar.loadProfile(file).modalities().get(0).foundation().root()));
    }

    /** {@code written} without the value at {@code path}, an array's element or an object's member. */
    private static Path removed(Path dir, String path) throws IOException {
        return edited(dir, path, null);
    }

    /** {@code written} with the value at {@code path} replaced by the JSON text {@code value} (null: removed). */
    private static Path edited(Path dir, String path, String value) throws IOException {
        return edited(written, dir, "profile.json", path, value);
    }

    /** {@code json} with the value at {@code path} replaced by the JSON text {@code value} (null: removed). */
    private static Path edited(String json, Path dir, String name, String path, String value) throws IOException {
        JsonElement tree = JsonParser.parseString(json);
        String[] steps = path.substring(1).split("/");
        JsonElement at = tree;
        for (int i = 0; i < steps.length - 1; i++) {
            at = at.isJsonArray() ? at.getAsJsonArray().get(Integer.parseInt(steps[i]))
                    : at.getAsJsonObject().get(steps[i]);
        }
        String last = steps[steps.length - 1];
        JsonPrimitive mark = new JsonPrimitive("@@edited@@");
        if (at.isJsonArray() && value == null) {
            at.getAsJsonArray().remove(Integer.parseInt(last));
        } else if (at.isJsonArray()) {
            at.getAsJsonArray().set(Integer.parseInt(last), mark);
        } else {
            JsonObject o = at.getAsJsonObject();
            assertTrue(o.has(last), path + " is in the file");
            if (value == null) {
                o.remove(last);
            } else {
                o.add(last, mark);
            }
        }
        Path file = Files.createTempDirectory(dir, "edited").resolve(name);
        Files.writeString(file, tree.toString().replace("\"@@edited@@\"", String.valueOf(value)));
        return file;
    }
}
