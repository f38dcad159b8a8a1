package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.data.Matrix;
import scar.data.Npy;

/**
 * A {@code .npy} that another program truncates while the CLI has it memory-mapped: the run ends with one line that
 * names the file and exit code 2, never the JVM's {@code InternalError} and its trace.
 */
class TruncatedFileTest {

    @Test
    void aFileTruncatedWhileTheCliReadsItIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        int n = 3000;
        int d = 8;
        float[] values = new float[n * d];
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                values[i * d + j] = (float) random.nextGaussian() + (j == i % 3 ? 2 : 0);
            }
            labels.append(i % 3).append('\n');
        }
        Path emb = Npy.write(dir.resolve("emb.npy"), Matrix.wrap(n, d, values));
        long length = Files.size(emb);
        // The labels arrive through a named pipe: the CLI maps emb.npy (and checks every value) before it opens the
        // labels, and it waits on the pipe until this test has truncated emb.npy. No timing is guessed.
        Path fifo = dir.resolve("labels.txt");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no mkfifo on this system: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "scar.cli.Main", "characterize", emb.toString(), "--labels", fifo.toString(), "--quiet",
                "--ratios", "1,2", "--threads", "2"));
        Process cli = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(cli.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(cli.getErrorStream()));

        // Opening the pipe for writing returns once the CLI has opened it for reading.
        CompletableFuture<OutputStream> opened = CompletableFuture.supplyAsync(() -> {
            try {
                return new FileOutputStream(fifo.toFile());
            } catch (java.io.FileNotFoundException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CompletableFuture.anyOf(opened, cli.onExit()).get(5, TimeUnit.MINUTES);
        if (!opened.isDone()) {
            // the CLI ended before reading the labels; release the writer and show why
            new java.io.FileInputStream(fifo.toFile()).close();
            throw new AssertionError("the CLI ended before reading its labels: "
                    + new String(err.get(), StandardCharsets.UTF_8));
        }
        try (RandomAccessFile raf = new RandomAccessFile(emb.toFile(), "rw")) {
            raf.setLength(4096); // the header and the first rows stay; the pages of all later rows are gone
        }
        try (OutputStream w = opened.get()) {
            w.write(labels.toString().getBytes(StandardCharsets.UTF_8));
        }

        assertTrue(cli.waitFor(5, TimeUnit.MINUTES), "the CLI did not finish");
        String stderr = new String(err.get(), StandardCharsets.UTF_8);
        String stdout = new String(out.get(), StandardCharsets.UTF_8);
        assertEquals(2, cli.exitValue(), stderr);
        List<String> lines = stderr.strip().lines().toList();
        assertEquals(1, lines.size(), stderr);
        assertTrue(lines.get(0).startsWith("scar: " + emb + " was truncated while being read: it is now 4,096 bytes, "
                + "its data needs " + String.format(java.util.Locale.ROOT, "%,d", length)), lines.get(0));
        assertTrue(lines.get(0).endsWith("run again once the file is complete"), lines.get(0));
        assertFalse(stderr.contains("InternalError") || stderr.contains("\tat "), stderr);
        assertFalse(stdout.contains("SCAR profile"), "no result is printed from a file that changed: " + stdout);
        assertTrue(Files.size(emb) == 4096);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
