package scar.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a NumPy {@code .npy} file (format versions 1.0, 2.0 and 3.0): the magic bytes, the version, the
 * header length and the header itself, a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}. The dict is parsed strictly, as numpy reads
 * it: exactly the keys {@code descr}, {@code fortran_order} and {@code shape}, each once; the shape a tuple of
 * non-negative integers (Python 2's {@code 2L} suffix accepted, as numpy does). Fortran (column-major) order is
 * rejected: the loaders read C order only. Every error names the file.
 *
 * @param descr      the dtype string, e.g. {@code <f4}
 * @param shape      the dimensions, each ≥ 0
 * @param dataOffset where the data starts in the file
 */
record NpyHeader(String descr, long[] shape, long dataOffset) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 20;

    /** Reads and checks the header of {@code file}, open as {@code ch}. */
    static NpyHeader read(FileChannel ch, Path file) throws IOException {
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
        if (headerLength > MAX_HEADER) {
            throw new IllegalArgumentException(file + ": .npy header length " + headerLength + " is implausible;"
                    + " expected at most " + MAX_HEADER + " bytes");
        }
        ByteBuffer hb = ByteBuffer.allocate((int) headerLength);
        if (readFully(ch, start, hb) < headerLength) {
            throw new IllegalArgumentException(file + ": truncated .npy header");
        }
        String dict = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> entries = new DictParser(dict, file).parse();
        Object descr = entries.get("descr");
        Object fortran = entries.get("fortran_order");
        Object shape = entries.get("shape");
        if (entries.size() != 3 || descr == null || fortran == null || shape == null) {
            throw new IllegalArgumentException(file + ": the .npy header has the keys " + entries.keySet().stream()
                    .map(k -> "'" + CsvReader.shown(k) + "'").toList() + "; expected exactly 'descr', 'fortran_order'"
                    + " and 'shape'");
        }
        if (!(descr instanceof String d)) {
            throw new IllegalArgumentException(file + ": the .npy header's 'descr' is a structured dtype; expected a"
                    + " plain number type such as '<f4'");
        }
        if (!(fortran instanceof Boolean f)) {
            throw new IllegalArgumentException(file + ": the .npy header's 'fortran_order' is not True or False;"
                    + " expected True or False");
        }
        if (!(shape instanceof long[] s)) {
            throw new IllegalArgumentException(file + ": the .npy header's 'shape' is not a tuple; expected a tuple of"
                    + " integers such as (3, 4)");
        }
        if (f) {
            throw new IllegalArgumentException(file + ": the array is in Fortran (column-major) order; expected C "
                    + "order (save it with np.save(path, np.ascontiguousarray(x)))");
        }
        return new NpyHeader(d, s, start + headerLength);
    }

    /** The shape as numpy prints it: {@code (3, 4)}, {@code (3,)}. */
    String shapeText() {
        return text(shape);
    }

    static String text(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    static int readFully(FileChannel ch, long position, ByteBuffer buf) throws IOException {
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

    /** A parser for the one kind of Python literal a .npy header holds. */
    private static final class DictParser {
        private final String text;
        private final Path file;
        private int pos;

        DictParser(String text, Path file) {
            this.text = text;
            this.file = file;
        }

        Map<String, Object> parse() {
            Map<String, Object> out = new LinkedHashMap<>();
            spaces();
            expect('{');
            spaces();
            while (peek() != '}') {
                if (peek() != '\'' && peek() != '"') {
                    throw bad("a quoted key at character " + pos);
                }
                String key = string();
                spaces();
                expect(':');
                spaces();
                Object value = value();
                if (out.put(key, value) != null) {
                    throw new IllegalArgumentException(file + ": the .npy header has the key '" + CsvReader.shown(key)
                            + "' twice; expected each key once");
                }
                spaces();
                if (peek() == ',') {
                    pos++;
                    spaces();
                } else if (peek() != '}') {
                    throw bad("',' or '}' at character " + pos);
                }
            }
            pos++;
            spaces();
            if (pos != text.length()) {
                throw bad("nothing after the closing '}' but spaces, at character " + pos);
            }
            return out;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                skipBracketed();
                return List.of();
            }
            for (String word : new String[] {"True", "False"}) {
                if (text.startsWith(word, pos)) {
                    pos += word.length();
                    return word.equals("True");
                }
            }
            throw bad("a string, True, False or a tuple at character " + pos);
        }

        private String string() {
            char quote = text.charAt(pos++);
            int end = text.indexOf(quote, pos);
            if (end < 0) {
                throw bad("a closing " + quote + " for the string at character " + (pos - 1));
            }
            String s = text.substring(pos, end);
            if (s.indexOf('\\') >= 0) {
                throw bad("a string without backslashes at character " + (pos - 1));
            }
            pos = end + 1;
            return s;
        }

        private long[] tuple() {
            int open = pos;
            expect('(');
            int close = text.indexOf(')', pos);
            if (close < 0) {
                throw bad("a closing ')' for the tuple at character " + open);
            }
            String inside = text.substring(pos, close);
            pos = close + 1;
            List<Long> dims = new ArrayList<>();
            String[] parts = inside.split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.isEmpty() && i == parts.length - 1 && i > 0) {
                    break; // the trailing comma of (3,) or (3, 4, )
                }
                if (p.isEmpty() && parts.length == 1) {
                    break; // () : a scalar
                }
                dims.add(dimension(p, inside));
            }
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private long dimension(String p, String tuple) {
            String digits = p.endsWith("L") || p.endsWith("l") ? p.substring(0, p.length() - 1) : p;
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                boolean negative = digits.startsWith("-") && digits.length() > 1
                        && digits.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
                throw new IllegalArgumentException(file + ": the .npy shape (" + CsvReader.shown(tuple) + ") has "
                        + (negative ? "the negative dimension " : "the dimension '") + CsvReader.shown(p)
                        + (negative ? "" : "'") + "; expected non-negative integers");
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": the .npy shape (" + CsvReader.shown(tuple) + ") has the"
                        + " dimension " + CsvReader.shown(p) + ", too large for a 64-bit integer; expected a shape"
                        + " that fits in memory");
            }
        }

        private void skipBracketed() {
            int depth = 0;
            do {
                char c = peek();
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                pos++;
            } while (depth > 0);
        }

        private void spaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw bad("more text: the header ends early");
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw bad("'" + c + "' at character " + pos);
            }
            pos++;
        }

        private IllegalArgumentException bad(String expected) {
            return new IllegalArgumentException(file + ": the .npy header is not a valid dict literal; expected "
                    + expected + ": " + CsvReader.shown(text.strip()));
        }
    }
}
