package scar.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in local mode, as a user runs it (a JVM of its own, Spark's jars and ours on the class path, no
 * Log4j 2 configuration): Spark's INFO lines stay out of standard error unless {@code -Dspark.log.level=INFO} asks
 * for them. The tests' own log4j2.properties is left off the child's class path, since any configuration is left
 * alone.
 */
class SparkLoggingTest {
    @TempDir
    Path dir;

    @Test
    void localModeShowsSparksInfoLinesOnlyWhenAskedFor() throws Exception {
        String path = dir.resolve("small.parquet").toString();
        Sessions.twoClasses(Sessions.local(), 60).write().parquet(path);

        String quiet = run(List.of(), SparkMain.class.getName(), path);
        assertFalse(quiet.lines().anyMatch(l -> l.matches(".* INFO \\S+: .*")), quiet);
        assertFalse(quiet.contains("Using Spark's default log4j profile"), quiet);

        String loud = run(List.of("-D" + SparkLogging.LEVEL + "=INFO"), SparkMain.class.getName(), path);
        assertTrue(loud.lines().anyMatch(l -> l.matches(".* INFO SparkContext: Running Spark version .*")), loud);
        assertTrue(loud.lines().anyMatch(l -> l.matches(".* INFO (DAGScheduler|TaskSetManager|Executor): .*")), loud);
    }

    /**
     * spark-submit with a local master and no conf/log4j2.properties (its main class, with SCAR's classes already on
     * the class path) loads Spark's defaults before SCAR runs, and Spark reloads them as its context starts: only the
     * context's first lines (version, OS, Java) come before the level applies.
     */
    @Test
    void sparkSubmitInLocalModeIsQuietAfterTheContextsFirstLines() throws Exception {
        String path = dir.resolve("submit.parquet").toString();
        Sessions.twoClasses(Sessions.local(), 60).write().parquet(path);
        String submitted = run(List.of(), "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--class",
                SparkMain.class.getName(), "spark-internal", path);
        assertFalse(submitted.lines().anyMatch(l -> l.matches(".* INFO \\S+: .*")
                && !l.matches(".* INFO SparkContext: (Running Spark version|OS info|Java version) .*")), submitted);
    }

    /**
     * {@code main} in a JVM of its own with JVM {@code flags} and {@code mainArgs}, the last of them the Parquet path
     * to characterise; returns its standard error after asserting exit code 0.
     */
    private String run(List<String> flags, String main, String... mainArgs) throws Exception {
        Path testClasses = Path.of("target/test-classes").toAbsolutePath();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.ui.enabled=false"));
        command.addAll(SparkKernel.JAVA_17_FLAGS);
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath, main));
        command.addAll(Arrays.asList(mainArgs).subList(0, mainArgs.length - 1));
        command.addAll(List.of("characterize", mainArgs[mainArgs.length - 1], "--embedding", "emb", "--label",
                "label", "--ratios", "1,2", "--quiet"));
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), main + " did not finish");
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
