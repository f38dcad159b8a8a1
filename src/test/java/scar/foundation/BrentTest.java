package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hand-written Brent root finder. */
class BrentTest {

    @Test
    void findsSmoothRootsToTolerance() {
        assertEquals(Math.sqrt(2), Brent.root(x -> x * x - 2, 0, 2).getAsDouble(), 2e-12);
        // Dottie number: cos x = x
        double d = Brent.root(x -> Math.cos(x) - x, 0, 1).getAsDouble();
        assertEquals(0, Math.cos(d) - d, 1e-11);
        // a reversed bracket and a decreasing function
        assertEquals(Math.log(50), Brent.root(x -> 50 * Math.exp(-x) - 1, 10, 0).getAsDouble(), 2e-12);
    }

    @Test
    void convergesFastOnSmoothFunctions() {
        AtomicInteger calls = new AtomicInteger();
        Brent.root(x -> {
            calls.incrementAndGet();
            return Math.exp(x) - 5;
        }, 0, 30);
        // bisection alone would need about log2(30 / 2e-12) ≈ 44 steps
        assertEquals(true, calls.get() < 30, "took " + calls.get() + " evaluations");
    }

    @Test
    void handlesDiscontinuousSignChangeLikeBisection() {
        double r = Brent.root(x -> x < 0.3 ? -1 : 1, 0, 1).getAsDouble();
        assertEquals(0.3, r, 4e-12);
    }

    @Test
    void endpointRootsAndMissingBrackets() {
        assertEquals(0.0, Brent.root(x -> x, 0, 1).getAsDouble(), 0.0);
        assertEquals(1.0, Brent.root(x -> x - 1, 0, 1).getAsDouble(), 0.0);
        assertFalse(Brent.root(x -> x * x + 1, -1, 1).isPresent(), "no sign change");
        assertFalse(Brent.root(x -> Double.NaN, -1, 1).isPresent(), "NaN at the ends");
        OptionalDouble notConverged = Brent.root(x -> x < 0.3 ? -1 : 1, 0, 1, 1e-15, 0, 3);
        assertFalse(notConverged.isPresent(), "three bisections cannot reach 1e-15");
        assertThrows(IllegalArgumentException.class, () -> Brent.root(x -> x, 0, Double.POSITIVE_INFINITY));
    }
}
