package scar.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.data.ParquetFolder;

/**
 * The spark-submit entry point answers a wrong command line, path or output folder as the local command line does:
 * one line and exit code 2, an output folder checked before any Spark job.
 */
class SparkMainTest {
    @TempDir
    Path dir;

    private static void oneLine(Sessions.Run run, String part) {
        assertEquals(2, run.code(), run.message());
        assertEquals(1, run.message().lines().count(), run.message());
        assertTrue(run.message().contains(part), run.message());
    }

    @Test
    void anOutputThatIsAFileIsRefusedBeforeAnySparkJob() throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "notes");
        Sessions.Run run = Sessions.main("characterize", dir.resolve("no-data-needed").toString(), "--embedding", "emb",
                "--label", "label", "--quiet", "-o", file.toString());
        oneLine(run, "results is a file; expected a folder for the output files");
        assertEquals(0, run.jobs(), "Spark jobs started before -o was checked");
        assertEquals("notes", Files.readString(file));
    }

    /**
     * A folder that {@code partitionBy} wrote ({@code label=0/part-….parquet}) is refused, as the local side refuses
     * it. It was read when the partition column was not one the study uses, numbered by paths the local side does not
     * read; and partitioned by the label it said the files had no column 'label'.
     */
    @Test
    void aPartitionedFolderIsRefusedAsLocally() throws Exception {
        SparkSession spark = Sessions.local();
        Dataset<Row> rows = Sessions.twoClasses(spark, 40).withColumn("split",
                functions.expr("IF(label = 0, 'test', 'train')"));
        for (String column : new String[] {"label", "split"}) {
            Path partitioned = dir.resolve("by-" + column);
            rows.write().partitionBy(column).parquet(partitioned.toString());
            Sessions.Run run = Sessions.main("characterize", partitioned.toString(), "--embedding", "emb", "--label",
                    "label", "--ratios", "1,2", "--quiet");
            // the advice is the local command line's, word for word (ParquetFolderTest pins its words)
            assertEquals("scar-spark: " + partitioned + " is a partitioned folder (part files in folders " + column
                    + "=<value>, as partitionBy(\"" + column + "\") writes); "
                    + ParquetFolder.partitionedAdvice(column), run.message());
            assertEquals(2, run.code());
            assertEquals(0, run.failedTasks(), "failed Spark tasks");
            // a notebook's DataFrame of it is still numbered by its files' paths, partition folders included
            assertTrue(FileOrder.isFileScan(spark.read().parquet(partitioned.toString())));
        }
    }

    @Test
    void aMistypedOptionIsOneLineAndAPointerToHelp() throws Exception {
        Sessions.Run run = Sessions.main("characterize", "emb.parquet", "--embedding", "emb", "--label", "label",
                "--ratios", "1,two");
        assertEquals(2, run.code(), run.message());
        assertEquals(java.util.List.of("scar-spark: Invalid value for option '--ratios' (R): 'two' is not an int",
                "(see 'scar-spark characterize --help')"), run.message().lines().toList());
    }

    @Test
    void aMissingPathAFolderWithoutDataAndAFileThatIsNotParquetAreNamed() throws Exception {
        String missing = dir.resolve("nope.parquet").toString();
        oneLine(Sessions.main("characterize", missing, "--embedding", "emb", "--label", "label", "--quiet"),
                "file not found: " + missing);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("_SUCCESS"), "");
        oneLine(Sessions.main("characterize", empty.toString(), "--embedding", "emb", "--label", "label", "--quiet"),
                empty + " holds no Parquet data files");
        Path text = Files.writeString(dir.resolve("text.parquet"), "id,label\n");
        oneLine(Sessions.main("characterize", text.toString(), "--embedding", "emb", "--label", "label", "--quiet"),
                "text.parquet is not a Parquet file");
    }

    /**
     * A folder whose files disagree on a column's type: Spark reads every file under the schema of one, and failed a
     * task with a message naming the Parquet column but not the file ("column: [emb, list, element], physicalType:
     * DOUBLE, logicalType: float"). The first file in path order that disagrees with the first file is named, before
     * any task can fail; so is a file that is not Parquet among them.
     */
    @Test
    void filesOfAFolderThatDisagreeOnAColumnsTypeAreNamedWithoutFailingATask() throws Exception {
        var frame = Sessions.twoClasses(Sessions.local(), 40);
        Path floats = dir.resolve("floats");
        frame.write().parquet(floats.toString());
        Path doubles = dir.resolve("doubles");
        frame.selectExpr("label", "cast(emb as array<double>) as emb").write().parquet(doubles.toString());
        Path textLabels = dir.resolve("text");
        frame.selectExpr("cast(label as string) as label", "emb").write().parquet(textLabels.toString());

        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.copy(partOf(floats), mixed.resolve("part-a.parquet"));
        Files.copy(partOf(doubles), mixed.resolve("part-b.parquet"));
        Sessions.Run run = Sessions.main("characterize", mixed.toString(), "--embedding", "emb", "--label", "label",
                "--quiet");
        oneLine(run, mixed.resolve("part-b.parquet") + ", column 'emb': values of type array<double>, but "
                + mixed.resolve("part-a.parquet") + " (the first file) holds array<float>; expected one type per "
                + "column in every file of the folder");
        assertEquals(0, run.failedTasks(), "a task failed");

        Path labelsMixed = Files.createDirectories(dir.resolve("labels-mixed"));
        Files.copy(partOf(floats), labelsMixed.resolve("part-a.parquet"));
        Files.copy(partOf(textLabels), labelsMixed.resolve("part-b.parquet"));
        run = Sessions.main("characterize", labelsMixed.toString(), "--embedding", "emb", "--label", "label",
                "--quiet");
        oneLine(run, "part-b.parquet, column 'label': values of type string, but ");
        assertEquals(0, run.failedTasks(), "a task failed");

        Path withText = Files.createDirectories(dir.resolve("with-text"));
        Files.copy(partOf(floats), withText.resolve("part-a.parquet"));
        Files.writeString(withText.resolve("part-b.parquet"), "id,label\n");
        run = Sessions.main("characterize", withText.toString(), "--embedding", "emb", "--label", "label", "--quiet");
        oneLine(run, withText.resolve("part-b.parquet") + " is not a Parquet file");
        assertEquals(0, run.failedTasks(), "a task failed");
    }

    /** The one data file Spark wrote into {@code folder}. */
    private static Path partOf(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }

    @Test
    void severalModalitiesPrintTheirComparisonAsTheLocalCommandLineDoes() throws Exception {
        int n = 900;
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        int[] labels = new int[n];
        float[] a = new float[n * 3];
        float[] b = new float[n * 2];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 3; j++) {
                a[i * 3 + j] = (float) random.nextGaussian() + (j == labels[i] ? 1.5f : 0f);
            }
            for (int j = 0; j < 2; j++) {
                b[i * 2 + j] = (float) random.nextGaussian() + (j == labels[i] % 2 ? 0.5f : 0f);
            }
        }
        var frame = Sessions.frame(Sessions.local(), labels, java.util.List.of("a", "b"),
                java.util.List.of(scar.data.Matrix.wrap(n, 3, a), scar.data.Matrix.wrap(n, 2, b)), 2);
        String path = dir.resolve("two.parquet").toString();
        frame.write().parquet(path);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        Sessions.Run run;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            run = Sessions.main("characterize", path, "--embedding", "a", "--embedding", "b", "--label", "label",
                    "--ratios", "1,2", "--quiet");
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, run.code(), run.message());
        assertTrue(printed.contains("SCAR profile of two, 2 modalities"), printed);
        assertTrue(printed.contains("which modality falls short: SCAR vs held-out evidence"), printed);
    }

    @Test
    void theStudysParametersAreTakenAsTheLocalCommandLineTakesThem() throws Exception {
        String path = dir.resolve("small.parquet").toString();
        Sessions.frame(Sessions.local(), Sessions.threeClasses(600)).write().parquet(path);
        Path out = dir.resolve("out");
        Sessions.Run run = Sessions.main("characterize", path, "--embedding", "emb", "--label", "label", "--ratios",
                "1,2", "--quiet", "-o", out.toString(), "--epsilon", "0.05", "--delta", "0.02", "--delta-e", "0.03",
                "--tolerance", "0.02", "--bootstrap", "40");
        assertEquals(0, run.code(), run.message());
        scar.foundation.ScarOptions used = scar.Scar.loadProfile(out.resolve("profile.json")).modalities().get(0)
                .options();
        assertEquals(0.05, used.foundation().epsilon());
        assertEquals(0.02, used.foundation().delta());
        assertEquals(0.03, used.foundation().deltaE());
        assertEquals(0.02, used.evidence().tolerance());
        assertEquals(40, used.evidence().bootstrap());
        oneLine(Sessions.main("characterize", path, "--embedding", "emb", "--label", "label", "--epsilon", "0"),
                "--epsilon must lie in (0, 1), got 0.0");
        oneLine(Sessions.main("characterize", path, "--embedding", "emb", "--label", "label", "--test-fraction", "1"),
                "scar-spark: --test-fraction must be in [0, 0.9], got 1.0");
        oneLine(Sessions.main("characterize", path, "--embedding", "emb", "--label", "label", "--delta-e", "0"),
                "scar-spark: --delta-e must lie in (0, 1), got 0.0");
    }

    /**
     * The versions expected come from this build's pom (surefire's system properties), not from the calls that
     * {@code --version} makes: it must name the version built (the core jar's manifest, "dev" without one) and the
     * Spark on the class path (Spark's own version file), which is the one the pom compiles against.
     */
    @Test
    void versionNamesThisRunnerAndSpark() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            code = SparkMain.execute("--version");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        String built = System.getProperty("scar.spark.version");
        String spark = System.getProperty("scar.spark.sparkVersion");
        assertTrue(built != null && spark != null, "run by Maven, which passes the pom's versions");
        assertEquals("scar-spark " + built + " on Spark " + spark,
                out.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
    }
}
