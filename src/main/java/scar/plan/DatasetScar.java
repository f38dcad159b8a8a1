package scar.plan;

import scar.text.Format;
import scar.text.Stored;

/**
 * The dataset-level S/C/A/R row of one modality, as in the paper's table (SPEC §5.6).
 *
 * <ul>
 *   <li>Scale = min(1, |D| / N_F): how much of the foundation size the dataset reaches;</li>
 *   <li>Richness = min(1, N_F / |D|): how little of the dataset the foundation size needs;</li>
 *   <li>Authenticity = test accuracy of the probe trained on the whole dataset;</li>
 *   <li>Coverage = share of the reserve pool that the SCAR fill takes: added / |Q|, averaged over seeds by
 *       {@link Evaluation.Builder}; NaN when the reserve is empty (the share is undefined).</li>
 * </ul>
 *
 * @param modality       modality name
 * @param datasetSize    |D|, the number of items
 * @param foundationSize N_F of the modality
 * @param scale          min(1, |D| / N_F)
 * @param coverage       SCAR-fill share of the reserve, in [0, 1], or NaN
 * @param authenticity   test accuracy on the whole dataset
 * @param richness       min(1, N_F / |D|)
 */
public record DatasetScar(String modality, @Stored(min = 1) int datasetSize, @Stored(min = 0) double foundationSize,
                          @Stored(min = 0, max = 1) double scale,
                          @Stored(min = 0, max = 1, undefined = true) double coverage,
                          @Stored(min = 0, max = 1) double authenticity, @Stored(min = 0, max = 1) double richness) {

    public DatasetScar {
        java.util.Objects.requireNonNull(modality, "modality");
    }

    /**
     * Computes the row.
     *
     * @param coverage SCAR-fill share of the reserve (see {@link #coverage(int, int)}), in [0, 1] or NaN
     * @throws IllegalArgumentException if {@code datasetSize} ≤ 0, {@code foundationSize} is not finite and
     *                                  positive, or an accuracy or coverage lies outside [0, 1]
     */
    public static DatasetScar of(String modality, int datasetSize, double foundationSize, double testAccuracy,
                                 double coverage) {
        if (datasetSize <= 0) {
            throw new IllegalArgumentException("dataset size of modality '" + modality + "' must be > 0, got "
                    + datasetSize);
        }
        if (!(foundationSize > 0) || Double.isInfinite(foundationSize)) {
            throw new IllegalArgumentException("foundation size of modality '" + modality
                    + "' must be finite and > 0, got " + foundationSize);
        }
        requireShare("test accuracy of modality '" + modality + "'", testAccuracy, false);
        requireShare("coverage of modality '" + modality + "'", coverage, true);
        return new DatasetScar(modality, datasetSize, foundationSize, Math.min(1, datasetSize / foundationSize),
                coverage, testAccuracy, Math.min(1, foundationSize / datasetSize));
    }

    /**
     * Coverage of one SCAR fill: {@code added / reservePool}, NaN for an empty pool.
     *
     * @throws IllegalArgumentException if {@code added} is negative or exceeds the pool
     */
    public static double coverage(int added, int reservePool) {
        if (added < 0 || added > reservePool) {
            throw new IllegalArgumentException("the SCAR fill cannot take " + added + " items from a reserve of "
                    + reservePool);
        }
        return reservePool == 0 ? Double.NaN : (double) added / reservePool;
    }

    static void requireShare(String what, double value, boolean nanAllowed) {
        if (Double.isNaN(value) ? !nanAllowed : value < 0 || value > 1) {
            throw new IllegalArgumentException(what + " must lie in [0, 1], got " + value);
        }
    }

    @Override
    public String toString() {
        return modality + ": |D| = " + Format.items(datasetSize) + ", N_F = " + Format.items(foundationSize) + ", S = "
                + Format.share(scale) + ", C = " + Format.share(coverage) + ", A = " + Format.share(authenticity)
                + ", R = " + Format.share(richness);
    }
}
