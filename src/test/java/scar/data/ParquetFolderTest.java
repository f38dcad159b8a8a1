package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static scar.data.TestFiles.assertFails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of Parquet part files, as Spark and pyarrow write one, is read as one file: the files in path order, the
 * rows of each in file order, side files skipped; files that disagree, and folders that hold no part files, are one
 * line that names the file.
 */
class ParquetFolderTest {
    private static final int D = 6;

    @TempDir
    Path dir;

    private final float[] v = TestFiles.gaussians(100, D, 3);

    /** Rows {@code from} to {@code to} (exclusive) of {@link #v} as a part file with ids, labels and a split. */
    private Path part(Path file, int from, int to, int d) {
        return ParquetTest.write(file, "message m { optional binary id (STRING); required int64 label; "
                        + "optional binary split (STRING); optional group embedding (LIST) { repeated group list { "
                        + "optional float element; } } }", CompressionCodecName.SNAPPY,
                ParquetProperties.WriterVersion.PARQUET_1_0, true, to - from, (g, r) -> {
                    int i = from + r;
                    g.append("id", "item-" + i).append("label", (long) (i % 3)).append("split", i % 5 == 0 ? "test"
                            : "train");
                    Group list = g.addGroup("embedding");
                    for (int j = 0; j < d; j++) {
                        list.addGroup("list").append("element", v[i * D + j]);
                    }
                });
    }

    @Test
    void partFilesAreReadInPathOrderAsOneFileAndSideFilesAreSkipped() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("emb.parquet"));
        part(folder.resolve("part-00002-x.parquet"), 70, 100, D);
        part(folder.resolve("part-00000-x.parquet"), 0, 10, D);
        part(folder.resolve("part-00001-x.parquet"), 10, 70, D);
        part(folder.resolve("part-00003-x.parquet"), 0, 0, D); // an empty partition
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Files.writeString(folder.resolve("_committed_1"), "{}");
        Files.writeString(folder.resolve(".part-00000-x.parquet.crc"), "crc");
        Files.writeString(folder.resolve("part-00000-x.parquet.crc"), "crc");
        Files.createDirectories(folder.resolve("_temporary"));
        assertTrue(ParquetFolder.isParquetFolder(folder));
        MultiModalDataset ds = Parquet.loader().id("id").split("split").load(folder);
        MultiModalDataset viaFile = EmbeddingFile.defaults().withId("id").load(folder);
        assertEquals(100, ds.size());
        assertArrayEquals(v, ds.modality("emb").embeddings().data());
        assertArrayEquals(v, viaFile.modality("emb").embeddings().data());
        assertArrayEquals(v, Datasets.bundled(folder.toString()).modality("emb").embeddings().data());
        for (int i = 0; i < 100; i++) {
            assertEquals(i % 3, ds.labels()[i]);
            assertEquals("item-" + i, ds.id(i));
            assertEquals(i % 5 != 0, ds.split().isTrain(i), "item " + i);
        }
    }

    @Test
    void aPartFileOfAnotherDimensionOrColumnTypeIsNamedWithBothValues() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("dims"));
        part(folder.resolve("part-0.parquet"), 0, 10, D);
        Path other = part(folder.resolve("part-1.parquet"), 10, 20, D - 2);
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(folder), other + ", row 0 (0-based), "
                + "column 'embedding': the embedding has 4 values but " + folder.resolve("part-0.parquet")
                + ", row 0 has 6; expected embeddings of one length");
        Files.delete(other);
        Path doubles = ParquetTest.write(folder.resolve("part-1.parquet"), "message m { required int64 label; "
                        + "optional group embedding (LIST) { repeated group list { optional double element; } } }",
                CompressionCodecName.SNAPPY, ParquetProperties.WriterVersion.PARQUET_1_0, false, 3, (g, i) -> {
                    Group list = g.addGroup("embedding");
                    g.append("label", 1L);
                    for (int j = 0; j < D; j++) {
                        list.addGroup("list").append("element", 0.5);
                    }
                });
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(folder), doubles + ", column "
                + "'embedding': lists of double values, but " + folder.resolve("part-0.parquet") + " (the first file)"
                + " holds lists of float values; expected one type per column in every file of the folder");
    }

    @Test
    void aBadRowOrARepeatedIdIsNamedByItsFileAndItsRowThere() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("bad"));
        Path first = part(folder.resolve("a.parquet"), 0, 10, D);
        Path second = part(folder.resolve("b.parquet"), 0, 5, D); // items 0..4 again
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().id("id").load(folder), second
                + ", row 0 (0-based), column 'id': value 'item-0' is not a new id: duplicate of the id of " + first
                + ", row 0 (0-based)");
        v[12 * D + 2] = Float.NaN;
        Path third = part(folder.resolve("b.parquet"), 10, 15, D); // items 10..14: item 12 is its row 2
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(folder), third + ", row 2 (0-based), "
                + "column 'embedding[2]': value NaN is not a finite float32 number");
    }

    @Test
    void aFolderOfNoPartFilesSaysWhatAFolderIsExpectedToHold() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String expected = "expected a dataset folder with labels.csv";
        assertFails(IllegalArgumentException.class, () -> Datasets.bundled(empty.toString()), empty
                + " holds no labels.csv and no .parquet files; " + expected, "or a folder of Parquet part files");
        Files.writeString(empty.resolve("_SUCCESS"), "");
        Files.writeString(empty.resolve(".x.parquet.crc"), "crc");
        assertFails(IllegalArgumentException.class, () -> EmbeddingFile.defaults().load(empty), empty
                + " holds no labels.csv and no .parquet files; " + expected);
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        part(mixed.resolve("part-0.parquet"), 0, 10, D);
        Files.writeString(mixed.resolve("notes.txt"), "hello");
        assertFails(IllegalArgumentException.class, () -> Datasets.bundled(mixed.toString()), mixed
                + " holds notes.txt, which is not a .parquet file; " + expected);
        // as partitionBy("label") writes, labels in folder names (it said "which is not a .parquet file")
        Path partitioned = Files.createDirectories(dir.resolve("partitioned"));
        Files.writeString(partitioned.resolve("_SUCCESS"), "");
        part(Files.createDirectories(partitioned.resolve("label=0")).resolve("part-0.parquet"), 0, 10, D);
        assertFails(IllegalArgumentException.class, () -> Datasets.bundled(partitioned.toString()), partitioned
                + " holds label=0, a partition folder (as partitionBy(\"label\") writes); partitioned folders are not "
                + "read: write the data without partitionBy, df.write().parquet(path) (pyarrow: without "
                + "partition_cols), so that every part file holds column label");
        Path emptyParts = Files.createDirectories(dir.resolve("rowless"));
        part(emptyParts.resolve("part-0.parquet"), 0, 0, D);
        part(emptyParts.resolve("part-1.parquet"), 0, 0, D);
        assertFails(IllegalArgumentException.class, () -> Datasets.bundled(emptyParts.toString()), emptyParts
                + ": its 2 Parquet files have no rows; expected one row per item");
        Path datasetFolder = Files.createDirectories(dir.resolve("views"));
        Files.writeString(datasetFolder.resolve("view_a.csv"), "f0\n1\n");
        assertTrue(!ParquetFolder.isParquetFolder(datasetFolder), "a folder with a view file is a dataset folder");
    }
}
