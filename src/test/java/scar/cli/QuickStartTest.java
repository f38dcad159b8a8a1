package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;

/**
 * The launcher's quick start ({@link QuickStart}): the {@code ./scar} script's side with a stand-in {@code java}
 * that records how it was called, and the JVM's side in real child JVMs started as the launcher starts them.
 */
class QuickStartTest {

    // ---- the JVM's side ----

    @Test
    void aSmallStudyStaysInTheQuickJvmWithTheSameBitsAsTheDefaultJit(@TempDir Path dir) throws Exception {
        Path quick = dir.resolve("quick");
        Result r = quickJvm(dir, "characterize", "wikipedia", "-m", "text", "--ratios", "1,2,5", "--quiet", "-o",
                quick.toString());
        assertEquals(0, r.code, r.out);
        assertTrue(r.out.contains("SCAR profile") && r.out.contains("wikipedia / text"), r.out);

        Path full = dir.resolve("full");
        Result f = fullJvm(dir, "characterize", "wikipedia", "-m", "text", "--ratios", "1,2,5", "--quiet", "-o",
                full.toString());
        assertEquals(0, f.code, f.out);
        assertEquals(Files.readString(full.resolve("profile.json")), Files.readString(quick.resolve("profile.json")),
                "C1 alone and the default JIT give the same numbers");
    }

    @Test
    void moreWorkEndsTheQuickJvmBeforeAnythingIsPrintedOrWritten(@TempDir Path dir) throws Exception {
        // digits: 1,797 items x 64 dimensions x 10 classes = 1.15 M; five repeats are more than the quick limit
        Path out = dir.resolve("out");
        Result r = quickJvm(dir, "characterize", "digits", "--repeats", "5", "-o", out.toString());
        assertEquals(75, r.code, r.out);
        assertEquals("", r.out, "a restarted command prints nothing");
        assertFalse(Files.exists(out), "nor does it leave its output folder");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nor a staging folder");
        }

        // the same data with one repeat stays (what the launcher's restart then runs is the plain command)
        Result one = quickJvm(dir, "plan", "digits", "--ratios", "1,2", "--quiet");
        assertEquals(0, one.code, one.out);
    }

    @Test
    void commandsThatRunLongWhateverTheirDataRestartAtOnce(@TempDir Path dir) throws Exception {
        Result bench = quickJvm(dir, "bench", "--quick");
        assertEquals(75, bench.code, bench.out);
        assertEquals("", bench.out);
        Result shell = quickJvm(dir, "jshell");
        assertEquals(75, shell.code, shell.out);
        assertEquals("", shell.out);
        Result demo = quickJvm(dir, "demo", "-o", dir.resolve("demo.html").toString());
        assertEquals(75, demo.code, demo.out); // both wikipedia modalities (4.0 M) times 1 + 3 seeds
        assertFalse(Files.exists(dir.resolve("demo.html")));
    }

    @Test
    void aCommandThatEndsWithAnotherProgramsStatusRunsWithTheDefaultJitFromTheStart(@TempDir Path dir)
            throws Exception {
        // kernel console ends with jupyter console's status: a 75 of the console's own, passed on by the quick JVM,
        // would have started the console a second time
        Path calls = dir.resolve("calls");
        Path python = executable(dir.resolve("python"), "echo \"$*\" >> '" + calls + "'\nexit 75");
        Result quick = quickJvm(dir, "kernel", "console", "--python", python.toString());
        assertEquals(75, quick.code, quick.out);
        assertFalse(Files.exists(calls), "the quick JVM asks for the restart without starting the console");
        Result full = fullJvm(dir, "kernel", "console", "--python", python.toString());
        assertEquals(75, full.code, "the console's own status: " + full.out);
        assertEquals(1, Files.readAllLines(calls).size());
    }

    @Test
    void aDatasetWhoseManifestDeclaresMoreWorkIsNotReadInTheQuickJvm(@TempDir Path dir) throws Exception {
        // whole mfeat: 2,000 items x 649 dimensions x 10 classes = 13 M, declared by its manifest
        Path log = dir.resolve("classes.log");
        Result r = quickJvm(dir, List.of("-Xlog:class+load=info:file=" + log), "characterize", "mfeat", "--quiet");
        assertEquals(75, r.code, r.out);
        assertEquals("", r.out);
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" scar.cli.QuickStart$Restart ")), "it restarted");
        assertTrue(loaded.stream().noneMatch(l -> l.contains(" scar.data.CsvReader ")), "no file was read");

        Result one = quickJvm(dir, "characterize", "mfeat", "-m", "mor", "--ratios", "1,2", "--quiet");
        assertEquals(0, one.code, one.out); // one small view of it stays
    }

    @Test
    void aLargeFileIsNotReadInTheQuickJvm(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.npy");
        try (OutputStream o = Files.newOutputStream(big)) {
            o.write(new byte[(int) QuickStart.BYTES_LIMIT + 1]); // not even a valid .npy: it is never opened
        }
        Result r = quickJvm(dir, "characterize", big.toString(), "--labels", big.toString());
        assertEquals(75, r.code, r.out);
        assertEquals("", r.out);
    }

    @Test
    void aFileThatCannotBeOpenedLeavesItsFolderUnderTheByteLimit(@TempDir Path dir) throws Exception {
        // labels, a view larger than the limit (sparse: never read) and a view that cannot be opened, first in name
        // order: counted as nothing, it switched the limit off and the quick JVM began to read the folder
        Files.writeString(dir.resolve("labels.csv"), "id,label\n0,0\n1,1\n");
        try (var big = new java.io.RandomAccessFile(dir.resolve("view_b.csv").toFile(), "rw")) {
            big.setLength(QuickStart.BYTES_LIMIT + 1);
        }
        Path unreadable = unreadable(dir, "view_a.csv");
        assertEquals(QuickStart.BYTES_LIMIT + 1 + Files.size(dir.resolve("labels.csv")) + Files.size(unreadable),
                QuickStart.inputBytes(dir), "the files that can be opened count, and the one that cannot at its size");

        Path work = Files.createDirectories(dir.resolve("work"));
        Result r = quickJvm(work, "characterize", dir.toString(), "--quiet");
        assertEquals(75, r.code, r.out);
        assertEquals("", r.out);
        Result full = fullJvm(work, "characterize", dir.toString(), "--quiet");
        assertEquals(2, full.code, full.out);
        assertEquals(1, full.out.lines().count(), full.out);
        assertTrue(full.out.startsWith("scar: ") && full.out.contains(unreadable.toString()), full.out);
    }

    /**
     * A file named {@code name} in {@code dir} that this process cannot open for reading: one without permissions,
     * or for root, who reads any file whatever its mode, a link to a write-only sysfs attribute, which refuses even
     * root (the test is skipped where neither works).
     */
    private static Path unreadable(Path dir, String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "f0\n1\n2\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        if (!canOpen(file)) {
            return file;
        }
        Files.delete(file);
        Path writeOnly = Path.of("/sys/bus/platform/uevent");
        assumeTrue(Files.isRegularFile(writeOnly), "no file here refuses to be read");
        Files.createSymbolicLink(file, writeOnly);
        assumeFalse(canOpen(file), "no file here refuses to be read");
        return file;
    }

    private static boolean canOpen(Path file) {
        try (var in = Files.newInputStream(file)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs each task on a thread of its own: one that blocks on a pipe must wait for no pool. */
    private static final java.util.concurrent.Executor OWN_THREAD = task -> new Thread(task).start();

    @Test
    void anInputThatGivesItsDataOnceIsLeftToTheRestartedJvm(@TempDir Path dir) throws Exception {
        // A named pipe, like /dev/stdin or a shell's <(...): read by the quick JVM, which may then restart, it would
        // be empty (or wait forever for a writer) in the JVM that runs the command.
        Path plain = Files.writeString(dir.resolve("plain.csv"), "x,y\n" + "1,2\n2,1\n".repeat(10));
        Path pipe = dir.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor(), "mkfifo");
        Map<String, List<String>> runs = Map.of(
                "label,x,y\n" + "0,1,2\n1,2,1\n".repeat(10), List.of("characterize", pipe.toString(), "--quiet"),
                "0\n1\n".repeat(10), List.of("characterize", plain.toString(), "--labels", pipe.toString(), "--quiet"));
        for (var run : runs.entrySet()) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    Files.writeString(pipe, run.getKey()); // waits for a reader
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, OWN_THREAD);
            Result r = quickJvm(dir, run.getValue().toArray(String[]::new));
            assertEquals(75, r.code, run.getValue() + ": " + r.out);
            assertEquals("", r.out);
            assertEquals(run.getKey(), Files.readString(pipe), "the restarted JVM gets all of the pipe's data");
            writer.get(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void aQuickJvmEndsWhenItsLauncherEnds(@TempDir Path dir) throws Exception {
        // The launcher waits for the quick JVM: a signal sent to the launcher alone (kill PID, Process.destroy())
        // ends only the launcher, and the JVM must not go on printing and writing for a caller that saw it end.
        Path pipe = dir.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor(), "mkfifo");
        Process launcher = new ProcessBuilder("sleep", "600").start(); // stands in for ./scar
        // the summary of a named pipe that gives nothing: a quick JVM that waits until it is ended
        Process quick = startQuickJvm(dir, List.of("-D" + QuickStart.LAUNCHER + "=" + launcher.pid()), "datasets",
                pipe.toString());
        // opening the pipe's other end waits for the JVM to open it: the command has started
        CompletableFuture<OutputStream> writer = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newOutputStream(pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OWN_THREAD);
        try (OutputStream open = writer.get(1, TimeUnit.MINUTES)) {
            launcher.destroy();
            launcher.waitFor();
            assertTrue(quick.waitFor(1, TimeUnit.MINUTES), "the quick JVM ended with its launcher");
            assertEquals(QuickStart.LAUNCHER_GONE, quick.exitValue());
            assertEquals("", output(dir));
        } finally {
            quick.destroyForcibly();
            launcher.destroyForcibly();
            if (!writer.isDone()) {
                Files.newInputStream(pipe).close(); // lets the waiting open end
            }
        }
    }

    @Test
    void workCountsItemsDimensionsClassesAndSweeps() {
        int[] labels = {0, 1, 2, 0, 1};
        MultiModalDataset data = MultiModalDataset.of("t", labels, new String[] {"a", "b", "c"},
                Modality.of("x", Matrix.wrap(5, 4, new float[20])), Modality.of("y", Matrix.wrap(5, 6, new float[30])));
        assertEquals(5L * (4 + 6) * 3, QuickStart.work(data, 1));
        assertEquals(5L * (4 + 6) * 3 * 7, QuickStart.work(data, 7));
        assertEquals(QuickStart.work(data, 1), QuickStart.work(data, 0), "at least one sweep");
    }

    @Test
    void inputBytesCountGzipFourfoldAndAFoldersOwnFilesOnly(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("a.csv"), "x".repeat(1000));
        Path gz = dir.resolve("b.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(new byte[100_000]);
        }
        long gzSize = Files.size(gz);
        assertEquals(1000, QuickStart.inputBytes(plain));
        assertEquals(4 * gzSize, QuickStart.inputBytes(gz));
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve("c.csv"), "y".repeat(5000));
        assertEquals(1000 + 4 * gzSize, QuickStart.inputBytes(dir), "a subfolder's files are not the dataset's");
        assertEquals(0, QuickStart.inputBytes(dir.resolve("no-such")));
        assertEquals(0, QuickStart.inputBytes(Path.of("iris")), "a bundled name");
    }

    /** A folder of Parquet part files counts its part files, not the side files Spark writes beside them. */
    @Test
    void inputBytesOfAFolderOfPartFilesAreItsPartFiles(@TempDir Path dir) throws Exception {
        long parts = 0;
        for (int p = 0; p < 2; p++) {
            Path part = scar.data.ParquetTest.write(dir.resolve("part-" + p + ".parquet"), "message m { required int32 "
                            + "label; required group embedding (LIST) { repeated group list { required float element; "
                            + "} } }", org.apache.parquet.hadoop.metadata.CompressionCodecName.GZIP,
                    org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_1_0, false, 100 * (p + 1),
                    (g, i) -> g.append("label", i % 2).addGroup("embedding").addGroup("list").append("element", 1f));
            parts += Files.size(part);
        }
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Files.write(dir.resolve(".part-0.parquet.crc"), new byte[] {0x1f, (byte) 0x8b, 0, 0, 0, 0, 0, 0});
        Files.writeString(dir.resolve("_committed_1"), "x".repeat(5000));
        assertEquals(parts, QuickStart.inputBytes(dir), "the part files at their size (GZIP pages: not a gzip file)");
    }

    @Test
    void aJvmNotStartedByTheLauncherNeverRestarts() {
        // this test JVM runs commands in-process, like the notebook kernel: no restart whatever the property says
        String before = System.getProperty(QuickStart.PROPERTY);
        System.setProperty(QuickStart.PROPERTY, "75");
        try {
            assertEquals(0, QuickStart.exitCode());
            QuickStart.requireFullJit(); // does not throw
        } finally {
            if (before == null) {
                System.clearProperty(QuickStart.PROPERTY);
            } else {
                System.setProperty(QuickStart.PROPERTY, before);
            }
        }
    }

    private record Result(int code, String out) {
    }

    /**
     * Starts {@code args} in a JVM started as the launcher starts its quick JVM, with {@code jvm} options more, in
     * {@code dir}; standard output and error merged into a file there ({@link #output}).
     */
    private static Process startQuickJvm(Path dir, List<String> jvm, String... args) throws IOException {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-D" + QuickStart.PROPERTY + "=75"));
        options.addAll(jvm);
        return startJvm(dir, options, args);
    }

    /** Starts {@code args} in a JVM with {@code jvm} options in {@code dir}, as {@link #startQuickJvm} does. */
    private static Process startJvm(Path dir, List<String> jvm, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvm);
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "scar.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("jvm.out").toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close(); // jshell, were it to start, would end at once
        return p;
    }

    /** Runs {@code args} in a JVM with the default JIT and no quick start, as the launcher's restart does. */
    private static Result fullJvm(Path dir, String... args) throws IOException, InterruptedException {
        return finish(dir, startJvm(dir, List.of(), args));
    }

    /** Runs {@code args} in a JVM started as the launcher starts its quick JVM; standard output and error merged. */
    private static Result quickJvm(Path dir, String... args) throws IOException, InterruptedException {
        return quickJvm(dir, List.of(), args);
    }

    /** {@link #quickJvm(Path, String...)} with more JVM options. */
    private static Result quickJvm(Path dir, List<String> jvm, String... args) throws IOException,
            InterruptedException {
        return finish(dir, startQuickJvm(dir, jvm, args));
    }

    private static Result finish(Path dir, Process p) throws IOException, InterruptedException {
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the CLI did not finish");
        return new Result(p.exitValue(), output(dir));
    }

    /** What the JVM {@link #startQuickJvm} started in {@code dir} printed (it is deleted). */
    private static String output(Path dir) throws IOException {
        Path log = dir.resolve("jvm.out");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return out;
    }

    // ---- the launcher's side, with a stand-in java ----

    @Test
    void theLauncherRunsTheQuickJvmFirstAndAgainWithTheDefaultJitOnlyWhenAsked(@TempDir Path tree) throws Exception {
        Path calls = tree.resolve("calls");
        // exits as the quick JVM would for a large job, and 3 otherwise
        Launcher l = new Launcher(tree, "echo \"$*\" >> '" + calls + "'\n"
                + "case \"$*\" in *scar.quickStart=75*) exit 75 ;; esac\nexit 3");
        assertEquals(3, l.run(Map.of(), "characterize", "big"), "the second JVM's exit code");
        List<String> lines = Files.readAllLines(calls);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("-XX:TieredStopAtLevel=1 -Dscar.quickStart=75"), lines.get(0));
        assertTrue(lines.get(0).endsWith("characterize big"), lines.get(0));
        assertFalse(lines.get(1).contains("TieredStopAtLevel") || lines.get(1).contains("quickStart"), lines.get(1));
        assertTrue(lines.get(1).endsWith("characterize big"), lines.get(1));
    }

    @Test
    void theLauncherTellsTheQuickJvmWhichProcessWaitsForIt(@TempDir Path tree) throws Exception {
        Path calls = tree.resolve("calls");
        Launcher l = new Launcher(tree, "echo \"$PPID $*\" >> '" + calls + "'\nexit 0");
        assertEquals(0, l.run(Map.of(), "characterize", "iris"));
        String call = Files.readAllLines(calls).get(0);
        String parent = call.substring(0, call.indexOf(' '));
        assertTrue(call.contains(" -D" + QuickStart.LAUNCHER + "=" + parent + " "), call);
    }

    @Test
    void aCtrlCWhileTheQuickJvmEndsForARestartEndsTheCommand(@TempDir Path tree) throws Exception {
        // the JVM's exit with 75 is under way when Ctrl-C (SIGINT to the process group) arrives: the JVM's status
        // stays 75, and only the launcher can tell that the user asked to stop
        Path calls = tree.resolve("calls");
        Launcher l = new Launcher(tree, "echo \"$*\" >> '" + calls + "'\n"
                + "case \"$*\" in *scar.quickStart=75*) kill -INT $PPID; exit 75 ;; esac\nexit 0");
        assertEquals(130, l.run(Map.of(), "characterize", "big"));
        assertEquals(1, Files.readAllLines(calls).size(), "no second JVM");
    }

    @Test
    void theQuickJvmsOwnExitCodeIsTheLaunchers(@TempDir Path tree) throws Exception {
        Path calls = tree.resolve("calls");
        Launcher l = new Launcher(tree, "echo \"$*\" >> '" + calls + "'\nexit 2");
        assertEquals(2, l.run(Map.of(), "characterize", "iris"));
        assertEquals(1, Files.readAllLines(calls).size(), "no second JVM");
    }

    @Test
    void scarJitFullOrAJitFlagOfOnesOwnSkipsTheQuickStart(@TempDir Path tree) throws Exception {
        Path calls = tree.resolve("calls");
        Launcher l = new Launcher(tree, "echo \"$*\" >> '" + calls + "'\nexit 0");
        assertEquals(0, l.run(Map.of("SCAR_JIT", "full"), "characterize", "iris"));
        assertEquals(0, l.run(Map.of("SCAR_JAVA_OPTS", "-XX:TieredStopAtLevel=3"), "characterize", "iris"));
        assertEquals(0, l.run(Map.of("SCAR_JAVA_OPTS", "-XX:-TieredCompilation"), "characterize", "iris"));
        List<String> lines = Files.readAllLines(calls);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().noneMatch(c -> c.contains("quickStart")), lines.toString());
    }

    @Test
    void aJvmThatPrintsLinesOfItsOwnStartsOnceWithTheDefaultJit(@TempDir Path tree) throws Exception {
        // the JVM prints "Picked up JAVA_TOOL_OPTIONS: ..." (even of an empty variable) and what its logging flags
        // ask for at every start: a quick JVM that restarts would print them twice
        Path calls = tree.resolve("calls");
        Launcher l = new Launcher(tree, "echo \"$*\" >> '" + calls + "'\n"
                + "case \"$*\" in *scar.quickStart=75*) exit 75 ;; esac\nexit 0");
        List<Map<String, String>> loud = List.of(Map.of("JAVA_TOOL_OPTIONS", "-Dx=1"), Map.of("JDK_JAVA_OPTIONS", ""),
                Map.of("_JAVA_OPTIONS", "-Xmx1g"), Map.of("SCAR_JAVA_OPTS", "-Xmx1g -Xlog:gc*:stderr"),
                Map.of("SCAR_JAVA_OPTS", "-verbose:gc"), Map.of("SCAR_JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
                Map.of("SCAR_JAVA_OPTS", "-XX:StartFlightRecording=filename=a.jfr"));
        for (Map<String, String> env : loud) {
            assertEquals(0, l.run(env, "characterize", "big"), env.toString());
        }
        List<String> lines = Files.readAllLines(calls);
        assertEquals(loud.size(), lines.size(), "one JVM each: " + lines);
        assertTrue(lines.stream().noneMatch(c -> c.contains("quickStart")), lines.toString());

        Files.delete(calls);
        assertEquals(0, l.run(Map.of("SCAR_JAVA_OPTS", "-Xmx1g -Dverbosity=2"), "characterize", "big"));
        assertEquals(2, Files.readAllLines(calls).size(), "a quiet option keeps the quick start");
    }

    @Test
    void anUnknownScarJitIsOneLineAndExitCode2(@TempDir Path tree) throws Exception {
        Path calls = tree.resolve("calls");
        Launcher l = new Launcher(tree, "echo \"$*\" >> '" + calls + "'\nexit 0");
        assertEquals(2, l.run(Map.of("SCAR_JIT", "ful"), "characterize", "iris"));
        assertFalse(Files.exists(calls), "no JVM started");
        List<String> err = Files.readAllLines(l.output);
        assertEquals(1, err.size(), err.toString());
        assertTrue(err.get(0).startsWith("scar: SCAR_JIT is 'ful'; expected auto"), err.get(0));
    }

    /** A shell script at {@code file} that runs {@code body}. */
    private static Path executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** A copy of {@code ./scar} in {@code tree} with a built-looking target/ and a stand-in java. */
    private static final class Launcher {
        final Path script;
        final Path java;
        final Path output;

        Launcher(Path tree, String javaBody) throws IOException {
            script = Files.copy(Path.of(System.getProperty("user.dir"), "scar"), tree.resolve("scar"));
            Files.createDirectories(tree.resolve("target/lib"));
            Files.writeString(tree.resolve("target/scar.jar"), "x");
            java = executable(tree.resolve("java"), javaBody);
            output = tree.resolve("launcher.out");
        }

        int run(Map<String, String> env, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("bash", script.toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().put("JAVA", java.toString());
            pb.environment().put("SCAR_CDS", "off");
            pb.environment().put("SCAR_NO_BUILD", "1");
            pb.environment().remove("SCAR_JIT");
            pb.environment().remove("SCAR_JAVA_OPTS");
            for (String jvmOptions : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
                pb.environment().remove(jvmOptions); // the JVM would print them (a quick start never runs with them)
            }
            pb.environment().putAll(env);
            Process p = pb.start();
            assertTrue(p.waitFor(1, TimeUnit.MINUTES), "the launcher did not finish");
            return p.exitValue();
        }
    }
}
