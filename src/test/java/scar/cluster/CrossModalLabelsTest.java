package scar.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import scar.data.Matrix;
import smile.math.MathEx;

class CrossModalLabelsTest {
    /** n points around each of the given 2-D centres (noise ±0.5), in centre order; truth in {@code truth}. */
    private static Matrix blobs(double[][] centres, int n, long seed, int[] truth) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[centres.length * n][];
        for (int c = 0; c < centres.length; c++) {
            for (int i = 0; i < n; i++) {
                rows[c * n + i] = new double[] {centres[c][0] + rng.nextDouble(-0.5, 0.5),
                        centres[c][1] + rng.nextDouble(-0.5, 0.5)};
                truth[c * n + i] = c;
            }
        }
        return Matrix.of(rows);
    }

    private static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}};

    @Test
    void separatedBlobsAreRecovered() {
        int[] truth = new int[90];
        Matrix x = blobs(CENTRES, 30, 1, truth);
        int[] clusters = CrossModalLabels.kmeans(x, 3, 7);
        assertEquals(1.0, Agreement.adjustedRandIndex(truth, clusters), 1e-12);
    }

    @Test
    void sameSeedSameLabelsOnAnyThread() throws Exception {
        int[] truth = new int[300];
        // overlapping blobs so that the initialisation matters
        Matrix x = blobs(new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.5, 0.5}}, 60, 2, truth);
        int[] reference = CrossModalLabels.kmeans(x, 5, 3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<int[]>> runs = IntStream.range(0, 6)
                    .mapToObj(i -> pool.submit(() -> CrossModalLabels.kmeans(x, 5, 3))).toList();
            for (Future<int[]> run : runs) {
                assertArrayEquals(reference, run.get());
            }
        } finally {
            pool.shutdown();
        }
        boolean anyDifferent = false;
        for (long seed = 4; seed < 14 && !anyDifferent; seed++) {
            anyDifferent = Agreement.adjustedRandIndex(reference, CrossModalLabels.kmeans(x, 5, seed)) < 1;
        }
        assertTrue(anyDifferent, "the seed should matter on overlapping blobs");
    }

    @Test
    void callersRandomStateIsUntouched() {
        MathEx.setSeed(99);
        double expected = MathEx.random();
        MathEx.setSeed(99);
        CrossModalLabels.kmeans(blobs(CENTRES, 10, 1, new int[30]), 3, 5);
        assertEquals(expected, MathEx.random());
    }

    /*
     * Three items, their rows in the other modality at blob A (near 0,0) or blob B (near 10,10):
     *   item 0: rows A, A, B -> A (2 of 3);  item 1: rows B, A -> tie, B seen first -> B;
     *   item 2: row A -> A;  item 1's rows are interleaved with the others to check the row order is kept.
     */
    @Test
    void itemsWithSeveralRowsTakeTheMostFrequentClusterFirstSeenWinsTies() {
        Matrix other = Matrix.of(new double[][] {{0, 0}, {10, 10}, {0.2, 0}, {0, 0.1}, {10, 9.9}, {0.1, 0.1}});
        int[] itemOfRow = {0, 1, 0, 1, 0, 2};
        // row 3 (item 1, blob A) comes after row 1 (item 1, blob B)
        int[] rowClusters = CrossModalLabels.kmeans(other, 2, 1);
        int a = rowClusters[0];
        int b = rowClusters[1];
        assertTrue(a != b);
        assertArrayEquals(new int[] {a, b, a}, CrossModalLabels.labelFromOther(other, itemOfRow, 3, 2, 1));
        // without itemOfRow each row is an item
        assertArrayEquals(rowClusters, CrossModalLabels.labelFromOther(other, null, 6, 2, 1));
    }

    /* item 0 = mean of rows (1, 2) and (3, 6) = (2, 4); item 1 = its single row (5, 5). */
    @Test
    void meanEmbeddings() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {5, 5}, {3, 6}});
        Matrix mean = CrossModalLabels.meanEmbeddings(x, new int[] {0, 1, 0}, 2);
        assertEquals(2, mean.rows());
        assertArrayEquals(new float[] {2, 4, 5, 5}, mean.data());
    }

    @Test
    void invalidInputsAreRejectedAtTheBoundary() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {5, 5}, {3, 6}});
        var e = assertThrows(IllegalArgumentException.class, () -> CrossModalLabels.kmeans(x, 1, 0));
        assertTrue(e.getMessage().contains("k = 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CrossModalLabels.kmeans(x, 4, 0));
        e = assertThrows(IllegalArgumentException.class,
                () -> CrossModalLabels.kmeans(Matrix.of(new double[][] {{1}, {Double.NaN}}), 2, 0));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CrossModalLabels.meanEmbeddings(x, new int[] {0, 0, 0}, 2));
        assertTrue(e.getMessage().contains("item 1 has no row"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CrossModalLabels.labelFromOther(x, new int[] {0, 3, 1}, 2, 2, 0));
        assertTrue(e.getMessage().contains("row 1 belongs to item 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CrossModalLabels.labelFromOther(x, new int[] {0, 1}, 2, 2, 0));
        assertTrue(e.getMessage().contains("itemOfRow has 2 entries but the matrix has 3 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CrossModalLabels.labelFromOther(x, null, 2, 2, 0));
        assertTrue(e.getMessage().contains("3 rows for 2 items"), e.getMessage());
    }
}
