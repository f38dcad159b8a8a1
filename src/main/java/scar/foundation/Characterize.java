package scar.foundation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import scar.data.Modality;
import scar.data.MultiModalDataset;

/**
 * Runs the sweep on a labelled dataset's modalities: picks the training and test items, then {@link Sweep#run}.
 *
 * <p>Items: with a train/test split in the dataset, the sweep uses the training items and the r = 1 probe is tested
 * on the test items. Without one, a seeded stratified {@link ScarOptions#testFraction()} of every class is held out
 * for the test accuracy (a keyed draw of the seed, so the same for every modality) and the sweep uses the rest;
 * with {@code testFraction = 0} every item is used and no test accuracy is measured.
 */
public final class Characterize {
    private Characterize() {
    }

    /** Profiles one modality of the dataset. */
    public static ScarProfile modality(MultiModalDataset data, String modality, ScarOptions options) {
        Objects.requireNonNull(data, "dataset");
        Objects.requireNonNull(options, "options");
        return run(data, data.modality(modality), options);
    }

    /** Profiles every modality of the dataset, one after the other, on the same items. */
    public static DatasetProfile all(MultiModalDataset data, ScarOptions options) {
        Objects.requireNonNull(data, "dataset");
        Objects.requireNonNull(options, "options");
        List<ScarProfile> out = new ArrayList<>();
        for (Modality m : data.modalities()) {
            out.add(run(data, m, options));
        }
        return new DatasetProfile(data.name(), out, data);
    }

    private static ScarProfile run(MultiModalDataset data, Modality modality, ScarOptions options) {
        Progress progress = options.progress() ? Progress.auto() : Progress.none();
        return Sweep.run(input(data, modality.name(), options), options, progress);
    }

    /**
     * The items one modality's sweep trains on and the items held out: the dataset's split, or a keyed stratified
     * hold-out of {@link ScarOptions#testFraction()} of every class ({@link Subsampling#keyedHoldOut}, the same for
     * every modality), or nothing held out when the fraction is 0.
     */
    public static SweepInput input(MultiModalDataset data, String modality, ScarOptions options) {
        Objects.requireNonNull(data, "dataset");
        Objects.requireNonNull(options, "options");
        Modality m = data.modality(modality);
        int[] labels = data.labels();
        if (data.hasSplit()) {
            return new SweepInput(data.name(), m, labels, data.classNames(), data.trainIndices(), data.testIndices());
        }
        if (options.testFraction() == 0) {
            return SweepInput.of(data.name(), m, labels, data.classNames());
        }
        int[][] restHeld = Subsampling.keyedHoldOut(labels, data.numClasses(), options.testFraction(), options.seed());
        return new SweepInput(data.name(), m, labels, data.classNames(), restHeld[0], restHeld[1]);
    }
}
