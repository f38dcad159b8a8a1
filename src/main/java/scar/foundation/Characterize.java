package scar.foundation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import scar.data.Duplicates;
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

    /** Profiles one modality of the dataset (under every seed of {@link ScarOptions#repeats()}). */
    public static ScarProfile modality(MultiModalDataset data, String modality, ScarOptions options) {
        Objects.requireNonNull(data, "dataset");
        Objects.requireNonNull(options, "options");
        Modality m = data.modality(modality);
        List<ScarProfile> runs = new ArrayList<>();
        for (int i = 0; i < options.repeats(); i++) {
            runs.add(run(data, m, i == 0 ? options : options.withSeed(options.seed() + i)));
        }
        return Repeats.combine(runs);
    }

    /**
     * Profiles every modality of the dataset, one after the other, on the same items; with several
     * {@link ScarOptions#repeats()} every modality is swept under each seed.
     */
    public static DatasetProfile all(MultiModalDataset data, ScarOptions options) {
        Objects.requireNonNull(data, "dataset");
        Objects.requireNonNull(options, "options");
        List<ScarProfile> out = new ArrayList<>();
        for (Modality m : data.modalities()) {
            out.add(modality(data, m.name(), options));
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
        SweepInput input;
        if (data.hasSplit()) {
            input = new SweepInput(data.name(), m, labels, data.classNames(), data.trainIndices(), data.testIndices(),
                    new int[0]);
        } else if (options.testFraction() == 0) {
            input = SweepInput.of(data.name(), m, labels, data.classNames());
        } else {
            int[][] restHeld = Subsampling.keyedHoldOut(labels, data.numClasses(), options.testFraction(),
                    options.seed());
            input = new SweepInput(data.name(), m, labels, data.classNames(), restHeld[0], restHeld[1], new int[0]);
        }
        return options.dedup() ? input.without(redundantItems(data, input)) : input;
    }

    /**
     * The items whose embedding repeats an earlier item's in any modality ({@link Duplicates#redundantItems}): what
     * {@link ScarOptions#dedup()} drops, the same for every modality so that paired items stay paired.
     */
    static int[] redundantItems(MultiModalDataset data, SweepInput input) {
        java.util.TreeSet<Integer> drop = new java.util.TreeSet<>();
        for (Modality other : data.modalities()) {
            for (int i : Duplicates.of(other, data.labels(), input.train(), input.test()).redundantItems()) {
                drop.add(i);
            }
        }
        return drop.stream().mapToInt(Integer::intValue).toArray();
    }
}
