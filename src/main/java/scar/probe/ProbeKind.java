package scar.probe;

/** Which linear probe to train (SPEC §2). */
public enum ProbeKind {
    /**
     * Standardised inputs, L2-regularised multinomial logistic regression from W = 0, b = 0, solved by L-BFGS to
     * convergence (SPEC §2.1). Deterministic without any seed. The default.
     */
    CONVERGED,
    /**
     * The original research code: raw inputs, seeded uniform init, full-batch Adam with early stopping on training
     * accuracy (SPEC §2.2). For reproducing the reference's numbers.
     */
    REFERENCE
}
