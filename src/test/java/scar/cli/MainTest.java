package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes, what is printed, the files written. */
class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void datasetsListsTheBundledNamesAndSummarisesOne() {
        Run list = run("datasets");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("wikipedia") && list.out().contains("mfeat"), list.out());
        Run one = run("datasets", "mfeat");
        assertEquals(0, one.code());
        assertTrue(one.out().contains("2000 items") && one.out().contains("fac"), one.out());
    }

    @Test
    void characterizeWritesTablesAndJson(@TempDir Path dir) throws Exception {
        Run r = run("characterize", "wikipedia", "--modality", "text", "--ratios", "1,2,5", "--quiet", "--out",
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
        Run missing = run("characterize", "/no/such/folder", "--quiet");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("scar: ") && missing.err().contains("/no/such/folder"), missing.err());
        assertTrue(!missing.err().contains("\tat "), "no stack trace: " + missing.err());

        Run ratios = run("characterize", "wikipedia", "--ratios", "2,5", "--quiet");
        assertEquals(2, ratios.code());
        assertTrue(ratios.err().contains("must start with 1"), ratios.err());

        Run modality = run("characterize", "wikipedia", "--modality", "audio", "--quiet");
        assertEquals(2, modality.code());
        assertTrue(modality.err().contains("audio") && modality.err().contains("image, text"), modality.err());

        Run typo = run("characterize", "iris", "--ratios", "1,x");
        assertEquals(2, typo.code());
        assertTrue(typo.err().startsWith("scar: ") && typo.err().contains("'x'"), typo.err());
        assertTrue(typo.err().contains("scar characterize --help") && !typo.err().contains("Usage:"),
                "one line and a pointer to --help, not the whole usage: " + typo.err());

        Run probe = run("characterize", "wikipedia", "--probe", "svm");
        assertEquals(2, probe.code());
        assertTrue(probe.err().contains("converged or reference"), probe.err());
    }

    @Test
    void planPrintsPerClassShortfallsAndBottlenecks(@TempDir Path dir) {
        Run r = run("plan", "wikipedia", "--ratios", "1,2,5", "--quiet", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("bottleneck") && r.out().contains("paired_shortfall"), r.out());
        assertTrue(Files.exists(dir.resolve("plan-by-class.csv")));
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String c : new String[] {"demo", "characterize", "plan", "evaluate", "report", "bench", "kernel",
                "datasets"}) {
            assertTrue(r.out().contains(c), c + " in " + r.out());
        }
    }
}
