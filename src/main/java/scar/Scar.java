package scar;

import java.nio.file.Path;
import java.util.List;

import scar.data.DatasetFolder;
import scar.data.Datasets;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.foundation.Characterize;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.plan.CompletionPlan;
import scar.plan.Evaluation;
import scar.plan.ModalityBias;
import scar.plan.MultiModalPlan;
import scar.plan.PlanEvaluation;
import scar.plot.ChartGrid;
import scar.plot.Charts;
import scar.plot.Figures;
import scar.report.Reports;
import org.knowm.xchart.BubbleChart;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/**
 * The notebook facade: {@code import static scar.Scar.*;} and every step of a SCAR study is one call.
 *
 * <pre>{@code
 * var wiki = dataset("wikipedia");                 // bundled; dataset("/path/to/folder") for your own
 * var text = characterize(wiki.modality("text"));  // 83 probe fits, seeded
 * var all  = characterize(wiki);                   // every modality
 * }</pre>
 *
 * <p>Each method delegates to the package that does the work; see there for formulas and edge cases. Every method
 * with randomness takes a {@link ScarOptions} (the overloads without one use {@link ScarOptions#defaults()}).
 */
public final class Scar {
    private Scar() {
    }

    /** The library version (from the jar manifest), or "dev" when run from classes. */
    public static String version() {
        String v = Scar.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    // ---- data ---------------------------------------------------------------------------------------------------

    /** A bundled dataset by name ({@link #datasets()}), or a dataset folder by path. */
    public static MultiModalDataset dataset(String nameOrFolder) {
        return Datasets.bundled(nameOrFolder);
    }

    /** A dataset folder ({@code manifest.properties}, {@code labels.csv}, {@code view_*.csv[.gz]}). */
    public static MultiModalDataset dataset(Path folder) {
        return DatasetFolder.load(folder);
    }

    /** The names of the bundled datasets. */
    public static List<String> datasets() {
        return Datasets.bundledNames();
    }

    /** Default options: seed 42, ratios 1, 2, 5, 10, 15, 20, 30, the converged probe. */
    public static ScarOptions options() {
        return ScarOptions.defaults();
    }

    // ---- characterise -------------------------------------------------------------------------------------------

    /** The SCAR profile of one modality of a dataset (the modality must come from {@code dataset.modality(..)}). */
    public static ScarProfile characterize(Modality modality) {
        return characterize(modality, ScarOptions.defaults());
    }

    public static ScarProfile characterize(Modality modality, ScarOptions options) {
        return Characterize.modality(modality.dataset(), modality.name(), options);
    }

    /** The SCAR profiles of every modality of a dataset. */
    public static DatasetProfile characterize(MultiModalDataset dataset) {
        return characterize(dataset, ScarOptions.defaults());
    }

    public static DatasetProfile characterize(MultiModalDataset dataset, ScarOptions options) {
        return Characterize.all(dataset, options);
    }

    // ---- plan -----------------------------------------------------------------------------------------------------

    /** What each class of one modality lacks against its step size: the items to acquire (SPEC §6). */
    public static CompletionPlan completionPlan(ScarProfile profile) {
        return completionPlan(profile, null);
    }

    /** As {@link #completionPlan(ScarProfile)} with at most {@code budget} items in total ({@code null}: no cap). */
    public static CompletionPlan completionPlan(ScarProfile profile, Integer budget) {
        return CompletionPlan.of(profile.classNames(), profile.stepSizes(), profile.classCounts(), null, budget);
    }

    /** Per class and modality what to acquire, the bottleneck modality of each class, and the paired plan. */
    public static MultiModalPlan completionPlan(DatasetProfile profile) {
        return completionPlan(profile, null);
    }

    public static MultiModalPlan completionPlan(DatasetProfile profile, Integer budget) {
        return MultiModalPlan.of(profile, budget);
    }

    /** The generalisation bias across modalities (SPEC §7). */
    public static ModalityBias bias(DatasetProfile profile) {
        return MultiModalPlan.biasOf(profile);
    }

    /** SCAR fill against random and average fill, primary and full, on 3 seeds (SPEC §6). */
    public static Evaluation evaluate(MultiModalDataset dataset) {
        return evaluate(dataset, ScarOptions.defaults(), 3);
    }

    public static Evaluation evaluate(MultiModalDataset dataset, ScarOptions options, int seeds) {
        return PlanEvaluation.run(dataset, options, seeds);
    }

    /** Evaluates the completion strategies on the dataset behind a plan, with the plan's options, on 3 seeds. */
    public static Evaluation evaluate(MultiModalPlan plan) {
        return evaluate(plan, 3);
    }

    public static Evaluation evaluate(MultiModalPlan plan, int seeds) {
        return PlanEvaluation.run(plan.profile().source(), plan.profile().options(), seeds);
    }

    // ---- pictures ---------------------------------------------------------------------------------------------------

    /** S, C, A, R of every class against the sampling fraction 1/r (small multiples). */
    public static ChartGrid plotMeasures(ScarProfile profile) {
        return Figures.measures(profile);
    }

    /** The h points of one class and its fitted envelope. */
    public static XYChart plotEnvelope(ScarProfile profile, String className) {
        return Figures.envelope(profile, className);
    }

    /** Step sizes per class, with the items present and the foundation size. */
    public static CategoryChart plotStepSizes(ScarProfile profile) {
        return Figures.stepSizes(profile);
    }

    /** The step-size distribution of every modality: the generalisation bias. */
    public static XYChart plotStepSizes(DatasetProfile profile) {
        return Figures.stepSizes(profile);
    }

    /** Items to add per class, stacked on the items present. */
    public static CategoryChart plotPlan(CompletionPlan plan) {
        return Figures.plan(plan);
    }

    /** Items to add per class in every modality. */
    public static ChartGrid plotPlan(MultiModalPlan plan) {
        return Figures.plan(plan);
    }

    /** Test accuracy of primary / SCAR fill / random fill / average fill / full, with spread. */
    public static CategoryChart plotEvaluation(Evaluation evaluation) {
        return Figures.evaluation(evaluation);
    }

    /** The dataset-level S/C/A/R of every modality as bubbles (x coverage, y authenticity, area scale, colour R). */
    public static BubbleChart plotScar(Evaluation evaluation) {
        return Figures.scar(evaluation);
    }

    /** Saves a chart (or a grid of charts) as PNG, or as SVG when the file name ends in .svg. */
    public static Path save(Object chart, Path file) {
        return file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg") ? Charts.svg(chart, file)
                : Charts.png(chart, file);
    }

    // ---- reports ------------------------------------------------------------------------------------------------

    /** A self-contained HTML report of one modality's profile. */
    public static Path report(ScarProfile profile, Path file) {
        return Reports.write(profile, file);
    }

    /** A self-contained HTML report of every modality's profile and its completion plan. */
    public static Path report(DatasetProfile profile, Path file) {
        return Reports.write(profile, completionPlan(profile), null, file);
    }

    /** A self-contained HTML report of an evaluation of completion strategies. */
    public static Path report(Evaluation evaluation, Path file) {
        return Reports.write(evaluation, file);
    }

    // ---- one-liners -------------------------------------------------------------------------------------------------

    /** Runs a one-line verb ({@code "characterize", "wikipedia"}) and returns its result: the {@code %scar} magic. */
    public static Object run(String... args) {
        return scar.cli.OneLiner.run(args);
    }
}
