/**
 * Completion plans and their evaluation; generalisation bias across modalities (SPEC §5.6, §6, §7).
 *
 * <p>Everything here works on primitive inputs — step sizes, item counts, index arrays — so it is independent of how
 * the step sizes were obtained. {@link scar.plan.CompletionPlan} says how many items of each class to add,
 * {@link scar.plan.Fills} picks them (SCAR, random and average fills), {@link scar.plan.ModalityBias} compares the
 * modalities of a paired dataset, and {@link scar.plan.Evaluation} holds the test accuracies that compare the fills,
 * with the dataset-level S/C/A/R rows ({@link scar.plan.DatasetScar}).
 */
package scar.plan;
