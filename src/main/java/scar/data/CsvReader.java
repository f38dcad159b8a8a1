package scar.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A small, fast CSV reader: comma-separated, one record per line, optional double quotes around a field (a quote
 * inside a quoted field is doubled; quoted fields cannot span lines). Blank lines are skipped. Gzip input is detected
 * by its magic bytes, so {@code .csv.gz} and plain files go through the same call. Line numbers are 1-based, as a text
 * editor shows them, and every error message names the file and line.
 */
final class CsvReader implements Closeable {
    /** Longest line accepted, in characters (a row of about a million numbers); longer is an error, not an OOM. */
    static final int MAX_LINE = 1 << 24;

    private final BufferedReader in;
    private final char[] chars = new char[1 << 14];
    private int charPos;
    private int charEnd;
    private boolean skipLineFeed;
    private final String file;
    private int lineNumber;
    private String line;
    private final ArrayDeque<String[]> pushedRecords = new ArrayDeque<>();
    private final ArrayDeque<Integer> pushedLines = new ArrayDeque<>();

    /** Whether the file is gzip-compressed (it starts with the gzip magic bytes). */
    private final boolean gzip;

    private CsvReader(InputStream raw, String file) {
        this.file = file;
        try {
            InputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            this.gzip = b0 == 0x1f && b1 == 0x8b;
            InputStream text = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            this.in = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

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
            do {
                line = readLine();
                lineNumber++;
                if (lineNumber == 1 && line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
            } while (line != null && line.isBlank());
            return line;
        } catch (IOException e) {
            // Text is decoded in large blocks, so the failure is somewhere after the last line handed out.
            String where = lineNumber == 0 ? "before the first line" : "after line " + lineNumber;
            throw new UncheckedIOException(file + ": cannot read " + where + (gzip ? ": the gzip data ends early or is"
                    + " corrupt (" + e.getMessage() + "); expected a complete gzip file, is it truncated?"
                    : ": " + e.getMessage()), e);
        }
    }

    /**
     * The next line without its terminator ({@code \n}, {@code \r\n} or {@code \r}), or null at the end; a line
     * longer than {@link #MAX_LINE} characters is an error naming the file and line, before it can fill the heap.
     */
    private String readLine() throws IOException {
        StringBuilder longLine = null;
        while (true) {
            if (charPos >= charEnd) {
                charEnd = in.read(chars, 0, chars.length);
                charPos = 0;
                if (charEnd <= 0) {
                    charEnd = 0;
                    return longLine == null ? null : longLine.toString();
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (chars[charPos] == '\n') {
                    charPos++;
                    continue;
                }
            }
            int start = charPos;
            while (charPos < charEnd) {
                char c = chars[charPos];
                if (c == '\n' || c == '\r') {
                    String line = longLine == null ? new String(chars, start, charPos - start)
                            : longLine.append(chars, start, charPos - start).toString();
                    charPos++;
                    skipLineFeed = c == '\r';
                    return line;
                }
                charPos++;
            }
            if (longLine == null) {
                longLine = new StringBuilder(2 * chars.length);
            }
            longLine.append(chars, start, charEnd - start);
            if (longLine.length() > MAX_LINE) {
                throw new IllegalArgumentException(file + ", line " + (lineNumber + 1) + ": the line is longer than "
                        + String.format(java.util.Locale.ROOT, "%,d", MAX_LINE) + " characters; expected one record "
                        + "per line (is the file really CSV or JSON Lines, with line breaks?)");
            }
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
                out.add(s.substring(start, comma).trim());
                start = comma + 1;
            }
            out.add(s.substring(start).trim());
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
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw error("an unterminated quoted field; quoted fields must close on the same line");
        }
        out.add(field.toString().trim());
        return out.toArray(new String[0]);
    }

    /**
     * Parses the numeric fields of {@code s} (no quotes) straight into {@code dst[offset..offset + width)}, the
     * fast path for embedding rows. Every field must be a finite number that fits a float32.
     *
     * @param header the column names, for messages; {@code width == header.length}
     */
    void parseFloats(String s, String[] header, float[] dst, int offset) {
        int width = header.length;
        int start = 0;
        for (int j = 0; j < width; j++) {
            int end = j == width - 1 ? s.length() : s.indexOf(',', start);
            if (end < 0) {
                throw ragged(j + 1, header);
            }
            if (j == width - 1 && s.indexOf(',', start) >= 0) {
                throw ragged(s.split(",", -1).length, header);
            }
            dst[offset + j] = parseFloat(s, start, end, header[j]);
            start = end + 1;
        }
    }

    /** The exception for a row with {@code fields} fields where the header has {@code header.length}. */
    IllegalArgumentException ragged(int fields, String[] header) {
        String detail = fields < header.length
                ? "column '" + header[fields] + "' is missing"
                : "there is no column after '" + header[header.length - 1] + "'";
        return error("a ragged row: " + fields + " fields where the header has " + header.length + " columns ("
                + detail + ")");
    }

    /** Parses {@code s[from, to)} as a finite float32, by {@link Decimal}'s fast path when it applies. */
    float parseFloat(String s, int from, int to, String column) {
        double v = Decimal.parse(s, from, to);
        if (Double.isNaN(v)) {
            return parseFloat(s.substring(from, to).trim(), column);
        }
        float f = (float) v;
        if (!Float.isFinite(f)) {
            return parseFloat(s.substring(from, to).trim(), column);
        }
        return f;
    }

    /**
     * Parses one value as a finite float32: {@code (float) Double.parseDouble(value)}, so a decimal that round-trips to
     * a double lands on the same float as numpy's {@code float64 -> float32} cast.
     */
    float parseFloat(String value, String column) {
        double v = Decimal.parse(value, 0, value.length());
        try {
            v = Double.isNaN(v) ? Double.parseDouble(value) : v;
        } catch (NumberFormatException e) {
            throw error(column, value, "a number");
        }
        float f = (float) v;
        if (!Float.isFinite(f)) {
            throw error(column, value, Double.isFinite(v) ? "a number within the float32 range (|x| < 3.4e38)"
                    : "a finite number (NaN and infinity are not allowed)");
        }
        return f;
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
        return new IllegalArgumentException(file + ", line " + lineNumber + ", column '" + column + "': value '"
                + value + "' is not " + expected);
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
