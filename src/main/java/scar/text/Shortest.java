package scar.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Doubles and floats as text, the same on every JDK: the text that {@code Double.toString} and {@code Float.toString}
 * give from JDK 19 on. JDK 17 writes some values with more digits than they need ({@code 2.07642060769726432E17}
 * for the double that JDK 19 writes {@code 2.0764206076972643E17}), so a file written with {@code Double.toString}
 * differs between two machines that hold the same numbers. Every file and every message that writes a double or a
 * float in full goes through here.
 *
 * <p>The rules (JDK 19's {@code Double.toString} javadoc). A decimal is {@code s·10^i} with {@code s > 0} not a
 * multiple of 10; its length is the number of digits of {@code s}. Of the decimals that round to the (positive)
 * value under IEEE round-to-nearest-even, take the shortest length {@code p}; among the decimals of length {@code p}
 * — of length 1 or 2 when {@code p} is 1 — choose the one closest to the value, and of two equally close the one
 * with the even significand. With {@code n} digits and {@code e = n + i - 1}, write it in plain notation when
 * {@code -3 ≤ e < 7} ({@code 0.00123}, {@code 12300.0}, {@code 12.3}) and otherwise as {@code d.dddEe}
 * ({@code 1.0E23}, {@code 1.23E-19}). NaN, the infinities and the zeros read {@code NaN}, {@code Infinity},
 * {@code -Infinity}, {@code 0.0} and {@code -0.0}.
 *
 * <p>How: on JDK 19 and later, the JDK's own {@code toString}; before, the JDK's own where it writes the same (see
 * {@link #of(double)}), else {@link #exact(double)}: the value and the ends of its rounding interval are exact
 * {@link BigDecimal}s; the shortest length is
 * found by bisection over 1–17 digits (1–9 for a float), asking whether the value rounded down or up to that many
 * digits still lies in the interval: about 2–4 µs a value of everyday size once compiled (10–20 µs for extreme
 * exponents), against 0.1–0.8 µs for the JDK's own; some 25 ms for the 7,000 doubles of a large profile.json.
 */
public final class Shortest {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private Shortest() {
    }

    /** Whether this JDK's own {@code Double.toString} and {@code Float.toString} follow JDK 19's rules. */
    private static final boolean JDK_WRITES_SHORTEST = Runtime.version().feature() >= 19;

    /**
     * {@code v} as JDK 19's {@code Double.toString(v)} writes it. On an older JDK, a value of magnitude in
     * [2⁻⁶³, 2⁵⁰) is written by the JDK's own {@code Double.toString}, which writes JDK 19's text there: JDK 17's
     * differs only for larger values and the subnormals, and agreed with {@link #exact(double)} on every one of
     * 3,000,000 seeded values of that range (random bits, random exponents, ratios of integers) and on the Temurin 25
     * texts of {@code ShortestTest}. That keeps a cold JVM's files as quick to write as before: {@link #exact(double)}
     * costs some 70 µs a value before the JIT has compiled it (a profile holds a thousand or more).
     */
    public static String of(double v) {
        double m = Math.abs(v);
        return JDK_WRITES_SHORTEST || (m >= 0x1p-63 && m < 0x1p50) ? Double.toString(v) : exact(v);
    }

    /**
     * {@code v} as JDK 19's {@code Float.toString(v)} writes it: on an older JDK, by its own {@code Float.toString}
     * for magnitudes in [2⁻⁶³, 10⁷) (JDK 17 often writes more digits than needed from 10⁷ on; below, it agreed with
     * {@link #exact(float)} on 3,000,000 seeded values), else by {@link #exact(float)}.
     */
    public static String of(float v) {
        float m = Math.abs(v);
        return JDK_WRITES_SHORTEST || (m >= 0x1p-63f && m < 1e7f) ? Float.toString(v) : exact(v);
    }

    /** {@link #of(double)} found with exact decimal arithmetic alone (the JDK's own text is not consulted). */
    static String exact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return special(v, Double.doubleToRawLongBits(v) < 0);
        }
        double m = Math.abs(v);
        // Adjacent doubles differ by an exact double; above the largest double the gap is its ulp.
        return decimal(v < 0, m, m - Math.nextDown(m), Math.ulp(m), (Double.doubleToRawLongBits(m) & 1) == 0, 17);
    }

    /** {@link #of(float)} found with exact decimal arithmetic alone. */
    static String exact(float v) {
        if (Float.isNaN(v) || Float.isInfinite(v) || v == 0) {
            return special(v, Float.floatToRawIntBits(v) < 0);
        }
        float m = Math.abs(v);
        return decimal(v < 0, m, m - Math.nextDown(m), Math.ulp(m), (Float.floatToRawIntBits(m) & 1) == 0, 9);
    }

    /**
     * The text of the positive {@code m}, whose neighbours are {@code below} less and {@code above} more (so that
     * the decimals that round to it lie within half of those gaps; on the ends too when {@code even}).
     */
    private static String decimal(boolean negative, double m, double below, double above, boolean even,
            int maxDigits) {
        BigDecimal exact = new BigDecimal(m);
        BigDecimal low = exact.subtract(new BigDecimal(below).multiply(HALF));
        BigDecimal high = exact.add(new BigDecimal(above).multiply(HALF));
        return layout(negative, select(exact, low, high, even, maxDigits));
    }

    /**
     * What {@code Record.toString} gives for {@code r} — {@code Interval[estimate=0.5, low=0.25, high=0.75]} — with
     * its double and float components written by {@link #of}, so that a record prints the same on every JDK (JShell
     * and the notebook show values by {@code toString}). Other components print as {@link String#valueOf} prints
     * them, nested records by their own {@code toString}.
     */
    public static String record(Record r) {
        StringBuilder s = new StringBuilder(r.getClass().getSimpleName()).append('[');
        java.lang.reflect.RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object v;
            try {
                java.lang.reflect.Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                v = accessor.invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i], e);
            }
            s.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=')
                    .append(v instanceof Double d ? of(d) : v instanceof Float f ? of(f) : String.valueOf(v));
        }
        return s.append(']').toString();
    }

    private static String special(double v, boolean negative) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        String magnitude = v == 0 ? "0.0" : "Infinity";
        return negative ? "-" + magnitude : magnitude;
    }

    /**
     * The decimal chosen for {@code exact}, whose rounding interval runs from {@code low} to {@code high} (both ends
     * in it when {@code closed}), without trailing zeros.
     */
    private static BigDecimal select(BigDecimal exact, BigDecimal low, BigDecimal high, boolean closed,
            int maxDigits) {
        int k = exact.precision() - exact.scale(); // 10^(k-1) <= exact < 10^k
        // The decimals of at most n digits near exact are the multiples of 10^(k-n), and the interval holds one
        // exactly when it holds exact rounded down or up to one; more digits only add multiples.
        int fewest = 1;
        int enough = maxDigits;
        while (fewest < enough) {
            int n = (fewest + enough) >>> 1;
            BigDecimal down = exact.setScale(n - k, RoundingMode.FLOOR);
            if (inside(down, low, high, closed) || inside(up(down, exact), low, high, closed)) {
                enough = n;
            } else {
                fewest = n + 1;
            }
        }
        // One digit is chosen among the decimals of one or two digits; those of the decade below are all farther
        // than 10^(k-1), a two-digit multiple that the interval then holds.
        int n = Math.max(fewest, 2);
        BigDecimal down = exact.setScale(n - k, RoundingMode.FLOOR);
        BigDecimal up = up(down, exact);
        boolean downIn = inside(down, low, high, closed);
        boolean upIn = inside(up, low, high, closed);
        if (downIn && upIn) {
            int closer = exact.subtract(down).compareTo(up.subtract(exact));
            boolean pickDown = closer < 0 || closer == 0 && even(down);
            return (pickDown ? down : up).stripTrailingZeros();
        }
        return (downIn ? down : up).stripTrailingZeros();
    }

    /** {@code exact} rounded up to the digits of {@code down}, which is {@code exact} rounded down. */
    private static BigDecimal up(BigDecimal down, BigDecimal exact) {
        return down.compareTo(exact) == 0 ? down : down.add(BigDecimal.valueOf(1, down.scale()));
    }

    private static boolean inside(BigDecimal d, BigDecimal low, BigDecimal high, boolean closed) {
        int fromLow = d.compareTo(low);
        int toHigh = d.compareTo(high);
        return closed ? fromLow >= 0 && toHigh <= 0 : fromLow > 0 && toHigh < 0;
    }

    private static boolean even(BigDecimal d) {
        return !d.stripTrailingZeros().unscaledValue().testBit(0);
    }

    /** {@code d} (no trailing zeros) in plain notation when its exponent e is in [-3, 7), else as d.dddEe. */
    private static String layout(boolean negative, BigDecimal d) {
        String digits = d.unscaledValue().toString();
        int n = digits.length();
        int i = -d.scale();
        int e = n + i - 1;
        StringBuilder s = new StringBuilder(n + 8);
        if (negative) {
            s.append('-');
        }
        if (e >= -3 && e < 0) {
            s.append("0.").append("0".repeat(-(n + i))).append(digits);
        } else if (e >= 0 && e < 7) {
            if (i >= 0) {
                s.append(digits).append("0".repeat(i)).append(".0");
            } else {
                s.append(digits, 0, n + i).append('.').append(digits, n + i, n);
            }
        } else {
            s.append(digits.charAt(0)).append('.').append(n == 1 ? "0" : digits.substring(1)).append('E').append(e);
        }
        return s.toString();
    }
}
