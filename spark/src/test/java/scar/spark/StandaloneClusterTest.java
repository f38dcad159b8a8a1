package scar.spark;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scar.data.Datasets;
import scar.data.MultiModalDataset;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;

/**
 * A real standalone cluster started from the jars alone: a master and a worker in their own JVMs on loopback, the
 * worker launching an executor JVM; the driver (this JVM) runs a study on it and gets the local library's numbers.
 */
class StandaloneClusterTest {
    @TempDir
    Path dir;

    @Test
    void masterWorkerAndExecutorJvmsGiveTheLocalNumbers() throws Exception {
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, "rootLogger.level = info\nrootLogger.appenderRef.e.ref = e\n"
                + "appender.e.type = Console\nappender.e.name = e\nappender.e.target = SYSTEM_ERR\n"
                + "appender.e.layout.type = PatternLayout\nappender.e.layout.pattern = %m%n\n");
        List<Process> started = new ArrayList<>();
        try {
            Process master = start(started, log4j, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", "0", "--webui-port", "0");
            String url = await(master, Pattern.compile("Starting Spark master at (spark://[^\\s]+)"));
            Process worker = start(started, log4j, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "1g", "--webui-port", "0", "--work-dir",
                    dir.resolve("work").toString(), url);
            await(worker, Pattern.compile("(Successfully registered with master)"));

            String opens = String.join(" ", SparkKernel.JAVA_17_FLAGS);
            SparkSession spark = SparkSession.builder().master(url).appName("scar-standalone-test")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.executor.memory", "1g")
                    .config("spark.executor.cores", "1")
                    .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                    .config("spark.executor.extraJavaOptions", opens)
                    .getOrCreate();
            try {
                MultiModalDataset mfeat = Datasets.bundled("mfeat");
                ScarOptions options = ScarOptions.defaults().withSeed(9).withRatios(1, 2).withProgress(false);
                ScarProfile remote = BundledDataTest.spark(spark, mfeat, "kar", options, 3);
                assertNotNull(remote);
                BundledDataTest.sameNumbers(BundledDataTest.local(mfeat, "kar", options), remote);
                System.out.println("[standalone] " + url + ": " + remote.probe().fits().size()
                        + " fits on a worker's executor JVM, N_F " + remote.foundationSize());
            } finally {
                spark.stop();
            }
        } finally {
            for (Process p : started) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private Process start(List<Process> started, Path log4j, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SparkKernel.JAVA_17_FLAGS);
        cmd.add("-Xmx512m");
        cmd.add("-Dlog4j2.configurationFile=" + log4j);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // the worker builds executor command lines with Spark's launcher, which looks for a Spark distribution
        // unless it is told this is a test; the class path then comes from spark.executor.extraClassPath
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home);
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_TESTING", "1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Reads the process's output until a line matches; returns group 1. Fails if the process ends first. */
    private static String await(Process p, Pattern pattern) throws Exception {
        CompletableFuture<String> found = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (seen) {
                        if (seen.length() < 20_000) {
                            seen.append(line).append('\n');
                        }
                    }
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    }
                }
                found.completeExceptionally(new IllegalStateException("process ended; output:\n" + seen));
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
        }, "cluster-log");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(3, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            synchronized (seen) {
                throw new AssertionError("no line matching " + pattern + " within 3 minutes; output:\n" + seen);
            }
        }
    }
}
