package scar.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0; the header is parsed strictly by
 * {@link NpyHeader}). Embeddings: a 2-D array of little-endian float32 ({@code '<f4'}) or float16 ({@code '<f2'}),
 * memory-mapped so that they stay on disk, or float64 ({@code '<f8'}, cast to float32 into the heap) in C order;
 * labels: a 1-D array of little-endian integers ({@code '<i1'..'<i8'}, {@code '<u1'..'<u8'}, {@code '|i1'},
 * {@code '|u1'}). Anything else — big-endian, Fortran order, other types or shapes, a truncated file — is rejected
 * with a message naming the file and what was found. Every embedding value must be finite.
 */
public final class Npy {
    private static final int CHUNK = 1 << 20;
    /** The most values one Java array holds. */
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    /** Largest mapping: 1 GiB, well below Java 17's limit of 2³¹ − 1 bytes per mapping. */
    private static final long DEFAULT_CHUNK_BYTES = 1L << 30;

    private Npy() {
    }

    /**
     * Reads a 2-D float32, float16 or float64 array as a float matrix. float32 and float16 files are memory-mapped
     * ({@link #map}): the values stay in the file and take no heap, and there may be more than 2³¹ of them. float64
     * is narrowed to float32 into the heap. Every value is checked to be finite (one pass over the file).
     */
    public static Matrix read(Path file) {
        try (FileChannel ch = open(file)) {
            NpyHeader h = NpyHeader.read(ch, file);
            if (!h.descr().equals("<f4") && !h.descr().equals("<f2") && !h.descr().equals("<f8")) {
                throw new IllegalArgumentException(file + ": dtype '" + CsvReader.shown(h.descr()) + "' ("
                        + describe(h.descr()) + ") is not supported; expected little-endian float32 '<f4', float16"
                        + " '<f2' or float64 '<f8'");
            }
            if (!h.descr().equals("<f8")) {
                return checkFinite(file, map(ch, file, h, DEFAULT_CHUNK_BYTES));
            }
            long[] shape = matrixShape(file, h, DEFAULT_CHUNK_BYTES / 8);
            if (shape[1] > MAX_VALUES / shape[0]) {
                throw new IllegalArgumentException(file + ": shape " + h.shapeText() + " of float64 has more values"
                        + " than one float array can hold (" + MAX_VALUES + "); save it as float32 ('<f4'), which"
                        + " is memory-mapped instead of read into the heap");
            }
            checkLength(ch, file, h, shape[0] * shape[1] * 8);
            int rows = (int) shape[0];
            int cols = (int) shape[1];
            float[] data = new float[Matrix.heapValues(rows, cols, "the float32 copy of the float64 values in " + file)];
            readFloats(ch, file, h.dataOffset(), cols, data);
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
            return map(ch, file, NpyHeader.read(ch, file), maxChunkBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Matrix map(FileChannel ch, Path file, NpyHeader h, long maxChunkBytes) throws IOException {
        MappedMatrix.Type type = switch (h.descr()) {
            case "<f4" -> MappedMatrix.Type.FLOAT32;
            case "<f2" -> MappedMatrix.Type.FLOAT16;
            default -> throw new IllegalArgumentException(file + ": dtype '" + CsvReader.shown(h.descr()) + "' ("
                    + describe(h.descr()) + ") cannot be memory-mapped; expected little-endian float32 '<f4' or"
                    + " float16 '<f2'");
        };
        long[] shape = matrixShape(file, h, maxChunkBytes / type.bytes);
        long rows = shape[0];
        long cols = shape[1];
        checkLength(ch, file, h, rows * cols * type.bytes);
        long rowBytes = cols * type.bytes;
        int rowsPerChunk = (int) Math.min(rows, maxChunkBytes / rowBytes);
        int chunks = (int) ((rows + rowsPerChunk - 1) / rowsPerChunk);
        ByteBuffer[] mapped = new ByteBuffer[chunks];
        for (int c = 0; c < chunks; c++) {
            long first = (long) c * rowsPerChunk;
            long count = Math.min(rowsPerChunk, rows - first);
            mapped[c] = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset() + first * rowBytes, count * rowBytes);
        }
        return new MappedMatrix(file, type, (int) rows, (int) cols, rowsPerChunk, mapped,
                h.dataOffset() + rows * rowBytes);
    }

    /**
     * The (rows, cols) of a 2-D embeddings array: at least one of each, at most {@link #MAX_VALUES} rows (a row index
     * is an int) and at most {@code maxCols} columns (a row lies in one mapping). Checked before any product of the
     * dimensions is formed, so a crafted shape cannot wrap a long.
     */
    private static long[] matrixShape(Path file, NpyHeader h, long maxCols) {
        if (h.shape().length != 2) {
            throw new IllegalArgumentException(file + ": shape " + h.shapeText()
                    + " is not supported; expected a 2-D array (rows, dim)");
        }
        long rows = h.shape()[0];
        long cols = h.shape()[1];
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException(file + ": shape " + h.shapeText() + " has no "
                    + (rows == 0 ? "rows" : "columns") + "; expected at least one row and one embedding dimension");
        }
        if (rows > MAX_VALUES || cols > maxCols) {
            throw new IllegalArgumentException(file + ": shape " + h.shapeText() + " has more values than a matrix"
                    + " can hold; expected at most " + MAX_VALUES + " rows of at most " + maxCols + " columns");
        }
        return h.shape();
    }

    /** Every value of {@code m} must be finite; the message names the file, row and column. */
    private static Matrix checkFinite(Path file, Matrix m) {
        m.checkFinite((row, col, value) -> new IllegalArgumentException(file + ", row " + row + ", column " + col
                + " (0-based): value " + value + " is not a finite float32 number"));
        return m;
    }

    /**
     * Labels saved with {@code np.save}: a 1-D array of integers ({@link #readInts}), or of strings — NumPy's
     * {@code '<U…'} (UTF-32) or {@code '|S…'} (bytes, read as UTF-8) — coded as {@link LabelCoding#ofStrings} codes
     * text labels: integers if every one is an integer, otherwise class names in sorted order.
     */
    static LabelCoding.Coded readLabels(Path file) {
        String descr;
        try (FileChannel ch = open(file)) {
            descr = NpyHeader.read(ch, file).descr();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!descr.startsWith("<U") && !descr.startsWith("|S")) {
            return LabelCoding.ofInts(readInts(file));
        }
        return readStrings(file);
    }

    /**
     * A 1-D array of NumPy strings ({@code '<U…'} or {@code '|S…'}), each checked as a label, coded. Each distinct
     * label is kept once and a row holds its index ({@link LabelList}): a string a row took some 50 bytes more.
     */
    private static LabelCoding.Coded readStrings(Path file) {
        try (FileChannel ch = open(file)) {
            NpyHeader h = NpyHeader.read(ch, file);
            boolean wide = h.descr().startsWith("<U");
            int chars;
            try {
                chars = Integer.parseInt(h.descr().substring(2));
            } catch (NumberFormatException e) {
                chars = -1;
            }
            int size = wide ? chars * 4 : chars;
            if (chars < 1 || size < chars) {
                throw new IllegalArgumentException(file + ": dtype '" + CsvReader.shown(h.descr()) + "' has no usable"
                        + " length; expected strings such as '<U10' or '|S10'");
            }
            if (h.shape().length != 1) {
                throw new IllegalArgumentException(file + ": shape " + h.shapeText()
                        + " is not supported for labels; expected a 1-D array (rows,)");
            }
            if (h.shape()[0] > MAX_VALUES / size) {
                throw new IllegalArgumentException(file + ": " + h.shape()[0] + " labels of " + size
                        + " bytes do not fit in memory at once; expected at most " + MAX_VALUES / size);
            }
            int n = (int) h.shape()[0];
            checkLength(ch, file, h, (long) n * size);
            ByteBuffer buf = Memory.allocate((long) n * size, "the " + n + " labels of " + file,
                    () -> ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN));
            NpyHeader.readFully(ch, h.dataOffset(), buf);
            buf.flip();
            LabelList out = new LabelList(file.toString(), n);
            byte[] bytes = new byte[size];
            for (int i = 0; i < n; i++) {
                buf.get(bytes);
                String label = wide ? utf32(bytes) : utf8(bytes);
                if (label == null) {
                    throw new IllegalArgumentException(file + ", row " + i + " (0-based): the label is not valid "
                            + (wide ? "UTF-32" : "UTF-8") + " text; expected a string");
                }
                label = label.strip();
                if (label.isEmpty()) {
                    throw new IllegalArgumentException(file + ", row " + i + " (0-based): the label is empty;"
                            + " expected a class label on every row");
                }
                if (LabelCoding.asInteger(label) == null && LabelCoding.isNumber(label)) {
                    throw new IllegalArgumentException(file + ", row " + i + " (0-based): value '"
                            + CsvReader.shown(label) + "' is not " + LabelCoding.expectedInteger(label));
                }
                out.add(label);
            }
            return out.coded();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** NumPy's {@code '<U'} element: little-endian code points, padded with NULs; null when one is not a code point. */
    private static String utf32(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length / 4);
        for (int at = 0; at < bytes.length; at += 4) {
            int cp = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                    | (bytes[at + 3] & 0xFF) << 24;
            if (cp == 0) {
                break;
            }
            if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return null;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** NumPy's {@code '|S'} element: bytes padded with NULs, decoded as UTF-8 strictly; null when they are not. */
    private static String utf8(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return LabelCoding.strictUtf8(ByteBuffer.wrap(bytes, 0, end));
    }

    /** Reads a 1-D array of integers (e.g. labels saved with {@code np.save}). */
    public static int[] readInts(Path file) {
        try (FileChannel ch = open(file)) {
            NpyHeader h = NpyHeader.read(ch, file);
            List<String> ints = List.of("<i1", "|i1", "<i2", "<i4", "<i8", "<u1", "|u1", "<u2", "<u4", "<u8");
            if (!ints.contains(h.descr())) {
                throw new IllegalArgumentException(file + ": dtype '" + CsvReader.shown(h.descr()) + "' ("
                        + describe(h.descr()) + ") is not supported for labels; expected little-endian integers such"
                        + " as '<i8' or strings such as '<U10'");
            }
            if (h.shape().length != 1) {
                throw new IllegalArgumentException(file + ": shape " + h.shapeText()
                        + " is not supported for labels; expected a 1-D array (rows,)");
            }
            int size = Integer.parseInt(h.descr().substring(2));
            if (h.shape()[0] > MAX_VALUES / size) {
                throw new IllegalArgumentException(file + ": " + h.shape()[0] + " labels of " + size
                        + " bytes do not fit in memory at once; expected at most " + MAX_VALUES / size);
            }
            int n = (int) h.shape()[0];
            checkLength(ch, file, h, (long) n * size);
            Memory.require((long) n * (4 + size), "the " + n + " labels of " + file);
            ByteBuffer buf = ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN);
            NpyHeader.readFully(ch, h.dataOffset(), buf);
            buf.flip();
            boolean unsigned = h.descr().charAt(1) == 'u';
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
     * A one-modality dataset from an embeddings {@code .npy} and a labels file: another {@code .npy} of integers or
     * strings, or a text/CSV file with one label per line (a header line is skipped; with several columns the label
     * is the {@code label} column and a {@code class_name} column, if present, names integer classes). Integer labels
     * already {@code 0..K-1} are kept; otherwise the distinct values are mapped to {@code 0..K-1} in ascending order
     * and named by their value; text labels are class names, coded in sorted order. The dataset and modality are named
     * after the embeddings file.
     */
    public static MultiModalDataset load(Path npy, Path labels) {
        Matrix x = read(npy);
        LabelCoding.Coded coded = EmbeddingFile.readLabels(labels);
        if (coded.labels().length != x.rows()) {
            throw new IllegalArgumentException(npy + " has " + x.rows() + " rows but " + labels + " has "
                    + coded.labels().length + " labels; expected one label per row"
                    + LabelsText.countHint(labels, coded.labels().length, x.rows()));
        }
        String name = CsvEmbeddings.stem(npy);
        return MultiModalDataset.of(name, coded.labels(), coded.names(), Modality.of(name, x));
    }

    private static FileChannel open(Path file) throws IOException {
        Source.requireFile(file);
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("file not found: " + file, e);
        }
    }

    private static String describe(String descr) {
        if (descr.length() < 2) {
            return "not a numpy type";
        }
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
            default -> "numpy type " + CsvReader.shown(descr);
        };
    }

    private static void checkLength(FileChannel ch, Path file, NpyHeader h, long dataBytes) throws IOException {
        long actual = ch.size() - h.dataOffset();
        if (actual != dataBytes) {
            throw new IllegalArgumentException(file + ": shape " + h.shapeText() + " of '" + CsvReader.shown(h.descr())
                    + "' needs " + dataBytes + " data bytes but the file has " + actual
                    + (actual < dataBytes ? " (truncated)" : ""));
        }
    }

    /**
     * Reads little-endian doubles, narrowed to float, chunk by chunk into {@code out} (rows of {@code cols}). A finite
     * double beyond the float32 range is an error naming its value (narrowed, it would be reported as infinity).
     */
    private static void readFloats(FileChannel ch, Path file, long offset, int cols, float[] out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        long position = offset;
        while (done < out.length) {
            int items = Math.min(out.length - done, CHUNK / 8);
            buf.clear().limit(items * 8);
            NpyHeader.readFully(ch, position, buf);
            buf.flip();
            for (int k = 0; k < items; k++) {
                double v = buf.getDouble();
                float f = (float) v;
                if (Double.isFinite(v) && !Float.isFinite(f)) {
                    int at = done + k;
                    throw new IllegalArgumentException(file + ", row " + at / cols + ", column " + at % cols
                            + " (0-based): value " + v + " is not a number within the float32 range (|x| < 3.4e38)");
                }
                out[done + k] = f;
            }
            done += items;
            position += (long) items * 8;
        }
    }

    /**
     * Writes {@code x} as a version 1.0 {@code .npy} file of little-endian float32 in C order ({@code np.load} reads
     * it; {@link #read} maps it back). Rows are streamed, so a mapped or viewed matrix is never copied into the heap.
     * An existing {@code file} is replaced only once the new one is complete, by a rename: a matrix still mapped from
     * it (even {@code x} itself, or a view of it) goes on reading the old values, and a failed write leaves it as it
     * was.
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

    /**
     * Writes {@code values} as a 1-D {@code .npy} of little-endian int64 (the dtype {@code np.save} gives labels),
     * replacing an existing {@code file} by a rename like {@link #write}.
     */
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
        void writeTo(OutputStream out) throws IOException;
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
        out.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return out.array();
    }

    /**
     * Writes the file under a temporary name beside it and renames it over {@code file} when complete. Writing in
     * place would truncate a file that a live matrix may map ({@link #map}, {@link #read}) — the matrix being written
     * among them — and its next read would fault and leave a half-written file. Replaced by a rename, the old file
     * lives on, unnamed, until its mappings go. A symbolic link is followed (the file it names is replaced); a path
     * that exists but is no regular file (a pipe, a device) is written in place.
     */
    private static Path write(Path file, String descr, String shape, Body body) {
        Path temp = null;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                writeTo(file, descr, shape, body, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                return file;
            }
            Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
            temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + ".part");
            writeTo(temp, descr, shape, body, StandardOpenOption.CREATE_NEW);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the write already failed; that is the error to report
                }
            }
        }
        return file;
    }

    /** Writes the header and body to {@code target}, opened with {@code create}. */
    private static void writeTo(Path target, String descr, String shape, Body body, StandardOpenOption... create)
            throws IOException {
        StandardOpenOption[] options = java.util.Arrays.copyOf(create, create.length + 1);
        options[create.length] = StandardOpenOption.WRITE;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, options), 1 << 16)) {
            out.write(header(descr, shape));
            body.writeTo(out);
        }
    }
}
