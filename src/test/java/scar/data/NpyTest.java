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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        assertFails(IllegalArgumentException.class, () -> Npy.read(oneD), "v.npy", "(2)", "2-D");
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
        Path inf = npy(dir.resolve("i.npy"), "<f8", false, "(1, 2)", doubles(1e300, 1), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(inf), "i.npy", "row 0", "column 0", "Infinity");
    }

    @Test
    void labelsMustMatchRowsAndBeIntegers() {
        Path x = npy(dir.resolve("emb.npy"), "<f4", false, "(3, 1)", floats(LE, 1, 2, 3), 1);
        Path two = write(dir.resolve("two.txt"), "0\n1\n");
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, two), "emb.npy", "3 rows", "two.txt", "2 labels");
        Path words = write(dir.resolve("w.txt"), "label\n0\ncat\n1\n");
        assertFails(IllegalArgumentException.class, () -> Npy.load(x, words),
                "w.txt", "line 3", "column 'label'", "'cat'", "integer");
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
}
