package scar.data;

/**
 * A strict pull reader of one line of JSON Lines: one JSON text (RFC 8259) holding one object. Nothing outside the
 * RFC's grammar is taken: no unquoted keys or strings, no single quotes, no comments, no {@code =} or {@code ;}, no
 * trailing commas, no {@code +1}, {@code .5}, {@code 1.} or {@code 01}, no control characters inside strings; white
 * space is space and tab (a line holds no line breaks). The one exception is what Python's {@code json.dumps} writes for
 * a float that is not finite, {@code NaN}, {@code Infinity} and {@code -Infinity}: they are read as
 * {@link Kind#NON_FINITE} values, so that the caller can name them as such, and may stand in a value the caller skips,
 * as Python's {@code json.loads} reads them. Any other word without quotes is a {@link Kind#WORD}, which a caller
 * either names as a wrong value or refuses through {@link #unquoted(Value)}.
 *
 * <p>Every refusal is {@link CsvReader#error(String)}: one line naming the file, the line, the character, what was
 * found and what was expected.
 */
final class JsonLine {
    /** What may stand where a value should, for messages. */
    private static final String A_VALUE = "a value: a string in double quotes, a number, true, false, null, an array"
            + " or an object";

    /** How deep arrays and objects may nest. */
    static final int MAX_DEPTH = 255;

    /** What a value is. */
    enum Kind { OBJECT, ARRAY, STRING, NUMBER, NON_FINITE, LITERAL, WORD }

    /**
     * One value: its kind, its text (a string's content with escapes decoded, a number or word as written,
     * {@code [...]} or {@code {...}} for an array or object) and the index of its first character in the line.
     */
    record Value(Kind kind, String text, int start) {
    }

    private final CsvReader lines;
    private final String s;
    private int pos;
    /** Whether the current object or array has had a member yet. */
    private boolean hasMember;

    JsonLine(CsvReader lines, String line) {
        this.lines = lines;
        this.s = line;
    }

    /** Reads the <code>{</code> that must open the line; {@code example} is a line as it should be. */
    void beginLine(String example) {
        space();
        expect('{', "'{' (each line one JSON object, such as " + example + ")");
        hasMember = false;
    }

    /** The next key of the line's object, or {@code null} after its closing brace. */
    String nextKey() {
        return nextMember('}', "a key in double quotes") ? key() : null;
    }

    /** Reads a key and the colon after it. */
    private String key() {
        if (peek() != '"') {
            throw malformed(pos, found(pos, true), "a key in double quotes");
        }
        String key = string();
        space();
        expect(':', "':' after the key \"" + CsvReader.shown(key) + "\"");
        space();
        return key;
    }

    /** Checks that nothing but white space follows the line's object. */
    void endLine() {
        space();
        if (pos < s.length()) {
            throw malformed(pos, found(pos, false) + " after the object", "the end of the line (one object a line)");
        }
    }

    /** The next character, or 0 at the end of the line. */
    char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    /** Reads the {@code [} of an array; then {@link #hasNextElement()} until it is false. */
    void beginArray() {
        expect('[', "'['");
        hasMember = false;
    }

    /**
     * Whether the array has another element (read it next); false after its closing bracket. (The line's object then
     * goes on with a member read, this array's key, as {@link #nextMember} leaves it.)
     */
    boolean hasNextElement() {
        return nextMember(']', "a value");
    }

    /** Reads the next value; an array or object is read whole, checked and returned as {@code [...]} or {@code {...}}. */
    Value value() {
        return value(0);
    }

    /** The refusal of a word without quotes where a value should be. */
    IllegalArgumentException unquoted(Value word) {
        return malformed(word.start(), "'" + CsvReader.shown(word.text()) + "' without quotes", A_VALUE);
    }

    private Value value(int depth) {
        int start = pos;
        char c = peek();
        Value v;
        if (c == '"') {
            v = new Value(Kind.STRING, string(), start);
        } else if (c == '[' || c == '{') {
            if (depth >= MAX_DEPTH) {
                throw malformed(start, "more than " + MAX_DEPTH + " arrays and objects inside one another",
                        "at most " + MAX_DEPTH);
            }
            boolean outer = hasMember;
            pos++;
            hasMember = false;
            char close = c == '[' ? ']' : '}';
            while (nextMember(close, c == '[' ? "a value" : "a key in double quotes")) {
                if (c == '{') {
                    key();
                }
                Value member = value(depth + 1);
                if (member.kind() == Kind.WORD) {
                    throw unquoted(member);
                }
            }
            hasMember = outer;
            v = new Value(c == '[' ? Kind.ARRAY : Kind.OBJECT, c == '[' ? "[...]" : "{...}", start);
        } else if (isWordChar(c)) {
            while (pos < s.length() && isWordChar(s.charAt(pos))) {
                pos++;
            }
            String w = s.substring(start, pos);
            Kind kind = w.equals("true") || w.equals("false") || w.equals("null") ? Kind.LITERAL
                    : isNumber(w) ? Kind.NUMBER
                    : w.equals("NaN") || w.equals("Infinity") || w.equals("-Infinity") ? Kind.NON_FINITE : Kind.WORD;
            v = new Value(kind, w, start);
        } else {
            throw malformed(start, found(start, false), A_VALUE);
        }
        space();
        return v;
    }

    /**
     * Moves to the next member of the current object or array: true when there is one (white space after the comma
     * skipped), false after {@code close}.
     */
    private boolean nextMember(char close, String member) {
        space();
        if (!hasMember) {
            hasMember = true;
            if (peek() == close) {
                pos++;
                return false;
            }
            return true;
        }
        if (peek() == close) {
            pos++;
            return false;
        }
        expect(',', "',' or '" + close + "'");
        space();
        if (peek() == close) {
            throw malformed(pos, "'" + close + "' after a comma", member + " (JSON allows no trailing comma)");
        }
        return true;
    }

    /** Reads a string at {@code pos} (on its opening quote) and returns its content with escapes decoded. */
    private String string() {
        int start = pos;
        pos++;
        StringBuilder decoded = null;
        int from = pos;
        while (true) {
            if (pos >= s.length()) {
                throw malformed(start, "a string that does not close on its line", "a closing double quote");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                String text = decoded == null ? s.substring(from, pos) : decoded.append(s, from, pos).toString();
                pos++;
                return text;
            }
            if (c < 0x20) {
                throw malformed(pos, "the control character " + codePoint(c) + " inside a string",
                        "it escaped (\\t, \\u00XX)");
            }
            if (c == '\\') {
                if (decoded == null) {
                    decoded = new StringBuilder();
                }
                decoded.append(s, from, pos);
                decoded.append(escape());
                from = pos;
            } else {
                pos++;
            }
        }
    }

    /** Reads the escape at {@code pos} (on its backslash) and returns the character it stands for. */
    private char escape() {
        int start = pos;
        char e = pos + 1 < s.length() ? s.charAt(pos + 1) : 0;
        pos += 2;
        switch (e) {
            case '"', '\\', '/':
                return e;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 <= s.length() && s.substring(pos, pos + 4).chars().allMatch(JsonLine::isHexDigit)) {
                    pos += 4;
                    return (char) Integer.parseInt(s, pos - 4, pos, 16);
                }
                throw malformed(start, "'" + CsvReader.shown(s.substring(start, Math.min(s.length(), start + 6)))
                        + "'", "\\u and four hexadecimal digits");
            default:
                throw malformed(start, "'" + CsvReader.shown(s.substring(start, Math.min(s.length(), start + 2)))
                        + "'", "an escape of JSON: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
        }
    }

    /** Whether {@code w} is a number in RFC 8259's grammar: {@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?}. */
    static boolean isNumber(String w) {
        int i = w.startsWith("-") ? 1 : 0;
        int digits = digits(w, i);
        if (digits == 0 || digits > 1 && w.charAt(i) == '0') {
            return false;
        }
        i += digits;
        if (i < w.length() && w.charAt(i) == '.') {
            int fraction = digits(w, i + 1);
            if (fraction == 0) {
                return false;
            }
            i += 1 + fraction;
        }
        if (i < w.length() && (w.charAt(i) == 'e' || w.charAt(i) == 'E')) {
            i++;
            if (i < w.length() && (w.charAt(i) == '+' || w.charAt(i) == '-')) {
                i++;
            }
            int exponent = digits(w, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == w.length();
    }

    private static int digits(String w, int from) {
        int i = from;
        while (i < w.length() && w.charAt(i) >= '0' && w.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** A character of a word without quotes: what numbers, literals and the unquoted words people write are made of. */
    private static boolean isWordChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.' || c == '_' || c == '$');
    }

    private void space() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void expect(char c, String expected) {
        if (peek() != c) {
            throw malformed(pos, found(pos, false), expected);
        }
        pos++;
    }

    /** What stands at {@code at}, for a message; {@code key} when a key was expected there. */
    private String found(int at, boolean key) {
        if (at >= s.length()) {
            return "the end of the line";
        }
        char c = s.charAt(at);
        if (c == '/' && at + 1 < s.length() && (s.charAt(at + 1) == '/' || s.charAt(at + 1) == '*')) {
            return "a comment '" + s.substring(at, at + 2) + "' (JSON has none)";
        }
        if (c == '\'') {
            return "a single quote (JSON strings take double quotes)";
        }
        if (c == '=' && at + 1 < s.length() && s.charAt(at + 1) == '>') {
            return "'=>'";
        }
        if (isWordChar(c)) {
            int end = at;
            while (end < s.length() && isWordChar(s.charAt(end))) {
                end++;
            }
            return "'" + CsvReader.shown(s.substring(at, end)) + "'" + (key ? " without quotes" : "");
        }
        return c > ' ' && c < 0x7f ? "'" + c + "'" : "the character " + codePoint(s.codePointAt(at));
    }

    private static String codePoint(int c) {
        return String.format(java.util.Locale.ROOT, "U+%04X", c);
    }

    private IllegalArgumentException malformed(int at, String found, String expected) {
        return lines.error("malformed JSON at character " + (s.codePointCount(0, Math.min(at, s.length())) + 1)
                + ": found " + found + "; expected " + expected);
    }
}
