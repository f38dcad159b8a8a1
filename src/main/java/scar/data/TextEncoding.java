package scar.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;

/**
 * Tells a text file saved as UTF-16 or UTF-32 from UTF-8 by its first bytes, for every text reader (CSV, JSON Lines,
 * labels, {@code manifest.properties}): one message whichever reader meets it. A class of its own, so that reading a
 * manifest does not load the CSV reader.
 */
final class TextEncoding {
    /** How many bytes {@link #wide} looks at. */
    private static final int SNIFF_BYTES = 64;

    private TextEncoding() {
    }

    /** The refusal of {@code file}, which {@link #wide} says is {@code wide}. */
    static UncheckedIOException notUtf8(String file, String wide) {
        return new UncheckedIOException(file + ": " + wide + "; save it as UTF-8", new CharacterCodingException());
    }

    /**
     * What the first bytes of {@code text} (a stream that supports mark) say when it is UTF-16 or UTF-32 rather than
     * UTF-8, or {@code null}: a UTF-32 or UTF-16 byte-order mark, or, without one, three NUL bytes in every four or a
     * NUL byte in every other position and none between, which is what text in the ASCII range looks like in UTF-32
     * or UTF-16 (in UTF-8 a NUL byte is no character a CSV or JSON file holds).
     */
    static String wide(InputStream text) throws IOException {
        text.mark(SNIFF_BYTES);
        byte[] b = new byte[SNIFF_BYTES];
        int n = 0;
        for (int r; n < b.length && (r = text.read(b, n, b.length - n)) >= 0; ) {
            n += r;
        }
        text.reset();
        if (n >= 4 && (b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF
                || b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0)) {
            return "the file is UTF-32 (it starts with a UTF-32 byte-order mark)";
        }
        if (n >= 2 && (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE || b[0] == (byte) 0xFE && b[1] == (byte) 0xFF)) {
            return "the file is UTF-16 (it starts with a UTF-16 byte-order mark)";
        }
        String utf32 = units(b, n, 4, "three NUL bytes in every four");
        if (utf32 != null) {
            return "the text looks like UTF-32" + utf32;
        }
        String utf16 = units(b, n, 2, "a NUL byte in every other position");
        return utf16 == null ? null : "the text looks like UTF-16" + utf16;
    }

    /**
     * {@code "BE (…)"} or {@code "LE (…)"} when the first {@code n} bytes of {@code b}, taken in units of
     * {@code width} bytes (at least two whole units), all hold one byte that is not NUL and NULs in the others, at the
     * unit's end (little-endian) or start (big-endian): text in the ASCII range in UTF-16 or UTF-32; otherwise null.
     */
    private static String units(byte[] b, int n, int width, String pattern) {
        int units = n / width;
        boolean bigEndian = units >= 2;
        boolean littleEndian = units >= 2;
        for (int i = 0; i < units; i++) {
            for (int k = 0; k < width; k++) {
                boolean nul = b[width * i + k] == 0;
                bigEndian &= nul == (k < width - 1);
                littleEndian &= nul == (k > 0);
            }
        }
        return bigEndian || littleEndian ? (bigEndian ? "BE" : "LE") + " (" + pattern + " of its first "
                + width * units + " bytes)" : null;
    }
}
