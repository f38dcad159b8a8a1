package scar.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Compact, locale-independent number formatting for chart titles, legends and report tables. */
public final class Numbers {

    private Numbers() {}

    /**
     * {@code value} with at most 4 significant digits: plain notation for magnitudes in [0.001, 1e6) without
     * trailing zeros ("0.1235", "52840", "3"), scientific otherwise ("1.235e-05", "2.5e+07"); "NaN", "∞" and "−∞"
     * as such; integers below 1e6 keep all digits.
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs >= 1e6 || abs < 1e-3) {
            String s = String.format(Locale.ROOT, "%.3e", value);
            int e = s.indexOf('e');
            String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
            return mantissa + s.substring(e);
        }
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * An axis tick label: whole numbers below 1e15 with thousands separators ("35,000"), anything else as
     * {@link #format(double)} (so a tick at 0.30000000000000004 reads "0.3").
     */
    public static String tick(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return format(value);
    }
}
