package scar.foundation;

import scar.text.Format;
import scar.text.Columns.Kind;
import scar.text.Columns;
import scar.data.Tabular;
import tech.tablesaw.api.Table;

/**
 * The dataset-level SCAR of SPEC §5.6 (the paper's table).
 *
 * <ul>
 *   <li>Scale = min(1, |D| / N_F): how much of the foundation size the dataset holds.</li>
 *   <li>Richness = min(1, N_F / |D|): how much of the dataset the foundation size needs.</li>
 *   <li>Authenticity = test accuracy of the probe trained on the whole dataset.</li>
 *   <li>Coverage = share of the reserve pool that the SCAR fill of §6 takes; NaN when no completion was run.</li>
 * </ul>
 * Exactly one of Scale and Richness is below 1 unless |D| = N_F.
 *
 * @param datasetSize    |D|, number of items
 * @param foundationSize N_F
 * @param scale          min(1, |D|/N_F)
 * @param coverage       reserve share taken by the SCAR fill, or NaN
 * @param authenticity   test accuracy
 * @param richness       min(1, N_F/|D|)
 */
public record DatasetSummary(long datasetSize, double foundationSize, double scale, double coverage,
                             double authenticity, double richness) implements Tabular {

    /**
     * @throws IllegalArgumentException if |D| &lt; 1, N_F is not finite and positive, or the accuracy or coverage share
     *                                  lies outside [0, 1] (the coverage share may be NaN)
     */
    public static DatasetSummary of(long datasetSize, double foundationSize, double testAccuracy,
                                    double coverageShare) {
        if (datasetSize < 1) {
            throw new IllegalArgumentException("dataset size must be >= 1, got " + datasetSize);
        }
        if (!(foundationSize > 0) || Double.isInfinite(foundationSize)) {
            throw new IllegalArgumentException("foundation size must be finite and > 0, got " + foundationSize);
        }
        if (!(testAccuracy >= 0 && testAccuracy <= 1)) {
            throw new IllegalArgumentException("test accuracy must lie in [0, 1], got " + testAccuracy);
        }
        if (coverageShare < 0 || coverageShare > 1) {
            throw new IllegalArgumentException("coverage share must lie in [0, 1] or be NaN, got " + coverageShare);
        }
        return new DatasetSummary(datasetSize, foundationSize, Math.min(1, datasetSize / foundationSize),
                coverageShare, testAccuracy, Math.min(1, foundationSize / datasetSize));
    }

    /** One row: items, foundation size, scale, coverage, authenticity, richness. */
    @Override
    public Table toTable() {
        return Table.create("dataset SCAR",
                Columns.counts("items", new long[] {datasetSize}),
                Columns.doubles("foundation size", new double[] {foundationSize}, Kind.ITEMS),
                Columns.doubles("scale", new double[] {scale}, Kind.SHARE),
                Columns.doubles("coverage", new double[] {coverage}, Kind.SHARE),
                Columns.doubles("authenticity", new double[] {authenticity}, Kind.SHARE),
                Columns.doubles("richness", new double[] {richness}, Kind.SHARE));
    }

    @Override
    public String toString() {
        return "DatasetSummary[|D| = " + Format.items(datasetSize) + ", N_F = " + Format.items(foundationSize) + "]\n"
                + "  scale        " + Format.share(scale) + "\n  coverage     " + Format.share(coverage) + "\n"
                + "  authenticity " + Format.share(authenticity) + "\n  richness     " + Format.share(richness);
    }
}
