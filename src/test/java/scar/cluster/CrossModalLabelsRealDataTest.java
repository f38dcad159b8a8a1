package scar.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import scar.data.Datasets;
import scar.data.Matrix;

/**
 * Cross-modal labels on the bundled real data with the true labels hidden: k-means (k = 10, seed 1) on one view
 * gives the labels the other view would be profiled with; the adjusted Rand index against the hidden labels says how
 * close those labels are to the real classes.
 */
class CrossModalLabelsRealDataTest {
    /*
     * Measured with seed 1 (seeds 2 and 3 in brackets):
     *   wikipedia text  ARI 0.404 (0.404, 0.444), NMI 0.533 -> the labels the image view would get
     *   wikipedia image ARI 0.019 (0.017, 0.020), NMI 0.040 -> SIFT histograms barely cluster by topic
     * Thresholds sit well below the measured values; the image view is compared with chance (shuffled labels).
     */
    @Test
    void wikipediaTextClustersLabelTheImages() {
        int[] truth = Datasets.bundled("wikipedia").labels();
        int[] labels = CrossModalLabels.labelFromOther(Datasets.bundled("wikipedia").modality("text").embeddings(), null, truth.length,
                10, 1);
        double ari = Agreement.adjustedRandIndex(labels, truth);
        System.out.printf("wikipedia: text clusters vs hidden labels ARI = %.4f, NMI = %.4f%n", ari,
                Agreement.normalizedMutualInformation(labels, truth));
        assertTrue(ari > 0.25, "ARI " + ari);
    }

    /*
     * Caption-like data: every document gets three noisy copies of its text row (Gaussian noise, sd 0.02, on topic
     * weights of about 0.1), in interleaved order. Labels come from the majority cluster of each document's rows;
     * the mean embeddings are close to the original rows. Measured with seed 1: ARI 0.430 (0.404 without copies).
     */
    @Test
    void severalRowsPerItemOnRealText() {
        int[] truth = Datasets.bundled("wikipedia").labels();
        Matrix text = Datasets.bundled("wikipedia").modality("text").embeddings();
        int n = text.rows();
        int d = text.cols();
        float[] rows = new float[3 * n * d];
        int[] itemOfRow = new int[3 * n];
        SplittableRandom rng = new SplittableRandom(5);
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < n; i++) {
                int r = copy * n + i;
                itemOfRow[r] = i;
                for (int j = 0; j < d; j++) {
                    rows[r * d + j] = (float) (text.get(i, j) + 0.02 * rng.nextGaussian());
                }
            }
        }
        Matrix captions = Matrix.wrap(3 * n, d, rows);
        int[] labels = CrossModalLabels.labelFromOther(captions, itemOfRow, n, 10, 1);
        double ari = Agreement.adjustedRandIndex(labels, truth);
        System.out.printf("wikipedia: 3 noisy text rows per document, majority labels ARI = %.4f%n", ari);
        assertTrue(ari > 0.25, "ARI " + ari);
        Matrix mean = CrossModalLabels.meanEmbeddings(captions, itemOfRow, n);
        double worst = 0;
        for (int k = 0; k < n * d; k++) {
            worst = Math.max(worst, Math.abs(mean.data()[k] - text.data()[k]));
        }
        assertTrue(worst < 0.1, "largest deviation of a mean embedding " + worst); // 3 draws: sd 0.02 / sqrt(3)
    }

    @Test
    void wikipediaImageClustersAreWeakButAboveChance() {
        int[] truth = Datasets.bundled("wikipedia").labels();
        Matrix image = Datasets.bundled("wikipedia").modality("image").embeddings();
        int[] labels = CrossModalLabels.kmeans(image, 10, 1);
        double ari = Agreement.adjustedRandIndex(labels, truth);
        double chance = 0;
        SplittableRandom rng = new SplittableRandom(1);
        for (int t = 0; t < 20; t++) {
            chance = Math.max(chance, Math.abs(Agreement.adjustedRandIndex(labels, shuffled(truth, rng))));
        }
        System.out.printf("wikipedia: image clusters ARI = %.4f, largest |ARI| over 20 shuffles = %.4f%n", ari,
                chance);
        assertTrue(ari > 0.008, "ARI " + ari);
        assertTrue(ari > 4 * chance, "ARI " + ari + " vs chance " + chance);
    }

    /*
     * Measured with seed 1: fou 0.521, fac 0.365, kar 0.567, pix 0.640, zer 0.400, mor 0.316.
     */
    @ParameterizedTest
    @CsvSource({"fou, 0.35", "fac, 0.2", "kar, 0.35", "pix, 0.4", "zer, 0.25", "mor, 0.2"})
    void mfeatViewsClusterByDigit(String view, double threshold) {
        int[] truth = Datasets.bundled("mfeat").labels();
        double ari = Agreement.adjustedRandIndex(CrossModalLabels.kmeans(Datasets.bundled("mfeat").modality(view).embeddings(), 10, 1),
                truth);
        System.out.printf("mfeat %s: ARI = %.4f%n", view, ari);
        assertTrue(ari > threshold, view + " ARI " + ari);
    }

    private static int[] shuffled(int[] values, SplittableRandom rng) {
        int[] out = values.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = out[i];
            out[i] = out[j];
            out[j] = tmp;
        }
        return out;
    }
}
