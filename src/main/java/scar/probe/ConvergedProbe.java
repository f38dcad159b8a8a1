package scar.probe;

/**
 * SPEC §2.1: standardised inputs, mean softmax cross-entropy + (λ/2)·‖W‖² (bias unpenalised) from W = 0, b = 0,
 * minimised by {@link Lbfgs}. The parameters live in double for the optimiser and are rounded to float for each
 * pass over the data. No randomness.
 */
final class ConvergedProbe {
    private ConvergedProbe() {
    }

    static ProbeResult fit(Fit fit) {
        ProbeOptions o = fit.options();
        Standardizer standardizer = Standardizer.fit(fit.x());
        SoftmaxPass train = new SoftmaxPass(standardizer.apply(fit.x()), fit.labels(), fit.numClasses(),
                o.threads());
        int k = fit.numClasses();
        int d = fit.x().cols();
        int weights = k * d;
        Model model = Model.zeros(k, d);
        double[] gradW = new double[weights];
        double[] gradB = new double[k];
        double lambda = o.lambda();
        Lbfgs.Objective objective = (theta, grad) -> {
            model.load(theta);
            double loss = train.lossAndGradient(model.w(), model.b(), gradW, gradB);
            double penalty = 0;
            for (int i = 0; i < weights; i++) {
                penalty += theta[i] * theta[i];
                grad[i] = gradW[i] + lambda * theta[i];
            }
            System.arraycopy(gradB, 0, grad, weights, k);
            return loss + 0.5 * lambda * penalty;
        };
        Lbfgs.Outcome outcome = Lbfgs.minimize(objective, new double[weights + k], o, fit::checkInterrupted);
        model.load(outcome.x());
        SoftmaxPass test = fit.xTest() == null ? null
                : new SoftmaxPass(standardizer.apply(fit.xTest()), fit.yTest(), k, o.threads());
        return fit.result(model.outputs(train, test), outcome.value(), outcome.iterations(), outcome.converged());
    }
}
