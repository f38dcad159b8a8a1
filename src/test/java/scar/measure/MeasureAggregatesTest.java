package scar.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Measures from mergeable per-class aggregates (what a Spark job gathers) equal Measures.compute over one array. */
class MeasureAggregatesTest {

    @ParameterizedTest
    @CsvSource({"HEAD, 2", "HEAD, 5", "V1, 5", "V1, 3", "HEAD, 12"})
    void aggregatesSplitAcrossPartsGiveTheMeasuresOfTheWholeArray(MeasureVariant variant, int k) {
        SplittableRandom r = new SplittableRandom(k * 31L + variant.ordinal());
        int n = 700;
        float[] logits = new float[n * k];
        int[] labels = new int[n];
        int[] predictions = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
            int best = 0;
            for (int c = 0; c < k; c++) {
                logits[i * k + c] = (float) (r.nextGaussian() * 3 + (c == labels[i] ? 1.5 : 0));
                if (logits[i * k + c] > logits[i * k + best]) {
                    best = c;
                }
            }
            predictions[i] = best;
        }
        ClassMeasures expected = Measures.compute(Logits.of(logits, n, k), predictions, labels, k, 5, variant);

        // three "partitions" of items, merged in another order than they were filled
        MeasureCounts[] counts = new MeasureCounts[3];
        CoverageSums[] first = new CoverageSums[3];
        for (int p = 0; p < 3; p++) {
            counts[p] = new MeasureCounts(k);
            first[p] = CoverageSums.first(k, variant);
        }
        for (int i = 0; i < n; i++) {
            counts[i % 3].add(labels[i], predictions[i]);
            first[i % 3].addItem(i, labels[i], predictions[i], logits, i * k);
        }
        CoverageSums one = first[2].merge(first[0]).merge(first[1]);
        CoverageSums[] second = {one.second(), one.second()};
        for (int i = 0; i < n; i++) {
            second[i < n / 2 ? 0 : 1].addItem(i, labels[i], predictions[i], logits, i * k);
        }
        ClassMeasures got = Measures.of(counts[1].merge(counts[0]).merge(counts[2]),
                second[1].merge(second[0]).coverage(), 5, variant);

        assertArrayEquals(expected.scale(), got.scale());
        assertArrayEquals(expected.authenticity(), got.authenticity());
        assertArrayEquals(expected.richness(), got.richness());
        assertEquals(expected.accuracy(), got.accuracy());
        for (int c = 0; c < k; c++) {
            // the mean and σ are exact sums here, numpy-order pairwise sums there: a few ulps apart (SPEC §3.3)
            assertEquals(expected.coverage(c), got.coverage(c), 1e-13, "coverage of class " + c);
        }
    }
}
