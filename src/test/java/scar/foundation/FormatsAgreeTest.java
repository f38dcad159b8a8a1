package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.Scar;
import scar.data.Datasets;
import scar.data.EmbeddingFile;
import scar.data.Matrix;
import scar.data.MultiModalDataset;
import scar.data.Npy;

/**
 * The same items as a CSV dataset folder, a CSV file, JSON Lines, a memory-mapped {@code .npy}, Parquet and a folder of
 * Parquet part files (read in path order, SPEC §4.1) give bit-identical profiles, on one and on two threads: the data
 * path does not change a single bit of the result. The items are the Wikipedia text view's training items (no split, so
 * a keyed hold-out of every class).
 */
class FormatsAgreeTest {
    @TempDir
    static Path dir;

    static MultiModalDataset source;

    @BeforeAll
    static void writeEveryFormat() throws IOException {
        MultiModalDataset wiki = Datasets.bundled("wikipedia").selectModalities("text").train();
        int[] labels = wiki.labels();
        source = MultiModalDataset.of("text", labels, numberNames(wiki.numClasses()),
                wiki.modality("text").withName("text"));
        Matrix x = source.modality("text").embeddings();
        int n = x.rows();
        int d = x.cols();
        // a dataset folder: labels.csv (no class names: they default to 0..K-1) and view_text.csv
        Path folder = Files.createDirectories(dir.resolve("text"));
        StringBuilder labelsCsv = new StringBuilder("id,label\n");
        StringBuilder view = new StringBuilder();
        StringBuilder single = new StringBuilder("label");
        StringBuilder jsonl = new StringBuilder();
        for (int j = 0; j < d; j++) {
            view.append(j == 0 ? "" : ",").append('f').append(j);
            single.append(",f").append(j);
        }
        view.append('\n');
        single.append('\n');
        for (int i = 0; i < n; i++) {
            labelsCsv.append(i).append(',').append(labels[i]).append('\n');
            single.append(labels[i]);
            jsonl.append("{\"label\": ").append(labels[i]).append(", \"embedding\": [");
            for (int j = 0; j < d; j++) {
                // the float's exact double value: it parses back to the same float
                String v = Double.toString(x.get(i, j));
                view.append(j == 0 ? "" : ",").append(v);
                single.append(',').append(v);
                jsonl.append(j == 0 ? "" : ", ").append(v);
            }
            view.append('\n');
            single.append('\n');
            jsonl.append("]}\n");
        }
        Files.writeString(folder.resolve("labels.csv"), labelsCsv);
        Files.writeString(folder.resolve("view_text.csv"), view);
        Files.createDirectories(dir.resolve("csv"));
        Files.writeString(dir.resolve("csv").resolve("text.csv"), single);
        Files.createDirectories(dir.resolve("jsonl"));
        Files.writeString(dir.resolve("jsonl").resolve("text.jsonl"), jsonl);
        Files.createDirectories(dir.resolve("npy"));
        Npy.write(dir.resolve("npy").resolve("text.npy"), x);
        Npy.writeInts(dir.resolve("npy").resolve("labels.npy"), labels);
        Files.createDirectories(dir.resolve("parquet"));
        writeParquet(dir.resolve("parquet").resolve("text.parquet"), labels, x, 0, n);
        // the same rows as a folder of part files, as Spark writes one: of three sizes, written out of path order
        // (the largest last in path order, the smallest first on disk), beside the side files Spark leaves
        Path parts = Files.createDirectories(dir.resolve("parts").resolve("text"));
        int a = n / 6;
        int b = a + n / 3;
        writeParquet(parts.resolve("part-00001-7e1f.snappy.parquet"), labels, x, a, b);
        writeParquet(parts.resolve("part-00000-7e1f.snappy.parquet"), labels, x, 0, a);
        writeParquet(parts.resolve("part-00002-7e1f.snappy.parquet"), labels, x, b, n);
        Files.writeString(parts.resolve("_SUCCESS"), "");
        Files.writeString(parts.resolve("_committed_4521"), "{\"added\": []}");
        Files.write(parts.resolve(".part-00000-7e1f.snappy.parquet.crc"), new byte[] {'c', 'r', 'c', 0, 1, 2});
    }

    /** Rows {@code from} to {@code to} (exclusive) as a Parquet file: int64 labels, a list of floats. */
    private static void writeParquet(Path file, int[] labels, Matrix x, int from, int to) {
        var schema = MessageTypeParser.parseMessageType("message m { required int64 label; "
                + "required group embedding (LIST) { repeated group list { required float element; } } }");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0).build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(schema);
            for (int i = from; i < to; i++) {
                Group g = f.newGroup().append("label", (long) labels[i]);
                Group list = g.addGroup("embedding");
                for (int j = 0; j < x.cols(); j++) {
                    list.addGroup("list").append("element", x.get(i, j));
                }
                w.write(g);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Class names "0".."K-1", what a file without names gives. */
    private static String[] numberNames(int k) {
        String[] out = new String[k];
        for (int c = 0; c < k; c++) {
            out[c] = Integer.toString(c);
        }
        return out;
    }

    private static ScarProfile characterize(MultiModalDataset data, int threads) {
        ScarOptions options = ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5).withThreads(threads);
        return Characterize.modality(data, "text", options);
    }

    private static void assertSameNumbers(ScarProfile expected, ScarProfile actual, String what) {
        assertEquals(expected.measures(), actual.measures(), what);
        assertArrayEquals(expected.stepSizes(), actual.stepSizes(), 0.0, what);
        assertEquals(Double.doubleToLongBits(expected.foundationSize()),
                Double.doubleToLongBits(actual.foundationSize()), what);
        assertEquals(Double.doubleToLongBits(expected.testAccuracy()), Double.doubleToLongBits(actual.testAccuracy()),
                what);
        assertArrayEquals(expected.classCounts(), actual.classCounts(), what);
        assertArrayEquals(expected.classNames(), actual.classNames(), what);
        assertEquals(expected.dataset(), actual.dataset(), what);
    }

    @Test
    void csvFolderCsvFileJsonLinesNpyParquetAndPartFilesGiveBitIdenticalProfilesOnOneAndTwoThreads() {
        MultiModalDataset folder = Datasets.bundled(dir.resolve("text").toString());
        MultiModalDataset npy = EmbeddingFile.defaults().withLabels(dir.resolve("npy").resolve("labels.npy"))
                .load(dir.resolve("npy").resolve("text.npy"));
        assertEquals("mapped float32 file " + dir.resolve("npy").resolve("text.npy"),
                npy.modality("text").embeddings().storage());
        assertEquals("heap", folder.modality("text").embeddings().storage());
        List<MultiModalDataset> all = new ArrayList<>();
        all.add(npy);
        all.add(EmbeddingFile.defaults().load(dir.resolve("csv").resolve("text.csv")));
        all.add(EmbeddingFile.defaults().load(dir.resolve("jsonl").resolve("text.jsonl")));
        all.add(EmbeddingFile.defaults().load(dir.resolve("parquet").resolve("text.parquet")));
        // a folder of part files, by the facade's two ways to a folder
        MultiModalDataset parts = Scar.dataset(dir.resolve("parts").resolve("text"));
        assertArrayEquals(source.modality("text").embeddings().data(), parts.modality("text").embeddings().data(),
                "the part files' rows in path order");
        all.add(parts);
        all.add(Datasets.bundled(dir.resolve("parts").resolve("text").toString()));
        ScarProfile reference = characterize(folder, 1);
        assertSameNumbers(reference, characterize(source, 2), "in memory, 2 threads");
        assertSameNumbers(reference, characterize(folder, 2), "CSV folder, 2 threads");
        for (MultiModalDataset ds : all) {
            assertNotSame(folder, ds);
            String what = ds.modality("text").embeddings().storage();
            assertSameNumbers(reference, characterize(ds, 1), what + ", 1 thread");
            assertSameNumbers(reference, characterize(ds, 2), what + ", 2 threads");
        }
    }
}
