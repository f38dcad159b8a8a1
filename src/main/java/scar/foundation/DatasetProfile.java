package scar.foundation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import scar.data.MultiModalDataset;
import scar.data.Tabular;
import scar.evidence.ModalityAgreement;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

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
        StringColumn name = StringColumn.create("modality");
        IntColumn items = IntColumn.create("items");
        DoubleColumn nf = DoubleColumn.create("foundation_size");
        DoubleColumn ratio = DoubleColumn.create("N_F/items");
        IntColumn saturated = IntColumn.create("saturated_classes");
        DoubleColumn train = DoubleColumn.create("train_accuracy");
        DoubleColumn test = DoubleColumn.create("test_accuracy");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        for (ScarProfile p : modalities) {
            name.append(p.modality());
            items.append(p.size());
            nf.append(p.foundationSize());
            ratio.append(p.foundationSize() / p.size());
            saturated.append((int) java.util.Arrays.stream(p.shortfalls()).filter(d -> d == 0).count());
            train.append(p.trainAccuracy());
            test.append(p.testAccuracy());
            seconds.append(p.seconds());
        }
        nf.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(0));
        ratio.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        train.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        test.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        seconds.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        return Table.create(dataset + ": modalities").addColumns(name, items, nf, ratio, saturated, train, test,
                seconds);
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

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SCAR profile of %s, %d modalit%s%n", dataset, modalities.size(),
                modalities.size() == 1 ? "y" : "ies") + toTable().printAll()
                + agreement().map(a -> "\n" + a.summary() + "\n" + a.toTable().printAll()).orElse("");
    }
}
