package scar.probe;

import java.util.Objects;

/**
 * The converged probe's optimisation (SPEC §2.1) with the passes over the data supplied by the caller: L-BFGS from
 * W = 0, b = 0 on mean cross-entropy + (λ/2)·‖W‖², the parameters kept in double and rounded to float for every
 * pass. The local probe passes over its own blocks; the Spark runner's pass is one job over a cached dataset. Given
 * passes that return the same {@link PassSums}, the fits are identical bit for bit.
 */
public final class ConvergedFit {
    private ConvergedFit() {
    }

    /** One pass over the fit's rows at the float model {@code (w, b)}, w being K × d. */
    public interface Pass {
        PassSums evaluate(float[][] w, float[] b);
    }

    /**
     * Where the optimiser stopped.
     *
     * @param w          the final weights (K × d), as the passes saw them
     * @param b          the final biases
     * @param loss       the final objective: mean cross-entropy + (λ/2)·‖W‖²
     * @param iterations L-BFGS iterations made
     * @param converged  whether a stop rule of SPEC §2.1 was met before the iteration limit
     */
    public record Result(float[][] w, float[] b, double loss, int iterations, boolean converged) {
    }

    /**
     * Minimises over a fit of {@code n} rows, K classes and d features. {@code beforeIteration} runs at the start of
     * every iteration (to check for cancellation).
     */
    public static Result minimize(int numClasses, int d, long n, ProbeOptions options, Pass pass,
                                  Runnable beforeIteration) {
        return minimize(numClasses, d, n, options, pass, beforeIteration, () -> { });
    }

    /**
     * {@link #minimize(int, int, long, ProbeOptions, Pass, Runnable)}, calling {@code accepted} right after every
     * pass whose model becomes the optimiser's current one: the result's model is the one of the last such pass.
     */
    static Result minimize(int numClasses, int d, long n, ProbeOptions options, Pass pass, Runnable beforeIteration,
                           Runnable accepted) {
        Objects.requireNonNull(pass, "pass");
        Model model = Model.zeros(numClasses, d);
        int weights = numClasses * d;
        double[] gradW = new double[weights];
        double[] gradB = new double[numClasses];
        double lambda = options.lambda();
        Lbfgs.Objective objective = (theta, grad) -> {
            model.load(theta);
            PassSums sums = pass.evaluate(model.w(), model.b());
            if (sums.rows() != n) {
                throw new IllegalStateException("a pass summed " + sums.rows() + " rows of a fit of " + n);
            }
            sums.gradient(gradW, gradB);
            double penalty = 0;
            for (int i = 0; i < weights; i++) {
                penalty += theta[i] * theta[i];
                grad[i] = gradW[i] + lambda * theta[i];
            }
            System.arraycopy(gradB, 0, grad, weights, numClasses);
            return sums.meanLoss(n) + 0.5 * lambda * penalty;
        };
        Lbfgs.Outcome outcome = Lbfgs.minimize(objective, new double[weights + numClasses], options,
                beforeIteration, accepted);
        model.load(outcome.x());
        return new Result(model.w(), model.b(), outcome.value(), outcome.iterations(), outcome.converged());
    }
}
