package scar.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in local mode, as a user runs it (a JVM of its own, Spark's jars and ours on the class path, no
 * Log4j 2 configuration): Spark's INFO lines stay out of standard error unless {@code -Dscar.spark.log=info} asks
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

        String quiet = run(path);
        assertFalse(quiet.lines().anyMatch(l -> l.matches(".* INFO \\S+: .*")), quiet);
        assertFalse(quiet.contains("Using Spark's default log4j profile"), quiet);

        String loud = run(path, "-D" + SparkLogging.LEVEL_PROPERTY + "=info");
        assertTrue(loud.lines().anyMatch(l -> l.matches(".* INFO SparkContext: Running Spark version .*")), loud);
    }

    @Test
    void aLevelThatIsNoLevelIsNamed() {
        assertEquals(Level.WARN, SparkLogging.level(null));
        assertEquals(Level.INFO, SparkLogging.level(" info "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkLogging.level("loud"));
        assertEquals("-Dscar.spark.log=loud is not a log level; expected one of OFF, FATAL, ERROR, WARN, INFO, DEBUG, "
                + "TRACE, ALL", e.getMessage());
    }

    /** SparkMain in a JVM of its own; returns its standard error after asserting exit code 0. */
    private String run(String parquet, String... flags) throws Exception {
        Path testClasses = Path.of("target/test-classes").toAbsolutePath();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.ui.enabled=false"));
        command.addAll(SparkKernel.JAVA_17_FLAGS);
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", classpath, SparkMain.class.getName(), "characterize", parquet, "--embedding",
                "emb", "--label", "label", "--ratios", "1,2", "--quiet"));
        Path err = dir.resolve("err-" + flags.length + ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "SparkMain did not finish");
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
