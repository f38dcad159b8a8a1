package scar.text;

import java.util.SplittableRandom;

/**
 * Writes {@code src/test/resources/scar/text/shortest-jdk25.txt}, the expectations of {@code ShortestTest}: seeded
 * random doubles and floats with the text the running JDK's {@code Double.toString} / {@code Float.toString} gives
 * them. Made once with Temurin 25 (any JDK from 19 on writes the same), from the project folder:
 * <pre>
 * mvn -B -o -q test-compile
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp target/test-classes scar.text.ShortestExpectations \
 *     &gt; src/test/resources/scar/text/shortest-jdk25.txt
 * </pre>
 * One value a line: {@code d} or {@code f}, the value's bits in hexadecimal, its text.
 */
final class ShortestExpectations {

    /** The seed of the values. */
    static final long SEED = 20261205L;

    /** How many doubles and how many floats. */
    static final int DOUBLES = 4000;
    static final int FLOATS = 2000;

    private ShortestExpectations() {
    }

    public static void main(String[] args) {
        if (Runtime.version().feature() < 19) {
            throw new IllegalStateException("run with JDK 19 or later: its Double.toString gives the expectations");
        }
        SplittableRandom random = new SplittableRandom(SEED);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < DOUBLES; i++) {
            double v = aDouble(random, i);
            out.append("d ").append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ')
                    .append(Double.toString(v)).append('\n');
        }
        for (int i = 0; i < FLOATS; i++) {
            float v = aFloat(random, i);
            out.append("f ").append(Integer.toHexString(Float.floatToRawIntBits(v))).append(' ')
                    .append(Float.toString(v)).append('\n');
        }
        System.out.print(out);
    }

    /**
     * Any bits; a share, a size or a time as results hold them; a large whole number (where JDK 17 writes too many
     * digits); a subnormal; a neighbour of a point where the notation changes.
     */
    static double aDouble(SplittableRandom random, int i) {
        return switch (i % 5) {
            case 0 -> finite(Double.longBitsToDouble(random.nextLong()));
            case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-4, 9));
            case 2 -> Math.scalb((double) random.nextLong(1L << 52, 1L << 53), random.nextInt(0, 40));
            case 3 -> Double.longBitsToDouble(random.nextLong(1, 1L << 52));
            default -> {
                double edge = random.nextBoolean() ? 1e-3 : 1e7;
                double v = edge;
                for (int steps = random.nextInt(-50, 50); steps != 0; steps += steps < 0 ? 1 : -1) {
                    v = steps < 0 ? Math.nextDown(v) : Math.nextUp(v);
                }
                yield random.nextBoolean() ? v : -v;
            }
        };
    }

    static float aFloat(SplittableRandom random, int i) {
        return switch (i % 4) {
            case 0 -> (float) finite(Float.intBitsToFloat(random.nextInt()));
            case 1 -> (float) (random.nextDouble() * Math.pow(10, random.nextInt(-4, 9)));
            case 2 -> Float.intBitsToFloat(random.nextInt(1, 1 << 23));
            default -> {
                float edge = random.nextBoolean() ? 1e-3f : 1e7f;
                float v = edge;
                for (int steps = random.nextInt(-50, 50); steps != 0; steps += steps < 0 ? 1 : -1) {
                    v = steps < 0 ? Math.nextDown(v) : Math.nextUp(v);
                }
                yield random.nextBoolean() ? v : -v;
            }
        };
    }

    /** NaN becomes 0 (NaN has many bit patterns, all written "NaN"). */
    private static double finite(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
