package scar.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Locale;

/**
 * The one number format of the project: every number a person reads — in the terminal, in {@code toString}, in the
 * kernel's and the report's HTML tables and in chart labels — is written by one of these methods, chosen by what the
 * number is. Locale-independent (thousands separated by commas, decimal point).
 *
 * <table>
 *   <caption>kinds</caption>
 *   <tr><th>kind</th><th>for</th><th>examples</th></tr>
 *   <tr><td>{@link #items}</td><td>counts and sizes in items: items, shortfalls, step sizes, N_F, budgets</td>
 *       <td>{@code 118,198}, {@code 64}, {@code -1,663}</td></tr>
 *   <tr><td>{@link #ratio}</td><td>ratios and factors: N_F/items, ρ, H, the bias between modalities</td>
 *       <td>{@code 54.4}, {@code 2.72}, {@code 0.0123}, {@code 4,209}</td></tr>
 *   <tr><td>{@link #share}</td><td>numbers in [0, 1] and their standard deviations: accuracies, recalls, macro-F1,
 *       the four measures</td><td>{@code 0.261}, {@code 0.000}</td></tr>
 *   <tr><td>{@link #signedShare}</td><td>differences of shares: gains, back-test errors</td>
 *       <td>{@code +0.012}, {@code -0.004}</td></tr>
 *   <tr><td>{@link #number}</td><td>parameters: ε, δ, λ, tolerances</td><td>{@code 0.01}, {@code 1e-04}</td></tr>
 *   <tr><td>{@link #duration}</td><td>elapsed time</td><td>{@code 350 ms}, {@code 26.1 s}, {@code 2 min 05 s}</td></tr>
 * </table>
 *
 * <p>Every kind writes NaN as {@code n/a} and infinities as {@code ∞} / {@code −∞}; no kind writes {@code -0}.
 */
public final class Format {

    /** How missing values (NaN) read. */
    public static final String MISSING = "n/a";

    private Format() {
    }

    /** Whole items with thousands separators, rounded half up: {@code 118,198}. */
    public static String items(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        return noNegativeZero(whole(value));
    }

    /** A change in items, with its sign: {@code +1,234}, {@code -278}, {@code 0}. */
    public static String signedItems(double value) {
        String s = items(value);
        return s.equals("0") || s.startsWith("-") || special(value) != null ? s : "+" + s;
    }

    /** Whole items with thousands separators: {@code 118,198}. */
    public static String items(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * Three significant digits, trailing zeros kept ({@code 54.4}, {@code 2.72}, {@code 1.00}, {@code 0.0123}); at
     * 1000 and above whole with thousands separators ({@code 4,209}).
     */
    public static String ratio(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        if (value == 0) {
            return "0.00";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        double abs = Math.abs(rounded.doubleValue());
        if (abs >= 1000) {
            return whole(value);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(abs)));
        return noNegativeZero(rounded.setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    /** Three decimals: {@code 0.261}; a standard deviation of 1e-16 reads {@code 0.000}. */
    public static String share(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        return noNegativeZero(String.format(Locale.ROOT, "%.3f", value));
    }

    /** Three decimals with a sign: {@code +0.012}, {@code -0.004}, {@code 0.000}. */
    public static String signedShare(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        String s = String.format(Locale.ROOT, "%+.3f", value);
        return s.equals("+0.000") || s.equals("-0.000") ? "0.000" : s;
    }

    /** A share with its interval: {@code 0.873 [0.851–0.890]}. */
    public static String shareInterval(double estimate, double low, double high) {
        return share(estimate) + " [" + share(low) + "–" + share(high) + "]";
    }

    /** Items with a range: {@code 118,198 (117,920–118,431)}. */
    public static String itemsRange(double estimate, double low, double high) {
        return items(estimate) + " (" + items(low) + "–" + items(high) + ")";
    }

    /**
     * A parameter with at most 4 significant digits and no trailing zeros: plain for magnitudes in [0.001, 1e6)
     * ({@code 0.01}, {@code 0.1235}, {@code 52840}), scientific otherwise ({@code 1e-04}, {@code 2.5e+07}).
     */
    public static String number(double value) {
        String special = special(value);
        if (special != null) {
            return special;
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
     * A tolerance given as a share, read in points (hundredths) as a {@link #number parameter}: {@code 1 point},
     * {@code 2 points}, {@code 1.5 points}, {@code 0.5 points}.
     */
    public static String points(double share) {
        String n = number(share * 100);
        return n + (n.equals("1") ? " point" : " points");
    }

    /**
     * An axis tick: whole numbers below 1e15 as {@link #items(double) items} ({@code 35,000}), anything else as
     * {@link #number} (so a tick at 0.30000000000000004 reads {@code 0.3}).
     */
    public static String tick(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return items(value);
        }
        return number(value);
    }

    /** Elapsed time: {@code 350 ms}, {@code 26.1 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** {@link #duration(Duration)} of a number of nanoseconds. */
    public static String nanos(long nanos) {
        return duration(Duration.ofNanos(nanos));
    }

    /** "1 seed", "3 seeds": a count with its noun in singular or plural. */
    public static String count(long n, String one, String many) {
        return items(n) + " " + (n == 1 ? one : many);
    }

    /**
     * {@code value} rounded half up to a whole number, thousands separated: what {@code String.format("%,.0f")}
     * writes on JDK 19 and later, on every JDK. It rounds the digits of {@code Double.toString}, so on JDK 17 some
     * values beyond 10^16 read otherwise ({@code 207,642,060,769,726,432} for {@code 207,642,060,769,726,430}).
     */
    private static String whole(double value) {
        return String.format(Locale.ROOT, "%,d", new BigDecimal(Shortest.of(value))
                .setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger());
    }

    private static String special(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        return null;
    }

    private static String noNegativeZero(String s) {
        return s.startsWith("-") && s.chars().noneMatch(ch -> ch >= '1' && ch <= '9') ? s.substring(1) : s;
    }
}
