package scar.foundation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import scar.data.Tabular;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The SCAR profiles of every modality of one dataset, over the same items and labels: what
 * {@code Scar.characterize(dataset)} returns. Comparing the modalities' step sizes and foundation sizes is the
 * generalisation bias of SPEC §7.
 */
public record DatasetProfile(String dataset, List<ScarProfile> modalities) implements Tabular {

    public DatasetProfile {
        Objects.requireNonNull(dataset, "dataset");
        modalities = List.copyOf(modalities);
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException("a dataset profile needs at least one modality");
        }
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

    /** One row per modality: dimensions aside, the key figures of each profile. */
    @Override
    public Table toTable() {
        int m = modalities.size();
        StringColumn name = StringColumn.create("modality");
        IntColumn items = IntColumn.create("items");
        DoubleColumn nf = DoubleColumn.create("foundation_size");
        DoubleColumn ratio = DoubleColumn.create("N_F/items");
        IntColumn saturated = IntColumn.create("saturated_classes");
        DoubleColumn train = DoubleColumn.create("train_accuracy");
        DoubleColumn test = DoubleColumn.create("test_accuracy");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        for (int i = 0; i < m; i++) {
            ScarProfile p = modalities.get(i);
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

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "SCAR profile of %s, %d modalities%n",
                dataset, modalities.size()));
        sb.append(toTable().printAll());
        return sb.toString();
    }
}
