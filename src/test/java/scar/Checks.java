package scar;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the tests of several packages. */
public final class Checks {
    private Checks() {
    }

    /** The call throws an IllegalArgumentException whose message contains {@code fragment}. */
    public static void assertMessage(Executable call, String fragment) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    /** v lies in [0, 1]. */
    public static void assertUnit(double v, String what) {
        assertTrue(v >= 0 && v <= 1, what + " = " + v + " outside [0, 1]");
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates) from the given seeded source. */
    public static int[] permutation(int n, SplittableRandom rnd) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The values in a random order. */
    public static double[] shuffled(double[] values, SplittableRandom rnd) {
        int[] order = permutation(values.length, rnd);
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }
}
