package scar.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, fast CSV reader: comma-separated, one record per line, optional double quotes around a field (a quote
 * inside a quoted field is doubled; quoted fields cannot span lines). Blank lines are skipped. Gzip input is detected
 * by its magic bytes, so {@code .csv.gz} and plain files go through the same call, and decoded strictly
 * ({@link GzipInput}: nothing may follow the compressed data). Text must be UTF-8 (a byte-order mark is dropped; a
 * file in UTF-16 or UTF-32 is named as such); a
 * line may hold at most {@link #MAX_LINE_CHARS} characters, so a file without line breaks is an error rather than an
 * attempt to hold gigabytes in one string. Line numbers are 1-based, as a text editor shows them, and every error
 * message names the file and line.
 */
final class CsvReader implements Closeable {
    /**
     * The longest line read, in characters: 16 Mi, about 600,000 numbers of 25 characters; the widest embedding
     * rows in practice are under 1% of it.
     */
    static final int MAX_LINE_CHARS = 1 << 24;

    private final Reader in;
    private final String file;
    private int lineNumber;
    private final ArrayDeque<String[]> pushedRecords = new ArrayDeque<>();
    private final ArrayDeque<Integer> pushedLines = new ArrayDeque<>();
    private final char[] chars = new char[1 << 16];
    private int charPos;
    private int charLim;
    /** The last line ended with a carriage return, so a line feed right after it belongs to it. */
    private boolean afterCr;

    /** Whether the file is gzip-compressed (it starts with the gzip magic bytes). */
    private final boolean gzip;

    private CsvReader(InputStream raw, String file) {
        this.file = file;
        boolean compressed = false;
        String wide;
        try {
            InputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            compressed = b0 == 0x1f && b1 == 0x8b;
            InputStream text = compressed ? new BufferedInputStream(new GzipInput(buffered), 1 << 16) : buffered;
            wide = TextEncoding.wide(text);
            this.in = new InputStreamReader(text, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException e) {
            try {
                raw.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException(file + ": cannot read " + (compressed ? "the gzip header" : "the file")
                    + ": " + e.getMessage(), e);
        }
        this.gzip = compressed;
        if (wide != null) {
            close();
            throw TextEncoding.notUtf8(file, wide);
        }
    }

    /** What a value that spells NaN or an infinity is not, in messages. */
    static final String FINITE = "a finite number (NaN and infinity are not allowed)";

    static CsvReader open(Path file) {
        return new CsvReader(Source.openFile(file), file.toString());
    }

    static CsvReader open(Source source, String name) {
        return new CsvReader(source.open(name), source.describe(name));
    }

    /** The file this reader reads, as error messages show it. */
    String file() {
        return file;
    }

    /** The 1-based line number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next non-blank line, or {@code null} at the end of the file. */
    String nextLine() {
        try {
            String line;
            do {
                line = readLine();
                lineNumber++;
                if (lineNumber == 1 && line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
            } while (line != null && line.isBlank());
            return line;
        } catch (CharacterCodingException e) {
            // Text is decoded in blocks, so the bad bytes are on this line or a little after it.
            throw new UncheckedIOException(file + ", line " + (lineNumber + 1) + " or soon after: the text is not"
                    + " valid UTF-8 (" + e.getMessage() + "); expected a UTF-8 text file", e);
        } catch (IOException e) {
            // Text is decoded in large blocks, so the failure is somewhere after the last line handed out.
            String where = lineNumber == 0 ? "before the first line" : "after line " + lineNumber;
            throw new UncheckedIOException(file + ": cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The next line without its terminator ({@code \n}, {@code \r\n} or {@code \r}), or {@code null} at the end.
     *
     * @throws IllegalArgumentException if the line is longer than {@link #MAX_LINE_CHARS}
     */
    private String readLine() throws IOException {
        StringBuilder longLine = null;
        while (true) {
            if (charPos >= charLim) {
                int n = in.read(chars, 0, chars.length);
                if (n < 0) {
                    return longLine == null ? null : longLine.toString();
                }
                charPos = 0;
                charLim = n;
                continue;
            }
            if (afterCr) {
                afterCr = false;
                if (chars[charPos] == '\n') {
                    charPos++;
                    continue;
                }
            }
            int startAt = charPos;
            int i = startAt;
            while (i < charLim && chars[i] != '\n' && chars[i] != '\r') {
                i++;
            }
            long length = (longLine == null ? 0 : longLine.length()) + (long) (i - startAt);
            if (length > MAX_LINE_CHARS) {
                throw new IllegalArgumentException(file + ", line " + (lineNumber + 1) + ": longer than "
                        + String.format(java.util.Locale.ROOT, "%,d", MAX_LINE_CHARS) + " characters without a line"
                        + " break; expected one record per line (is this a binary file, or were the line breaks"
                        + " lost?)");
            }
            if (i < charLim) {
                afterCr = chars[i] == '\r';
                charPos = i + 1;
                return longLine == null ? new String(chars, startAt, i - startAt)
                        : longLine.append(chars, startAt, i - startAt).toString();
            }
            if (longLine == null) {
                longLine = new StringBuilder(2 * chars.length);
            }
            longLine.append(chars, startAt, i - startAt);
            charPos = charLim;
        }
    }

    /** The fields of the next non-blank line, trimmed and unquoted, or {@code null} at the end of the file. */
    String[] nextRecord() {
        if (!pushedRecords.isEmpty()) {
            lineNumber = pushedLines.removeFirst();
            return pushedRecords.removeFirst();
        }
        String s = nextLine();
        return s == null ? null : split(s);
    }

    /**
     * Queues a record already read (from line {@code line}) to be returned again by {@link #nextRecord}; records
     * come back in the order they were pushed, and must be the most recently read lines, in order.
     */
    void pushBack(String[] record, int line) {
        pushedRecords.addLast(record);
        pushedLines.addLast(line);
    }

    /** The header: the first non-blank line; an empty file is an error. */
    String[] header() {
        String[] h = nextRecord();
        if (h == null) {
            throw new IllegalArgumentException(file + " is empty; expected a header line");
        }
        return h;
    }

    /** Splits one line into trimmed fields. */
    String[] split(String s) {
        if (s.indexOf('"') < 0) {
            List<String> out = new ArrayList<>();
            int start = 0;
            for (int comma = s.indexOf(','); comma >= 0; comma = s.indexOf(',', start)) {
                out.add(trim(s.substring(start, comma)));
                start = comma + 1;
            }
            out.add(trim(s.substring(start)));
            return out.toArray(new String[0]);
        }
        return splitQuoted(s);
    }

    private String[] splitQuoted(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(trim(field.toString()));
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw error("an unterminated quoted field; quoted fields must close on the same line");
        }
        out.add(trim(field.toString()));
        return out.toArray(new String[0]);
    }

    /**
     * Parses the numeric fields of {@code s} (no quotes) straight into {@code dst[offset..offset + width)}, the
     * fast path for embedding rows. Every field must be a finite number that fits a float32.
     *
     * @param header the column names, for messages; {@code width == header.length}
     */
    void parseFloats(String line, String[] header, float[] dst, int offset) {
        char[] s = line.toCharArray();
        int width = header.length;
        int start = 0;
        for (int j = 0; j < width; j++) {
            int end = start;
            while (end < s.length && s[end] != ',') {
                end++;
            }
            if (end == s.length && j < width - 1) {
                throw ragged(j + 1, header);
            }
            if (end < s.length && j == width - 1) {
                throw ragged(line.split(",", -1).length, header);
            }
            dst[offset + j] = parseFloat(s, start, end, header[j], null);
            start = end + 1;
        }
    }

    /** The exception for a row with {@code fields} fields where the header has {@code header.length}. */
    IllegalArgumentException ragged(int fields, String[] header) {
        String detail = fields < header.length
                ? "column '" + shown(header[fields]) + "' is missing"
                : "there is no column after '" + shown(header[header.length - 1]) + "'";
        return error("a ragged row: " + fields + " fields where the header has " + header.length + " columns ("
                + detail + ")");
    }

    /**
     * Parses one value as a finite float32 in the number grammar of {@link Decimal}: {@code (float) v} of the double v
     * it denotes, so a decimal that round-trips to a double lands on the same float as numpy's
     * {@code float64 -> float32} cast.
     */
    float parseFloat(String value, String column) {
        char[] s = value.toCharArray();
        return parseFloat(s, 0, s.length, column, value);
    }

    /**
     * {@link #parseFloat(String, String)} of {@code s[from, to)}, by {@link Decimal}'s fast path when it applies;
     * messages show {@code shown}, or the trimmed text when it is null.
     */
    private float parseFloat(char[] s, int from, int to, String column, String shown) {
        float fast = Decimal.parseFloat(s, from, to);
        if (!Float.isNaN(fast)) {
            return fast;
        }
        double v = Decimal.parse(s, from, to);
        if (Double.isNaN(v)) {
            String value = shown != null ? shown : trim(new String(s, from, to - from));
            if (Decimal.isNonFinite(value)) {
                throw error(column, value, FINITE);
            }
            if (!Decimal.isDecimal(value)) {
                throw error(column, value, "a number");
            }
            v = Double.parseDouble(trim(value));
        }
        float f = (float) v;
        if (!Float.isFinite(f)) {
            throw error(column, shown != null ? shown : trim(new String(s, from, to - from)),
                    "a number within the float32 range (|x| < 3.4e38)");
        }
        return f;
    }

    /** {@code s} without the spaces and tabs around it (other control characters stay, and make a value invalid). */
    static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    /** A value as an error message shows it: {@link Shown#value(String)}. */
    static String shown(String value) {
        return Shown.value(value);
    }

    /** {@link Shown#value(String, int)}. */
    static String shown(String value, int max) {
        return Shown.value(value, max);
    }

    /** Parses one value as an int. */
    int parseInt(String value, String column, String expected) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(column, value, expected);
        }
    }

    /** An error about the whole current line. */
    IllegalArgumentException error(String what) {
        return new IllegalArgumentException(file + ", line " + lineNumber + ": " + what);
    }

    /** An error about one value of the current line: names file, line, column, value and what was expected. */
    IllegalArgumentException error(String column, String value, String expected) {
        return new IllegalArgumentException(file + ", line " + lineNumber + ", column '" + shown(column) + "': value '"
                + shown(value) + "' is not " + expected);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
