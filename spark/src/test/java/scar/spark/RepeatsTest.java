package scar.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scar.data.MultiModalDataset;
import scar.foundation.Characterize;
import scar.foundation.Progress;
import scar.foundation.Repeats;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;

/**
 * {@code withRepeats} / {@code --repeats} on Spark (SPEC §4.3, §10.4): the study under seeds s, s + 1, … from the
 * data cached once, giving the local library's {@link Repeats} — seeds, class counts and shortfalls exactly, N_F and
 * step sizes to a few ulps (tested at 1e-9 relative, as every Spark-vs-local number) — and the command line refuses
 * a count below 1 as the local one does.
 */
class RepeatsTest {
    static final ScarOptions OPTIONS = ScarOptions.defaults().withSeed(9).withRatios(1, 2).withProgress(false);

    @TempDir
    Path dir;

    static void sameRepeats(Repeats local, Repeats spark) {
        assertArrayEquals(local.seeds(), spark.seeds(), "seeds");
        assertArrayEquals(local.classCounts(), spark.classCounts(), "class counts");
        assertArrayEquals(local.shortfalls(), spark.shortfalls(), "shortfalls");
        for (int r = 0; r < local.runs(); r++) {
            BundledDataTest.close(local.foundationSizes()[r], spark.foundationSizes()[r], "N_F of run " + r);
            for (int c = 0; c < local.stepSizes()[r].length; c++) {
                BundledDataTest.close(local.stepSizes()[r][c], spark.stepSizes()[r][c],
                        "step size of class " + c + " in run " + r);
            }
        }
    }

    /** The local library's profile, after checking that its seeds gave different N_F (or a mix-up could pass). */
    private static ScarProfile local(MultiModalDataset data, ScarOptions options) {
        ScarProfile p = Characterize.modality(data, "emb", options);
        assertEquals(options.repeats(), p.repeats().runs());
        assertTrue(Arrays.stream(p.repeats().foundationSizes()).distinct().count() > 1,
                Arrays.toString(p.repeats().foundationSizes()));
        return p;
    }

    @Test
    void aDataFramesRepeatsAreTheLocalLibrarys() {
        MultiModalDataset data = Sessions.threeClasses(600);
        ScarOptions options = OPTIONS.withRepeats(3);
        ScarProfile expected = local(data, options);
        ScarProfile got = ScarSpark.characterize(Sessions.frame(Sessions.local(), data), "emb", "label", options);
        BundledDataTest.sameNumbers(expected, got);
        sameRepeats(expected.repeats(), got.repeats());
        assertEquals(3, got.options().repeats());
    }

    /**
     * The later seeds are swept from the blocks cached for the first: with the input deleted after the load, the
     * study under two seeds still runs and gives the local numbers.
     */
    @Test
    void laterSeedsAreSweptFromTheCachedDataWithoutReadingTheInputAgain() throws Exception {
        MultiModalDataset data = Sessions.threeClasses(600);
        Path path = dir.resolve("small.parquet");
        Sessions.frame(Sessions.local(), data).write().parquet(path.toString());
        SparkData cached = SparkData.parquet(Sessions.local(), path.toString(), List.of("emb"), "label", null);
        try {
            deleteTree(path);
            assertFalse(Files.exists(path));
            ScarOptions options = OPTIONS.withRepeats(2);
            ScarProfile got = SparkStudy.of(cached, options).modality("emb", Progress.none());
            sameRepeats(local(data, options).repeats(), got.repeats());
        } finally {
            cached.release();
        }
    }

    @Test
    void theCommandLineTakesRepeatsAsTheLocalOneDoes() throws Exception {
        String path = dir.resolve("small.parquet").toString();
        Sessions.frame(Sessions.local(), Sessions.threeClasses(600)).write().parquet(path);
        Path sparkOut = dir.resolve("spark-out");
        Path localOut = dir.resolve("local-out");
        String[] study = {path, "--embedding", "emb", "--label", "label", "--ratios", "1,2", "--seed", "9",
                "--repeats", "2", "--quiet"};
        Sessions.Run[] run = new Sessions.Run[1];
        String printedBySpark = stdout(() -> {
            run[0] = Sessions.main(concat(study, "characterize", "-o", sparkOut.toString()));
            return run[0].code();
        });
        assertEquals(0, run[0].code(), run[0].message());
        String printedLocally = stdout(() -> scar.cli.Main.execute(concat(study, "characterize", "-o",
                localOut.toString())));
        ScarProfile local = scar.Scar.loadProfile(localOut.resolve("profile.json")).modalities().get(0);
        ScarProfile spark = scar.Scar.loadProfile(sparkOut.resolve("profile.json")).modalities().get(0);
        assertEquals(2, local.repeats().runs());
        sameRepeats(local.repeats(), spark.repeats());
        // the spread over seeds prints as the local command line prints it
        assertEquals(spreadTable(printedLocally), spreadTable(printedBySpark));

        for (String count : new String[] {"0", "-3"}) {
            StringWriter err = new StringWriter();
            int code = scar.cli.Main.execute(null, new PrintWriter(err, true), "characterize", path, "--embedding",
                    "emb", "--label", "label", "--repeats", count);
            String localLine = err.toString().strip();
            assertEquals(2, code, localLine);
            assertEquals("scar: --repeats must be at least 1, got " + count, localLine);
            Sessions.Run refused = Sessions.main("characterize", path, "--embedding", "emb", "--label", "label",
                    "--repeats", count, "-o", dir.resolve("never").toString());
            assertEquals(2, refused.code(), refused.message());
            assertEquals("scar-spark:" + localLine.substring("scar:".length()), refused.message());
            assertEquals(0, refused.jobs(), "Spark jobs started before --repeats was checked");
            assertFalse(Files.exists(dir.resolve("never")));
        }
    }

    /** The "over N seeds" table of a printed profile: its title and rows, up to the next blank line. */
    private static List<String> spreadTable(String printed) {
        List<String> lines = printed.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith("over 2 seeds")) {
            start++;
        }
        assertTrue(start < lines.size(), printed);
        int end = start;
        while (end < lines.size() && !lines.get(end).isBlank()) {
            end++;
        }
        return lines.subList(start, end);
    }

    private static String[] concat(String[] tail, String... head) {
        String[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static String stdout(Callable<Integer> run) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            run.call();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
