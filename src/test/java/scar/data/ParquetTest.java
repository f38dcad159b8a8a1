package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static scar.data.TestFiles.assertFails;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parquet files written by parquet-java's own writer (a test dependency) in the layouts embedding dumps use, read
 * back by {@link Parquet} (which does not use parquet-hadoop) value for value.
 */
public class ParquetTest {
    @TempDir
    Path dir;

    static final String STANDARD = "message m { optional binary id (STRING); required int64 label; "
            + "optional group embedding (LIST) { repeated group list { optional float element; } } }";

    /** Writes {@code rows} records with {@code fill(group, row)}. */
    public static Path write(Path file, String schemaText, CompressionCodecName codec, ParquetProperties.WriterVersion version,
                      boolean dictionary, int rows, BiConsumer<Group, Integer> fill) {
        MessageType schema = MessageTypeParser.parseMessageType(schemaText);
        try {
            Files.deleteIfExists(file);
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new PlainParquetConfiguration()).withType(schema).withCompressionCodec(codec)
                    .withWriterVersion(version).withDictionaryEncoding(dictionary).withPageSize(4096)
                    .withRowGroupSize(64L << 10).build()) {
                SimpleGroupFactory f = new SimpleGroupFactory(schema);
                for (int i = 0; i < rows; i++) {
                    Group g = f.newGroup();
                    fill.accept(g, i);
                    w.write(g);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
    void standardListOfFloatsInEveryCodecAndPageVersion(CompressionCodecName codec) {
        int rows = 600;
        int d = 12;
        float[] v = TestFiles.gaussians(rows, d, 1);
        for (ParquetProperties.WriterVersion version : ParquetProperties.WriterVersion.values()) {
            for (boolean dictionary : new boolean[] {false, true}) {
                Path file = write(dir.resolve("e.parquet"), STANDARD, codec, version, dictionary, rows, (g, i) -> {
                    g.append("id", "item-" + i).append("label", (long) (i % 3) * 10);
                    Group list = g.addGroup("embedding");
                    for (int j = 0; j < d; j++) {
                        list.addGroup("list").append("element", v[i * d + j]);
                    }
                });
                MultiModalDataset ds = Parquet.loader().id("id").load(file);
                String what = codec + " " + version + " dictionary " + dictionary;
                assertEquals(rows, ds.size(), what);
                assertArrayEquals(v, ds.modality("e").embeddings().data(), what);
                assertArrayEquals(new String[] {"0", "10", "20"}, ds.classNames(), what);
                assertEquals(2, ds.labels()[599], what);
                assertEquals("item-599", ds.id(599), what);
            }
        }
    }

    @Test
    void legacyTwoLevelListOfDoublesRepeatedFloatsAndTextLabels() {
        float[] v = TestFiles.gaussians(40, 5, 2);
        Path legacy = write(dir.resolve("legacy.parquet"), "message m { required binary cls (UTF8); "
                        + "required group vec (LIST) { repeated double array; } required int32 fold; }",
                CompressionCodecName.SNAPPY, ParquetProperties.WriterVersion.PARQUET_1_0, true, 40, (g, i) -> {
                    g.append("cls", i % 2 == 0 ? "dog" : "cat");
                    Group list = g.addGroup("vec");
                    for (int j = 0; j < 5; j++) {
                        list.append("array", (double) v[i * 5 + j]);
                    }
                    g.append("fold", i);
                });
        MultiModalDataset a = Parquet.loader().embedding("vec").label("cls").modality("image").load(legacy);
        assertArrayEquals(v, a.modality("image").embeddings().data());
        assertArrayEquals(new String[] {"cat", "dog"}, a.classNames());
        assertEquals(1, a.labels()[0]);
        Path repeated = write(dir.resolve("rep.parquet"), "message m { repeated float emb; required int32 y; }",
                CompressionCodecName.ZSTD, ParquetProperties.WriterVersion.PARQUET_2_0, false, 40, (g, i) -> {
                    for (int j = 0; j < 5; j++) {
                        g.append("emb", v[i * 5 + j]);
                    }
                    g.append("y", i % 4);
                });
        MultiModalDataset b = Parquet.load(repeated, "emb", "y");
        assertArrayEquals(v, b.modality("rep").embeddings().data());
        assertNull(b.split());
        assertEquals(4, b.numClasses());
    }

    @Test
    void badFilesAndColumnsAreNamedInOneLine() throws IOException {
        Path ragged = write(dir.resolve("ragged.parquet"), STANDARD, CompressionCodecName.SNAPPY,
                ParquetProperties.WriterVersion.PARQUET_1_0, false, 5, (g, i) -> {
                    g.append("label", 1L);
                    Group list = g.addGroup("embedding");
                    for (int j = 0; j < (i == 3 ? 2 : 3); j++) {
                        list.addGroup("list").append("element", 1f);
                    }
                });
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(ragged), "ragged.parquet",
                "row 3", "'embedding'", "2 values but row 0 has 3");
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().label("nope").load(ragged),
                "ragged.parquet", "no column 'nope'", "id, label, embedding");
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().embedding("label").load(ragged),
                "column 'label' holds single int64 values", "expected a list of float or double");
        Path nullEmbedding = write(dir.resolve("null.parquet"), STANDARD, CompressionCodecName.UNCOMPRESSED,
                ParquetProperties.WriterVersion.PARQUET_1_0, false, 3, (g, i) -> {
                    g.append("label", 1L);
                    if (i != 1) {
                        g.addGroup("embedding").addGroup("list").append("element", Float.NaN);
                    }
                });
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(nullEmbedding), "null.parquet",
                "row 0", "NaN", "not a finite");
        Path truncated = dir.resolve("cut.parquet");
        byte[] whole = Files.readAllBytes(ragged);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(truncated), "cut.parquet",
                "not a Parquet file");
        Path text = TestFiles.write(dir.resolve("text.parquet"), "label,embedding\n");
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(text), "text.parquet",
                "not a Parquet file");
        assertFails(UncheckedIOException.class, () -> Parquet.loader().load(dir.resolve("missing.parquet")),
                "file not found", "missing.parquet");
    }

    /** Issue 14's standard for the Parquet reader: whatever is wrong, one line that names the file (and the row). */
    @Test
    void damagedBytesEmptyLabelsAndAFolderAreOneLineErrors() throws IOException {
        Path good = write(dir.resolve("good.parquet"), STANDARD, CompressionCodecName.SNAPPY,
                ParquetProperties.WriterVersion.PARQUET_1_0, false, 200, (g, i) -> {
                    g.append("id", "item-" + i).append("label", (long) (i % 2));
                    Group list = g.addGroup("embedding");
                    for (int j = 0; j < 8; j++) {
                        list.addGroup("list").append("element", i + j * 0.5f);
                    }
                });
        byte[] bytes = Files.readAllBytes(good);
        int damaged = 0;
        // every byte of the first two kB (page headers, levels, compressed values) set to 0xff in turn
        for (int at = 4; at < Math.min(2048, bytes.length - 8); at++) {
            byte[] copy = bytes.clone();
            copy[at] = (byte) 0xff;
            Path bad = Files.write(dir.resolve("bad.parquet"), copy);
            try {
                Parquet.loader().id("id").load(bad);
            } catch (IllegalArgumentException e) {
                assertEquals(IllegalArgumentException.class, e.getClass(), e.toString());
                org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(bad.toString())
                        && e.getMessage().lines().count() == 1, e.getMessage());
                damaged++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(damaged > 100, damaged + " damaged copies refused");
        Path emptyLabel = write(dir.resolve("el.parquet"), "message m { required binary label (UTF8); "
                        + "required group embedding (LIST) { repeated float array; } }", CompressionCodecName.SNAPPY,
                ParquetProperties.WriterVersion.PARQUET_1_0, false, 3, (g, i) -> {
                    g.append("label", i == 2 ? "" : "cat");
                    g.addGroup("embedding").append("array", 1f);
                });
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(emptyLabel), "el.parquet",
                "row 2 (0-based), column 'label'", "value ''", "the label is empty");
        Path folder = Files.createDirectories(dir.resolve("emb.parquet"));
        // an empty folder is neither a dataset folder nor one of part files (ParquetFolderTest reads those)
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(folder), "emb.parquet holds no "
                + "labels.csv and no .parquet files; expected a dataset folder");
    }

    /**
     * A label column is read as what its logical type says: unsigned integers as unsigned (they used to read as
     * negative numbers, uint32 3,000,000,000 as class -1294967296), decimals, dates and the like refused (DECIMAL(4,1)
     * 0.5 used to be class 5), and text decoded strictly (byte strings that are not UTF-8 used to become the same
     * replacement characters, merging their classes).
     */
    @Test
    void labelsAreReadAsTheirLogicalTypeSays() {
        String embedding = "required group embedding (LIST) { repeated float array; }";
        BiConsumer<Group, Integer> oneValue = (g, i) -> g.addGroup("embedding").append("array", (float) i);
        Path uint8 = write(dir.resolve("u8.parquet"), "message m { required int32 label (INTEGER(8,false)); "
                        + embedding + " }", CompressionCodecName.SNAPPY, ParquetProperties.WriterVersion.PARQUET_1_0,
                false, 4, (g, i) -> {
                    g.append("label", i % 2 == 0 ? 7 : 200);
                    oneValue.accept(g, i);
                });
        MultiModalDataset small = Parquet.loader().load(uint8);
        assertArrayEquals(new String[] {"7", "200"}, small.classNames());
        assertArrayEquals(new int[] {0, 1, 0, 1}, small.labels());
        Path uint32 = write(dir.resolve("u32.parquet"), "message m { required int32 label (INTEGER(32,false)); "
                        + embedding + " }", CompressionCodecName.SNAPPY, ParquetProperties.WriterVersion.PARQUET_1_0,
                false, 4, (g, i) -> {
                    g.append("label", i == 3 ? (int) 3_000_000_000L : i % 2);
                    oneValue.accept(g, i);
                });
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(uint32), "u32.parquet",
                "row 3 (0-based), column 'label'", "value '3000000000'", "within the int range");
        Path uint64 = write(dir.resolve("u64.parquet"), "message m { required int64 label (INTEGER(64,false)); "
                        + embedding + " }", CompressionCodecName.SNAPPY, ParquetProperties.WriterVersion.PARQUET_1_0,
                false, 4, (g, i) -> {
                    g.append("label", i == 1 ? -1L : i % 2);
                    oneValue.accept(g, i);
                });
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(uint64), "u64.parquet",
                "row 1 (0-based)", "value '18446744073709551615'");
        Path decimal = write(dir.resolve("dec.parquet"), "message m { required int32 label (DECIMAL(4,1)); "
                        + embedding + " }", CompressionCodecName.SNAPPY, ParquetProperties.WriterVersion.PARQUET_1_0,
                false, 4, (g, i) -> {
                    g.append("label", i == 2 ? 5 : 10 * (i % 2));
                    oneValue.accept(g, i);
                });
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(decimal), "dec.parquet",
                "column 'label' holds decimal values (stored as int32)", "integer or string label");
        Path date = write(dir.resolve("date.parquet"), "message m { required int32 label (DATE); " + embedding
                        + " }", CompressionCodecName.SNAPPY, ParquetProperties.WriterVersion.PARQUET_1_0, false, 4,
                (g, i) -> {
                    g.append("label", i % 2);
                    oneValue.accept(g, i);
                });
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(date), "date.parquet",
                "column 'label' holds date values");
        Path bytes = write(dir.resolve("bytes.parquet"), "message m { required binary label; " + embedding + " }",
                CompressionCodecName.SNAPPY, ParquetProperties.WriterVersion.PARQUET_1_0, false, 4, (g, i) -> {
                    g.append("label", org.apache.parquet.io.api.Binary.fromConstantByteArray(
                            new byte[] {'c', (byte) (0xf0 + i % 2)}));
                    oneValue.accept(g, i);
                });
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(bytes), "bytes.parquet",
                "row 0 (0-based), column 'label'", "not UTF-8", "63 f0");
        Path text = write(dir.resolve("text.parquet"), "message m { required binary label; " + embedding + " }",
                CompressionCodecName.SNAPPY, ParquetProperties.WriterVersion.PARQUET_1_0, false, 4, (g, i) -> {
                    g.append("label", i % 2 == 0 ? "chat" : "été");
                    oneValue.accept(g, i);
                });
        assertArrayEquals(new String[] {"chat", "été"}, Parquet.loader().load(text).classNames());
    }

    /**
     * The library reads Parquet without parquet-hadoop, Hadoop or JTS: the classes are loaded again from the test
     * class path minus those jars (which the tests only need to write fixtures), and read a SNAPPY file.
     */
    @Test
    void readsWithoutHadoopOnTheClassPath() throws Exception {
        float[] v = TestFiles.gaussians(30, 4, 5);
        Path file = write(dir.resolve("iso.parquet"), STANDARD, CompressionCodecName.SNAPPY,
                ParquetProperties.WriterVersion.PARQUET_2_0, true, 30, (g, i) -> {
                    g.append("label", (long) (i % 2));
                    Group list = g.addGroup("embedding");
                    for (int j = 0; j < 4; j++) {
                        list.addGroup("list").append("element", v[i * 4 + j]);
                    }
                });
        java.util.List<java.net.URL> urls = new java.util.ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (!name.startsWith("parquet-hadoop") && !name.startsWith("hadoop-") && !name.startsWith("jts-")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (var loader = new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> parquet = loader.loadClass("scar.data.Parquet");
            Object ds = parquet.getMethod("load", Path.class, String.class, String.class)
                    .invoke(null, file, "embedding", "label");
            Object modality = ds.getClass().getMethod("modality", String.class).invoke(ds, "iso");
            Object matrix = modality.getClass().getMethod("embeddings").invoke(modality);
            Class<?> matrixType = loader.loadClass("scar.data.Matrix");
            assertArrayEquals(v, (float[]) matrixType.getMethod("data").invoke(matrix));
            assertEquals(loader, matrix.getClass().getClassLoader());
            org.junit.jupiter.api.Assertions.assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("org.apache.hadoop.conf.Configuration"));
        }
    }

    /**
     * A string column whose dictionary entry claims 1.7 GB in a 1.3 KB file (the fuzzer's find: parquet-java does not
     * check a dictionary entry's length, and copying the value's bytes allocated it — an OutOfMemoryError in a 1 GiB
     * heap). It is a one-line error, and nothing near that size is allocated.
     */
    @Test
    void aDictionaryEntryClaimingGigabytesIsAnErrorNotAnAllocation() throws IOException {
        Path file = dir.resolve("huge.parquet");
        try (var in = ParquetTest.class.getResourceAsStream(
                "ParquetFuzzTestInputs/fuzz/crash-43b4a370f52ef32b4b3e6c4951ec6171a5cb1f88")) {
            Files.copy(in, file);
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().id("id").split("split").load(file),
                "huge.parquet", "column 'split'", "cannot be decoded", "corrupt");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        org.junit.jupiter.api.Assertions.assertTrue(allocated < 256L << 20, allocated + " bytes allocated");
    }

    /**
     * A dictionary page whose header claims 2,147,483,647 entries in a few bytes: parquet-java allocates an array of
     * that many before reading one (an OutOfMemoryError in a 700-byte file, reported by the command line as a heap to
     * raise to 15 GB). Each column's claim, and a negative one, is one line naming the file and column.
     */
    @Test
    void aDictionaryPageClaimingMoreEntriesThanItsBytesIsAnError() throws IOException {
        Path good = write(dir.resolve("good.parquet"), "message m { required binary label (UTF8); "
                        + "required group embedding (LIST) { repeated float array; } }", CompressionCodecName.SNAPPY,
                ParquetProperties.WriterVersion.PARQUET_1_0, true, 40, (g, i) -> {
                    g.append("label", i % 2 == 0 ? "cat" : "dog");
                    Group list = g.addGroup("embedding");
                    for (int j = 0; j < 4; j++) {
                        list.append("array", (float) ((i + j) % 3));
                    }
                });
        byte[] bytes = Files.readAllBytes(good);
        assertEquals(40, Parquet.loader().load(good).size());
        for (String column : new String[] {"label", "embedding"}) {
            for (int entries : new int[] {Integer.MAX_VALUE, -5}) {
                Path bad = Files.write(dir.resolve("dict.parquet"), ParquetCraft.withDictionaryEntries(bytes, column,
                        entries));
                assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(bad), "dict.parquet",
                        "column '" + column + "'", "a dictionary page of", "claims " + entries + " entries", "corrupt");
            }
        }
    }

    /**
     * Counts inside a page's encoded streams that claim more values than the page holds: a bit-packed run of
     * repetition levels or of dictionary ids, or a DELTA_BINARY_PACKED stream, of about two billion values in a page
     * of 40 or 160. parquet-java allocates by each count before it reads a value (an OutOfMemoryError in a 700-byte
     * file); each is one line naming the file and column.
     */
    @Test
    void countsInsideAPageBeyondItsValuesAreErrorsNotAllocations() throws IOException {
        String schema = "message m { required binary label (UTF8); required int64 code; "
                + "required group embedding (LIST) { repeated float array; } }";
        BiConsumer<Group, Integer> fill = (g, i) -> {
            g.append("label", i % 2 == 0 ? "cat" : "dog").append("code", (long) (i % 2));
            Group list = g.addGroup("embedding");
            for (int j = 0; j < 4; j++) {
                list.append("array", (float) ((i + j) % 3));
            }
        };
        // version 2 pages without a dictionary: the embedding's levels apart from its values, int64 codes DELTA coded
        byte[] v2 = Files.readAllBytes(write(dir.resolve("v2.parquet"), schema, CompressionCodecName.UNCOMPRESSED,
                ParquetProperties.WriterVersion.PARQUET_2_0, false, 40, fill));
        // version 1 pages with a dictionary: the labels are dictionary ids (a bit width, then the hybrid runs)
        byte[] v1 = Files.readAllBytes(write(dir.resolve("v1.parquet"), schema, CompressionCodecName.UNCOMPRESSED,
                ParquetProperties.WriterVersion.PARQUET_1_0, true, 40, fill));
        long run = ((1L << 28) - 1) << 1 | 1; // a bit-packed run of 2^28 - 1 groups of 8 values
        byte[] levels = ParquetCraft.withPage(v2, "embedding", false, (header, data) -> {
            byte[] edited = ParquetCraft.withVarint(data, 0, 0, run);
            var h = header.getData_page_header_v2();
            h.setRepetition_levels_byte_length(h.getRepetition_levels_byte_length() + edited.length - data.length);
            return edited;
        });
        byte[] ids = ParquetCraft.withPage(v1, "label", false, (header, data) -> ParquetCraft.withVarint(data, 1, 0,
                run));
        byte[] delta = ParquetCraft.withPage(v2, "code", false, (header, data) -> ParquetCraft.withVarint(data, 0, 2,
                2_000_000_000L));
        Path file = dir.resolve("runs.parquet");
        Files.write(file, levels);
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(file), "runs.parquet",
                "column 'embedding'", "a page of 160 values holds a bit-packed run of 2147483640 values", "corrupt");
        Files.write(file, ids);
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(file), "runs.parquet",
                "column 'label'", "a page of 40 values holds a bit-packed run of 2147483640 values", "corrupt");
        Files.write(file, delta);
        assertFails(IllegalArgumentException.class, () -> Parquet.loader().label("code").load(file), "runs.parquet",
                "column 'code'", "a page of 40 values holds a DELTA_BINARY_PACKED stream of 2000000000 values");
        assertEquals(40, Parquet.loader().load(Files.write(file, v1)).size());
        assertEquals(40, Parquet.loader().label("code").load(Files.write(file, v2)).size());
        assertEquals(40, Parquet.loader().load(file).size());
    }

    /**
     * What parquet-java's decoders throw on damaged values reaches the user as words, not as a Java class name: a
     * string of length -5 in the label column used to read {@code (IllegalArgumentException: newLimit < 0: (-5 <
     * 0))} in a data page and {@code (IndexOutOfBoundsException: null)} in a dictionary page.
     */
    @Test
    void aDecoderFailureIsSaidInWordsWithoutAJavaClassName() throws IOException {
        for (boolean dictionary : new boolean[] {false, true}) {
            Path good = write(dir.resolve("good.parquet"), "message m { required binary label (UTF8); "
                            + "required group embedding (LIST) { repeated float array; } }",
                    CompressionCodecName.UNCOMPRESSED, ParquetProperties.WriterVersion.PARQUET_1_0, dictionary, 40,
                    (g, i) -> {
                        g.append("label", i % 2 == 0 ? "cat" : "dog");
                        g.addGroup("embedding").append("array", 1f).append("array", (float) (i % 3));
                    });
            byte[] negative = ParquetCraft.withPage(Files.readAllBytes(good), "label", dictionary, (header, data) -> {
                java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, -5);
                return data;
            });
            Path bad = Files.write(dir.resolve("neg.parquet"), negative);
            var e = assertFails(IllegalArgumentException.class, () -> Parquet.loader().load(bad), "neg.parquet",
                    "column 'label'", dictionary ? "a length or position past the end of its data"
                            : "(a negative length -5)", "corrupt");
            org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().matches(".*(Exception|Error)\\b.*"),
                    e.getMessage());
        }
    }
}
