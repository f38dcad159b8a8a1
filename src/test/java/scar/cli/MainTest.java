package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static scar.cli.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.cli.Cli.Run;

/** The command line as a user runs it: exit codes, what is printed, the files written. */
class MainTest {

    @Test
    void datasetsListsTheBundledNamesAndSummarisesOne() {
        Cli.Run list = run("datasets");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("wikipedia") && list.out().contains("mfeat"), list.out());
        Cli.Run one = run("datasets", "mfeat");
        assertEquals(0, one.code());
        assertTrue(one.out().contains("2,000 items") && one.out().contains("fac"), one.out());
    }

    @Test
    void characterizeWritesTablesAndJson(@TempDir Path dir) throws Exception {
        Cli.Run r = run("characterize", "wikipedia", "--modality", "text", "--ratios", "1,2,5", "--quiet", "--out",
                dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("foundation size N_F"), r.out());
        for (String f : new String[] {"text-classes.csv", "text-measures.csv", "text-steps.csv", "modalities.csv",
                "profile.json"}) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        assertEquals(11, Files.readAllLines(dir.resolve("text-classes.csv")).size(), "header + 10 classes");
        var json = JsonParser.parseString(Files.readString(dir.resolve("profile.json"))).getAsJsonObject();
        assertEquals("wikipedia", json.get("dataset").getAsString());
        assertEquals(1, json.getAsJsonArray("modalities").size());
    }

    @Test
    void badInputGivesOneLineAndExitCodeTwo() {
        Cli.Run missing = run("characterize", "/no/such/folder", "--quiet");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("scar: ") && missing.err().contains("/no/such/folder"), missing.err());
        assertTrue(!missing.err().contains("\tat "), "no stack trace: " + missing.err());

        Cli.Run ratios = run("characterize", "wikipedia", "--ratios", "2,5", "--quiet");
        assertEquals(2, ratios.code());
        assertTrue(ratios.err().contains("must start with 1"), ratios.err());

        Cli.Run modality = run("characterize", "wikipedia", "--modality", "audio", "--quiet");
        assertEquals(2, modality.code());
        assertTrue(modality.err().contains("audio") && modality.err().contains("image, text"), modality.err());

        Cli.Run typo = run("characterize", "iris", "--ratios", "1,x");
        assertEquals(2, typo.code());
        assertTrue(typo.err().startsWith("scar: ") && typo.err().contains("'x'"), typo.err());
        assertTrue(typo.err().contains("scar characterize --help") && !typo.err().contains("Usage:"),
                "one line and a pointer to --help, not the whole usage: " + typo.err());

        Cli.Run probe = run("characterize", "wikipedia", "--probe", "svm");
        assertEquals(2, probe.code());
        assertTrue(probe.err().contains("converged or reference"), probe.err());
    }

    @Test
    void aRefusedNumberIsNamedByTheOptionTheUserTyped() {
        String[][] cases = {{"--epsilon", "0"}, {"--delta", "2"}, {"--delta-e", "0"}, {"--tolerance", "0"},
            {"--bootstrap", "0"}, {"--repeats", "0"}, {"--threads", "0"}};
        for (String[] c : cases) {
            Cli.Run r = run("characterize", "iris", c[0], c[1], "--quiet");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("scar: " + c[0] + " must ") || r.err().startsWith("scar: " + c[0]
                    + " needs "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void planPrintsPerClassShortfallsAndBottlenecks(@TempDir Path dir) {
        Cli.Run r = run("plan", "wikipedia", "--ratios", "1,2,5", "--quiet", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("bottleneck") && r.out().contains("paired_shortfall"), r.out());
        assertTrue(Files.exists(dir.resolve("plan-by-class.csv")));
    }

    @Test
    void helpListsEveryCommand() {
        Cli.Run r = run("--help");
        assertEquals(0, r.code());
        for (String c : new String[] {"demo", "characterize", "plan", "evaluate", "report", "bench", "kernel",
                "datasets"}) {
            assertTrue(r.out().contains(c), c + " in " + r.out());
        }
    }

    @Test
    void repeatsPrintIntervalsThatContainEverySingleSeedRun() {
        Cli.Run repeated = run("characterize", "mfeat", "-m", "fou", "--repeats", "3", "--ratios", "1,2,5", "--quiet");
        assertEquals(0, repeated.code(), repeated.err());
        assertTrue(repeated.out().contains("over 3 seeds"), repeated.out());
        var line = java.util.regex.Pattern.compile("median ([0-9,]+) over 3 seeds \\(([0-9,]+)–([0-9,]+)\\)")
                .matcher(repeated.out());
        assertTrue(line.find(), repeated.out());
        long low = Long.parseLong(line.group(2).replace(",", ""));
        long high = Long.parseLong(line.group(3).replace(",", ""));
        for (int seed = 42; seed <= 44; seed++) {
            Cli.Run single = run("characterize", "mfeat", "-m", "fou", "--seed", Integer.toString(seed), "--ratios",
                    "1,2,5", "--quiet");
            var nf = java.util.regex.Pattern.compile("foundation size N_F +([0-9,]+)").matcher(single.out());
            assertTrue(nf.find(), single.out());
            long value = Long.parseLong(nf.group(1).replace(",", ""));
            assertTrue(value >= low && value <= high, "seed " + seed + ": " + value + " outside " + low + "–" + high);
        }
    }

    @Test
    void theToleranceAndDedupOptionsReachTheStudy() {
        Cli.Run loose = run("characterize", "wikipedia", "-m", "text", "--epsilon", "0.02", "--ratios", "1,2,5",
                "--quiet");
        assertEquals(0, loose.code(), loose.err());
        assertTrue(loose.out().replaceAll("\\s+", " ").contains("1/(2ε²) = 1,250 (ε = 0.02"), loose.out());
        Cli.Run dedup = run("characterize", "mfeat", "-m", "mor", "--dedup", "--ratios", "1,2,5", "--quiet");
        assertEquals(0, dedup.code(), dedup.err());
        assertTrue(dedup.out().contains("duplicates dropped"), dedup.out());
        Cli.Run bad = run("characterize", "wikipedia", "--epsilon", "2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("epsilon must lie in (0, 1), got 2.0"), bad.err());
    }

    @Test
    void characterizeWritesTheEvidenceFiles(@TempDir Path dir) throws Exception {
        Cli.Run r = run("characterize", "wikipedia", "--ratios", "1,2,5,10", "--quiet", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Held-out evidence: image is the weaker modality"), r.out());
        for (String f : new String[] {"text-learning-curve.csv", "text-recall-curve.csv", "text-evidence.csv",
                "text-hard-items.csv", "image-learning-curve.csv", "agreement.csv"}) {
            assertTrue(Files.size(dir.resolve(f)) > 50, f);
        }
        assertEquals(5, Files.readAllLines(dir.resolve("text-learning-curve.csv")).size(), "header + 4 ratios");
        var json = JsonParser.parseString(Files.readString(dir.resolve("profile.json"))).getAsJsonObject();
        var evidence = json.getAsJsonArray("modalities").get(0).getAsJsonObject().getAsJsonObject("evidence");
        assertTrue(evidence.has("curve") && evidence.has("accuracy") && evidence.has("hardItems"), evidence.keySet()
                .toString());
    }

    /** evaluate took --repeats, --bootstrap and --tolerance and wrote the same files as without them. */
    @Test
    void evaluateRefusesTheSweepOptionsItWouldIgnore() {
        for (String[] option : new String[][] {{"--repeats", "3"}, {"--bootstrap", "30"}, {"--tolerance", "0.2"}}) {
            Cli.Run r = run("evaluate", "iris", "--quiet", option[0], option[1]);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("scar: " + option[0] + " does not apply to evaluate: ")
                    && r.err().contains("expected it left out"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals("", r.out());
        }
    }
}
