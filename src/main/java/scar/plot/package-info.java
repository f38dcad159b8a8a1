/**
 * Charts of SCAR results, drawn with XChart and never shown in a window (headless PNG and SVG).
 *
 * <p>Every chart function is static, takes primitive arrays and names (so it does not depend on the result types),
 * validates them at the boundary and returns the XChart chart object, or a {@link scar.plot.ChartGrid} of small
 * multiples. {@link scar.plot.Theme} gives all charts one colour-blind-safe look; {@link scar.plot.Charts} saves or
 * encodes any of them.
 *
 * <ul>
 *   <li>{@link scar.plot.MeasurePlots} — S, C, A, R per class against the sampling fraction 1/r;</li>
 *   <li>{@link scar.plot.EnvelopePlots} — the envelope fit of one class;</li>
 *   <li>{@link scar.plot.StepSizePlots} — step sizes per class with class counts and the foundation size;</li>
 *   <li>{@link scar.plot.BiasPlots} — step-size distributions per modality (generalisation bias);</li>
 *   <li>{@link scar.plot.PlanPlots} — the completion plan, stacked on what is present;</li>
 *   <li>{@link scar.plot.EvaluationPlots} — test accuracy per fill strategy with spread;</li>
 *   <li>{@link scar.plot.BubblePlots} — the dataset-level S/C/A/R bubble chart.</li>
 * </ul>
 */
package scar.plot;
