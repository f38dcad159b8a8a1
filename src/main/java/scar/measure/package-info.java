/**
 * The four SCAR measures of one probe run (SPEC §3): per class Scale, Coverage, Authenticity and Richness, computed
 * from the training logits, predictions and labels of a linear probe by {@link scar.measure.Measures}, and the
 * Jensen–Shannon distance of §3.1 ({@link scar.measure.Jsd}) that Coverage is built on.
 *
 * <p>Results are immutable values ({@link scar.measure.ClassMeasures}) that print readably and convert to Tablesaw
 * tables. Nothing here is random.
 */
package scar.measure;
