package scar.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A matrix whose values stay in a file: little-endian float32 or float16 in C (row-major) order, memory-mapped
 * read-only. The operating system pages the values in on demand and may drop them again, so the matrix takes no
 * heap and can be larger than the heap, than 2³¹ values, or than physical memory.
 *
 * <p>Java 17 maps at most 2³¹ − 1 bytes per mapping, so the file is mapped in chunks of whole rows (at most
 * {@code maxChunkBytes} each); a row never spans two chunks. float16 values are widened to float32 exactly on read.
 */
final class MappedMatrix extends Matrix {
    /** The value types a mapped matrix can hold. */
    enum Type {
        FLOAT32(4), FLOAT16(2);

        final int bytes;

        Type(int bytes) {
            this.bytes = bytes;
        }
    }

    private final Path file;
    private final Type type;
    private final int rowsPerChunk;
    private final FloatBuffer[] floats;
    private final ShortBuffer[] halves;

    /**
     * {@code chunks[c]} holds rows {@code [c · rowsPerChunk, ...)}, little-endian, positioned at 0; the mapped data
     * ends at byte {@code end} of the file ({@link MappedFiles} names the file if it shrinks below that).
     */
    MappedMatrix(Path file, Type type, int rows, int cols, int rowsPerChunk, ByteBuffer[] chunks, long end) {
        super(rows, cols);
        MappedFiles.register(this, file, end);
        this.file = file;
        this.type = type;
        this.rowsPerChunk = rowsPerChunk;
        if (type == Type.FLOAT32) {
            floats = new FloatBuffer[chunks.length];
            halves = null;
            for (int c = 0; c < chunks.length; c++) {
                floats[c] = chunks[c].order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            }
        } else {
            halves = new ShortBuffer[chunks.length];
            floats = null;
            for (int c = 0; c < chunks.length; c++) {
                halves[c] = chunks[c].order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
            }
        }
    }

    @Override
    public float get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        int c = row / rowsPerChunk;
        int at = (row - c * rowsPerChunk) * cols + col;
        return type == Type.FLOAT32 ? floats[c].get(at) : Half.toFloat(halves[c].get(at));
    }

    @Override
    public void readRow(int row, float[] dst, int offset) {
        Objects.checkIndex(row, rows);
        int c = row / rowsPerChunk;
        int at = (row - c * rowsPerChunk) * cols;
        if (type == Type.FLOAT32) {
            floats[c].get(at, dst, offset, cols);
        } else {
            ShortBuffer h = halves[c];
            for (int j = 0; j < cols; j++) {
                dst[offset + j] = Half.toFloat(h.get(at + j));
            }
        }
    }

    /** The mapped file. */
    Path file() {
        return file;
    }

    /** Rows per mapped chunk (the last chunk may hold fewer). */
    int rowsPerChunk() {
        return rowsPerChunk;
    }

    @Override
    public String storage() {
        return "mapped " + (type == Type.FLOAT32 ? "float32" : "float16") + " file " + file;
    }
}
