package scar.measure;

/**
 * Which version of the reference's measure code {@link Measures#compute} follows (SPEC §3, §3.2).
 *
 * <p>Both variants give the same Scale and Authenticity; they differ in the one-vs-rest decision q used for
 * Richness and in the second Coverage branch.
 */
public enum MeasureVariant {
    /**
     * The reference at its final commit (the default): q_i^c = [p_i = c]; Coverage branch 0 holds the false
     * positives' negated logits; a branch with one value or constant values has JSD 1.
     */
    HEAD,
    /**
     * The earlier version behind the reference's published CIFAR numbers: q_i^c is the correctness of the
     * one-vs-rest decision ([p_i ≠ c] if y_i ≠ c, else [p_i = c]); Coverage branch 0 holds the true negatives'
     * negated logits; a branch with one value or constant values has JSD NaN (the reference fitted a normal with
     * σ = 0 or undefined), so that class's Coverage is NaN.
     */
    V1
}
