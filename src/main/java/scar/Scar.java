package scar;

import java.nio.file.Path;
import java.util.List;

import scar.data.DatasetFolder;
import scar.data.CsvEmbeddings;
import scar.data.Datasets;
import scar.data.EmbeddingFile;
import scar.data.JsonLines;
import scar.data.Npy;
import scar.data.ParquetFolder;
import scar.data.Tables;
import scar.cluster.Agreement;
import scar.cluster.CrossModalLabels;
import scar.foundation.ClassCountFactor;
import scar.foundation.Envelope;
import scar.foundation.FoundationEstimate;
import scar.foundation.FoundationSize;
import scar.foundation.HypothesisSpace;
import scar.foundation.StepSizes;
import scar.measure.ClassMeasures;
import scar.measure.Measures;
import tech.tablesaw.api.Table;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.foundation.Characterize;
import scar.foundation.DatasetProfile;
import scar.foundation.ProfileComparison;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.plan.CompletionPlan;
import scar.plan.Evaluation;
import scar.plan.ModalityBias;
import scar.plan.MultiModalPlan;
import scar.plan.PlanEvaluation;
import scar.plot.ChartGrid;
import scar.plot.Figures;
import scar.report.Exports;
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
        return java.util.Objects.requireNonNullElse(Scar.class.getPackage().getImplementationVersion(), "dev");
    }

    // ---- data ---------------------------------------------------------------------------------------------------

    /**
     * A bundled dataset by name ({@link #datasets()}), a dataset folder by path, or one file ({@code .csv[.gz]},
     * {@code .jsonl}, {@code .parquet} or a folder of Parquet part files, with a {@code label} column; see
     * {@link scar.data.EmbeddingFile}).
     */
    public static MultiModalDataset dataset(String nameOrFolder) {
        return Datasets.bundled(nameOrFolder);
    }

    /**
     * Only the named modalities of {@link #dataset(String)}, in the order given; the files of the other views of a
     * dataset folder are not read at all.
     */
    public static MultiModalDataset dataset(String nameOrFolder, String... modalities) {
        return Datasets.bundled(nameOrFolder, List.of(modalities));
    }

    /**
     * A dataset folder ({@code manifest.properties}, {@code labels.csv}, {@code view_*.csv[.gz]}), or a folder of
     * Parquet part files read as one file with the default columns ({@link ParquetFolder}).
     */
    public static MultiModalDataset dataset(Path folder) {
        return ParquetFolder.isParquetFolder(folder) ? EmbeddingFile.defaults().load(folder)
                : DatasetFolder.load(folder);
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

    /**
     * What each class of one modality lacks against its step size: the items to acquire (SPEC §6), within the budget
     * the held-out learning curve supports (docs/SPEC.md §10.7), with the recall gain predicted for each class.
     */
    public static CompletionPlan completionPlan(ScarProfile profile) {
        return CompletionPlan.of(profile, null);
    }

    /** As {@link #completionPlan(ScarProfile)} with at most {@code budget} items in total. */
    public static CompletionPlan completionPlan(ScarProfile profile, int budget) {
        return CompletionPlan.of(profile, budget);
    }

    /** Per class and modality what to acquire, the bottleneck modality of each class, and the paired plan. */
    public static MultiModalPlan completionPlan(DatasetProfile profile) {
        return MultiModalPlan.of(profile, null);
    }

    /** As {@link #completionPlan(DatasetProfile)} with at most {@code budget} paired items in total. */
    public static MultiModalPlan completionPlan(DatasetProfile profile, int budget) {
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
        return PlanEvaluation.run(plan.profile().source(), plan.profile().options(), seeds, plan.profile());
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

    /** Held-out accuracy against training items, its power-law fit with a 95 % band to 10×, and the back-test. */
    public static XYChart plotLearningCurve(ScarProfile profile) {
        return Figures.learningCurve(profile);
    }

    /** The held-out learning curve of every modality on one chart. */
    public static XYChart plotLearningCurve(DatasetProfile profile) {
        return Figures.learningCurve(profile);
    }

    /** Held-out recall per class and modality, marked where SCAR's bottleneck agrees (✓) or not (✗). */
    public static CategoryChart plotAgreement(DatasetProfile profile) {
        return Figures.agreement(profile);
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

    /**
     * Saves a chart (or a grid of charts) as PNG or SVG, or a result (profile, plan, evaluation) as JSON that
     * {@link #loadProfile}, {@link #loadPlan} and {@link #loadEvaluation} read back exactly — chosen by the file name's
     * extension.
     *
     * @throws IllegalArgumentException if the name ends in none of {@code .png}, {@code .svg}, {@code .json}
     */
    public static Path save(Object chartOrResult, Path file) {
        return Exports.save(chartOrResult, file);
    }

    // ---- reading back and comparing ---------------------------------------------------------------------------------

    /** A profile saved as JSON ({@code scar characterize -o}'s {@code profile.json}, or {@link #save}), exactly. */
    public static DatasetProfile loadProfile(Path file) {
        return DatasetProfile.read(file);
    }

    /** A plan saved as JSON ({@code scar plan -o}'s {@code plan.json}, or {@link #save}), with its profile. */
    public static MultiModalPlan loadPlan(Path file) {
        return MultiModalPlan.read(file);
    }

    /** An evaluation saved as JSON ({@code scar evaluate -o}'s {@code evaluation.json}, or {@link #save}). */
    public static Evaluation loadEvaluation(Path file) {
        return Evaluation.read(file);
    }

    /**
     * What changed between two runs (say {@code loadProfile(yesterday)} and today's): the settings and data that
     * differ (seeds, options, items, classes), N_F and accuracy per modality, step size and recall per class.
     */
    public static ProfileComparison compare(DatasetProfile a, DatasetProfile b) {
        return ProfileComparison.of(a, b);
    }

    /** As {@link #compare(DatasetProfile, DatasetProfile)} for two profiles of one modality. */
    public static ProfileComparison compare(ScarProfile a, ScarProfile b) {
        return ProfileComparison.of(a, b);
    }

    /** A comparison as a chart: per modality, how each class's step size moved from A to B. */
    public static ChartGrid plotComparison(ProfileComparison comparison) {
        return Figures.comparison(comparison);
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

    // ==== notebook helpers (issue 8): loaders, cross-modal labels and the steps of SPEC §3 and §5 one at a time ====

    /**
     * A one-modality dataset from a CSV or CSV.gz file with a header line ({@link CsvEmbeddings#load(Path, String,
     * String)}): every column other than the id and the label is the embedding, and must hold numbers;
     * {@code idColumn} may be null.
     */
    public static MultiModalDataset loadCsv(Path file, String idColumn, String labelColumn) {
        return CsvEmbeddings.load(file, idColumn, labelColumn);
    }

    /**
     * A one-modality dataset from a NumPy {@code .npy} of embeddings (2-D float32/float16, memory-mapped: the values
     * stay on disk; or float64, read into the heap) and its labels: another {@code .npy} of integers or NumPy strings,
     * or a text/CSV file with one label per line ({@link Npy#load}).
     */
    public static MultiModalDataset loadNpy(Path embeddings, Path labels) {
        return Npy.load(embeddings, labels);
    }

    /**
     * A one-modality dataset from a Parquet file: the embedding column (a list of floats or doubles per row) and the
     * label column ({@link scar.data.Parquet#load}).
     */
    public static MultiModalDataset loadParquet(Path file, String embeddingColumn, String labelColumn) {
        return scar.data.Parquet.load(file, embeddingColumn, labelColumn);
    }

    /** A one-modality dataset from JSON Lines {@code {"embedding": [...], "label": k}} ({@link JsonLines#load}). */
    public static MultiModalDataset loadJsonLines(Path file) {
        return JsonLines.load(file);
    }

    /**
     * A one-modality dataset (modality {@code "embedding"}) from a Tablesaw table: the embedding is every column whose
     * name starts with {@code embeddingPrefix} ({@link Tables#fromTable(Table, String, String)}).
     */
    public static MultiModalDataset fromTable(Table table, String labelColumn, String embeddingPrefix) {
        return Tables.fromTable(table, labelColumn, embeddingPrefix);
    }

    /**
     * One modality of a dataset as a Tablesaw table: id, label, class name, split (if any) and the embedding columns
     * ({@link Tables#toTable(MultiModalDataset, String)}); {@link #fromTable} reads it back.
     */
    public static Table asTable(MultiModalDataset dataset, String modality) {
        return Tables.toTable(dataset, modality);
    }

    /**
     * Cross-modal labels (SPEC §8) for paired data without classes: the modality {@code labelled} of
     * {@code dataset}, alone, with the labels given by seeded k-means ({@code k} clusters) on the modality
     * {@code from}. Classes are named {@code cluster 0 .. cluster k-1}; items, ids and split are kept.
     *
     * @throws IllegalArgumentException if a modality is unknown, the two names are equal, or k is outside 2..items
     */
    public static MultiModalDataset crossModalLabels(MultiModalDataset dataset, String labelled, String from, int k,
                                                     long seed) {
        return CrossModalLabels.label(dataset, labelled, from, k, seed);
    }

    /**
     * {@link #crossModalLabels(MultiModalDataset, String, String, int, long)} for a dataset with exactly two
     * modalities: {@code labelled} gets the clusters of the other one.
     *
     * @throws IllegalArgumentException if the dataset does not have exactly two modalities
     */
    public static MultiModalDataset crossModalLabels(MultiModalDataset dataset, String labelled, int k, long seed) {
        return CrossModalLabels.label(dataset, labelled, k, seed);
    }

    /**
     * Cross-modal labels both ways (SPEC §8): for a paired dataset with two modalities A and B and no classes, A
     * labelled by the clusters of B and B labelled by the clusters of A — one labelled one-modality dataset each, in
     * the dataset's modality order, ready for {@code characterize}.
     *
     * @throws IllegalArgumentException if the dataset does not have exactly two modalities, or k is outside 2..items
     */
    public static List<MultiModalDataset> crossModalLabels(MultiModalDataset dataset, int k, long seed) {
        return CrossModalLabels.labelBoth(dataset, k, seed);
    }

    /**
     * Adjusted Rand index of two labellings of the same items ({@link Agreement#adjustedRandIndex}): 1 when they
     * group the items identically, about 0 for unrelated labellings.
     */
    public static double adjustedRandIndex(int[] a, int[] b) {
        return Agreement.adjustedRandIndex(a, b);
    }

    /**
     * The four measures of one probe run (SPEC §3) from its n × K training logits and the labels; the predictions
     * are the argmax of each row (ties to the lowest class), as a probe makes them ({@link Measures#compute}).
     *
     * @throws IllegalArgumentException if the rows differ in length, there are fewer than 2 classes, a label lies
     *                                  outside 0..K-1, or the ratio is below 1
     */
    public static ClassMeasures measures(double[][] logits, int[] labels, double ratio) {
        return Measures.ofLogitRows(logits, labels, ratio);
    }

    /** Hypothesis-space size h = (1 − C)·exp(2·S·(R − A)²) of one class at one ratio (SPEC §5.1). */
    public static double hypothesisSpace(double s, double c, double a, double r) {
        return HypothesisSpace.h(s, c, a, r);
    }

    /** The height H of the lower exponential envelope of the points (x = 1/r, h) (SPEC §5.2; {@link Envelope}). */
    public static double envelope(double[] x, double[] h) {
        return Envelope.fit(x, h);
    }

    /** Step size n = max(0, ln(H/δ)/(2ε²)) with the default δ = ε = 0.01 (SPEC §5.3): 0 when H ≤ δ. */
    public static double stepSize(double height) {
        return StepSizes.stepSize(height);
    }

    /** Class-count factor ρ = (1 − accuracy)/(1 − mean authenticity), floored at e (SPEC §5.4). */
    public static double classCountFactor(double accuracy, double meanAuthenticity) {
        return ClassCountFactor.rho(accuracy, meanAuthenticity);
    }

    /** The dataset foundation size N_F of per-class envelope heights H and factor ρ (SPEC §5.5). */
    public static FoundationEstimate foundationSize(double[] heights, double rho) {
        return FoundationSize.estimate(heights, rho);
    }
}
