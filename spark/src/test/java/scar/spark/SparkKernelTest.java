package scar.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark kernel through a real Jupyter client (Debian's jupyter_client under /usr/bin/python3): a cell starts a
 * local[*] session and characterises a Parquet DataFrame, rendered as HTML like any profile; a filtered read of the
 * file and Spark's list of collations give what they give in this JVM (with the core's Parquet and ICU ahead of
 * Spark's on the kernel's class path, the filter failed in Spark's reader and the collations differed); a longer
 * study is interrupted once progress shows a fit done, the cell ends in an error, and the session answers the next
 * cell. Spark's log goes to the kernel's standard error.
 */
class SparkKernelTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String TIME = "\\d\\d:\\d\\d:\\d\\d ";

    @TempDir
    Path dir;

    @Test
    void notebookCellsCharacteriseADataFrameAndAnInterruptCancelsTheStudy() throws Exception {
        Path parquet = dir.resolve("emb.parquet");
        installKernel();
        long labelOnes = writeParquet(parquet.toString());
        long collations = Sessions.local().sql("select count(*) from collations()").first().getLong(0);
        JsonObject report = runClient("study", parquet.toString());

        JsonObject session = report.getAsJsonObject("session");
        assertEquals("ok", session.get("status").getAsString(), session.toString());
        assertTrue(session.toString().contains("local[*]"), session.toString());
        JsonObject profile = report.getAsJsonObject("profile");
        assertEquals("ok", profile.get("status").getAsString(), profile.toString());
        String shown = profile.getAsJsonArray("outputs").toString();
        assertTrue(shown.contains("text/html") && shown.contains("foundation size"), shown);
        assertEquals(String.valueOf(labelOnes), result(report, "filtered"));
        assertEquals(String.valueOf(collations), result(report, "collations"));

        String progress = report.get("progress_before_interrupt").getAsString();
        assertTrue(progress.matches("(?s).*[1-9][0-9]*/83 fits.*"), "progress shows fits done: " + progress);
        JsonObject interrupted = report.getAsJsonObject("interrupted");
        assertEquals("error", interrupted.get("status").getAsString(), interrupted.toString());
        JsonObject after = report.getAsJsonObject("after");
        assertEquals("ok", after.get("status").getAsString(), after.toString());
        assertTrue(after.toString().contains("1000"), after.toString());
        System.out.printf("[spark kernel] interrupt to reply: %.1f s%n", report.get("interrupt_s").getAsDouble());
    }

    /**
     * Spark's warnings reach the kernel's standard error (the Jupyter server's terminal), not a cell, its INFO lines
     * only once {@code spark.log.level} asks for them, and SLF4J says nothing about its providers.
     */
    @Test
    void sparkWarningsReachTheKernelsStderrAndInfoOnlyWhenAsked() throws Exception {
        Path stderr = dir.resolve("kernel.err");
        JsonObject report = runWithStderr("logging", stderr);
        assertEquals("error", status(report, "failed"), report.toString());
        assertEquals("ok", status(report, "info"), report.toString());

        byte[] log = Files.readAllBytes(stderr);
        int quiet = report.get("quiet_bytes").getAsInt();
        String beforeInfo = new String(log, 0, quiet, StandardCharsets.UTF_8);
        String afterInfo = new String(log, quiet, log.length - quiet, StandardCharsets.UTF_8);
        String all = beforeInfo + afterInfo;
        assertTrue(logLine("WARN TaskSetManager: Lost task .*scar-boom-").matcher(beforeInfo).find(),
                "a failed task's warning on the kernel's stderr:\n" + all);
        assertFalse(logLine("INFO ").matcher(beforeInfo).find(), "no INFO line before spark.log.level asks:\n" + all);
        assertTrue(logLine("INFO SparkContext: ").matcher(afterInfo).find(), "INFO once it asks:\n" + all);
        assertFalse(all.contains("SLF4J"), all);
        for (String cell : List.of("session", "failed", "info")) {
            String outputs = report.getAsJsonObject(cell).getAsJsonArray("outputs").toString();
            assertFalse(Pattern.compile(TIME + "(INFO|WARN|ERROR) ").matcher(outputs).find(),
                    cell + " shows log lines: " + outputs);
        }
    }

    /**
     * {@code Dataset<Row>} compiles in a cell with or without the cell's own {@code import org.apache.spark.sql.*;}
     * (the core's {@code tech.tablesaw.api.*} also has a {@code Row}: with both on demand, "reference to Row is
     * ambiguous"); Spark's {@code functions}, Tablesaw's {@code Table} and SCAR's {@code version()} work as they
     * are, Tablesaw's {@code Row} by its full name; no start-up import fails.
     */
    @Test
    void aCellWritesDatasetOfRowWithOrWithoutItsOwnSparkImport() throws Exception {
        Path stderr = dir.resolve("kernel.err");
        JsonObject report = runWithStderr("imports", stderr);
        assertEquals("3", result(report, "rows"));
        assertEquals("ok", status(report, "import"), report.toString());
        assertEquals("3", result(report, "rows_after_import"));
        assertEquals("0", result(report, "functions"));
        assertEquals("3 5", result(report, "tablesaw"));
        assertEquals("true", result(report, "version"));
        String log = Files.readString(stderr);
        assertFalse(log.contains("startup snippet skipped") || log.contains("SCAR_KERNEL_IMPORTS"), log);
    }

    /**
     * Installs the kernel and runs the client's {@code mode}, the kernel's standard error going to {@code stderr};
     * the report, whose first cell ("session") started Spark.
     */
    private JsonObject runWithStderr(String mode, Path stderr) throws Exception {
        installKernel();
        JsonObject report = runClient(mode, stderr.toString());
        assertEquals("ok", status(report, "session"), report.toString());
        return report;
    }

    /** The status of a cell's reply: ok or error. */
    private static String status(JsonObject report, String cell) {
        return report.getAsJsonObject(cell).get("status").getAsString();
    }

    /** The text of a cell's result; the cell's status and the first line of its error if it has none. */
    private static String result(JsonObject report, String cell) {
        JsonObject reply = report.getAsJsonObject(cell);
        for (var output : reply.getAsJsonArray("outputs")) {
            JsonObject o = output.getAsJsonObject();
            if (o.get("type").getAsString().equals("execute_result")) {
                return o.getAsJsonObject("data").get("text/plain").getAsString();
            }
        }
        String error = reply.has("evalue") && !reply.get("evalue").isJsonNull()
                ? reply.get("evalue").getAsString().lines().findFirst().orElse("") : "";
        return reply.get("status").getAsString() + " " + reply.get("ename") + ": " + error;
    }

    /** A line of the kernel's log (layout {@code %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m}) whose level and rest match. */
    private static Pattern logLine(String levelAndRest) {
        return Pattern.compile("(?m)^\\d\\d/\\d\\d/\\d\\d " + TIME + levelAndRest);
    }

    /** Installs kernel scar-spark-test into this test's folder, on the core's jars and this module's classes. */
    private void installKernel() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("target/scar.jar")),
                "the core jar is built by the root build (mvn -B verify)");
        Assumptions.assumeTrue(pythonHasJupyter(), "/usr/bin/python3 cannot import jupyter_client");
        Path dataDir = dir.resolve("prefix/share/jupyter");
        Path lib = root.resolve("spark/target/lib");
        Files.createDirectories(lib);
        copyTestClasspath(lib);
        SparkKernel.install(root, Path.of("target/classes").toAbsolutePath(), dataDir, "scar-spark-test");
    }

    /**
     * Runs spark_kernel_client.py's {@code mode} with {@code argument} on kernel scar-spark-test (with
     * /usr/bin/python3) and returns the JSON report it prints last.
     */
    private JsonObject runClient(String mode, String argument) throws Exception {
        Path script = dir.resolve("client.py");
        try (InputStream in = SparkKernelTest.class.getResourceAsStream("spark_kernel_client.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), script.toString(), mode, "scar-spark-test",
                argument);
        pb.environment().put("JUPYTER_PATH", dir.resolve("prefix/share/jupyter").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        pb.redirectError(dir.resolve("client.err").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(15, TimeUnit.MINUTES));
        String err = Files.readString(dir.resolve("client.err"));
        assertEquals(0, p.exitValue(), out + err);
        return JsonParser.parseString(out.strip().lines().reduce((a, b) -> b).orElse("{}")).getAsJsonObject();
    }

    /** spark/target/lib is filled at package time; in the test phase the kernel gets this JVM's class path. */
    private static void copyTestClasspath(Path lib) throws java.io.IOException {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                Path target = lib.resolve(p.getFileName());
                if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static boolean pythonHasJupyter() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import jupyter_client").start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** Writes 3,000 items of 3 classes; returns how many have label 1. */
    private static long writeParquet(String path) {
        SplittableRandom random = new SplittableRandom(2);
        List<Row> rows = new ArrayList<>();
        long ones = 0;
        for (int i = 0; i < 3000; i++) {
            int label = random.nextInt(3);
            ones += label == 1 ? 1 : 0;
            List<Float> emb = new ArrayList<>();
            for (int j = 0; j < 8; j++) {
                emb.add((float) (random.nextGaussian() + (j == label ? 1.0 : 0.0)));
            }
            rows.add(RowFactory.create(label, scala.jdk.javaapi.CollectionConverters.asScala(emb).toSeq()));
        }
        StructType schema = new StructType().add("label", DataTypes.IntegerType, false)
                .add("emb", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        var spark = Sessions.local();
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(path);
        return ones;
    }
}
