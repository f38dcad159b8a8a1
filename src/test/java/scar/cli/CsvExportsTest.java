package scar.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.Scar;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarProfile;
import scar.plan.Evaluation;
import scar.plan.MultiModalPlan;
import scar.text.Shortest;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every CSV file that {@code characterize -o}, {@code plan -o} and {@code evaluate -o} write (from
 * {@link scar.text.Sheet}s, without a Tablesaw {@code Table}) holds the bytes Tablesaw's own CSV writer gives for the
 * result's public table ({@code toTable()}, {@code measuresTable()}, …) of the result read back from the folder's
 * JSON (its doubles as JDK 19 writes them, on every JDK): on bundled data and on a dataset whose class names, ids
 * and modality names hold commas, quotes and a leading {@code #}.
 */
class CsvExportsTest {

    @TempDir
    Path dir;

    @Test
    void wikipediaText() throws IOException {
        assertProfileFiles(run("characterize", "wikipedia", "-m", "text"));
    }

    @Test
    void mfeatPixels() throws IOException {
        assertProfileFiles(run("characterize", "mfeat", "-m", "pix"));
    }

    @Test
    void irisProfilePlanAndEvaluation() throws IOException {
        assertProfileFiles(run("characterize", "iris"));
        assertPlanFiles(run("plan", "iris"));
        assertEvaluationFiles(run("evaluate", "iris", "--seeds", "2"));
    }

    @Test
    void namesThatNeedQuotes() throws IOException {
        String data = oddDataset().toString();
        Path profile = run("characterize", data, "--ratios", "1,2,4");
        assertProfileFiles(profile);
        String hard = Files.readString(profile.resolve("im_age-hard-items.csv"), StandardCharsets.UTF_8);
        assertTrue(hard.contains("\n\"#hash\",") && hard.contains("\"a,b\"") && hard.contains("say \"hi\"")
                && hard.contains(",\"it,em "), hard);
        assertPlanFiles(run("plan", data, "--ratios", "1,2,4"));
        assertEvaluationFiles(run("evaluate", data, "--ratios", "1,2,4", "--seeds", "1"));
        // a modality named after its file, with a comma, in the plan's column names
        Path file = dir.resolve("te,xt.csv");
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("label,f0,f1,f2\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 2 == 0 ? "\"x,y\"," : "z,").append(row(random, i % 2, 3));
        }
        Files.writeString(file, csv);
        assertProfileFiles(run("characterize", file.toString(), "--ratios", "1,2"));
        Path plan = run("plan", file.toString(), "--ratios", "1,2");
        assertPlanFiles(plan);
        assertTrue(Files.readString(plan.resolve("plan-by-modality.csv")).contains("\n\"te,xt\","));
    }

    /**
     * A CSV file that cannot be written (here: the file-size limit of a shell's {@code ulimit -f 1}, 1 KiB, which the
     * JVM meets as an IOException) is one line naming it and exit code 2, and no output folder is left behind.
     */
    @Test
    void aFailedWriteIsOneLineAndLeavesNoFolder() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs /bin/bash for ulimit");
        Path out = dir.resolve("limited");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(bash.toString(), "-c", "ulimit -f 1; exec \"$0\" \"$@\"", java,
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "scar.cli.Main",
                "characterize", "iris", "--ratios", "1,2", "--quiet", "-o", out.toString()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the CLI did not finish");
        assertEquals(2, p.exitValue(), stdout + stderr);
        assertEquals(1, stderr.lines().count(), stderr);
        // the file's final name, not its name in the hidden staging folder, which is gone with the failure
        assertTrue(stderr.matches("scar: cannot write " + Pattern.quote(out.toAbsolutePath() + "/")
                + "[^/]+\\.csv: .*\\R?"), stderr);
        assertTrue(Files.notExists(out), "no folder is left behind");
    }

    /** Runs {@code scar args... --quiet -o DIR} and returns the folder it wrote. */
    private Path run(String... args) {
        Path out = dir.resolve("out" + counter++);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--quiet", "-o", out.toString()));
        Cli.Run r = Cli.run(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return out;
    }

    private int counter;

    private static void assertProfileFiles(Path folder) throws IOException {
        DatasetProfile profile = Scar.loadProfile(folder.resolve("profile.json"));
        Map<String, Table> expected = new TreeMap<>();
        for (ScarProfile p : profile.modalities()) {
            String m = p.modality().replaceAll("[^A-Za-z0-9._-]", "_");
            expected.put(m + "-classes.csv", p.toTable());
            expected.put(m + "-measures.csv", p.measuresTable());
            expected.put(m + "-steps.csv", p.stepsTable());
            expected.put(m + "-hard-items.csv", p.hardItems());
            if (p.evidence().hasCurve()) {
                expected.put(m + "-learning-curve.csv", p.learningCurve());
                expected.put(m + "-recall-curve.csv", p.evidence().curve().recallTable());
                expected.put(m + "-evidence.csv", p.evidenceTable());
            }
        }
        expected.put("modalities.csv", profile.toTable().removeColumns("seconds"));
        profile.agreement().ifPresent(a -> expected.put("agreement.csv", a.toTable()));
        assertFiles(folder, expected);
    }

    private static void assertPlanFiles(Path folder) throws IOException {
        MultiModalPlan plan = Scar.loadPlan(folder.resolve("plan.json"));
        assertFiles(folder, new TreeMap<>(Map.of("plan-by-class.csv", plan.toTable(),
                "plan-by-modality.csv", plan.bias().modalityTable(), "plan-paired.csv", plan.paired().toTable())));
    }

    private static void assertEvaluationFiles(Path folder) throws IOException {
        Evaluation evaluation = Scar.loadEvaluation(folder.resolve("evaluation.json"));
        assertFiles(folder, new TreeMap<>(Map.of("evaluation.csv", evaluation.toTable(),
                "evaluation-runs.csv", evaluation.accuracyTable())));
    }

    /**
     * {@code table} with its doubles as the text the files give them on every JDK ({@link Shortest}, JDK 19's
     * {@code Double.toString}); Tablesaw writes {@code String.valueOf}, which JDK 17 writes longer for some values.
     */
    private static Table withShortestDoubles(Table table) {
        Table copy = Table.create(table.name());
        for (tech.tablesaw.columns.Column<?> c : table.columns()) {
            copy.addColumns(c instanceof DoubleColumn d ? StringColumn.create(d.name(), IntStream.range(0, d.size())
                    .mapToObj(r -> d.isMissing(r) ? "" : Shortest.of(d.getDouble(r)))) : c);
        }
        return copy;
    }

    /** The folder's CSV files are exactly {@code expected}'s names, each with Tablesaw's bytes for its table. */
    private static void assertFiles(Path folder, Map<String, Table> expected) throws IOException {
        List<String> written;
        try (Stream<Path> files = Files.list(folder)) {
            written = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
        assertEquals(List.copyOf(expected.keySet()), written, "the CSV files written");
        for (var e : expected.entrySet()) {
            StringWriter tablesaw = new StringWriter();
            withShortestDoubles(e.getValue()).write().csv(tablesaw);
            byte[] bytes = Files.readAllBytes(folder.resolve(e.getKey()));
            assertArrayEquals(tablesaw.toString().getBytes(StandardCharsets.UTF_8), bytes,
                    () -> e.getKey() + " differs from Tablesaw's CSV:\n" + tablesaw + "\n---\n"
                            + new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /**
     * A dataset folder of 4 classes × 30 items in two views, {@code text} and {@code im"age}, 20 items of each class
     * for training and 10 held out; class names {@code a,b}, {@code say "hi"}, {@code "quoted"} and {@code #hash},
     * ids with commas and quotes.
     */
    private Path oddDataset() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("odd"));
        String[] quotedNames = {"\"a,b\"", "\"say \"\"hi\"\"\"", "\"\"\"quoted\"\"\"", "#hash"};
        String[] ids = {"\"it,em %d\"", "q\"\"%d", "\"\"\"%d\"", "#%d"};
        Random random = new Random(7);
        StringBuilder labels = new StringBuilder("id,label,class_name,split\n");
        StringBuilder text = new StringBuilder("f0,f1,f2,f3\n");
        StringBuilder image = new StringBuilder("f0,f1,f2\n");
        for (int i = 0; i < 120; i++) {
            int c = i % 4;
            labels.append(String.format(Locale.ROOT, ids[i % 4], i)).append(',').append(c).append(',')
                    .append(quotedNames[c]).append(',').append(i / 4 % 3 == 2 ? "test" : "train").append('\n');
            text.append(row(random, c, 4));
            image.append(row(random, c + 1, 3));
        }
        Files.writeString(folder.resolve("labels.csv"), labels);
        Files.writeString(folder.resolve("view_text.csv"), text);
        Files.writeString(folder.resolve("view_im\"age.csv"), image);
        return folder;
    }

    /** A row near class {@code c}'s corner of the cube, with noise. */
    private static String row(Random random, int c, int dim) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < dim; j++) {
            sb.append(j == 0 ? "" : ",").append(((c >> (j % 3)) & 1) + random.nextGaussian());
        }
        return sb.append('\n').toString();
    }
}
