package scar.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0). Embeddings: a 2-D array of little-endian
 * float32 ({@code '<f4'}) or float16 ({@code '<f2'}), memory-mapped so that they stay on disk, or float64
 * ({@code '<f8'}, cast to float32 into the heap) in C order; labels: a 1-D array of little-endian
 * integers ({@code '<i1'..'<i8'}, {@code '<u1'..'<u8'}, {@code '|i1'}, {@code '|u1'}). Anything else — big-endian,
 * Fortran order, other types or shapes, a truncated file — is rejected with a message naming the file and what was
 * found. Every embedding value must be finite.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int CHUNK = 1 << 20;
    /** Largest mapping: 1 GiB, well below Java 17's limit of 2³¹ − 1 bytes per mapping. */
    private static final long DEFAULT_CHUNK_BYTES = 1L << 30;

    private Npy() {
    }

    /** The parsed header: dtype string, shape, and where the data starts. */
    private record Header(String descr, long[] shape, long dataOffset) {
    }

    /**
     * Reads a 2-D float32, float16 or float64 array as a float matrix. float32 and float16 files are memory-mapped
     * ({@link #map}): the values stay in the file and take no heap. float64 is narrowed to float32 into the heap.
     * Every value is checked to be finite (one pass over the file).
     */
    public static Matrix read(Path file) {
        try (FileChannel ch = open(file)) {
            Header h = header(ch, file);
            if (!h.descr.equals("<f4") && !h.descr.equals("<f8") && !h.descr.equals("<f2")) {
                throw new IllegalArgumentException(file + ": dtype '" + h.descr + "' (" + describe(h.descr)
                        + ") is not supported; expected little-endian float32 '<f4', float16 '<f2' or float64 '<f8'");
            }
            long[] shape = matrixShape(file, h);
            if (!h.descr.equals("<f8")) {
                return checkFinite(file, map(ch, file, h, DEFAULT_CHUNK_BYTES));
            }
            checkLength(ch, file, h, shape[0] * shape[1] * 8);
            int rows = (int) shape[0];
            int cols = (int) shape[1];
            float[] data = new float[Matrix.heapValues(rows, cols, "the float64 array of " + file)];
            readFloats(ch, h.dataOffset, data, true);
            return checkFinite(file, Matrix.wrap(rows, cols, data));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Memory-maps a 2-D little-endian float32 ({@code '<f4'}) or float16 ({@code '<f2'}) array in C order without
     * reading it: the returned matrix reads rows from the file on demand. Values are not checked; {@link #read}
     * does that.
     */
    public static Matrix map(Path file) {
        return map(file, DEFAULT_CHUNK_BYTES);
    }

    /** {@link #map(Path)} with mappings of at most {@code maxChunkBytes} each (tests use small ones). */
    static Matrix map(Path file, long maxChunkBytes) {
        try (FileChannel ch = open(file)) {
            return map(ch, file, header(ch, file), maxChunkBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Matrix map(FileChannel ch, Path file, Header h, long maxChunkBytes) throws IOException {
        MappedMatrix.Type type = switch (h.descr) {
            case "<f4" -> MappedMatrix.Type.FLOAT32;
            case "<f2" -> MappedMatrix.Type.FLOAT16;
            default -> throw new IllegalArgumentException(file + ": dtype '" + h.descr + "' (" + describe(h.descr)
                    + ") cannot be memory-mapped; expected little-endian float32 '<f4' or float16 '<f2'");
        };
        long[] shape = matrixShape(file, h);
        long rows = shape[0];
        long cols = shape[1];
        checkLength(ch, file, h, rows * cols * type.bytes);
        long rowBytes = cols * type.bytes;
        if (rowBytes > maxChunkBytes) {
            throw new IllegalArgumentException(file + ": one row of " + cols + " values is longer than one mapping ("
                    + maxChunkBytes + " bytes); expected at most " + maxChunkBytes / type.bytes + " columns");
        }
        int rowsPerChunk = (int) Math.min(Math.max(1, rows), maxChunkBytes / rowBytes);
        int chunks = (int) ((rows + rowsPerChunk - 1) / rowsPerChunk);
        ByteBuffer[] mapped = new ByteBuffer[chunks];
        for (int c = 0; c < chunks; c++) {
            long first = (long) c * rowsPerChunk;
            long count = Math.min(rowsPerChunk, rows - first);
            mapped[c] = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset + first * rowBytes, count * rowBytes);
        }
        return new MappedMatrix(file, type, (int) rows, (int) cols, rowsPerChunk, mapped);
    }

    /** The (rows, cols) of a 2-D array whose rows and columns each fit an int. */
    private static long[] matrixShape(Path file, Header h) {
        if (h.shape.length != 2) {
            throw new IllegalArgumentException(file + ": shape " + shapeText(h.shape)
                    + " is not supported; expected a 2-D array (rows, dim)");
        }
        if (h.shape[0] > Integer.MAX_VALUE - 8 || h.shape[1] > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(file + ": shape " + shapeText(h.shape) + " has more than "
                    + (Integer.MAX_VALUE - 8) + " rows or columns; split the file");
        }
        return h.shape;
    }

    /** Every value of {@code m} must be finite; the message names the file, row and column. */
    private static Matrix checkFinite(Path file, Matrix m) {
        m.checkFinite((row, col, value) -> new IllegalArgumentException(file + ", row " + row + ", column " + col
                + " (0-based): value " + value + " is not a finite number"));
        return m;
    }

    /** Reads a 1-D array of integers (e.g. labels saved with {@code np.save}). */
    public static int[] readInts(Path file) {
        try (FileChannel ch = open(file)) {
            Header h = header(ch, file);
            List<String> ints = List.of("<i1", "|i1", "<i2", "<i4", "<i8", "<u1", "|u1", "<u2", "<u4", "<u8");
            if (!ints.contains(h.descr)) {
                throw new IllegalArgumentException(file + ": dtype '" + h.descr + "' (" + describe(h.descr)
                        + ") is not supported for labels; expected little-endian integers such as '<i8'");
            }
            if (h.shape.length != 1) {
                throw new IllegalArgumentException(file + ": shape " + shapeText(h.shape)
                        + " is not supported for labels; expected a 1-D array (rows,)");
            }
            if (h.shape[0] > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(file + ": " + h.shape[0] + " labels do not fit one int array");
            }
            int n = (int) h.shape[0];
            int size = Integer.parseInt(h.descr.substring(2));
            Memory.require((long) n * (4 + size), "the " + n + " labels of " + file);
            checkLength(ch, file, h, (long) n * size);
            ByteBuffer buf = ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, h.dataOffset, buf);
            buf.flip();
            boolean unsigned = h.descr.charAt(1) == 'u';
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                long v = switch (size) {
                    case 1 -> unsigned ? Byte.toUnsignedInt(buf.get()) : buf.get();
                    case 2 -> unsigned ? Short.toUnsignedInt(buf.getShort()) : buf.getShort();
                    case 4 -> unsigned ? Integer.toUnsignedLong(buf.getInt()) : buf.getInt();
                    default -> buf.getLong();
                };
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE || (unsigned && size == 8 && v < 0)) {
                    throw new IllegalArgumentException(file + ", row " + i + " (0-based): label "
                            + (unsigned && size == 8 ? Long.toUnsignedString(v) : Long.toString(v))
                            + " is outside the int range");
                }
                out[i] = (int) v;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A one-modality dataset from an embeddings {@code .npy} and a labels file: another {@code .npy} of integers, or a
     * text/CSV file with one integer label per line (a header line is skipped; with several columns the label is the
     * {@code label} column and a {@code class_name} column, if present, names the classes). Labels already
     * {@code 0..K-1} are kept; otherwise the distinct values are mapped to {@code 0..K-1} in ascending order and named
     * by their value. The dataset and modality are named after the embeddings file.
     */
    public static MultiModalDataset load(Path npy, Path labels) {
        Matrix x = read(npy);
        LabelCoding.Coded coded = EmbeddingFile.readLabels(labels);
        if (coded.labels().length != x.rows()) {
            throw new IllegalArgumentException(npy + " has " + x.rows() + " rows but " + labels + " has "
                    + coded.labels().length + " labels; expected one label per row");
        }
        String name = CsvEmbeddings.stem(npy);
        return MultiModalDataset.of(name, coded.labels(), coded.names(), Modality.of(name, x));
    }

    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("file not found: " + file, e);
        }
    }

    private static Header header(FileChannel ch, Path file) throws IOException {
        ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        int got = readFully(ch, 0, pre);
        pre.flip();
        byte[] magic = new byte[Math.min(6, got)];
        pre.get(magic);
        if (got < 10 || !Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException(file + " is not a .npy file: it does not start with \\x93NUMPY"
                    + (got == 0 ? " (the file is empty)" : ""));
        }
        int major = pre.get() & 0xff;
        pre.get();
        long headerLength;
        long start;
        if (major == 1) {
            headerLength = pre.getShort() & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (got < 12) {
                throw new IllegalArgumentException(file + ": truncated .npy header");
            }
            headerLength = pre.getInt() & 0xffffffffL;
            start = 12;
        } else {
            throw new IllegalArgumentException(file + ": .npy format version " + major
                    + " is not supported; expected 1, 2 or 3");
        }
        if (headerLength > 1 << 20) {
            throw new IllegalArgumentException(file + ": .npy header length " + headerLength + " is implausible");
        }
        ByteBuffer hb = ByteBuffer.allocate((int) headerLength);
        if (readFully(ch, start, hb) < headerLength) {
            throw new IllegalArgumentException(file + ": truncated .npy header");
        }
        String dict = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, dict, file, "descr");
        if (find(FORTRAN, dict, file, "fortran_order").equals("True")) {
            throw new IllegalArgumentException(file + ": the array is in Fortran (column-major) order; expected C "
                    + "order (save it with np.save(path, np.ascontiguousarray(x)))");
        }
        String shapeText = find(SHAPE, dict, file, "shape").trim();
        long[] shape = shapeText.isEmpty() ? new long[0] : Arrays.stream(shapeText.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        return new Header(descr, shape, start + headerLength);
    }

    private static String find(Pattern p, String dict, Path file, String key) {
        Matcher m = p.matcher(dict);
        if (!m.find()) {
            throw new IllegalArgumentException(file + ": the .npy header has no readable '" + key + "' entry: " + dict.trim());
        }
        return m.group(1);
    }

    private static String describe(String descr) {
        if (descr.startsWith(">")) {
            return "big-endian";
        }
        return switch (descr.substring(1)) {
            case "i8" -> "int64";
            case "i4" -> "int32";
            case "f2" -> "float16";
            case "f4" -> "float32";
            case "f8" -> "float64";
            case "b1" -> "bool";
            default -> "numpy type " + descr;
        };
    }

    private static String shapeText(long[] shape) {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    private static void checkLength(FileChannel ch, Path file, Header h, long dataBytes) throws IOException {
        long actual = ch.size() - h.dataOffset;
        if (actual != dataBytes) {
            throw new IllegalArgumentException(file + ": shape " + shapeText(h.shape) + " of '" + h.descr + "' needs "
                    + dataBytes + " data bytes but the file has " + actual + (actual < dataBytes ? " (truncated)" : ""));
        }
    }

    /** Reads floats (or doubles, narrowed) chunk by chunk into {@code out}. */
    private static void readFloats(FileChannel ch, long offset, float[] out, boolean doubles) throws IOException {
        int itemSize = doubles ? 8 : 4;
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        long position = offset;
        while (done < out.length) {
            int items = Math.min(out.length - done, CHUNK / itemSize);
            buf.clear().limit(items * itemSize);
            readFully(ch, position, buf);
            buf.flip();
            if (doubles) {
                for (int k = 0; k < items; k++) {
                    out[done + k] = (float) buf.getDouble();
                }
            } else {
                buf.asFloatBuffer().get(out, done, items);
            }
            done += items;
            position += (long) items * itemSize;
        }
    }

    private static int readFully(FileChannel ch, long position, ByteBuffer buf) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, position + total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    /**
     * Writes {@code x} as a version 1.0 {@code .npy} file of little-endian float32 in C order ({@code np.load} reads
     * it; {@link #read} maps it back). Rows are streamed, so a mapped or viewed matrix is never copied into the heap.
     */
    public static Path write(Path file, Matrix x) {
        return write(file, "<f4", "(" + x.rows() + ", " + x.cols() + ")", out -> {
            float[] row = new float[x.cols()];
            ByteBuffer buf = ByteBuffer.allocate(4 * x.cols()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < x.rows(); i++) {
                x.readRow(i, row, 0);
                buf.clear();
                buf.asFloatBuffer().put(row);
                out.write(buf.array());
            }
        });
    }

    /** Writes {@code values} as a 1-D {@code .npy} of little-endian int64 (the dtype {@code np.save} gives labels). */
    public static Path writeInts(Path file, int[] values) {
        return write(file, "<i8", "(" + values.length + ",)", out -> {
            ByteBuffer buf = ByteBuffer.allocate(8 * 1024).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; i++) {
                buf.putLong(values[i]);
                if (!buf.hasRemaining() || i == values.length - 1) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
            }
        });
    }

    private interface Body {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * The bytes of a version 1.0 {@code .npy} header for {@code descr} (e.g. {@code "<f4"}) and {@code shape} (e.g.
     * {@code "(3, 2)"}), padded to a multiple of 64 bytes; the data follows it.
     */
    public static byte[] header(String descr, String shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((total + 63) / 64 * 64 - total) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return out.array();
    }

    private static Path write(Path file, String descr, String shape, Body body) {
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file),
                1 << 16)) {
            out.write(header(descr, shape));
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
