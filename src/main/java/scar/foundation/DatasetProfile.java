package scar.foundation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import scar.data.MultiModalDataset;
import scar.data.Tabular;
import scar.evidence.ModalityAgreement;
import scar.text.Columns;
import scar.text.Columns.Kind;
import scar.text.Format;
import scar.text.Json;
import scar.text.Text;
import scar.text.Sheet;
import scar.text.TextTable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The SCAR profiles of every modality of one dataset, over the same items and labels: what
 * {@code Scar.characterize(dataset)} returns. Comparing the modalities' step sizes and foundation sizes is the
 * generalisation bias of SPEC §7.
 *
 * <p>The profile remembers the dataset it was computed from (not serialised), so that a plan made from it can be
 * evaluated on the same data ({@code evaluate(completionPlan(profile))}).
 */
public final class DatasetProfile implements Tabular {
    private final String dataset;
    private final List<ScarProfile> modalities;
    private final transient MultiModalDataset source;

    /**
     * @param dataset    dataset name
     * @param modalities one profile per modality, at least one
     * @param source     the dataset the profiles were computed from, or {@code null}
     */
    public DatasetProfile(String dataset, List<ScarProfile> modalities, MultiModalDataset source) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.modalities = List.copyOf(modalities);
        this.source = source;
        if (this.modalities.isEmpty()) {
            throw new IllegalArgumentException("a dataset profile needs at least one modality");
        }
    }

    /** What {@link #read} expects a file to hold, for its messages. */
    private static final String JSON_WHAT = "a SCAR profile (the profile.json that 'scar characterize -o' or "
            + "save(profile, path) writes)";

    /**
     * A profile read back from the JSON that {@code scar characterize -o} (or {@code save(profile, file.json)})
     * wrote: every number exactly as it was, NaN included. The dataset itself is not in the file, so
     * {@link #source()} of the result throws; a file holding one modality's profile reads as a dataset profile of
     * that modality.
     *
     * @throws IllegalArgumentException naming the file and what is wrong when it is not such a profile
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     */
    public static DatasetProfile read(java.nio.file.Path file) {
        com.google.gson.JsonObject json = Json.readObject(file, JSON_WHAT);
        if (json.has("modality") && !json.has("modalities")) {
            ScarProfile one = Json.fromTree(json, ScarProfile.class, file, JSON_WHAT);
            return new DatasetProfile(one.dataset(), List.of(one), null);
        }
        String name = Json.fromMember(json, "dataset", String.class, file, JSON_WHAT);
        List<ScarProfile> profiles = Json.fromMember(json, "modalities", Json.listOf(ScarProfile.class), file,
                JSON_WHAT);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " does not hold " + JSON_WHAT
                    + ": its list of modalities is empty");
        }
        return new DatasetProfile(name, profiles, null);
    }

    public String dataset() {
        return dataset;
    }

    public List<ScarProfile> modalities() {
        return modalities;
    }

    /**
     * The dataset the profiles were computed from.
     *
     * @throws IllegalStateException if the profile was built without it (e.g. read back from a file)
     */
    public MultiModalDataset source() {
        if (source == null) {
            throw new IllegalStateException("this profile of " + dataset + " does not hold its dataset; "
                    + "use evaluate(dataset) with the dataset itself");
        }
        return source;
    }

    /** The profile of the named modality; the message lists the names when there is none. */
    public ScarProfile modality(String name) {
        return modalities.stream().filter(p -> p.modality().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no modality '" + name + "' in the profile of "
                        + dataset + "; modalities: " + modalityNames()));
    }

    /**
     * The profile of the one modality of a one-modality dataset: what {@code characterize(dataset)} means for a
     * single CSV, {@code .npy} or table. The methods below ({@link #summaryTable()}, {@link #foundationSize()}, ...)
     * read it, so such a profile is used like a {@link ScarProfile}.
     *
     * @throws IllegalStateException naming the modalities when there are several
     */
    public ScarProfile only() {
        if (modalities.size() != 1) {
            throw new IllegalStateException("the profile of " + dataset + " has " + modalities.size()
                    + " modalities " + modalityNames() + "; choose one with modality(\"" + modalities.get(0).modality()
                    + "\")");
        }
        return modalities.get(0);
    }

    /** {@link ScarProfile#foundationSize()} of the only modality ({@link #only()}). */
    public double foundationSize() {
        return only().foundationSize();
    }

    /** {@link ScarProfile#stepSizes()} of the only modality ({@link #only()}). */
    public double[] stepSizes() {
        return only().stepSizes();
    }

    /** {@link ScarProfile#shortfalls()} of the only modality ({@link #only()}). */
    public int[] shortfalls() {
        return only().shortfalls();
    }

    /** {@link ScarProfile#testAccuracy()} of the only modality ({@link #only()}). */
    public double testAccuracy() {
        return only().testAccuracy();
    }

    /** {@link ScarProfile#meaning()} of the only modality ({@link #only()}). */
    public String meaning() {
        return only().meaning();
    }

    /** {@link ScarProfile#summaryTable()} of the only modality ({@link #only()}). */
    public Table summaryTable() {
        return only().summaryTable();
    }

    /** {@link ScarProfile#measuresTable()} of the only modality ({@link #only()}). */
    public Table measuresTable() {
        return only().measuresTable();
    }

    /** {@link ScarProfile#stepsTable()} of the only modality ({@link #only()}). */
    public Table stepsTable() {
        return only().stepsTable();
    }

    /** {@link ScarProfile#learningCurve()} of the only modality ({@link #only()}). */
    public Table learningCurve() {
        return only().learningCurve();
    }

    /** {@link ScarProfile#evidenceTable()} of the only modality ({@link #only()}). */
    public Table evidenceTable() {
        return only().evidenceTable();
    }

    /** {@link ScarProfile#hardItems()} of the only modality ({@link #only()}). */
    public Table hardItems() {
        return only().hardItems();
    }

    public List<String> modalityNames() {
        return modalities.stream().map(ScarProfile::modality).toList();
    }

    /** The options the profiles were computed with. */
    public ScarOptions options() {
        return modalities.get(0).options();
    }

    /**
     * SCAR's bottleneck modality beside the held-out evidence, per class and overall; empty with a single modality
     * or when no item was held out.
     */
    public java.util.Optional<ModalityAgreement> agreement() {
        if (modalities.size() < 2 || modalities.stream().anyMatch(p -> !p.evidence().hasCurve())) {
            return java.util.Optional.empty();
        }
        ScarProfile first = modalities.get(0);
        int k = first.numClasses();
        int mCount = modalities.size();
        int[] bottlenecks = new int[k];
        double[][] recalls = new double[mCount][k];
        double[][] gains = new double[mCount][k];
        double[] accuracies = new double[mCount];
        int weakest = 0;
        for (int m = 0; m < mCount; m++) {
            ScarProfile p = modalities.get(m);
            accuracies[m] = p.testAccuracy();
            if (p.foundationSize() > modalities.get(weakest).foundationSize()) {
                weakest = m;
            }
            for (int c = 0; c < k; c++) {
                var recall = p.evidence().recalls().get(c);
                recalls[m][c] = recall.measured();
                gains[m][c] = recall.gain(recall.currentSize(), 2 * recall.currentSize());
            }
        }
        for (int c = 0; c < k; c++) {
            bottlenecks[c] = ModalityAgreement.NONE;
            long best = 0;
            for (int m = 0; m < mCount; m++) {
                long d = modalities.get(m).shortfalls()[c];
                if (d > best) {
                    best = d;
                    bottlenecks[c] = m;
                }
            }
        }
        int[] support = new int[k];
        Arrays.setAll(support, c -> first.evidence().curve().heldOutSupport(c));
        return java.util.Optional.of(new ModalityAgreement(modalityNames(), List.of(first.classNames()), bottlenecks,
                weakest, recalls, support, gains, accuracies, first.evidence().curve().heldOutSize(),
                first.options().evidence().tolerance()));
    }

    /** One row per modality: the key figures of each profile. */
    @Override
    public Table toTable() {
        return toSheet().toTable();
    }

    /** {@link #toTable()} before it becomes a table (printing and CSV need no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        return Sheet.of(dataset + ": modalities",
                StringColumn.create("modality", modalities.stream().map(ScarProfile::modality)),
                Columns.counts("items", modalities.stream().mapToInt(ScarProfile::size).toArray()),
                Columns.doubles("foundation_size", column(ScarProfile::foundationSize), Kind.ITEMS),
                Columns.doubles("N_F/items", column(p -> p.foundationSize() / p.size()), Kind.RATIO),
                Columns.counts("saturated_classes", modalities.stream()
                        .mapToInt(p -> (int) Arrays.stream(p.shortfalls()).filter(d -> d == 0).count()).toArray()),
                Columns.doubles("train_accuracy", column(ScarProfile::trainAccuracy), Kind.SHARE),
                Columns.doubles("test_accuracy", column(ScarProfile::testAccuracy), Kind.SHARE),
                Columns.doubles("seconds", column(ScarProfile::seconds), Kind.SECONDS));
    }

    private double[] column(java.util.function.ToDoubleFunction<ScarProfile> value) {
        return modalities.stream().mapToDouble(value).toArray();
    }

    /** The wall time of every modality's characterisation together. */
    public java.time.Duration elapsed() {
        return java.time.Duration.ofNanos(modalities.stream().mapToLong(ScarProfile::nanos).sum());
    }

    /**
     * The modalities table, then (with several modalities and held-out items) what SCAR and the evidence say about
     * which modality falls short, then each modality's per-class table.
     */
    @Override
    public List<Table> tables() {
        List<Table> out = new ArrayList<>();
        out.add(toTable());
        agreement().ifPresent(a -> {
            out.add(Table.create(dataset + ": which modality falls short").addColumns(
                    StringColumn.create("summary", new String[] {a.summary()})));
            out.add(a.toTable());
        });
        modalities.forEach(p -> out.add(p.toTable()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetProfile p && dataset.equals(p.dataset) && modalities.equals(p.modalities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataset, modalities);
    }

    /** The modalities table and, with several modalities and held-out items, SCAR beside the evidence. */
    @Override
    public String toText(int width) {
        String head = "SCAR profile of " + dataset + ", " + Format.count(modalities.size(), "modality", "modalities")
                + "\n";
        return head + toSheet().render(width) + agreement().map(a -> "\n" + a.toText(width)).orElse("");
    }

    @Override
    public String toString() {
        return toText(TextTable.WIDTH);
    }
}
