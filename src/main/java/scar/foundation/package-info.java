/**
 * From measures to size (SPEC §4–5): the hypothesis-space size h of each class at each ratio
 * ({@link scar.foundation.HypothesisSpace}), its lower exponential envelope H over 1/r
 * ({@link scar.foundation.Envelope}), the per-class step size ({@link scar.foundation.StepSizes},
 * {@link scar.foundation.Steps}), the class-count factor ρ ({@link scar.foundation.ClassCountFactor}), the dataset
 * foundation size from exact elementary symmetric sums solved with Brent's method
 * ({@link scar.foundation.FoundationSize}), and the dataset-level summary ({@link scar.foundation.DatasetSummary}).
 *
 * <p>Every result is an immutable record that prints readably and converts to a Tablesaw table. Nothing here is
 * random.
 */
package scar.foundation;
