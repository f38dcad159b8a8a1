package scar.data;

/**
 * Decimal numbers as the loaders accept them, and fast exact parsing of them (the hot loop of the CSV loaders).
 *
 * <p><b>Grammar.</b> A number is {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, optionally
 * surrounded by spaces or tabs: what Python, numpy, pandas and spreadsheets write. {@link Double#parseDouble} accepts
 * more — hexadecimal floats ({@code 0x1p3} is 8), type suffixes ({@code 1.5f}, {@code 2d}), control characters
 * around the value — and a loader that used it alone would read such text as a number without a word.
 * {@link #isDecimal} is the one check every loader applies; {@link #isNonFinite} recognises the spellings of NaN and
 * infinity ({@code nan}, {@code NaN}, {@code inf}, {@code -Infinity}, ...) so that they get their own message.
 *
 * <p><b>Fast path.</b> {@link #parse} handles the common case — at most 18 significant digits forming an
 * integer m ≤ 2^53 with a decimal exponent e, |e| ≤ 22 — by Clinger's fast path: m and 10^|e| are both exact
 * doubles, so one IEEE multiplication or division gives the correctly rounded result, the same double
 * {@link Double#parseDouble} returns. Everything else (more digits, larger exponents, NaN, malformed text) is left
 * to the caller's fallback.
 */
final class Decimal {
    /** Returned when the fast path does not apply; the caller then uses {@link Double#parseDouble}. */
    static final double FALLBACK = Double.NaN;

    private static final double[] POWERS = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private Decimal() {
    }

    /** Whether {@code s} is a number in the grammar of the class comment. */
    static boolean isDecimal(CharSequence s) {
        return isDecimal(s, 0, s.length());
    }

    /** Whether {@code s[from, to)} is a number in the grammar of the class comment. */
    static boolean isDecimal(CharSequence s, int from, int to) {
        while (from < to && isBlank(s.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(s.charAt(to - 1))) {
            to--;
        }
        int i = from;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        for (; i < to && isDigit(s.charAt(i)); i++) {
            digits++;
        }
        if (i < to && s.charAt(i) == '.') {
            for (i++; i < to && isDigit(s.charAt(i)); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < to && isDigit(s.charAt(i)); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == to;
    }

    /** Whether {@code s} spells NaN or an infinity: {@code [+-]?(nan|inf|infinity)} in any case. */
    static boolean isNonFinite(String s) {
        String t = CsvReader.trim(s);
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        return t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity");
    }

    /**
     * The double value of {@code s} in the grammar of the class comment.
     *
     * @throws NumberFormatException if {@code s} is not such a number (NaN and infinity spellings included)
     */
    static double parseStrict(String s) {
        double v = parse(s.toCharArray(), 0, s.length());
        if (!Double.isNaN(v)) {
            return v;
        }
        if (!isDecimal(s)) {
            throw new NumberFormatException("not a decimal number: " + s);
        }
        return Double.parseDouble(CsvReader.trim(s));
    }

    /** A space or tab: what may surround a number. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The value of {@code s[from, to)}, or {@link #FALLBACK} (NaN) when the fast path does not apply. It reads a
     * {@code char[]} rather than a {@code CharSequence}: a loader parses most values before the JIT has compiled this
     * method, and an interpreted {@code String.charAt} is several calls per character.
     */
    static double parse(char[] s, int from, int to) {
        return scan(s, from, to, false);
    }

    /**
     * {@code (float)} of the double nearest {@code s[from, to)} — what {@code (float) Double.parseDouble(s)} and
     * numpy's float64 → float32 cast give — or {@link Float#NaN} when the fast path cannot tell. It also answers
     * values of up to 18 significant digits above 2^53 (Python writes 16–17 digits, so about 40 % of real embedding
     * values), where {@link #parse} gives up: such a value is computed as v = (double) m × 10^e (or ÷), within
     * {@value #FLOAT_MARGIN} double ulps of the nearest double d (two roundings, plus d's own half ulp), and
     * {@code (float) v == (float) d} unless a float32 rounding boundary — a midpoint between two floats, whose 29
     * low fraction bits are 1000...0 — lies within that distance of v, or v leaves float32's normal range; then the
     * answer is NaN and the caller falls back to {@link Double#parseDouble}.
     */
    static float parseFloat(char[] s, int from, int to) {
        double v = scan(s, from, to, true);
        double a = Math.abs(v);
        if (Double.isNaN(v) || a == 0) {
            return (float) v;
        }
        if (a < 0x1p-126 || a >= 0x1p127) {
            return Float.NaN;
        }
        long low = Double.doubleToRawLongBits(a) & ((1L << 29) - 1);
        if (Math.abs(low - (1L << 28)) <= FLOAT_MARGIN) {
            return Float.NaN;
        }
        return (float) v;
    }

    /** How far, in double ulps, {@link #parseFloat}'s approximation keeps from a float32 midpoint. */
    private static final int FLOAT_MARGIN = 8;

    /**
     * The value of {@code s[from, to)} by the fast path, or {@link #FALLBACK}: exact when {@code approximate} is
     * false; within {@value #FLOAT_MARGIN} ulps of the nearest double when it is true (mantissas above 2^53 then
     * answer too).
     */
    private static double scan(char[] s, int from, int to, boolean approximate) {
        while (from < to && isBlank(s[from])) {
            from++;
        }
        while (to > from && isBlank(s[to - 1])) {
            to--;
        }
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '-' || s[i] == '+')) {
            negative = s[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int exponent = 0;
        boolean point = false;
        for (; i < to; i++) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (mantissa == 0 && c == '0') {
                    if (point) {
                        exponent--;
                    }
                    continue;
                }
                if (++significant > 18) {
                    return FALLBACK;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    exponent--;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return FALLBACK;
        }
        if (i < to) {
            char c = s[i];
            if (c != 'e' && c != 'E') {
                return FALLBACK;
            }
            i++;
            boolean negativeExponent = false;
            if (i < to && (s[i] == '-' || s[i] == '+')) {
                negativeExponent = s[i] == '-';
                i++;
            }
            if (i == to || to - i > 4) {
                return FALLBACK;
            }
            int e = 0;
            for (; i < to; i++) {
                char d = s[i];
                if (d < '0' || d > '9') {
                    return FALLBACK;
                }
                e = e * 10 + (d - '0');
            }
            exponent += negativeExponent ? -e : e;
        }
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        if ((mantissa > MAX_EXACT && !approximate) || exponent < -22 || exponent > 22) {
            return FALLBACK;
        }
        double v = exponent < 0 ? mantissa / POWERS[-exponent] : mantissa * POWERS[exponent];
        return negative ? -v : v;
    }
}
