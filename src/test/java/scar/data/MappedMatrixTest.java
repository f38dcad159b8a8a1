package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static scar.data.TestFiles.assertFails;
import static scar.data.TestFiles.floats;
import static scar.data.TestFiles.npy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory-mapped .npy matrices: chunk boundaries, float16, more values than an array holds, row views. */
class MappedMatrixTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @TempDir
    Path dir;

    @Test
    void rowsOnBothSidesOfEveryChunkBoundaryReadExactly() {
        int rows = 103;
        int cols = 7;
        float[] v = TestFiles.gaussians(rows, cols, 1);
        Path file = npy(dir.resolve("x.npy"), "<f4", false, "(103, 7)", floats(LE, v), 1);
        // 3 rows of 28 bytes per mapping: 35 chunks, the last one holding a single row
        Matrix mapped = Npy.map(file, 3 * 28 + 5);
        assertInstanceOf(MappedMatrix.class, mapped);
        assertEquals(3, ((MappedMatrix) mapped).rowsPerChunk());
        for (int i = 0; i < rows; i++) {
            float[] expected = java.util.Arrays.copyOfRange(v, i * cols, (i + 1) * cols);
            assertArrayEquals(expected, mapped.row(i), "row " + i);
            for (int j = 0; j < cols; j++) {
                assertEquals(Float.floatToIntBits(v[i * cols + j]), Float.floatToIntBits(mapped.get(i, j)));
            }
        }
        // one row per mapping, and a mapping that holds the whole file
        assertArrayEquals(v, Npy.map(file, 28).data());
        assertArrayEquals(v, Npy.map(file, 1L << 30).data());
        assertFails(IllegalArgumentException.class, () -> Npy.map(file, 27), "x.npy", "(103, 7)",
                "at most 6 columns");
    }

    @Test
    void readMapsFloat32AndKeepsTheHeapForFloat64() {
        float[] v = TestFiles.gaussians(4, 3, 2);
        Matrix m = Npy.read(npy(dir.resolve("f.npy"), "<f4", false, "(4, 3)", floats(LE, v), 1));
        assertInstanceOf(MappedMatrix.class, m);
        assertTrue(m.storage().contains("f.npy"), m.storage());
        assertArrayEquals(v, m.data());
    }

    @Test
    void float16IsWidenedExactly() {
        // 1, -2, 65504 (largest half), 2^-24 (smallest subnormal), -0, 0.333251953125 (0x3555), 2^-14 (smallest normal)
        short[] bits = {0x3C00, (short) 0xC000, 0x7BFF, 0x0001, (short) 0x8000, 0x3555, 0x0400, 0x0000};
        float[] expected = {1f, -2f, 65504f, 0x1p-24f, -0f, 0.333251953125f, 0x1p-14f, 0f};
        ByteBuffer b = ByteBuffer.allocate(2 * bits.length).order(LE);
        for (short s : bits) {
            b.putShort(s);
        }
        Matrix m = Npy.read(npy(dir.resolve("h.npy"), "<f2", false, "(2, 4)", b.array(), 1));
        assertEquals(2, m.rows());
        assertEquals(4, m.cols());
        float[] got = m.data();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(got[i]), "value " + i);
        }
        assertEquals(0x1p-24f, m.get(0, 3));
    }

    @Test
    void float16InfinityAndNaNAreRejectedWithRowAndColumn() {
        ByteBuffer b = ByteBuffer.allocate(8).order(LE).putShort((short) 0x3C00).putShort((short) 0x3C00)
                .putShort((short) 0x3C00).putShort((short) 0x7C00);
        Path file = npy(dir.resolve("inf.npy"), "<f2", false, "(2, 2)", b.array(), 1);
        assertFails(IllegalArgumentException.class, () -> Npy.read(file), "inf.npy", "row 1, column 1", "Infinity");
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat((short) 0x7C00));
        assertTrue(Float.isNaN(Half.toFloat((short) 0x7E00)));
        assertEquals(Float.NEGATIVE_INFINITY, Half.toFloat((short) 0xFC00));
    }

    @Test
    void writeThenReadIsBitIdenticalAndLabelsRoundTrip() {
        float[] v = TestFiles.gaussians(50, 9, 3);
        Matrix heap = Matrix.wrap(50, 9, v);
        Path file = Npy.write(dir.resolve("w.npy"), heap.selectRows(new int[] {49, 0, 7}));
        Matrix back = Npy.read(file);
        assertArrayEquals(heap.row(49), back.row(0));
        assertArrayEquals(heap.row(0), back.row(1));
        assertArrayEquals(heap.row(7), back.row(2));
        int[] labels = {3, 0, 2, 1, 1};
        assertArrayEquals(labels, Npy.readInts(Npy.writeInts(dir.resolve("y.npy"), labels)));
    }

    /**
     * Writing over a file that a live matrix maps — here the matrix being written, as in {@code Npy.write(f,
     * Npy.read(f).selectRows(keep))} — used to truncate the file first, so the next read of the mapping faulted
     * ({@code InternalError}) and a half-written file was left. The new file now replaces the old one by a rename.
     */
    @Test
    void writingOverAMappedFileReplacesItWhileItsMatricesKeepTheOldValues() throws IOException {
        float[] v = TestFiles.gaussians(40, 5, 5);
        Path file = Npy.write(dir.resolve("x.npy"), Matrix.wrap(40, 5, v));
        Matrix old = Npy.read(file);
        Npy.write(file, old.selectRows(new int[] {39, 3, 3}));
        Matrix back = Npy.read(file);
        assertEquals(3, back.rows());
        assertArrayEquals(old.row(39), back.row(0));
        assertArrayEquals(old.row(3), back.row(2));
        assertArrayEquals(v, old.data(), "the old mapping still reads the replaced file");
        Npy.writeInts(dir.resolve("y.npy"), new int[] {1, 2});
        Matrix twice = Npy.read(Npy.write(file, back));
        assertArrayEquals(back.data(), twice.data());
        try (var names = Files.list(dir)) {
            assertEquals(java.util.List.of("x.npy", "y.npy"), names.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary file is left behind");
        }
    }

    @Test
    void writingThroughASymbolicLinkReplacesTheFileItNames() throws IOException {
        Path real = Npy.write(dir.resolve("real.npy"), Matrix.wrap(1, 2, new float[] {1, 2}));
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), real.getFileName());
        Npy.write(link, Matrix.wrap(2, 1, new float[] {3, 4}));
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertArrayEquals(new float[] {3, 4}, Npy.read(real).data());
    }

    @Test
    void baseRowChecksItsIndexOnEveryKindOfMatrix() {
        Matrix heap = Matrix.wrap(3, 2, new float[6]);
        Matrix mapped = Npy.read(Npy.write(dir.resolve("b.npy"), heap));
        for (Matrix m : new Matrix[] {heap, mapped, heap.selectRows(new int[] {2, 0, 1})}) {
            assertThrows(IndexOutOfBoundsException.class, () -> m.baseRow(3), m.toString());
            assertThrows(IndexOutOfBoundsException.class, () -> m.baseRow(-1), m.toString());
        }
        assertEquals(2, mapped.baseRow(2));
    }

    @Test
    void rowViewsAreIndexListsOverTheirBase() {
        float[] v = TestFiles.gaussians(10, 4, 4);
        Matrix m = Matrix.wrap(10, 4, v);
        Matrix view = m.selectRows(new int[] {9, 2, 2, 5});
        Matrix viewOfView = view.selectRows(new int[] {3, 0});
        assertEquals(2, viewOfView.rows());
        assertEquals(m, viewOfView.base(), "a view of a view reads the base directly");
        assertEquals(5, viewOfView.baseRow(0));
        assertEquals(9, viewOfView.baseRow(1));
        assertArrayEquals(m.row(5), viewOfView.row(0));
        assertEquals(v[9 * 4 + 3], view.get(0, 3));
        assertFails(IndexOutOfBoundsException.class, () -> m.selectRows(new int[] {10}), "10");
    }

    /**
     * A sparse file of 2,800,000 × 768 float32 values: 2,150,400,000 values, more than one Java array (2³¹ − 1)
     * holds, and 8.6 GB, more than four 1 GiB mappings. Only a few rows are written; the rest reads as zeros. The
     * rows that straddle value index 2³¹ and the mapping boundaries must read exactly.
     */
    @Test
    void mapsMoreValuesThanOneArrayCanHold() throws IOException {
        int rows = 2_800_000;
        int cols = 768;
        assertTrue((long) rows * cols > Integer.MAX_VALUE);
        Path file = npy(dir.resolve("huge.npy"), "<f4", false, "(" + rows + ", " + cols + ")", new byte[0], 1);
        long dataStart = Files.size(file);
        int rowsPerChunk = (1 << 30) / (4 * cols);
        int beyond = (int) ((1L << 31) / cols); // the row that holds value index 2^31
        int[] probe = {0, rowsPerChunk - 1, rowsPerChunk, 2 * rowsPerChunk, beyond - 1, beyond, beyond + 1, rows - 1};
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (int r : probe) {
                ch.write(ByteBuffer.wrap(floats(LE, rowValues(r, cols))), dataStart + 4L * r * cols);
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(dataStart + 4L * rows * cols);
        }
        Matrix m = Npy.map(file);
        assertEquals(rows, m.rows());
        assertEquals(cols, m.cols());
        assertEquals(4L * rows * cols, m.valueBytes());
        for (int r : probe) {
            assertArrayEquals(rowValues(r, cols), m.row(r), "row " + r);
        }
        assertArrayEquals(new float[cols], m.row(beyond + 2), "rows never written read as zeros");
        assertEquals(rowValues(rows - 1, cols)[cols - 1], m.get(rows - 1, cols - 1));
        Matrix view = m.selectRows(new int[] {rows - 1, beyond});
        assertArrayEquals(rowValues(beyond, cols), view.row(1));
        assertArrayEquals(rowValues(beyond, cols), view.toHeap().row(1));
        // a copy of all of it cannot be one array: say how to read it, not "save it as a .npy" (it is one)
        assertFails(IllegalArgumentException.class, m::toHeap, "2800000 x 768", "huge.npy", "readRow", "selectRows");
        Files.delete(file);
    }

    /** Distinct, exactly representable values for row r. */
    private static float[] rowValues(int r, int cols) {
        float[] out = new float[cols];
        for (int j = 0; j < cols; j++) {
            out[j] = (r % 1000) + j / 1024f;
        }
        return out;
    }
    @Test
    void aFileTruncatedUnderItsMappingIsAnAnswerNamingTheFile() throws IOException {
        int rows = 4096;
        int cols = 16;
        Path file = npy(dir.resolve("shrinks.npy"), "<f4", false, "(4096, 16)",
                floats(LE, TestFiles.gaussians(rows, cols, 3)), 1);
        Matrix mapped = Npy.map(file);
        float[] row = new float[cols];
        mapped.readRow(rows - 1, row, 0);
        long length = Files.size(file);
        // another program shortens the file while it is mapped: the last rows' pages are gone
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(1024);
        }
        // The JVM turns the bus error into an InternalError; from compiled code it arrives only at a later
        // safepoint (a loop's back edge, a return), so the reads and their loop stay inside the try.
        Throwable failure = null;
        try {
            for (int pass = 0; pass < 3; pass++) {
                for (int i = 0; i < rows; i++) {
                    mapped.readRow(i, row, 0);
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
        assertTrue(MappedFiles.isFault(failure), "the JVM reports the fault: " + failure);
        String message = MappedFiles.fault();
        // other tests of this JVM may have left mapped files behind, so look for this one's clause
        assertTrue(message.contains(file + " was truncated while being read: it is now 1,024 bytes, its data needs "
                + String.format(java.util.Locale.ROOT, "%,d", length)), message);
        assertTrue(message.endsWith("(did another program shorten or rewrite it?); run again once the file is "
                + "complete"), message);
    }
}
