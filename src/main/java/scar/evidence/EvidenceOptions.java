package scar.evidence;

import scar.text.Shortest;
import scar.text.Stored;

/**
 * Parameters of the held-out evidence beside SCAR's numbers (docs/SPEC.md §10), validated on construction.
 *
 * @param bootstrap         bootstrap replicates behind every interval, ≥ 20; default 200
 * @param tolerance         how close to its asymptote a learning curve counts as flat, as a share (0.01 = one point
 *                          of accuracy), in (0, 1); default 0.01
 * @param hardItemsPerClass how many wrong or least-sure items of each class and split the profile keeps, ≥ 0;
 *                          default 10
 */
public record EvidenceOptions(@Stored(min = 0) int bootstrap, @Stored(min = 0, max = 1) double tolerance,
                              @Stored(min = 0) int hardItemsPerClass) {
    /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
    @Override
    public String toString() {
        return Shortest.record(this);
    }

    /** @throws IllegalArgumentException for a value outside its range */
    public EvidenceOptions {
        if (bootstrap < 20) {
            throw new IllegalArgumentException("bootstrap needs at least 20 replicates, got " + bootstrap);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must lie in (0, 1), got " + tolerance);
        }
        if (hardItemsPerClass < 0) {
            throw new IllegalArgumentException("hardItemsPerClass must be >= 0, got " + hardItemsPerClass);
        }
    }

    /** 200 bootstrap replicates, a tolerance of one point, 10 hard items per class and split. */
    public static EvidenceOptions defaults() {
        return new EvidenceOptions(200, 0.01, 10);
    }

    public EvidenceOptions withBootstrap(int replicates) {
        return new EvidenceOptions(replicates, tolerance, hardItemsPerClass);
    }

    public EvidenceOptions withTolerance(double share) {
        return new EvidenceOptions(bootstrap, share, hardItemsPerClass);
    }

    public EvidenceOptions withHardItemsPerClass(int items) {
        return new EvidenceOptions(bootstrap, tolerance, items);
    }
}
