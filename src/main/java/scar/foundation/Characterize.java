package scar.foundation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;

/**
 * Runs the sweep on a labelled dataset's modalities: picks the training and test items, then {@link Sweep#run}.
 *
 * <p>Items: with a train/test split in the dataset, the sweep uses the training items and the r = 1 probe is tested
 * on the test items. Without one, a seeded stratified {@link ScarOptions#testFraction()} of every class is held out
 * for the test accuracy (derived from the seed, so the same for every modality) and the sweep uses the rest;
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
        int[][] trainTest = trainTest(data, options);
        int[] labels = data.labels();
        Matrix x = modality.embeddings();
        Matrix train = trainTest[0].length == data.size() ? x : x.selectRows(trainTest[0]);
        int[] trainY = Subsampling.select(labels, trainTest[0]);
        Matrix test = trainTest[1].length == 0 ? null : x.selectRows(trainTest[1]);
        int[] testY = test == null ? null : Subsampling.select(labels, trainTest[1]);
        Progress progress = options.progress() ? Progress.auto() : Progress.none();
        return Sweep.run(data.name(), modality.name(), train, trainY, test, testY, data.classNames(), options,
                progress);
    }

    /**
     * The items the sweep trains on and the items the probe is tested on, {@code {train, test}}, each sorted: the
     * dataset's split, or a seeded stratified hold-out of {@link ScarOptions#testFraction()} (none when it is 0).
     */
    public static int[][] trainTest(MultiModalDataset data, ScarOptions options) {
        if (data.hasSplit()) {
            return new int[][] {data.trainIndices(), data.testIndices()};
        }
        if (options.testFraction() == 0) {
            int[] all = new int[data.size()];
            java.util.Arrays.setAll(all, i -> i);
            return new int[][] {all, new int[0]};
        }
        // A source of its own, derived from the seed, so the held-out items do not depend on the sweep's draws.
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5CA7_7E57_0000_0001L);
        int[][] testRest = Subsampling.split(data.labels(), data.numClasses(), options.testFraction(), random);
        return new int[][] {testRest[1], testRest[0]};
    }
}
