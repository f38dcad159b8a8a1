package scar.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static scar.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, output side: -o is checked before any work, outputs appear whole, runs never mix, seeds reproduce. */
class OutputTest {
    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void refusedBeforeWork(Cli.Run r, String... words) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out(), "nothing may be computed (or printed) before the output is checked");
        assertEquals(1, r.err().lines().count(), r.err());
        for (String w : words) {
            assertTrue(r.err().contains(w), "'" + w + "' in " + r.err());
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(dir.resolve("results"), "not a folder");
        for (String verb : new String[] {"characterize", "plan", "evaluate"}) {
            refusedBeforeWork(run(verb, "iris", "--quiet", "-o", file.toString()), "results", "is a file",
                    "expected a folder");
        }
        refusedBeforeWork(run("characterize", "iris", "--quiet", "-o", file.resolve("sub").toString()),
                "cannot create the folder", "results");
        Path folder = Files.createDirectories(dir.resolve("report.html"));
        refusedBeforeWork(run("report", "iris", "--quiet", "--seeds", "0", "-o", folder.toString()),
                "report.html", "is a folder", "expected the name of a file");
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedAndKept() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        refusedBeforeWork(run("characterize", "iris", "--quiet", "-o", dir.toString()),
                "holds 1 file that no scar run wrote", "notes.txt");
        assertEquals(List.of("notes.txt"), names(dir));
    }

    @Test
    void aFailedRunLeavesNoOutputBehind() throws IOException {
        Path out = dir.resolve("out");
        // iris keeps 40 training items per class: ratio 40 leaves 1, too few, so the sweep fails after -o was made
        Cli.Run r = run("characterize", "iris", "--ratios", "1,40", "--quiet", "-o", out.toString());
        assertEquals(2, r.code(), r.err());
        assertFalse(Files.exists(out), "no output folder, not even an empty one");
        assertEquals(List.of(), names(dir), "no staging leftovers");
        Path report = dir.resolve("r.html");
        assertEquals(2, run("report", "iris", "--ratios", "1,40", "--quiet", "-o", report.toString()).code());
        assertEquals(List.of(), names(dir), "no report and no temporary file");
    }

    /** Issue 14: the message suggested the Java method withRatios(1, 2, ...) to command-line users. */
    @Test
    void theTooSmallClassMessageNamesTheRatiosOption() {
        Cli.Run r = run("characterize", "iris", "--ratios", "1,40", "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--ratios 1,2"), r.err());
    }

    @Test
    void aSecondRunIntoTheSameFolderReplacesTheFirstWithoutMixing() throws IOException {
        Path out = dir.resolve("wiki");
        assertEquals(0, run("characterize", "wikipedia", "--ratios", "1,2", "--quiet", "-o", out.toString()).code());
        assertTrue(names(out).contains("image-classes.csv"), names(out).toString());
        Cli.Run second = run("characterize", "wikipedia", "--modality", "text", "--ratios", "1,2", "--quiet", "-o",
                out.toString());
        assertEquals(0, second.code(), second.err());
        List<String> files = names(out);
        assertTrue(files.contains("text-classes.csv") && files.contains("timings.json"), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.startsWith("image-") || f.equals("agreement.csv")),
                "no file of the first run's image modality is left: " + files);
        assertEquals(files.stream().filter(f -> !f.startsWith(".")).toList(),
                Files.readAllLines(out.resolve(".scar-output")), "the listing names exactly the files there");
        assertEquals(2, Files.readAllLines(out.resolve("modalities.csv")).size(), "header + the text modality");
    }

    /**
     * Issue 14: modalities.csv and profile.json carried seconds, nanos and threads, and --threads 1 was recorded as
     * 2. Now two runs with one seed agree byte for byte except timings.json, on 1 thread and on 2.
     */
    @Test
    void seededRunsAreByteIdenticalExceptTheirTimingsOnAnyThreadCount() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertEquals(0, run("characterize", "iris", "--seed", "3", "--threads", "1", "--quiet", "-o",
                one.toString()).code());
        assertEquals(0, run("characterize", "iris", "--seed", "3", "--threads", "2", "--quiet", "-o",
                two.toString()).code());
        assertEquals(names(one), names(two));
        for (String f : names(one)) {
            if (!f.equals("timings.json")) {
                assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
            }
        }
        String profile = Files.readString(one.resolve("profile.json"));
        assertFalse(profile.contains("\"nanos\"") || profile.contains("\"threads\""), "no run facts in results");
        assertFalse(Files.readAllLines(one.resolve("modalities.csv")).get(0).contains("seconds"));
        for (Path p : new Path[] {one, two}) {
            var timings = JsonParser.parseString(Files.readString(p.resolve("timings.json"))).getAsJsonObject();
            assertEquals(p == one ? 1 : 2, timings.get("threads").getAsInt(), "the thread count of the run");
            var iris = timings.getAsJsonArray("modalities").get(0).getAsJsonObject();
            // 40 training items per class: ratio 30 would leave 1, so 1 + 2 + 5 + 10 + 15 + 20 = 53 fits
            assertEquals(53, iris.getAsJsonArray("fit_seconds").size(), "one time per probe fit");
        }
    }

    /**
     * {@code report -o} naming the dataset or its labels wrote the HTML over them after the run; a report is now
     * refused there before anything is read, and a named report is checked before the data is read.
     */
    @Test
    void aReportOverItsOwnInputIsRefusedAndTheInputKept() throws IOException {
        Path labels = Files.writeString(dir.resolve("labels.txt"), "0\n1\n");
        Path npy = Files.write(dir.resolve("emb.npy"), new byte[] {1, 2, 3});
        refusedBeforeWork(run("report", npy.toString(), "--labels", labels.toString(), "--quiet", "-o",
                labels.toString()), "labels.txt is an input of this run (the labels)",
                "expected the name of a new file");
        refusedBeforeWork(run("report", npy.toString(), "--labels", labels.toString(), "--quiet", "-o",
                dir.resolve(".").resolve("emb.npy").toString()), "emb.npy is an input of this run (the dataset)");
        Path folder = Files.createDirectories(dir.resolve("data"));
        Path view = Files.writeString(folder.resolve("labels.csv"), "id,label\n");
        refusedBeforeWork(run("report", folder.toString(), "--quiet", "-o", view.toString()),
                "labels.csv is a file of the dataset folder");
        assertEquals("0\n1\n", Files.readString(labels));
        assertEquals(3, Files.size(npy));
        // a report -o that cannot be written is named before the (broken) data is read
        refusedBeforeWork(run("report", npy.toString(), "--labels", labels.toString(), "--quiet", "-o",
                folder.toString()), "data is a folder; expected the name of a file");
        Cli.Run seeds = run("report", "iris", "--seeds", "-1", "--quiet", "-o", dir.resolve("r.html").toString());
        assertEquals(2, seeds.code());
        assertEquals("scar: the evaluation needs at least 1 seed, or 0 to leave it out; got -1", seeds.err().strip());
        assertFalse(Files.exists(dir.resolve("r.html")));
    }
}
