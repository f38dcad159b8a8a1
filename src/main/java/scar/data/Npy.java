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
 * float32 ({@code '<f4'}) or float64 ({@code '<f8'}, cast to float32) in C order; labels: a 1-D array of little-endian
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

    private Npy() {
    }

    /** The parsed header: dtype string, shape, and where the data starts. */
    private record Header(String descr, long[] shape, long dataOffset) {
    }

    /** Reads a 2-D float32 or float64 array as a float matrix. */
    public static Matrix read(Path file) {
        try (FileChannel ch = open(file)) {
            Header h = header(ch, file);
            if (!h.descr.equals("<f4") && !h.descr.equals("<f8")) {
                throw new IllegalArgumentException(file + ": dtype '" + h.descr + "' (" + describe(h.descr)
                        + ") is not supported; expected little-endian float32 '<f4' or float64 '<f8'");
            }
            if (h.shape.length != 2) {
                throw new IllegalArgumentException(file + ": shape " + shapeText(h.shape)
                        + " is not supported; expected a 2-D array (rows, dim)");
            }
            long count = h.shape[0] * h.shape[1];
            if (count > Integer.MAX_VALUE - 8 || h.shape[0] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(file + ": shape " + shapeText(h.shape)
                        + " has more values than one float array can hold (" + (Integer.MAX_VALUE - 8) + ")");
            }
            int itemSize = h.descr.equals("<f4") ? 4 : 8;
            checkLength(ch, file, h, count * itemSize);
            int rows = (int) h.shape[0];
            int cols = (int) h.shape[1];
            float[] data = new float[(int) count];
            readFloats(ch, h.dataOffset, data, itemSize == 8);
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    throw new IllegalArgumentException(file + ", row " + (i / cols) + ", column " + (i % cols)
                            + " (0-based): value " + data[i] + " is not a finite float32 number");
                }
            }
            return Matrix.wrap(rows, cols, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
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
        LabelCoding.Coded coded = labels.getFileName().toString().endsWith(".npy")
                ? LabelCoding.ofInts(readInts(labels)) : LabelsText.read(labels);
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
}
