package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import scar.data.ClassLabels;
import scar.data.Datasets;
import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.data.Split;
import scar.evidence.ModalityAgreement;
import scar.probe.SyntheticData;

/** The acceptance cases of the held-out evidence (issue 13), on real data and on fixtures with known structure. */
class EvidenceAcceptanceTest {
    private static final ScarOptions QUIET = ScarOptions.defaults().withProgress(false);

    @Test
    void onWikipediaTheEvidenceNamesImageTheWeakerModality() {
        DatasetProfile p = Characterize.all(Datasets.bundled("wikipedia"), QUIET);
        ModalityAgreement a = p.agreement().orElseThrow();
        int image = a.modalities().indexOf("image");
        int text = a.modalities().indexOf("text");
        assertEquals(image, a.weakerOverall());
        assertEquals(0.26, a.accuracies()[image], 0.03);
        assertEquals(0.68, a.accuracies()[text], 0.03);
        int decided = 0;
        for (int c = 0; c < a.classNames().size(); c++) {
            int w = a.weaker(c);
            if (w >= 0) {
                decided++;
                assertEquals(image, w, "class " + a.classNames().get(c));
            }
        }
        assertTrue(decided >= 6, decided + " classes decided");
        assertTrue(a.summary().contains("image is the weaker modality") && a.summary().contains("agree"),
                a.summary());
        assertTrue(p.toText(scar.text.TextTable.WIDE).contains(a.summary()), "the printed summary says whether SCAR "
                + "agrees");
    }

    /** Two modalities over the same items: a clean one and the same plus strong noise. */
    private static MultiModalDataset noisyPair(long seed) {
        int n = 3000;
        int d = 32;
        int k = 5;
        SyntheticData g = SyntheticData.gaussianClasses(n, d, k, 100 + seed);
        float[] x = g.x().data();
        float[] noisy = new float[x.length];
        SplittableRandom r = new SplittableRandom(900 + seed);
        for (int i = 0; i < x.length; i++) {
            noisy[i] = (float) (x[i] + 1.5 * r.nextGaussian());
        }
        String[] names = IntStream.range(0, k).mapToObj(c -> "c" + c).toArray(String[]::new);
        return MultiModalDataset.of("noisy-pair", g.labels(), names, Modality.of("clean", g.x()),
                Modality.of("noisy", Matrix.wrap(n, d, noisy)));
    }

    @Test
    void theNoisyModalityIsNamedForEveryClassAndTheBackTestIntervalCoversTheMeasuredPoint() {
        int covered = 0;
        int seeds = 20;
        for (int s = 0; s < seeds; s++) {
            DatasetProfile p = Characterize.all(noisyPair(s), QUIET.withSeed(s));
            ModalityAgreement a = p.agreement().orElseThrow();
            int noisy = a.modalities().indexOf("noisy");
            for (int c = 0; c < a.classNames().size(); c++) {
                assertEquals(noisy, a.weaker(c), "seed " + s + ", class " + c + "\n" + a);
            }
            var backTest = p.modality("noisy").evidence().accuracy().backTest();
            covered += backTest.predicted().contains(backTest.measured()) ? 1 : 0;
        }
        assertTrue(covered >= 18, "the back-test interval contains the measured r = 1 accuracy in " + covered
                + " of " + seeds + " seeds; expected at least 90 %");
    }

    @Test
    void repeatsGiveIntervalsThatContainEverySingleSeedRun() {
        MultiModalDataset fou = Datasets.bundled("mfeat").selectModalities("fou");
        ScarOptions options = QUIET.withSeed(42);
        ScarProfile repeated = Characterize.modality(fou, "fou", options.withRepeats(5));
        Repeats runs = repeated.repeats();
        assertEquals(5, runs.runs());
        for (int i = 0; i < 5; i++) {
            ScarProfile single = Characterize.modality(fou, "fou", options.withSeed(42 + i));
            assertEquals(42 + i, runs.seeds()[i]);
            assertEquals(single.foundationSize(), runs.foundationSizes()[i], 0.0, "run " + i + " is seed " + (42 + i));
            assertTrue(runs.foundationSize().contains(single.foundationSize()));
            for (int c = 0; c < single.numClasses(); c++) {
                assertTrue(runs.stepSize(c).contains(single.stepSizes()[c]));
                assertTrue(runs.shortfall(c).contains(single.shortfalls()[c]));
            }
            if (i == 0) {
                assertEquals(single.measures(), repeated.measures(), "the profile's own numbers are the first run's");
            }
        }
        assertTrue(repeated.toString().contains("over 5 seeds"), repeated.toString());
    }

    @Test
    void repeatsAndEvidenceAreBitIdenticalOnOneAndTwoThreads() {
        MultiModalDataset data = noisyPair(3);
        ScarOptions options = QUIET.withRepeats(2).withRatios(1, 2, 5, 10);
        DatasetProfile one = Characterize.all(data, options.withThreads(1));
        DatasetProfile two = Characterize.all(data, options.withThreads(2));
        for (int m = 0; m < one.modalities().size(); m++) {
            ScarProfile a = one.modalities().get(m);
            ScarProfile b = two.modalities().get(m);
            assertEquals(a.evidence(), b.evidence());
            assertEquals(a.repeats(), b.repeats());
        }
        assertEquals(one.agreement(), two.agreement());
    }

    @Test
    void thirtyPercentDuplicatesAreReportedAndDedupRestoresTheCleanHeldOutAccuracy() {
        // few items in many dimensions: the probe fits its training items, so a held-out copy of one is "right"
        int n = 400;
        int d = 256;
        SyntheticData g = SyntheticData.gaussianClasses(n, d, 4, 8);
        float[] x = g.x().data();
        int[] test = IntStream.range(0, n).filter(i -> i % 5 == 0).toArray();
        String[] names = {"a", "b", "c", "d"};
        MultiModalDataset clean = MultiModalDataset.of("dups", ClassLabels.of(g.labels(), names),
                java.util.List.of(Modality.of("x", g.x())), Split.withTestItems(n, test));

        // append 120 copies (30 %) of random training items, half of them on the held-out side
        int copies = 120;
        SplittableRandom r = new SplittableRandom(1);
        int[] train = IntStream.range(0, n).filter(i -> i % 5 != 0).toArray();
        float[] all = Arrays.copyOf(x, (n + copies) * d);
        int[] labels = Arrays.copyOf(g.labels(), n + copies);
        boolean[] isTrain = new boolean[n + copies];
        for (int i = 0; i < n; i++) {
            isTrain[i] = i % 5 != 0;
        }
        for (int k = 0; k < copies; k++) {
            int source = train[r.nextInt(train.length)];
            System.arraycopy(x, source * d, all, (n + k) * d, d);
            labels[n + k] = g.labels()[source];
            isTrain[n + k] = k % 2 == 0;
        }
        MultiModalDataset leaky = MultiModalDataset.of("dups", ClassLabels.of(labels, names),
                java.util.List.of(Modality.of("x", Matrix.wrap(n + copies, d, all))), Split.of(isTrain));

        ScarOptions options = QUIET.withRatios(1, 2, 5);
        ScarProfile reference = Characterize.modality(clean, "x", options);
        ScarProfile leaked = Characterize.modality(leaky, "x", options);
        var dups = leaked.evidence().duplicates();
        assertTrue(dups.redundant() >= copies / 2 && dups.leaks().length >= copies / 4, dups.summary());
        assertTrue(leaked.toString().contains("held-out items duplicate a training item"), leaked.toString());
        assertTrue(leaked.testAccuracy() > reference.testAccuracy() + 0.05, "leaked " + leaked.testAccuracy()
                + " vs clean " + reference.testAccuracy());

        ScarProfile deduplicated = Characterize.modality(leaky, "x", options.withDedup(true));
        assertEquals(reference.testAccuracy(), deduplicated.testAccuracy(), 0.0);
        assertEquals(reference.foundationSize(), deduplicated.foundationSize(), 0.0);
        assertEquals(copies, deduplicated.evidence().dropped());
        assertTrue(deduplicated.toString().contains("120 duplicates dropped"), deduplicated.toString());
    }
}
