package scar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;

/**
 * {@link Shortest} writes what JDK 19's {@code Double.toString} and {@code Float.toString} write, on any JDK. Every
 * expected string here comes from Temurin 25: the table below was printed by its {@code Double.toString} /
 * {@code Float.toString} for each value, and {@code shortest-jdk25.txt} was written by {@link ShortestExpectations}
 * running on it.
 */
class ShortestTest {

    /** Powers of ten and two, the extremes, values JDK 17 writes with too many digits, the notation boundaries. */
    static Stream<Object[]> doubles() {
        return Stream.of(
            new Object[] {Double.longBitsToDouble(0x3ee4f8b588e368f1L), "1.0E-5"},
            new Object[] {Double.longBitsToDouble(0x3f1a36e2eb1c432dL), "1.0E-4"},
            new Object[] {Double.longBitsToDouble(0x3f50624dd2f1a9fcL), "0.001"},
            new Object[] {Double.longBitsToDouble(0x3f847ae147ae147bL), "0.01"},
            new Object[] {Double.longBitsToDouble(0x3fb999999999999aL), "0.1"},
            new Object[] {Double.longBitsToDouble(0x3ff0000000000000L), "1.0"},
            new Object[] {Double.longBitsToDouble(0x4024000000000000L), "10.0"},
            new Object[] {Double.longBitsToDouble(0x412e848000000000L), "1000000.0"},
            new Object[] {Double.longBitsToDouble(0x416312d000000000L), "1.0E7"},
            new Object[] {Double.longBitsToDouble(0x4197d78400000000L), "1.0E8"},
            new Object[] {Double.longBitsToDouble(0x4341c37937e08000L), "1.0E16"},
            new Object[] {Double.longBitsToDouble(0x4376345785d8a000L), "1.0E17"},
            new Object[] {Double.longBitsToDouble(0x444b1ae4d6e2ef50L), "1.0E21"},
            new Object[] {Double.longBitsToDouble(0x4480f0cf064dd592L), "1.0E22"},
            new Object[] {Double.longBitsToDouble(0x44b52d02c7e14af6L), "1.0E23"},
            new Object[] {Double.longBitsToDouble(0x1L), "4.9E-324"},
            new Object[] {Double.longBitsToDouble(0x10000000000000L), "2.2250738585072014E-308"},
            new Object[] {Double.longBitsToDouble(0x4340000000000000L), "9.007199254740992E15"},
            new Object[] {Double.longBitsToDouble(0x43b0000000000000L), "1.152921504606847E18"},
            new Object[] {Double.longBitsToDouble(0x43f0000000000000L), "1.8446744073709552E19"},
            new Object[] {Double.longBitsToDouble(0x4630000000000000L), "1.2676506002282294E30"},
            new Object[] {Double.longBitsToDouble(0x7fe0000000000000L), "8.98846567431158E307"},
            new Object[] {Double.longBitsToDouble(0x1L), "4.9E-324"},
            new Object[] {Double.longBitsToDouble(0x2L), "9.9E-324"},
            new Object[] {Double.longBitsToDouble(0x3L), "1.5E-323"},
            new Object[] {Double.longBitsToDouble(0x10000000000000L), "2.2250738585072014E-308"},
            new Object[] {Double.longBitsToDouble(0x7fefffffffffffffL), "1.7976931348623157E308"},
            new Object[] {Double.longBitsToDouble(0x43870d8ad544e07fL), "2.0764206076972643E17"},
            new Object[] {Double.longBitsToDouble(0x43830fa2ccf2d778L), "1.7168692656281574E17"},
            new Object[] {Double.longBitsToDouble(0x4377dd443b33667aL), "1.0747535336134442E17"},
            new Object[] {Double.longBitsToDouble(0x3f50624dd2f1a9fbL), "9.999999999999998E-4"},
            new Object[] {Double.longBitsToDouble(0x3f50624dd2f1a9fdL), "0.0010000000000000002"},
            new Object[] {Double.longBitsToDouble(0x416312cfffffffffL), "9999999.999999998"},
            new Object[] {Double.longBitsToDouble(0x416312d000000001L), "1.0000000000000002E7"},
            new Object[] {Double.longBitsToDouble(0x416312cfe0000000L), "9999999.0"},
            new Object[] {Double.longBitsToDouble(0x416312cff0000000L), "9999999.5"},
            new Object[] {Double.longBitsToDouble(0x3f50624dd2f1a9fdL), "0.0010000000000000002"},
            new Object[] {Double.longBitsToDouble(0x3f60624dd2f1a9fcL), "0.002"},
            new Object[] {Double.longBitsToDouble(0x3fd5555555555555L), "0.3333333333333333"},
            new Object[] {Double.longBitsToDouble(0x3fd3333333333334L), "0.30000000000000004"},
            new Object[] {Double.longBitsToDouble(0x4059000000000000L), "100.0"},
            new Object[] {Double.longBitsToDouble(0x40fe240c9fbe76c9L), "123456.789"},
            new Object[] {Double.longBitsToDouble(0x8000000000000000L), "-0.0"},
            new Object[] {Double.longBitsToDouble(0x0L), "0.0"},
            new Object[] {Double.longBitsToDouble(0xbe8421f5f40d8376L), "-1.5E-7"},
            new Object[] {Double.NaN, "NaN"},
            new Object[] {Double.longBitsToDouble(0x7ff0000000000000L), "Infinity"},
            new Object[] {Double.longBitsToDouble(0xfff0000000000000L), "-Infinity"});
    }

    static Stream<Object[]> floats() {
        return Stream.of(
            new Object[] {Float.intBitsToFloat(0x3727c5ac), "1.0E-5"},
            new Object[] {Float.intBitsToFloat(0x3a83126f), "0.001"},
            new Object[] {Float.intBitsToFloat(0x3dcccccd), "0.1"},
            new Object[] {Float.intBitsToFloat(0x3f800000), "1.0"},
            new Object[] {Float.intBitsToFloat(0x4b189680), "1.0E7"},
            new Object[] {Float.intBitsToFloat(0x4cbebc20), "1.0E8"},
            new Object[] {Float.intBitsToFloat(0x501502f9), "1.0E10"},
            new Object[] {Float.intBitsToFloat(0x1), "1.4E-45"},
            new Object[] {Float.intBitsToFloat(0x4b800000), "1.6777216E7"},
            new Object[] {Float.intBitsToFloat(0x71800000), "1.2676506E30"},
            new Object[] {Float.intBitsToFloat(0x1), "1.4E-45"},
            new Object[] {Float.intBitsToFloat(0x2), "2.8E-45"},
            new Object[] {Float.intBitsToFloat(0x800000), "1.1754944E-38"},
            new Object[] {Float.intBitsToFloat(0x7f7fffff), "3.4028235E38"},
            new Object[] {Float.intBitsToFloat(0x3a83126e), "9.999999E-4"},
            new Object[] {Float.intBitsToFloat(0x3a831270), "0.0010000002"},
            new Object[] {Float.intBitsToFloat(0x4b18967f), "9999999.0"},
            new Object[] {Float.intBitsToFloat(0x4b189681), "1.0000001E7"},
            new Object[] {Float.intBitsToFloat(0x3eaaaaab), "0.33333334"},
            new Object[] {Float.intBitsToFloat(0x3b03126f), "0.002"},
            new Object[] {Float.intBitsToFloat(0x4b7fffff), "1.6777215E7"},
            new Object[] {Float.intBitsToFloat(0x4c000000), "3.3554432E7"},
            new Object[] {Float.intBitsToFloat(0x50000026), "8.589974E9"},
            new Object[] {Float.intBitsToFloat(0x80000000), "-0.0"},
            new Object[] {Float.NaN, "NaN"},
            new Object[] {Float.intBitsToFloat(0xff800000), "-Infinity"});
    }

    @ParameterizedTest
    @MethodSource("doubles")
    void doublesReadAsJdk19WritesThem(double value, String expected) {
        assertEquals(expected, Shortest.of(value));
    }

    @ParameterizedTest
    @MethodSource("floats")
    void floatsReadAsJdk19WritesThem(float value, String expected) {
        assertEquals(expected, Shortest.of(value));
    }

    @Test
    void seededRandomValuesReadAsTemurin25WroteThem() throws IOException {
        List<String> lines;
        try (InputStream in = ShortestTest.class.getResourceAsStream("shortest-jdk25.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(ShortestExpectations.DOUBLES + ShortestExpectations.FLOATS, lines.size(), "lines of the file");
        // the file holds the values the generator makes from its seed, in order
        SplittableRandom random = new SplittableRandom(ShortestExpectations.SEED);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(" ");
            boolean isDouble = i < ShortestExpectations.DOUBLES;
            assertEquals(isDouble ? "d" : "f", parts[0], "line " + (i + 1));
            if (isDouble) {
                double v = ShortestExpectations.aDouble(random, i);
                assertEquals(Long.toHexString(Double.doubleToRawLongBits(v)), parts[1], "line " + (i + 1));
                assertEquals(parts[2], Shortest.of(v), "line " + (i + 1));
            } else {
                float v = ShortestExpectations.aFloat(random, i - ShortestExpectations.DOUBLES);
                assertEquals(Integer.toHexString(Float.floatToRawIntBits(v)), parts[1], "line " + (i + 1));
                assertEquals(parts[2], Shortest.of(v), "line " + (i + 1));
            }
        }
    }

    @Test
    void textParsesBackToTheSameBits() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            double d = ShortestExpectations.aDouble(random, i);
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.parseDouble(Shortest.of(d))),
                    () -> Shortest.of(d));
            float f = ShortestExpectations.aFloat(random, i);
            assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits(Float.parseFloat(Shortest.of(f))),
                    () -> Shortest.of(f));
        }
    }

    /**
     * Where {@link Shortest#of} takes the JDK's own text on a JDK before 19 (doubles in [2⁻⁶³, 2⁵⁰), floats in
     * [2⁻⁶³, 10⁷)), that text is the exact answer: seeded values of random bits, random binary exponents and ratios
     * of integers. On JDK 19 and later the JDK's text is JDK 19's by definition, and this checks the exact answer
     * against it.
     */
    @Test
    void whereTheJdksOwnTextIsTakenItIsTheExactAnswer() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 150_000; i++) {
            double d = switch (i % 3) {
                case 0 -> Math.scalb(1 + random.nextDouble(), random.nextInt(-63, 50));
                case 1 -> random.nextInt(1, 1_000_000) / (double) random.nextInt(1, 1_000_000)
                        * Math.pow(10, random.nextInt(-10, 10));
                default -> Double.longBitsToDouble(random.nextLong(Double.doubleToRawLongBits(0x1p-63),
                        Double.doubleToRawLongBits(0x1p50)));
            };
            if (d >= 0x1p-63 && d < 0x1p50) {
                assertEquals(Shortest.exact(d), Double.toString(d), () -> "double " + d);
                assertEquals(Shortest.exact(-d), Double.toString(-d), () -> "double " + -d);
            }
            float f = (float) d;
            if (f >= 0x1p-63f && f < 1e7f) {
                assertEquals(Shortest.exact(f), Float.toString(f), () -> "float " + f);
            }
        }
    }

    /** A double JDK 17 writes as 2.07642060769726432E17 (the lead's profile.json) and a float it writes longer. */
    private static final double LONG_ON_17 = Double.longBitsToDouble(0x43870d8ad544e07fL);
    private static final float FLOAT_LONG_ON_17 = Float.intBitsToFloat(0x50000026);

    /** The fields of a result, of every floating-point shape a result has. */
    record Numbers(double plain, Double boxed, float single, double[] many, double missing, long nanos) {
    }

    @Test
    void jsonWritesEveryDoubleAndFloatAsJdk19() {
        Numbers n = new Numbers(LONG_ON_17, LONG_ON_17, FLOAT_LONG_ON_17, new double[] {LONG_ON_17, 0.1},
                Double.NaN, 5);
        String expected = "{\n  \"plain\": 2.0764206076972643E17,\n  \"boxed\": 2.0764206076972643E17,\n"
                + "  \"single\": 8.589974E9,\n  \"many\": [\n    2.0764206076972643E17,\n    0.1\n  ],\n"
                + "  \"missing\": NaN,\n  \"nanos\": 5\n}";
        assertEquals(expected, Json.toJson(n));
        // the results without run facts go through a tree, which keeps the text
        assertEquals(expected.replace(",\n  \"nanos\": 5", ""), Json.results(n));
        // timings: numbers in maps
        assertEquals("{\n  \"wall_seconds\": 2.0764206076972643E17\n}",
                Json.toJson(Map.of("wall_seconds", LONG_ON_17)));
    }

    @Test
    void csvWritesEveryDoubleAndFloatAsJdk19() throws IOException {
        StringWriter out = new StringWriter();
        SheetCsv.write(Sheet.of("numbers", DoubleColumn.create("d", LONG_ON_17, Double.NaN, 0.001),
                FloatColumn.create("f", new float[] {FLOAT_LONG_ON_17, Float.NaN, 1e7f})), out);
        String nl = System.lineSeparator();
        assertEquals("d,f" + nl + "2.0764206076972643E17,8.589974E9" + nl + "," + nl + "0.001,1.0E7" + nl,
                out.toString());
    }

    /** Components of every kind a result record has. */
    record Parts(double d, float f, int i, String s, boolean b, Parts inner) {
    }

    @Test
    void recordsPrintAsRecordToStringPrintsThem() {
        Parts inner = new Parts(0.25, 1.5f, 3, "x", true, null);
        Parts outer = new Parts(-1e-7, 2e10f, -1, "a, b", false, inner);
        // on values every JDK writes alike, the same text as Record.toString
        assertEquals(inner.toString(), Shortest.record(inner));
        assertEquals(outer.toString().replace(inner.toString(), Shortest.record(inner)), Shortest.record(outer));
    }

    @Test
    void resultRecordsPrintTheSameOnEveryJdk() {
        // Temurin 25's Record.toString of this Interval; JDK 17's prints 2.07642060769726432E17 and
        // 2.14950706722688832E17
        assertEquals("Interval[estimate=2.0764206076972643E17, low=1.0E17, high=2.1495070672268883E17]",
                new scar.evidence.Interval(LONG_ON_17, 1e17, Double.longBitsToDouble(0x4377dd443b33667aL) * 2)
                        .toString());
    }
}
