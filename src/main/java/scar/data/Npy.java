package scar.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0). Embeddings: a 2-D array of little-endian
 * float32 ({@code '<f4'}) or float64 ({@code '<f8'}, cast to float32) in C order; labels: a 1-D array of little-endian
 * integers ({@code '<i1'..'<i8'}, {@code '<u1'..'<u8'}, {@code '|i1'}, {@code '|u1'}). Anything else — big-endian,
 * Fortran order, other types or shapes, a truncated file — is rejected with a message naming the file and what was
 * found. Every embedding value must be finite.
 */
public final class Npy {
    private static final int CHUNK = 1 << 20;
    /** The most values one Java array holds. */
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /** Reads a 2-D float32 or float64 array as a float matrix. */
    public static Matrix read(Path file) {
        try (FileChannel ch = open(file)) {
            NpyHeader h = NpyHeader.read(ch, file);
            if (!h.descr().equals("<f4") && !h.descr().equals("<f8")) {
                throw new IllegalArgumentException(file + ": dtype '" + CsvReader.shown(h.descr()) + "' ("
                        + describe(h.descr()) + ") is not supported; expected little-endian float32 '<f4' or float64"
                        + " '<f8'");
            }
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
            if (cols > MAX_VALUES / rows) {
                throw new IllegalArgumentException(file + ": shape " + h.shapeText()
                        + " has more values than one float array can hold (" + MAX_VALUES + ")");
            }
            int count = (int) (rows * cols);
            int itemSize = h.descr().equals("<f4") ? 4 : 8;
            checkLength(ch, file, h, (long) count * itemSize);
            float[] data = new float[count];
            readFloats(ch, h.dataOffset(), data, itemSize == 8);
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    throw new IllegalArgumentException(file + ", row " + (i / cols) + ", column " + (i % cols)
                            + " (0-based): value " + data[i] + " is not a finite float32 number");
                }
            }
            return Matrix.wrap((int) rows, (int) cols, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a 1-D array of integers (e.g. labels saved with {@code np.save}). */
    public static int[] readInts(Path file) {
        try (FileChannel ch = open(file)) {
            NpyHeader h = NpyHeader.read(ch, file);
            List<String> ints = List.of("<i1", "|i1", "<i2", "<i4", "<i8", "<u1", "|u1", "<u2", "<u4", "<u8");
            if (!ints.contains(h.descr())) {
                throw new IllegalArgumentException(file + ": dtype '" + CsvReader.shown(h.descr()) + "' ("
                        + describe(h.descr()) + ") is not supported for labels; expected little-endian integers such"
                        + " as '<i8'");
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

    /** Reads floats (or doubles, narrowed) chunk by chunk into {@code out}. */
    private static void readFloats(FileChannel ch, long offset, float[] out, boolean doubles) throws IOException {
        int itemSize = doubles ? 8 : 4;
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        long position = offset;
        while (done < out.length) {
            int items = Math.min(out.length - done, CHUNK / itemSize);
            buf.clear().limit(items * itemSize);
            NpyHeader.readFully(ch, position, buf);
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
}
