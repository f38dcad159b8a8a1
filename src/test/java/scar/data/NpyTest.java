package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static scar.data.TestFiles.assertFails;
import static scar.data.TestFiles.doubles;
import static scar.data.TestFiles.floats;
import static scar.data.TestFiles.ints;
import static scar.data.TestFiles.longs;
import static scar.data.TestFiles.npy;
import static scar.data.TestFiles.write;

import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @TempDir
    Path dir;

    @Test
    void float32AndFloat64InCOrder() {
        Path f32 = npy(dir.resolve("a.npy"), "<f4", false, "(2, 3)", floats(LE, 1, 2, 3, 4, 5, -6.5f), 1);
        Matrix a = Npy.read(f32);
        assertEquals(2, a.rows());
        assertEquals(3, a.cols());
        assertArrayEquals(new float[] {4, 5, -6.5f}, a.row(1));
        Path f64 = npy(dir.resolve("b.npy"), "<f8", false, "(3, 1)", doubles(0.1, 1e-3, 7), 2);
        Matrix b = Npy.read(f64);
        assertArrayEquals(new float[] {(float) 0.1, (float) 1e-3, 7}, b.data());
    }

    @Test
    void largerFileCrossesReadChunks() {
        int rows = 1000;
        int cols = 300; // 1.2 MB: more than one 1 MiB read chunk
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.25f;
        }
        Matrix m = Npy.read(npy(dir.resolve("big.npy"), "<f4", false, "(1000, 300)", floats(LE, values), 1));
        assertArrayEquals(values, m.data());
    }

    @Test
    void loadWithNpyLabelsTextLabelsAndCsvLabels() {
        Path x = npy(dir.resolve("emb.npy"), "<f4", false, "(3, 2)", floats(LE, 1, 2, 3, 4, 5, 6), 1);
        MultiModalDataset a = Npy.load(x, npy(dir.resolve("y.npy"), "<i8", false, "(3,)", longs(2, 0, 2), 1));
        assertEquals("emb", a.name());
        assertArrayEquals(new int[] {1, 0, 1}, a.labels());
        assertArrayEquals(new String[] {"0", "2"}, a.classNames());
        MultiModalDataset b = Npy.load(x, npy(dir.resolve("y32.npy"), "<i4", false, "(3,)", ints(0, 1, 1), 1));
        assertArrayEquals(new int[] {0, 1, 1}, b.labels());
        MultiModalDataset c = Npy.load(x, write(dir.resolve("y.txt"), "1\n0\n1\n"));
        assertArrayEquals(new int[] {1, 0, 1}, c.labels());
        MultiModalDataset d = Npy.load(x, write(dir.resolve("y.csv"), "id,label,class_name\na,1,dog\nb,0,cat\nc,1,dog\n"));
        assertArrayEquals(new String[] {"cat", "dog"}, d.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels());
    }

    /** The embeddings' extension was matched ignoring case but the labels' was not: LABELS.NPY was read as text. */
    @Test
    void aLabelsFileEndingInUpperCaseNpyIsReadAsNumPy() {
        Path x = npy(dir.resolve("EMB.NPY"), "<f4", false, "(3, 2)", floats(LE, 1, 2, 3, 4, 5, 6), 1);
        Path y = npy(dir.resolve("LABELS.NPY"), "<i8", false, "(3,)", longs(1, 0, 1), 1);
        assertArrayEquals(new int[] {1, 0, 1}, Npy.load(x, y).labels());
        assertArrayEquals(new int[] {1, 0, 1}, EmbeddingFile.defaults().withLabels(y).load(x).labels());
    }

    /** The message for a .npy without labels listed integers only, though class names are labels too. */
    @Test
    void aNpyWithoutLabelsSaysThatClassNamesAreLabelsToo() {
        Path x = npy(dir.resolve("emb.npy"), "<f4", false, "(3, 2)", floats(LE, 1, 2, 3, 4, 5, 6), 1);
        assertFails(IllegalArgumentException.class, () -> EmbeddingFile.defaults().load(x),
                "emb.npy holds embeddings only", "--labels FILE", "integers or strings", "class names");
    }

    @Test
    void rejectsBigEndianFortranInt64AndOtherShapes() {
        Path big = npy(dir.resolve("big.npy"), "<f4".replace('<', '>'), false, "(1, 2)",
                floats(ByteOrder.BIG_ENDIAN, 1, 2), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(big), "big.npy", "'>f4'", "big-endian", "'<f4'");
        Path fortran = npy(dir.resolve("f.npy"), "<f4", true, "(1, 2)", floats(LE, 1, 2), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(fortran), "f.npy", "Fortran", "C order");
        Path int64 = npy(dir.resolve("i.npy"), "<i8", false, "(1, 2)", longs(1, 2), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(int64), "i.npy", "'<i8'", "int64", "float32");
        Path oneD = npy(dir.resolve("v.npy"), "<f4", false, "(2,)", floats(LE, 1, 2), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(oneD), "v.npy", "(2,)", "2-D");
        Path truncated = npy(dir.resolve("t.npy"), "<f4", false, "(2, 2)", floats(LE, 1, 2, 3), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(truncated), "t.npy", "16 data bytes", "12", "truncated");
    }

    @Test
    void rejectsNonNpyEmptyAndMissingFiles() {
        Path text = write(dir.resolve("x.npy"), "f0,f1\n1,2\n");
        assertFails(IllegalArgumentException.class, () -> Npy.read(text), "x.npy", "not a .npy file");
        Path empty = write(dir.resolve("e.npy"), "");
        assertFails(IllegalArgumentException.class, () -> Npy.read(empty), "e.npy", "empty");
        assertFails(UncheckedIOException.class, () -> Npy.read(dir.resolve("none.npy")), "none.npy", "not found");
    }

    @Test
    void rejectsNanAndInfinityNamingRowAndColumn() {
        Path nan = npy(dir.resolve("n.npy"), "<f4", false, "(2, 2)", floats(LE, 1, 2, 3, Float.NaN), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(nan), "n.npy", "row 1", "column 1", "NaN", "finite");
        Path inf = npy(dir.resolve("i.npy"), "<f8", false, "(1, 2)", doubles(1, Double.NEGATIVE_INFINITY), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(inf), "i.npy", "row 0", "column 1", "-Infinity");
    }

    /** A float64 value beyond float32 is named as it is in the file, not as the infinity it would narrow to. */
    @Test
    void aFloat64BeyondTheFloat32RangeIsNamedByItsValue() {
        Path big = npy(dir.resolve("big.npy"), "<f8", false, "(2, 2)", doubles(1, 2, 3, -1e300), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(big), "big.npy", "row 1, column 1", "-1.0E300",
                "float32 range");
        Path largest = npy(dir.resolve("max.npy"), "<f8", false, "(1, 1)", doubles(Float.MAX_VALUE), 1);
        assertArrayEquals(new float[] {Float.MAX_VALUE}, Npy.read(largest).data());
    }

    /**
     * A blank line in a file of one label per line is a missing label: skipping it used to leave only a count
     * mismatch that did not say where, or with one label too many at the end, every later label one row off.
     */
    @Test
    void aBlankLineAmongOneLabelPerLineIsAnError() {
        Path x = npy(dir.resolve("emb.npy"), "<f4", false, "(3, 1)", floats(LE, 1, 2, 3), 1);
        Path shifted = write(dir.resolve("y.txt"), "0\n\n1\n1\n");
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, shifted), "y.txt", "line 2", "blank line");
        Path first = write(dir.resolve("first.csv"), "label\n\n0\n1\n1\n");
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, first), "first.csv", "line 2", "blank line");
        Path trailing = write(dir.resolve("trailing.txt"), "0\r\n1\r\n1\r\n\r\n\n");
        assertArrayEquals(new int[] {0, 1, 1}, Npy.load(x, trailing).labels());
        Path columns = write(dir.resolve("c.csv"), "id,label\na,0\n\nb,1\nc,1\n");
        assertArrayEquals(new int[] {0, 1, 1}, Npy.load(x, columns).labels());
    }

    /**
     * A CSV with a label column, given a labels file too: the column used to become an embedding column, the labels
     * a feature that predicts them (held-out accuracy 1.000).
     */
    @Test
    void aCsvLabelColumnIsNotAnEmbeddingWhenALabelsFileIsGiven() {
        Path csv = write(dir.resolve("emb.csv"), "label,f0,f1\n0,1,2\n1,3,4\n1,5,6\n");
        Path labels = write(dir.resolve("y.txt"), "1\n0\n0\n");
        EmbeddingFile both = EmbeddingFile.defaults().withLabels(labels);
        assertFails(IllegalArgumentException.class, () -> both.load(csv), "emb.csv", "line 1", "column 'label'",
                "--ignore label");
        MultiModalDataset ignored = both.withIgnored(java.util.List.of("label")).load(csv);
        assertEquals(2, ignored.modality("emb").embeddings().cols());
        assertArrayEquals(new int[] {1, 0, 0}, ignored.labels());
    }

    /** An integral label beyond the int range says so, rather than that it is not an integer. */
    @Test
    void aLabelBeyondTheIntRangeIsNamedAsSuch() {
        Path x = npy(dir.resolve("emb.npy"), "<f4", false, "(2, 1)", floats(LE, 1, 2), 1);
        Path big = write(dir.resolve("y.txt"), "0\n10000000000\n");
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, big), "y.txt", "line 2", "'10000000000'",
                "within the int range");
        Path half = write(dir.resolve("h.txt"), "0\n1.5\n");
        IllegalArgumentException e = assertFails(IllegalArgumentException.class, () -> Npy.load(x, half), "h.txt",
                "line 2", "'1.5'", "is not an integer class label");
        assertEquals(false, e.getMessage().contains("range"), e.getMessage());
    }

    /**
     * Class names as labels: one per line without a header, under a 'label' header or column, or a NumPy array of
     * strings ('<U', UTF-32, and '|S', bytes) — all coded alike, in sorted order.
     */
    @Test
    void textLabelsInATextFileACsvOrAnNpyOfStrings() {
        Path x = npy(dir.resolve("emb.npy"), "<f4", false, "(3, 1)", floats(LE, 1, 2, 3), 1);
        List<Path> files = List.of(write(dir.resolve("a.txt"), "dog\ncat\ndog\n"),
                write(dir.resolve("b.txt"), "label\ndog\ncat\ndog\n"),
                write(dir.resolve("c.csv"), "id,label\nx1,dog\nx2,cat\nx3,dog\n"),
                npy(dir.resolve("u.npy"), "<U3", false, "(3,)", utf32("dog", "cat", "dog"), 1),
                npy(dir.resolve("s.npy"), "|S4", false, "(3,)", "dog\0cat\0dog\0".getBytes(StandardCharsets.UTF_8), 1),
                npy(dir.resolve("w.npy"), "<U5", false, "(3,)", utf32(5, "dog", "cat", "dog"), 1));
        for (Path labels : files) {
            MultiModalDataset d = Npy.load(x, labels);
            assertArrayEquals(new String[] {"cat", "dog"}, d.classNames(), labels.toString());
            assertArrayEquals(new int[] {1, 0, 1}, d.labels(), labels.toString());
        }
        MultiModalDataset accents = Npy.load(x, npy(dir.resolve("é.npy"), "<U1", false, "(3,)",
                utf32("é", "b", "é"), 1));
        assertArrayEquals(new String[] {"b", "é"}, accents.classNames());
        // a name above integer labels is a header, as before; a line too many says what to do
        MultiModalDataset headed = Npy.load(x, write(dir.resolve("y.txt"), "y\n1\n0\n1\n"));
        assertArrayEquals(new int[] {1, 0, 1}, headed.labels());
        assertArrayEquals(new String[] {"0", "1"}, headed.classNames()); // the header is no class
        assertFails(IllegalArgumentException.class,
                () -> Npy.load(x, write(dir.resolve("species.txt"), "species\ndog\ncat\ndog\n")),
                "3 rows", "4 labels", "first line of species.txt is a header, name it 'label'");
        // class_name names integer labels only; strings must be text
        assertFails(IllegalArgumentException.class,
                () -> Npy.load(x, write(dir.resolve("n.csv"), "label,class_name\ndog,d\ncat,c\ndog,d\n")),
                "n.csv", "line 2", "'dog'", "class_name column names integer labels");
        assertFails(IllegalArgumentException.class,
                () -> Npy.load(x, npy(dir.resolve("e.npy"), "<U3", false, "(3,)", utf32("dog", "", "dog"), 1)),
                "e.npy", "row 1", "empty");
        assertFails(IllegalArgumentException.class,
                () -> Npy.load(x, npy(dir.resolve("h.npy"), "<U3", false, "(3,)", utf32("dog", "1.5", "dog"), 1)),
                "h.npy", "row 1", "'1.5'", "integer");
        byte[] bad = utf32("dog", "cat", "dog");
        bad[12] = (byte) 0xFF;
        bad[15] = (byte) 0x7F;
        assertFails(IllegalArgumentException.class,
                () -> Npy.load(x, npy(dir.resolve("bad.npy"), "<U3", false, "(3,)", bad, 1)),
                "bad.npy", "row 1", "UTF-32");
        assertFails(IllegalArgumentException.class,
                () -> Npy.load(x, npy(dir.resolve("z.npy"), "<U0", false, "(3,)", new byte[0], 1)), "z.npy", "'<U0'");
    }

    /** NumPy's '<U' layout, as wide as the longest string. */
    private static byte[] utf32(String... values) {
        return utf32(Arrays.stream(values).mapToInt(v -> v.codePointCount(0, v.length())).max().orElse(0), values);
    }

    /** NumPy's '<U' layout: {@code width} code points of four bytes each per string, padded with zeros. */
    private static byte[] utf32(int width, String... values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * width * values.length).order(LE);
        for (String v : values) {
            int[] cps = v.codePoints().toArray();
            for (int i = 0; i < width; i++) {
                b.putInt(i < cps.length ? cps[i] : 0);
            }
        }
        return b.array();
    }

    @Test
    void labelsMustMatchRowsAndBeIntegers() {
        Path x = npy(dir.resolve("emb.npy"), "<f4", false, "(3, 1)", floats(LE, 1, 2, 3), 1);
        Path two = write(dir.resolve("two.txt"), "0\n1\n");
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, two), "emb.npy", "3 rows", "two.txt", "2 labels");
        Path half = write(dir.resolve("half.txt"), "label\n0\n0.5\n1\n");
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, half),
                "half.txt", "line 3", "column 'label'", "'0.5'", "integer");
        Path floatLabels = npy(dir.resolve("fl.npy"), "<f4", false, "(3,)", floats(LE, 0, 1, 1), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, floatLabels), "fl.npy", "'<f4'", "integers");
        Path emptyLabels = write(dir.resolve("empty.txt"), "");
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, emptyLabels), "empty.txt", "empty");
        assertFails(UncheckedIOException.class, () -> Npy.load(x, dir.resolve("nothing.txt")), "nothing.txt");
    }

    @Test
    void writerHelperProducesAlignedHeaders() throws Exception {
        // the .npy spec pads the header so that the data starts at a multiple of 64 bytes
        Path p = npy(dir.resolve("h.npy"), "<f4", false, "(1, 1)", floats(LE, 1), 1);
        byte[] bytes = Files.readAllBytes(p);
        assertEquals(0, (bytes.length - 4) % 64);
        assertEquals('\n', bytes[bytes.length - 5]);
        assertEquals(1f, Npy.read(p).get(0, 0));
        assertArrayEquals(new int[] {5}, Arrays.copyOf(Npy.readInts(npy(dir.resolve("l.npy"), "|u1", false, "(1,)",
                new byte[] {5}, 1)), 1));
    }

    // ---- issue 14: shapes that loaded as an empty matrix or ended in a raw error ---------------------------------

    @Test
    void aShapeWithNoColumnsOrNoRowsIsAnError() {
        Path noColumns = npy(dir.resolve("n0.npy"), "<f4", false, "(3, 0)", new byte[0], 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(noColumns), "n0.npy", "(3, 0)", "no columns");
        Path labels = write(dir.resolve("labels.txt"), "0\n1\n0\n");
        assertFails(IllegalArgumentException.class, () -> Npy.load(noColumns, labels), "n0.npy", "no columns");
        Path noRows = npy(dir.resolve("r0.npy"), "<f4", false, "(0, 4)", new byte[0], 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(noRows), "r0.npy", "(0, 4)", "no rows");
    }

    /** 4 × 2^62 = 2^64 wraps to 0 in a long: the crafted file has no data and used to load as a 4 × 0 matrix. */
    @Test
    void aShapeWhoseByteCountOverflowsIsAnError() {
        Path wraps = npy(dir.resolve("wrap.npy"), "<f4", false, "(4, 4611686018427387904)", new byte[0], 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(wraps), "wrap.npy", "more values than");
        Path huge = npy(dir.resolve("huge.npy"), "<f4", false, "(4294967296, 4294967296)", new byte[0], 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(huge), "huge.npy", "more values than");
        Path digits = npy(dir.resolve("digits.npy"), "<f4", false, "(2, 99999999999999999999)", new byte[0], 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(digits), "digits.npy", "too large");
        Path labels = npy(dir.resolve("l.npy"), "<i8", false, "(2147483647,)", new byte[0], 1);
        assertFails(IllegalArgumentException.class, () -> Npy.readInts(labels), "l.npy", "labels of 8 bytes");
    }

    /** Python 2's numpy wrote (2L, 5L); numpy still reads it, and so does the loader. Other text names the file. */
    @Test
    void python2LongSuffixIsReadAndBadShapesNameTheFile() {
        Path longs = npy(dir.resolve("long.npy"), "<f4", false, "(2L, 5L)", floats(LE, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 1);
        Matrix m = Npy.read(longs);
        assertEquals(2, m.rows());
        assertEquals(5, m.cols());
        Path negative = npy(dir.resolve("neg.npy"), "<f4", false, "(-2, 5)", new byte[0], 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(negative),
                "neg.npy", "negative dimension -2", "non-negative");
        Path text = npy(dir.resolve("x.npy"), "<f4", false, "(2, x)", new byte[0], 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(text), "x.npy", "'x'", "non-negative integers");
    }

    @Test
    void theHeaderDictIsParsedStrictly() {
        assertFails(IllegalArgumentException.class, () -> Npy.read(rawHeader("k.npy",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1), 'extra': 1, }")), "k.npy", "not a valid");
        assertFails(IllegalArgumentException.class, () -> Npy.read(rawHeader("x.npy",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1), 'extra': 'x'}")),
                "x.npy", "'extra'", "expected exactly");
        assertFails(IllegalArgumentException.class, () -> Npy.read(rawHeader("d.npy",
                "{'descr': '<f4', 'shape': (1, 2), 'fortran_order': False, 'shape': (1, 1), }")),
                "d.npy", "the key 'shape' twice");
        assertFails(IllegalArgumentException.class, () -> Npy.read(rawHeader("m.npy",
                "{'descr': '<f4', 'shape': (1, 1), }")), "m.npy", "expected exactly 'descr', 'fortran_order' and 'shape'");
        assertFails(IllegalArgumentException.class, () -> Npy.read(rawHeader("s.npy",
                "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }")), "s.npy", "structured");
        assertFails(IllegalArgumentException.class, () -> Npy.read(rawHeader("e.npy",
                "{'descr': '', 'fortran_order': False, 'shape': (1, 1), }")), "e.npy", "dtype ''");
        assertFails(IllegalArgumentException.class, () -> Npy.read(rawHeader("t.npy",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1)")), "t.npy", "ends early");
    }

    /**
     * Found by NpyFuzzTest (kept in NpyFuzzTestInputs/fuzz/class-name-of-two-labels): a labels CSV naming two labels
     * 'virginica' failed in ClassLabels with a message that did not name the file.
     */
    @Test
    void aClassNameGivenToTwoLabelsIsAnError() {
        Path x = npy(dir.resolve("emb.npy"), "<f4", false, "(3, 1)", floats(LE, 1, 2, 3), 1);
        Path labels = write(dir.resolve("y.csv"), "label,class_name\n0,cat\n1,dog\n2,dog\n");
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, labels), "y.csv", "line 4",
                "column 'class_name'", "value 'dog'", "names label 1");
    }

    @Test
    void aFolderWhereTheFileShouldBe() throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("emb.npy"));
        assertFails(UncheckedIOException.class, () -> Npy.read(folder), "emb.npy", "is a folder");
    }

    /** A version 1.0 file with {@code dict} as its header text (padded), and 4 bytes of data. */
    private Path rawHeader(String name, String dict) {
        String header = dict + " ".repeat(Math.max(0, 117 - dict.length())) + "\n";
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(10 + header.length() + 4).order(LE);
        out.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1)
                .put((byte) 0).putShort((short) header.length())
                .put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putFloat(1f);
        try {
            return java.nio.file.Files.write(dir.resolve(name), out.array());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
