package scar.kernel;

import java.util.Locale;
import java.util.Optional;

/**
 * The string literals of a snippet against the class file's limit: javac stores each one as a single constant pool
 * entry, at most {@value #LIMIT} bytes of modified UTF-8 (JVMS §4.4.7: one byte for U+0001–U+007F, two for U+0000
 * and U+0080–U+07FF, three for the rest, each half of a surrogate pair counted alone).
 *
 * <p>A literal over the limit is worse in JShell 17 than a compile error: javac refuses the class but keeps the entry
 * in the constant pool of the compiler context JShell reuses, and every later snippet of the session fails with
 * "UTF8 representation for string ... is too long for the constant pool". So the kernel refuses such a literal before
 * JShell sees it, naming its size and line; a constant that grows over the limit only when javac folds it
 * ({@code "..." + "..."}) reaches javac, and {@link JShellSession} gives JShell a fresh compiler after it.
 */
final class StringLiterals {

    /** The most bytes a class file's constant pool entry holds. */
    static final int LIMIT = 65_535;

    private StringLiterals() {
    }

    /** A literal over {@link #LIMIT}: where it starts in the snippet, and its size in modified UTF-8. */
    record OverLimit(int offset, long bytes) {
        String message() {
            return String.format(Locale.ROOT, "a string literal of %,d bytes is over the class file's limit of %,d "
                    + "bytes (in modified UTF-8); read such text from a file, e.g. Files.readString(Path.of(...))",
                    bytes, LIMIT);
        }
    }

    /**
     * The first string literal or text block of {@code source} whose value takes more than {@link #LIMIT} bytes,
     * read as javac reads it (Unicode escapes first, then comments, character literals, escapes and a text block's
     * incidental indentation); empty if there is none or a literal is malformed (javac reports that).
     */
    static Optional<OverLimit> firstOverLimit(String source) {
        // each character of a value takes at most three bytes and at least one character of source
        if (source.length() <= LIMIT / 3) {
            return Optional.empty();
        }
        Translated text = Translated.of(source);
        String t = text.chars;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '/' && t.startsWith("//", i)) {
                i = lineEnd(t, i);
            } else if (c == '/' && t.startsWith("/*", i)) {
                int end = t.indexOf("*/", i + 2);
                if (end < 0) {
                    return Optional.empty();
                }
                i = end + 2;
            } else if (c == '\'') {
                i = quotedEnd(t, i, '\'') + 1;
            } else if (c == '"') {
                int start = i;
                String value;
                if (t.startsWith("\"\"\"", i)) {
                    int content = textBlockContent(t, i + 3);
                    int close = content < 0 ? -1 : textBlockEnd(t, content);
                    if (close < 0) {
                        return Optional.empty();
                    }
                    value = escapes(t.substring(content, close).stripIndent());
                    i = close + 3;
                } else {
                    int close = quotedEnd(t, i, '"');
                    value = close < t.length() && t.charAt(close) == '"' ? escapes(t.substring(i + 1, close)) : null;
                    i = close + 1;
                }
                long bytes = value == null ? 0 : modifiedUtf8Length(value);
                if (bytes > LIMIT) {
                    return Optional.of(new OverLimit(text.sourceIndex(start), bytes));
                }
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    /** Bytes of {@code value} in a class file (modified UTF-8). */
    static long modifiedUtf8Length(String value) {
        long bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }

    /** The value of a literal's body with its escapes read; null for an escape javac would refuse. */
    private static String escapes(String body) {
        try {
            return body.translateEscapes();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int lineEnd(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) != '\n' && t.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** Index of the quote that closes the literal opened at {@code open}, or of the line end that cuts it short. */
    private static int quotedEnd(String t, int open, char quote) {
        int i = open + 1;
        while (i < t.length() && t.charAt(i) != quote && t.charAt(i) != '\n' && t.charAt(i) != '\r') {
            i += t.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, t.length());
    }

    /** Where a text block's content starts: after blanks and the line end that follow its opening; -1 if none. */
    private static int textBlockContent(String t, int afterOpening) {
        int i = afterOpening;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t' || t.charAt(i) == '\f')) {
            i++;
        }
        if (t.startsWith("\r\n", i)) {
            return i + 2;
        }
        return i < t.length() && (t.charAt(i) == '\n' || t.charAt(i) == '\r') ? i + 1 : -1;
    }

    /** Index of the {@code """} that closes a text block, or -1. */
    private static int textBlockEnd(String t, int content) {
        int i = content;
        while (i < t.length()) {
            if (t.charAt(i) == '\\') {
                i += 2;
            } else if (t.startsWith("\"\"\"", i)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * Source with its Unicode escapes (a backslash, one or more {@code u} and four hex digits) read, as javac does
     * before anything else (JLS §3.3), and where each character came from.
     */
    private record Translated(String chars, int[] origins) {
        static Translated of(String source) {
            if (!source.contains("\\u")) {
                return new Translated(source, null);
            }
            StringBuilder chars = new StringBuilder(source.length());
            int[] origins = new int[source.length()];
            int backslashes = 0;
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                int from = i;
                if (c == '\\' && backslashes % 2 == 0 && i + 1 < source.length() && source.charAt(i + 1) == 'u') {
                    int hex = i + 1;
                    while (hex < source.length() && source.charAt(hex) == 'u') {
                        hex++;
                    }
                    if (hex + 4 <= source.length() && isHex(source, hex)) {
                        c = (char) Integer.parseInt(source, hex, hex + 4, 16);
                        i = hex + 4;
                        backslashes = 0; // an escaped backslash does not start another escape (JLS §3.3)
                        origins[chars.length()] = from;
                        chars.append(c);
                        continue;
                    }
                }
                backslashes = c == '\\' ? backslashes + 1 : 0;
                origins[chars.length()] = from;
                chars.append(c);
                i++;
            }
            return new Translated(chars.toString(), origins);
        }

        int sourceIndex(int index) {
            return origins == null ? index : origins[index];
        }

        private static boolean isHex(String s, int from) {
            for (int i = from; i < from + 4; i++) {
                if ("0123456789abcdefABCDEF".indexOf(s.charAt(i)) < 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
