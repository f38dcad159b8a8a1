package scar.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest {
    /** f(x) = Σ_i (i + 1)·(x_i − i)² / 2 has its minimum 0 at x_i = i. */
    private static final Lbfgs.Objective QUADRATIC = (x, g) -> {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double r = x[i] - i;
            f += (i + 1) * r * r / 2;
            g[i] = (i + 1) * r;
        }
        return f;
    };

    /** Rosenbrock's banana, minimum 0 at (1, 1). */
    private static final Lbfgs.Objective ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void findsTheMinimumOfAnIllConditionedQuadratic() {
        Lbfgs.Outcome out = Lbfgs.minimize(QUADRATIC, new double[20], ProbeOptions.defaults().withRelTolerance(0),
                () -> { });
        assertTrue(out.converged());
        for (int i = 0; i < 20; i++) {
            assertEquals(i, out.x()[i], 1e-5 / (i + 1));
        }
    }

    @Test
    void solvesRosenbrockFromTheClassicStart() {
        Lbfgs.Outcome out = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, ProbeOptions.defaults()
                .withGradTolerance(1e-8).withRelTolerance(0), () -> { });
        assertTrue(out.converged());
        assertEquals(1, out.x()[0], 1e-6);
        assertEquals(1, out.x()[1], 1e-6);
        assertTrue(out.iterations() > 10, "Rosenbrock needs a real number of iterations, got " + out.iterations());
    }

    @Test
    void reportsNotConvergedAtTheIterationLimit() {
        Lbfgs.Outcome out = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, ProbeOptions.defaults()
                .withMaxIterations(3), () -> { });
        assertFalse(out.converged());
        assertEquals(3, out.iterations());
    }

    @Test
    void startingAtTheMinimumTakesNoIteration() {
        double[] start = new double[5];
        for (int i = 0; i < 5; i++) {
            start[i] = i;
        }
        Lbfgs.Outcome out = Lbfgs.minimize(QUADRATIC, start, ProbeOptions.defaults(), () -> { });
        assertTrue(out.converged());
        assertEquals(0, out.iterations());
    }
}
