package scar.data;

/**
 * Fast exact parsing of decimal numbers, the hot loop of the CSV loaders. It handles the common case — at most 19
 * significant digits forming an integer m ≤ 2^53 with a decimal exponent e, |e| ≤ 22 — by Clinger's fast path: m and
 * 10^|e| are both exact doubles, so one IEEE multiplication or division gives the correctly rounded result, the same
 * double {@link Double#parseDouble} returns. Everything else (more digits, larger exponents, NaN, hexadecimal,
 * malformed text) is left to the caller's fallback.
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

    /** The value of {@code s[from, to)}, or {@link #FALLBACK} (NaN) when the fast path does not apply. */
    static double parse(CharSequence s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int exponent = 0;
        boolean point = false;
        for (; i < to; i++) {
            char c = s.charAt(i);
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
            char c = s.charAt(i);
            if (c != 'e' && c != 'E') {
                return FALLBACK;
            }
            i++;
            boolean negativeExponent = false;
            if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                negativeExponent = s.charAt(i) == '-';
                i++;
            }
            if (i == to || to - i > 4) {
                return FALLBACK;
            }
            int e = 0;
            for (; i < to; i++) {
                char d = s.charAt(i);
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
        if (mantissa > MAX_EXACT || exponent < -22 || exponent > 22) {
            return FALLBACK;
        }
        double v = exponent < 0 ? mantissa / POWERS[-exponent] : mantissa * POWERS[exponent];
        return negative ? -v : v;
    }
}
