package scar.foundation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import scar.data.Duplicates;
import scar.data.Tabular;
import scar.evidence.Evidence;
import scar.evidence.HardItems;
import scar.measure.ClassMeasures;
import scar.text.Columns;
import scar.text.Columns.Kind;
import scar.text.Format;
import scar.text.Stored;
import scar.text.Text;
import scar.text.Sheet;
import scar.text.TextTable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The SCAR profile of one labelled modality: what {@code Scar.characterize(modality)} returns.
 *
 * <p>It holds the measures of SPEC §3 per ratio and class (averaged over the repeats of each ratio), the steps of
 * SPEC §5.1–5.3 per class (h at each ratio, the envelope height H, the step size n_c), the class-count factor ρ, the
 * dataset foundation size N_F (SPEC §5.5), what the probes did, the options and seed, and how long it took.
 *
 * <p>The <em>shortfall</em> of class c is max(0, n_c − items of c): how many more items the class needs to reach its
 * step size. A class with no shortfall is <em>saturated</em>.
 *
 * @param dataset       dataset name
 * @param modality      modality name
 * @param classNames    K class names
 * @param classCounts   training items per class (the sweep's data)
 * @param testSize      items in the test set (0 when no test accuracy was measured)
 * @param ratios        the ratios the sweep used, increasing, starting at 1
 * @param skippedRatios requested ratios skipped because some class would have kept fewer than 2 items
 * @param measures      the averaged measures, one per used ratio
 * @param steps         per-class h, H and step size
 * @param foundation    the dataset foundation size and the inputs that produced it (ρ included)
 * @param probe         what the probe fits did; the r = 1 fit gives the accuracies
 * @param evidence      held-out evidence beside the SCAR numbers
 * @param repeats       SCAR's numbers under every seed of {@link ScarOptions#repeats()} (one run by default)
 * @param options       the options (and seed) used
 * @param nanos         wall time of the whole characterisation
 */
public record ScarProfile(String dataset, String modality, String[] classNames, @Stored(min = 0) int[] classCounts,
                          @Stored(min = 0) int testSize, @Stored(min = 1) int[] ratios,
                          @Stored(min = 1) int[] skippedRatios, List<ClassMeasures> measures, Steps steps,
                          FoundationEstimate foundation, ProbeSummary probe, Evidence evidence, Repeats repeats,
                          ScarOptions options, long nanos)
        implements Tabular {

    public ScarProfile {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(modality, "modality");
        classNames = classNames.clone();
        classCounts = classCounts.clone();
        ratios = ratios.clone();
        skippedRatios = skippedRatios.clone();
        measures = List.copyOf(measures);
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(repeats, "repeats");
        Objects.requireNonNull(options, "options");
        // every part speaks of the same classes and ratios: a profile read back whose parts disagree is refused
        // here rather than failing later in a plan or a comparison
        int k = classNames.length;
        agree(modality, "classCounts", classCounts.length, k, "class");
        agree(modality, "measures", measures.size(), ratios.length, "ratio");
        for (ClassMeasures m : measures) {
            agree(modality, "the measures at ratio " + Format.ratio(m.ratio()), m.numClasses(), k, "class");
        }
        agree(modality, "steps", steps.classes().size(), k, "class");
        agree(modality, "the foundation size's step sizes", foundation.numClasses(), k, "class");
        if (evidence.hasCurve()) {
            agree(modality, "the evidence's recalls", evidence.recalls().size(), k, "class");
        }
        for (int r = 0; r < repeats.runs(); r++) {
            agree(modality, "the step sizes of repeat " + r, repeats.stepSizes()[r].length, k, "class");
            agree(modality, "the shortfalls of repeat " + r, repeats.shortfalls()[r].length, k, "class");
            agree(modality, "the class counts of repeat " + r, repeats.classCounts()[r].length, k, "class");
        }
    }

    private static void agree(String modality, String what, int count, int expected, String per) {
        if (count != expected) {
            throw new IllegalArgumentException("the profile of modality '" + modality + "': " + what + " has "
                    + count + " entries, expected " + expected + " (one per " + per + ")");
        }
    }

    /** Steps, ρ (SPEC §5.4, floored at e) and the foundation size from the averaged per-ratio measures. */
    static ScarProfile build(String dataset, String modality, String[] classNames, int[] classCounts, int testSize,
                             int[] ratios, int[] skippedRatios, List<ClassMeasures> perRatio, ProbeSummary probe,
                             HardItems hardItems, Duplicates duplicates, int dropped, ScarOptions options,
                             long nanos) {
        double[] r = Arrays.stream(ratios).asDoubleStream().toArray();
        Steps steps = Steps.fromMeasures(r, perRatio, classNames, options.foundation());
        double rho = ClassCountFactor.rho(perRatio.get(0));
        FoundationEstimate foundation = FoundationSize.estimate(steps.heights(), rho, options.foundation());
        Evidence evidence = Evidence.of(classNames, ratios, classCounts,
                probe.fits().stream().map(ProbeSummary.Fit::heldOut).toList(), hardItems, duplicates, dropped,
                options.evidence(), options.seed(), options.threads());
        int[] shortfalls = shortfalls(steps.stepSizes(), classCounts);
        Repeats single = new Repeats(new long[] {options.seed()}, new double[] {foundation.size()},
                new double[][] {steps.stepSizes()}, new int[][] {shortfalls}, new int[][] {classCounts});
        return new ScarProfile(dataset, modality, classNames, classCounts, testSize, ratios, skippedRatios, perRatio,
                steps, foundation, probe, evidence, single, options, nanos);
    }

    /**
     * The profile of one modality read back from a {@code profile.json} ({@link DatasetProfile#read}), exactly.
     *
     * @throws IllegalArgumentException naming the file when it is not a profile, or holds several modalities (read
     *                                  those with {@link DatasetProfile#read} and pick one)
     */
    public static ScarProfile read(java.nio.file.Path file) {
        DatasetProfile all = DatasetProfile.read(file);
        if (all.modalities().size() != 1) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " holds the profiles of "
                    + all.modalities().size() + " modalities " + all.modalityNames() + "; read it with "
                    + "loadProfile(path) (DatasetProfile.read) and pick one with .modality(name)");
        }
        return all.modalities().get(0);
    }

    /** This profile with the spread of SCAR's numbers over several runs (the first of which is this one). */
    ScarProfile withRepeats(Repeats runs) {
        return new ScarProfile(dataset, modality, classNames, classCounts, testSize, ratios, skippedRatios, measures,
                steps, foundation, probe, evidence, runs, options, nanos);
    }

    @Override
    public String[] classNames() {
        return classNames.clone();
    }

    @Override
    public int[] classCounts() {
        return classCounts.clone();
    }

    @Override
    public int[] ratios() {
        return ratios.clone();
    }

    @Override
    public int[] skippedRatios() {
        return skippedRatios.clone();
    }

    public int numClasses() {
        return classNames.length;
    }

    /** Training items over all classes. */
    public int size() {
        return Arrays.stream(classCounts).sum();
    }

    /** N_F, the dataset foundation size. */
    public double foundationSize() {
        return foundation.size();
    }

    /** ρ, the class-count factor used for N_F. */
    public double rho() {
        return foundation.rho();
    }

    /** n_c of every class. */
    public double[] stepSizes() {
        return steps.stepSizes();
    }

    /** max(0, n_c − items of c), rounded up to whole items. */
    public int[] shortfalls() {
        return shortfalls(steps.stepSizes(), classCounts);
    }

    private static int[] shortfalls(double[] n, int[] counts) {
        int[] out = new int[n.length];
        for (int c = 0; c < n.length; c++) {
            out[c] = (int) Math.max(0, Math.ceil(n[c] - counts[c]));
        }
        return out;
    }

    /** The averaged measures at ratio 1 (the whole training set). */
    public ClassMeasures full() {
        return measures.get(0);
    }

    /** Training accuracy of the probe on the whole training set. */
    public double trainAccuracy() {
        return probe.trainAccuracy();
    }

    /** Test accuracy of that probe, NaN without a test set. */
    public double testAccuracy() {
        return probe.testAccuracy();
    }

    public double seconds() {
        return nanos / 1e9;
    }

    /**
     * One row per class: items, the four measures on the whole training set (r = 1), H, the step size, the
     * shortfall and whether the class is saturated.
     */
    @Override
    public Table toTable() {
        return toSheet().toTable();
    }

    /** {@link #toTable()} before it becomes a table (printing and CSV need no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        ClassMeasures m = full();
        double[] n = steps.stepSizes();
        double[] heights = steps.heights();
        int[] d = shortfalls();
        return Sheet.of(dataset + " / " + modality + ": per class",
                IntColumn.create("class", java.util.stream.IntStream.range(0, numClasses()).toArray()),
                StringColumn.create("name", classNames), Columns.counts("items", classCounts),
                Columns.doubles("scale", m.scale(), Kind.SHARE), Columns.doubles("coverage", m.coverage(), Kind.SHARE),
                Columns.doubles("authenticity", m.authenticity(), Kind.SHARE),
                Columns.doubles("richness", m.richness(), Kind.SHARE), Columns.doubles("H", heights, Kind.RATIO),
                Columns.doubles("step_size", n, Kind.ITEMS), Columns.counts("shortfall", d),
                BooleanColumn.create("saturated", booleans(d)));
    }

    /** Long format: one row per ratio and class with the sampling fraction 1/r and the four averaged measures. */
    public Table measuresTable() {
        return measuresSheet().toTable();
    }

    /** {@link #measuresTable()} before it becomes a table (CSV needs no Tablesaw {@code Table}). */
    public Sheet measuresSheet() {
        int k = numClasses();
        int rows = measures.size() * k;
        int[] ratio = new int[rows];
        double[] fraction = new double[rows];
        int[] cls = new int[rows];
        String[] name = new String[rows];
        double[][] v = new double[4][rows];
        for (int j = 0; j < measures.size(); j++) {
            ClassMeasures m = measures.get(j);
            for (int c = 0; c < k; c++) {
                int row = j * k + c;
                ratio[row] = ratios[j];
                fraction[row] = 1.0 / ratios[j];
                cls[row] = c;
                name[row] = classNames[c];
                v[0][row] = m.scale(c);
                v[1][row] = m.coverage(c);
                v[2][row] = m.authenticity(c);
                v[3][row] = m.richness(c);
            }
        }
        return Sheet.of(dataset + " / " + modality + ": measures per ratio",
                IntColumn.create("ratio", ratio), Columns.doubles("fraction", fraction, Kind.RATIO),
                IntColumn.create("class", cls), StringColumn.create("name", name),
                Columns.doubles("scale", v[0], Kind.SHARE), Columns.doubles("coverage", v[1], Kind.SHARE),
                Columns.doubles("authenticity", v[2], Kind.SHARE), Columns.doubles("richness", v[3], Kind.SHARE));
    }

    /**
     * The summary, the per-class table, with repeats the spread per class, then (with held-out items) the learning
     * curve and the per-class evidence.
     */
    @Override
    public List<Table> tables() {
        List<Table> out = new java.util.ArrayList<>(List.of(summaryTable(), toTable()));
        if (repeats.any()) {
            out.add(repeats.toTable(classNames));
        }
        if (evidence.hasCurve()) {
            out.add(learningCurve());
            out.add(evidenceTable());
        }
        return out;
    }

    /** One row per class: h at every ratio, H and the step size. */
    public Table stepsTable() {
        return steps.toTable();
    }

    /** Key figures as a two-column table (what, value). */
    public Table summaryTable() {
        Table t = Table.create(dataset + " / " + modality + ": summary");
        StringColumn what = StringColumn.create("what");
        StringColumn value = StringColumn.create("value");
        summaryLines().forEach((k, v) -> {
            what.append(k);
            value.append(v);
        });
        return t.addColumns(what, value);
    }

    /** The summary's key figures in display order. */
    public java.util.LinkedHashMap<String, String> summaryLines() {
        var out = new java.util.LinkedHashMap<String, String>();
        out.put("dataset / modality", dataset + " / " + modality);
        out.put("training items", Format.items(size()) + " in " + Format.count(numClasses(), "class", "classes")
                + (testSize > 0 ? ", " + Format.items(testSize) + " held out" : "")
                + (evidence.dropped() > 0 ? " (" + Format.count(evidence.dropped(), "duplicate", "duplicates")
                + " dropped)" : ""));
        out.put("foundation size N_F", Format.items(foundationSize())
                + (foundation.fallback() ? " (fallback: Σ n_c)" : "")
                + (repeats.any() ? repeatsNote(repeats.foundationSize()) : ""));
        out.put("what N_F means", meaning());
        int saturated = (int) Arrays.stream(shortfalls()).filter(x -> x == 0).count();
        out.put("saturated classes", saturated + " of " + numClasses());
        out.put("ρ (class-count factor)", Format.ratio(rho()));
        out.put("probe accuracy", "train " + Format.share(trainAccuracy()) + ", held-out "
                + Format.share(testAccuracy()));
        if (evidence.hasCurve()) {
            out.put("held-out learning curve", evidence.accuracy().words());
        } else {
            out.put("held-out learning curve", "none: no item was held out (give the dataset a split, or a "
                    + "testFraction above 0)");
        }
        out.put("duplicates", evidence.duplicates().summary());
        out.put("probe", probe.kind().name().toLowerCase(Locale.ROOT) + ", "
                + Format.count(probe.fits().size(), "fit", "fits") + ", "
                + Format.items(probe.meanIterations()) + " iterations on average"
                + (probe.notConverged() > 0 ? ", " + Format.items(probe.notConverged()) + " not converged" : ""));
        out.put("ratios", Arrays.toString(ratios)
                + (skippedRatios.length > 0 ? " (skipped " + Arrays.toString(skippedRatios) + ")" : ""));
        out.put("seed", Long.toString(options.seed()) + (repeats.any() ? " (repeats: seeds " + repeats.seeds()[0]
                + "–" + repeats.seeds()[repeats.runs() - 1] + ")" : ""));
        out.put("ε, δ, δ_E", Format.number(options.foundation().epsilon()) + ", "
                + Format.number(options.foundation().delta()) + ", " + Format.number(options.foundation().deltaE()));
        out.put("time", Format.nanos(nanos));
        return out;
    }

    private String repeatsNote(scar.evidence.Interval i) {
        return "; median " + Format.items(i.estimate()) + " over " + repeats.runs() + " seeds ("
                + Format.items(i.low()) + "–" + Format.items(i.high()) + ")";
    }

    /**
     * One sentence on what N_F and the step sizes mean for this dataset: the constant 1/(2ε²) sets their scale, so
     * they compare classes and modalities rather than tell how many items to collect.
     */
    public String meaning() {
        double[] n = stepSizes();
        int lo = 0;
        int hi = 0;
        for (int c = 1; c < n.length; c++) {
            lo = n[c] < n[lo] ? c : lo;
            hi = n[c] > n[hi] ? c : hi;
        }
        double eps = options.foundation().epsilon();
        return Format.items(foundationSize()) + " is " + Format.ratio(foundationSize() / size()) + "× the "
                + Format.items(size()) + " training items, but its scale is set by the constant 1/(2ε²) = "
                + Format.ratio(1 / (2 * eps * eps)) + " (ε = " + Format.number(eps) + "), whatever the data: step "
                + "sizes here run from " + Format.items(n[lo]) + " (" + classNames[lo] + ") to "
                + Format.items(n[hi]) + " (" + classNames[hi] + "). Compare classes and modalities with them; "
                + (evidence.hasCurve() ? "for how much more data would help, read the held-out learning curve."
                : "how much more data would help is for a held-out learning curve to say, and this profile has "
                + "none.");
    }

    /** One row per ratio: training items, fits, held-out accuracy and macro-F1 (mean, sd); empty without held-out. */
    public Table learningCurve() {
        return evidence.hasCurve() ? evidence.curve().toTable()
                : Table.create(dataset + " / " + modality + ": no held-out items, no learning curve");
    }

    /**
     * One row per class: held-out recall of the full-data probe, and what its recall curve predicts at 2× and
     * 10× the class's items (each with its 95 % interval in {@code _low} and {@code _high} columns, read as one
     * cell: {@link Columns#shown}), the size at which it comes within the tolerance of its asymptote
     * ({@code flat_at_items}; {@code plateau} says whether that is now, later or not identified by these sizes), the
     * curve's verdict and the back-test error; every number with all its digits, NaN where the curve gives none.
     * Empty without held-out items.
     */
    public Table evidenceTable() {
        return evidenceSheet().toTable();
    }

    /** {@link #evidenceTable()} before it becomes a table (CSV needs no Tablesaw {@code Table}). */
    public Sheet evidenceSheet() {
        String title = dataset + " / " + modality + ": held-out recall per class";
        if (!evidence.hasCurve()) {
            return Sheet.of(title);
        }
        StringColumn name = StringColumn.create("class");
        IntColumn items = Columns.counts("items");
        DoubleColumn recall = Columns.doubles("recall", Kind.SHARE);
        DoubleColumn[] at2 = interval("recall_2x");
        DoubleColumn[] at10 = interval("recall_10x");
        DoubleColumn plateau = Columns.doubles("flat_at_items", Kind.ITEMS);
        StringColumn flat = StringColumn.create("plateau");
        StringColumn verdict = StringColumn.create("curve");
        DoubleColumn backTest = Columns.doubles("back_test_error", Kind.SIGNED_SHARE);
        for (int c = 0; c < numClasses(); c++) {
            var e = evidence.recalls().get(c);
            name.append(classNames[c]);
            items.append(classCounts[c]);
            recall.append(e.measured());
            append(at2, e.fitted() ? e.at(2) : null);
            append(at10, e.fitted() ? e.at(10) : null);
            boolean now = e.fitted() && e.plateau().estimate() <= e.currentSize();
            plateau.append(now || e.plateauIdentified() ? e.plateau().estimate() : Double.NaN);
            flat.append(!e.fitted() ? Format.MISSING : now ? "now" : e.plateauIdentified() ? "later"
                    : "not identified");
            verdict.append(e.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            backTest.append(e.backTest() == null ? Double.NaN : e.backTest().error());
        }
        return Sheet.of(title, name, items, recall, at2[0], at2[1], at2[2], at10[0], at10[1], at10[2], plateau, flat,
                verdict, backTest);
    }

    /** An interval's columns of shares: the estimate, its low and its high end. */
    private static DoubleColumn[] interval(String name) {
        return new DoubleColumn[] {Columns.doubles(name, Kind.SHARE), Columns.doubles(name + Columns.LOW, Kind.SHARE),
                Columns.doubles(name + Columns.HIGH, Kind.SHARE)};
    }

    private static void append(DoubleColumn[] columns, scar.evidence.Interval i) {
        columns[0].append(i == null ? Double.NaN : i.estimate());
        columns[1].append(i == null ? Double.NaN : i.low());
        columns[2].append(i == null ? Double.NaN : i.high());
    }

    /** The items the full-data probe gets wrong or nearly wrong, per class and split. */
    public Table hardItems() {
        return evidence.hardItems().toTable();
    }

    /**
     * The summary lines, the per-class table (without the class index) and, with repeats, the spread per class, within
     * {@code width} columns.
     */
    @Override
    public String toText(int width) {
        StringBuilder sb = new StringBuilder("SCAR profile\n");
        sb.append(Text.keyValues(summaryLines(), "  ", width));
        sb.append(toSheet().without("class").render(width));
        if (repeats.any()) {
            sb.append('\n').append(repeats.perClass(classNames).render(width));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText(TextTable.WIDTH);
    }

    private static boolean[] booleans(int[] shortfall) {
        boolean[] out = new boolean[shortfall.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = shortfall[c] == 0;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScarProfile p && dataset.equals(p.dataset) && modality.equals(p.modality)
                && Arrays.equals(classNames, p.classNames) && Arrays.equals(classCounts, p.classCounts)
                && testSize == p.testSize && Arrays.equals(ratios, p.ratios)
                && Arrays.equals(skippedRatios, p.skippedRatios) && measures.equals(p.measures)
                && steps.equals(p.steps) && foundation.equals(p.foundation) && evidence.equals(p.evidence)
                && repeats.equals(p.repeats) && options.equals(p.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataset, modality, Arrays.hashCode(classCounts), measures, foundation);
    }
}
