package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.data.Matrix;
import scar.data.Npy;

/**
 * Running out of memory is an answer: the CLI, in a JVM with a small heap, prints one line that names the size and
 * how to raise the limit, and exits with code 2 — whether a check sees it coming or an OutOfMemoryError escapes.
 */
class MemoryMessagesTest {

    private record Result(int code, String out, String err) {
    }

    /** Runs the CLI in a fresh JVM with heap {@code xmx} on this test's class path. */
    private static Result cli(String xmx, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + xmx);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("scar.cli.Main");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the CLI did not finish");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void aModalityWhoseSweepDoesNotFitTheHeapIsRefusedBeforeAnyFit(@TempDir Path dir) throws Exception {
        // 3,000,000 items x 8 floats (96 MB, memory-mapped) and 100 classes: the full-data fit alone needs its
        // 3,000,000 x 100 training logits (1.2 GB), far more than a 256 MiB heap
        int n = 3_000_000;
        float[] values = new float[n * 8];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        Path emb = Npy.write(dir.resolve("big.npy"), Matrix.wrap(n, 8, values));
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 100;
        }
        Path y = Npy.writeInts(dir.resolve("labels.npy"), labels);
        Result r = cli("256m", "characterize", emb.toString(), "--labels", y.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), r.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("scar: not enough memory: the full-data probe fit of big/big"), line);
        assertTrue(line.contains("GiB") && line.contains("SCAR_JAVA_OPTS=-Xmx") && line.contains("256.0 MiB"), line);
        assertTrue(line.contains("mapped float32 file"), line);
    }

    @Test
    void anOutOfMemoryErrorThatEscapesIsOneLineAndExitCode2() throws Exception {
        // mfeat's six views fit in a few megabytes; a 16 MiB heap is too small for the run as a whole, and no single
        // allocation is large enough for a check to refuse it first
        Result r = cli("16m", "characterize", "mfeat", "--quiet");
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("scar: out of memory") && lines.get(0).contains("SCAR_JAVA_OPTS=-Xmx"),
                lines.get(0));
    }

    @Test
    void aFloat64FileTooLargeForTheHeapNamesTheFloat32CopyItNeeds(@TempDir Path dir) throws Exception {
        // 20,000 x 512 float64 values (80 MB on disk, zeros) are read into the heap as float32: 39.1 MiB, more than
        // a 32 MiB heap holds
        Path emb = dir.resolve("big.npy");
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (20000, 512), }";
        header += " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        var bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        bytes.write(header.getBytes(StandardCharsets.US_ASCII));
        java.nio.file.Files.write(emb, bytes.toByteArray());
        try (var file = new java.io.RandomAccessFile(emb.toFile(), "rw")) {
            file.setLength(bytes.size() + 20_000L * 512 * 8);
        }
        int[] labels = new int[20_000];
        java.util.Arrays.setAll(labels, i -> i % 4);
        Path y = Npy.writeInts(dir.resolve("labels.npy"), labels);
        Result r = cli("32m", "characterize", emb.toString(), "--labels", y.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("scar: not enough memory: the float32 copy of the float64 values in " + emb
                + " (20000 x 512 floats) needs 39.1 MiB"), lines.get(0));
    }

    /**
     * A folder of three Parquet part files, each of whose 10,000 x 256 floats (9.8 MiB) would fit a 32 MiB heap
     * but whose 30,000 rows together (29.3 MiB) do not: the check is of the whole folder, before its values are read.
     */
    @Test
    void aFolderOfPartFilesTooLargeForTheHeapTogetherIsOneLine(@TempDir Path dir) throws Exception {
        int rows = 10_000;
        int d = 256;
        for (int p = 0; p < 3; p++) {
            scar.data.ParquetTest.write(dir.resolve("part-" + p + ".parquet"), "message m { required int32 label; "
                            + "required group embedding (LIST) { repeated group list { required float element; } } }",
                    org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED,
                    org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_1_0, false, rows, (g, i) -> {
                        g.append("label", i % 4);
                        var list = g.addGroup("embedding");
                        for (int j = 0; j < d; j++) {
                            list.addGroup("list").append("element", (float) j);
                        }
                    });
        }
        Result r = cli("32m", "characterize", dir.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("scar: not enough memory: the embeddings of " + dir + " (30000 x 256 "
                + "floats) needs 29.3 MiB"), lines.get(0));
    }

    /**
     * 2,000,000 narrow rows (one float each, text labels {@code c0..c3}, an id each) in a 64 MiB heap. The Parquet
     * loader read each file's label column into an array of strings, some 50 bytes a row and unchecked beside the
     * checked 8 MB of embeddings: an OutOfMemoryError ("out of memory"), as for NumPy string labels ({@code '|S2'}).
     * So did a labels file of one label a line (an int array grown unchecked, then a string a row). The labels are
     * now a 4-byte index a row, allocated (or grown) through the heap check, so all three load; the ids, a string a
     * row however they are kept, are checked before any is read: one line naming the file.
     */
    @Test
    void parquetAndNpyLabelsOfManyNarrowRowsLoadAndTheirIdsAreCheckedFirst(@TempDir Path dir) throws Exception {
        int rows = 2_000_000;
        Path parquet = scar.data.ParquetTest.write(dir.resolve("narrow.parquet"), "message m { required binary "
                        + "label (STRING); required binary id (STRING); required group embedding (LIST) { "
                        + "repeated group list { required float element; } } }",
                org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY,
                org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_1_0, true, rows, (g, i) -> {
                    g.append("label", "c" + i % 4).append("id", "item-" + i);
                    g.addGroup("embedding").addGroup("list").append("element", (float) (i % 7));
                });
        Path emb = Npy.write(dir.resolve("narrow.npy"), Matrix.wrap(rows, 1, new float[rows]));
        Path labels = dir.resolve("labels.npy");
        String header = "{'descr': '|S2', 'fortran_order': False, 'shape': (" + rows + ",), }";
        header += " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(labels))) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < rows; i++) {
                out.write(new byte[] {'c', (byte) ('0' + i % 4)});
            }
        }
        // the same labels, one a line
        Path text = dir.resolve("labels.txt");
        try (var out = java.nio.file.Files.newBufferedWriter(text)) {
            for (int i = 0; i < rows; i++) {
                out.write("c" + i % 4 + "\n");
            }
        }
        for (String[] args : List.of(new String[] {"datasets", parquet.toString()},
                new String[] {"datasets", emb.toString(), "--labels", labels.toString()},
                new String[] {"datasets", emb.toString(), "--labels", text.toString()})) {
            Result r = cli("64m", args);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().matches("(?s).*narrow\\s+2,000,000\\s+1\\n.*") && r.out().contains("c3"), r.out());
        }
        Result r = cli("64m", "datasets", parquet.toString(), "--id", "id");
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("scar: not enough memory: the ids of " + parquet + " (2000000 rows")
                && lines.get(0).contains("SCAR_JAVA_OPTS=-Xmx"), lines.get(0));
    }

    /**
     * A gzip file of 6,000,000 narrow rows ({@code 0,1}, a few MB compressed) read into a 64 MiB heap: the labels
     * kept per row used to be a list of strings, some 50 bytes a row, which ran out of memory before any check (the
     * message suggested a heap of twice the limit, whatever the file). The rows the loader keeps, 8 bytes each here,
     * are now checked as they grow, for CSV and JSON Lines alike. (In a heap of 32 or 48 MiB a JSON Lines file can
     * still end in an OutOfMemoryError although the check passed: the check sees free bytes, not room for one array.)
     */
    @Test
    void manyNarrowRowsAreCheckedAsTheyGrowNotAnOutOfMemoryError(@TempDir Path dir) throws Exception {
        int rows = 6_000_000;
        Path csv = dir.resolve("narrow.csv.gz");
        Path json = dir.resolve("narrow.jsonl.gz");
        for (Path file : List.of(csv, json)) {
            try (var out = new java.io.BufferedOutputStream(new java.util.zip.GZIPOutputStream(
                    java.nio.file.Files.newOutputStream(file)), 1 << 16)) {
                byte[] row = (file == csv ? "0,1\n" : "{\"label\": 0, \"embedding\": [1]}\n")
                        .getBytes(StandardCharsets.US_ASCII);
                out.write((file == csv ? "label,f0\n" : "").getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < rows; i++) {
                    out.write(row);
                }
            }
            Result r = cli("64m", "characterize", file.toString(), "--quiet");
            assertEquals(2, r.code(), r.err());
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("scar: not enough memory: ") && lines.get(0).contains(file.toString())
                    && lines.get(0).contains("SCAR_JAVA_OPTS=-Xmx"), lines.get(0));
        }
    }

    /**
     * 1,200 training items and a test split of 300,000 (a dataset folder, 4 features, 2 classes): each fit holds
     * its own held-out predictions only while it runs, so the sweep runs in a 128 MiB heap. It did not while the
     * converged probe's 82 subsampled fits all kept their held-out predictions for one pass at the end (82 x 300,000
     * ints, twice that in G1's humongous regions): "not enough memory" or an OutOfMemoryError after the last fit, in
     * a heap of up to 200 MiB.
     */
    @Test
    void aLargeTestSplitIsScoredInTheHeapThatOneFitNeeds(@TempDir Path dir) throws Exception {
        int train = 1_200;
        int n = train + 300_000;
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        try (var labels = java.nio.file.Files.newBufferedWriter(dir.resolve("labels.csv"));
             var view = java.nio.file.Files.newBufferedWriter(dir.resolve("view_a.csv"))) {
            labels.write("id,label,class_name,split\n");
            view.write("f0,f1,f2,f3\n");
            for (int i = 0; i < n; i++) {
                int y = random.nextInt(2);
                labels.write(i + "," + y + ",c" + y + "," + (i < train ? "train" : "test") + "\n");
                for (int j = 0; j < 4; j++) {
                    view.write((j == 0 ? "" : ",") + (float) (random.nextGaussian() + 0.8 * y));
                }
                view.write("\n");
            }
        }
        Result r = cli("128m", "characterize", dir.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1,200 in 2 classes, 300,000 held out"), r.out());
    }
}
