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
        double fast = Decimal.parse(s, 0, s.length());
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
            answered += Double.isNaN(Decimal.parse(s, 0, s.length())) ? 0 : 1;
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
        assertTrue(Double.isNaN(Decimal.parse(s, 0, s.length())), s);
    }

    @Test
    void negativeZeroKeepsItsSign() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Decimal.parse("-0.0", 0, 4)));
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
