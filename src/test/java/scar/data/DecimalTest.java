package scar.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTest {

    /** The fast path must give exactly Double.parseDouble's answer whenever it answers. */
    private static void agrees(String s) {
        double fast = Decimal.parse(s.toCharArray(), 0, s.length());
        if (!Double.isNaN(fast)) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s.trim())), Double.doubleToRawLongBits(fast), s);
        }
    }

    @Test
    void agreesWithParseDoubleOnRandomValues() {
        SplittableRandom random = new SplittableRandom(11);
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-12, 12));
                case 2 -> random.nextInt(-100_000, 100_000) / 1000.0;
                default -> (float) random.nextGaussian();
            };
            String s = i % 8 == 7 ? String.format("%.6e", v) : Double.toString(v);
            agrees(s);
            answered += Double.isNaN(Decimal.parse(s.toCharArray(), 0, s.length())) ? 0 : 1;
        }
        assertTrue(answered > 100_000, "the fast path should answer most values, answered " + answered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.0", "1", "+1", "-1.5", "1.", ".5", " 2.25 ", "1e5", "1E-5", "12345678901234567",
            "9007199254740993", "0.1", "0.30000000000000004", "3.4e38", "1e22", "1e23", "123456789012345678e-5",
            "0.000000000000000000000001", "5e-324", "1.7976931348623157E308"})
    void edgeCases(String s) {
        agrees(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "e5", "1e", "1e+", "abc", "NaN", "Infinity", "1.2.3", "0x1p3", "1,5", "1e99999"})
    void leavesEverythingElseToTheFallback(String s) {
        assertTrue(Double.isNaN(Decimal.parse(s.toCharArray(), 0, s.length())), s);
    }

    @Test
    void negativeZeroKeepsItsSign() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Decimal.parse("-0.0".toCharArray(), 0, 4)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+1", "1.", ".5", " 2.25 ", "\t3\t", "1e5", "1E-5", "-1.5e+300", "007",
            "12345678901234567890123", "1e99999"})
    void theGrammarAcceptsPlainDecimals(String s) {
        assertTrue(Decimal.isDecimal(s), s);
        assertEquals(Double.parseDouble(s.strip()), Decimal.parseStrict(s), 0.0, s);
    }

    /** Issue 14: everything Double.parseDouble reads beyond plain decimals is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "+", ".", "e5", "1e", "1e+", "abc", "NaN", "Infinity", "-inf", "1.2.3",
            "0x1p3", "0X1P3", "0x10", "1.5f", "2d", "2D", "1F", "1,5", "1_000", "\u00001", "1\u000b", "\u00a01",
            "--1", "1e5e5", "1.e", "١"})
    void theGrammarRefusesEverythingElse(String s) {
        assertTrue(!Decimal.isDecimal(s), s);
        org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class, () -> Decimal.parseStrict(s));
    }

    /** The float fast path must give exactly {@code (float) Double.parseDouble(s)} whenever it answers. */
    private static boolean floatAgrees(String s) {
        float fast = Decimal.parseFloat(s.toCharArray(), 0, s.length());
        if (Float.isNaN(fast)) {
            return false;
        }
        float exact = (float) Double.parseDouble(s.trim());
        assertEquals(Float.floatToRawIntBits(exact), Float.floatToRawIntBits(fast), s);
        return true;
    }

    @Test
    void theFloatPathAgreesOnValuesAsPythonWritesThem() {
        // repr() of float64 values: 16-17 significant digits, many of them above 2^53 as integers
        SplittableRandom random = new SplittableRandom(5);
        int answered = 0;
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            double v = switch (i % 3) {
                case 0 -> random.nextDouble();
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 8));
                default -> (double) (float) random.nextGaussian();
            };
            answered += floatAgrees(Double.toString(v)) ? 1 : 0;
            answered += floatAgrees(String.format(java.util.Locale.ROOT, "%.17g", v)) ? 1 : 0;
        }
        // exponents beyond ±22 (tiny values written with 17 digits) are left to the fallback
        assertTrue(answered > 2 * n * 0.9, "the float path should answer most values, answered " + answered);
    }

    @Test
    void theFloatPathNeverGuessesNearAFloat32Midpoint() {
        // decimals within a few double ulps of the midpoint between two adjacent floats: where rounding twice
        // (decimal -> double -> float) could go either way, the fast path must answer exactly or not at all
        SplittableRandom random = new SplittableRandom(7);
        int exactMidpoints = 0;
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt(0x00800000, 0x7f000000));
            double mid = ((double) f + (double) Math.nextUp(f)) / 2; // exact: 25 significant bits
            double near = mid;
            for (int steps = random.nextInt(-6, 7); steps != 0; steps -= Integer.signum(steps)) {
                near = steps > 0 ? Math.nextUp(near) : Math.nextDown(near);
            }
            for (String s : new String[] {Double.toString(near), String.format(java.util.Locale.ROOT, "%.17g", near),
                    String.format(java.util.Locale.ROOT, "%.18g", near)}) {
                floatAgrees(s);
                floatAgrees("-" + s);
            }
            exactMidpoints += near == mid ? 1 : 0;
        }
        assertTrue(exactMidpoints > 1000, "the test should hit exact midpoints too: " + exactMidpoints);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.0", "1", "0.1", "3.4028235e38", "3.4028236e38", "1e38", "1.1754944e-38",
            "1.1754942e-38", "1.4e-45", "7e-46", "0.30000000000000004", "16777217", "16777216.999999999",
            "0.009009009227156639", "0.033032618972581064", " 0.5 ", "123456789012345678e-5"})
    void theFloatPathAgreesAtTheEdges(String s) {
        floatAgrees(s);
    }

    @Test
    void nonFiniteSpellingsAreRecognised() {
        for (String s : new String[] {"nan", "NaN", "-nan", "inf", "+inf", "-Infinity", "INFINITY", " inf "}) {
            assertTrue(Decimal.isNonFinite(s), s);
        }
        for (String s : new String[] {"infinite", "nana", "1", ""}) {
            assertTrue(!Decimal.isNonFinite(s), s);
        }
    }
}
