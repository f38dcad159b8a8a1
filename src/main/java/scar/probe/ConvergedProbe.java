package scar.probe;

/**
 * SPEC §2.1: standardised inputs, mean softmax cross-entropy + (λ/2)·‖W‖² (bias unpenalised) from W = 0, b = 0,
 * minimised by {@link ConvergedFit} with this process's own passes over the fit's blocks. No randomness.
 */
final class ConvergedProbe {
    private ConvergedProbe() {
    }

    static ProbeResult fit(Fit fit) {
        ProbeOptions o = fit.options();
        Standardizer standardizer = Standardizer.fit(fit.x(), fit.blocks().starts(), o.threads());
        SoftmaxPass train = new SoftmaxPass(standardizer.apply(fit.x(), fit.blocks()), fit.labels(),
                fit.numClasses(), o.threads());
        int k = fit.numClasses();
        ConvergedFit.Result r = ConvergedFit.minimize(k, fit.x().cols(), fit.x().rows(), o, train::sums,
                fit::checkInterrupted);
        Model model = new Model(r.w(), r.b());
        SoftmaxPass test = fit.xTest() == null ? null
                : new SoftmaxPass(standardizer.apply(fit.xTest(), Blocks.identity(fit.xTest().rows())),
                        fit.yTest(), k, o.threads());
        return fit.result(model.outputs(train, test), r.loss(), r.iterations(), r.converged());
    }
}
