package scar.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.function.Executable;

/** Helpers shared by the loader tests: writing real files and checking error messages. */
final class TestFiles {
    private TestFiles() {
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeGzip(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file of {@code bytes} zero bytes and no line break, made sparse (the file system stores no data for it), so
     * that a test can hand a loader a 2 GB "line" without writing 2 GB.
     */
    static Path sparse(Path file, long bytes) {
        try {
            Files.createDirectories(file.getParent());
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(bytes);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of {@code text} gzip-compressed. */
    static byte[] gzip(String text) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (OutputStream gz = new GZIPOutputStream(out)) {
                gz.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code call} throws {@code type} and that its message contains every one of {@code words}. */
    static <T extends Throwable> T assertFails(Class<T> type, Executable call, String... words) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().lines().count() == 1,
                () -> "the message should be one line: " + e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(w),
                    () -> "message should contain '" + w + "' but was: " + e.getMessage());
        }
        return e;
    }

    /**
     * Writes a .npy file in format version 1.0 (or 2.0): magic, version, header length, the header dict padded with
     * spaces and a newline to a multiple of 64 bytes, then the raw data.
     */
    static Path npy(Path file, String descr, boolean fortran, String shape, byte[] data, int major) {
        try {
            return Files.write(file, npyBytes(descr, fortran, shape, data, major));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the .npy file {@link #npy} writes (format version {@code major}: 1, 2 or 3). */
    static byte[] npyBytes(String descr, boolean fortran, String shape, byte[] data, int major) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
        int prefix = major == 1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer out = ByteBuffer.allocate(prefix + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            out.putShort((short) header.length());
        } else {
            out.putInt(header.length());
        }
        out.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return out.array();
    }

    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] doubles(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }
}
