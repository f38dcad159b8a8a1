package scar.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scar.data.Matrix;

/** Standardisation, the synthetic data generator and the benchmark. */
class SupportTest {
    @Test
    void standardiserCentresScalesAndZeroesConstantFeatures() {
        // column 0: mean 2, population sd 1; column 1: constant 0.1 (not exact in binary)
        Matrix x = Matrix.of(new double[][] {{1, 0.1}, {3, 0.1}, {1, 0.1}, {3, 0.1}});
        Standardizer s = Standardizer.fit(x, Blocks.identity(4).starts());
        PackedData train = s.apply(x, Blocks.identity(4));
        float[][] rows = new float[2][2];
        train.load(0, 2, rows);
        assertArrayEquals(new float[] {-1, 0}, rows[0]);
        assertArrayEquals(new float[] {1, 0}, rows[1]);
        PackedData test = s.apply(Matrix.of(new double[][] {{4, 7}}), Blocks.identity(1));
        test.load(0, 1, rows);
        assertArrayEquals(new float[] {2, 0}, rows[0], "the test set uses the training statistics");
    }

    @Test
    void standardiserIsOneFloatFmaPerValueAndKeepsDoubleFormWhenAScaleOverflowsFloat() {
        // column 0: values 1000 +- 0.5 (mean far from 0); column 1: a spread of 1e-39, whose 1/sd overflows a float
        Matrix x = Matrix.of(new double[][] {{1000.5, 0}, {999.5, 1e-39}});
        Matrix y = Matrix.of(new double[][] {{1000.5, 0}, {999.5, 0}});
        float[] row = new float[2];
        Standardizer floats = Standardizer.fit(y, Blocks.identity(2).starts());
        floats.apply(new float[] {1000.75f, 3f}, row);
        float s = (float) (1.0 / 0.5);
        float c = (float) (-1000.0 * 2.0);
        assertEquals(Math.fma(1000.75f, s, c), row[0], 0f);
        assertEquals(1.5f, row[0], 0f);
        assertEquals(0f, row[1], 0f, "a constant feature maps to +0");
        assertEquals(0, Float.floatToRawIntBits(row[1]));

        Standardizer doubles = Standardizer.fit(x, Blocks.identity(2).starts());
        doubles.apply(new float[] {1000.75f, 1e-39f}, row);
        assertEquals(1.5f, row[0], 0f);
        assertTrue(Float.isFinite(row[1]) && row[1] > 0.5f && row[1] < 1.5f, "row " + row[1]);
    }

    /** 700 rows of mixed magnitudes: a large mean, a tiny spread, a constant feature, one outlier. */
    private static Matrix mixedRows() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int n = 700;
        int d = 5;
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            v[i * d] = (float) (random.nextGaussian() * 1e3 + 5e4);
            v[i * d + 1] = (float) random.nextGaussian() * 1e-3f;
            v[i * d + 2] = 0.1f;
            v[i * d + 3] = i == 333 ? 1e30f : (float) random.nextGaussian();
            v[i * d + 4] = (float) random.nextDouble();
        }
        return Matrix.wrap(n, d, v);
    }

    @Test
    void standardiserIsTheSameBitsOnAnyNumberOfThreads() {
        Matrix x = mixedRows();
        int[] blocks = {0, 1, 90, 91, 300, 512, 513, 700};
        Standardizer one = Standardizer.fit(x, blocks, 1);
        for (int threads : new int[] {2, 3, 8}) {
            Standardizer many = Standardizer.fit(x, blocks, threads);
            assertArrayEquals(bits(one.mean), bits(many.mean), threads + " threads");
            assertArrayEquals(bits(one.scale), bits(many.scale), threads + " threads");
        }
        assertEquals(0.0, one.scale[2], 0.0, "the constant feature");
        assertThrows(IllegalStateException.class, () -> Standardizer.fit(x, new int[] {0}, 2), "no rows");
    }

    @Test
    void featureStatisticsOfAnyGroupingOfTheBlocksMergeToTheSameStandardiser() {
        // the statistics of each worker's blocks, merged in any order, equal one pass over all blocks in order
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        Matrix x = mixedRows();
        int[] starts = {0, 3, 50, 51, 120, 260, 261, 399, 650, 700};
        Standardizer whole = Standardizer.fit(x, starts, 1);
        for (int trial = 0; trial < 200; trial++) {
            int groups = 1 + random.nextInt(5);
            int[] groupOf = random.ints(starts.length - 1, 0, groups).toArray();
            FeatureStats first = merged(x, starts, groupOf, groups, null, random);
            FeatureStats second = merged(x, starts, groupOf, groups, first, random);
            Standardizer s = FeatureStats.standardizer(first, second);
            assertArrayEquals(bits(whole.mean), bits(s.mean), "trial " + trial);
            assertArrayEquals(bits(whole.scale), bits(s.scale), "trial " + trial);
        }
    }

    @Test
    void aFeatureIsConstantExactlyWhenAllItsValuesAreEqualWhateverTheGrouping() {
        // per column: 0.1 in the first 300 rows and 0.2 after (each block constant, not the whole); +0 and -0 (equal);
        // 7 but for the last row; +-3e38 (differences overflow a float); 0.3 everywhere (constant)
        int n = 600;
        float[] v = new float[n * 5];
        for (int i = 0; i < n; i++) {
            v[i * 5] = i < 300 ? 0.1f : 0.2f;
            v[i * 5 + 1] = i % 2 == 0 ? 0f : -0f;
            v[i * 5 + 2] = i == n - 1 ? Math.nextUp(7f) : 7f;
            v[i * 5 + 3] = i % 3 == 0 ? 3e38f : -3e38f;
            v[i * 5 + 4] = 0.3f;
        }
        Matrix x = Matrix.wrap(n, 5, v);
        int[] starts = {0, 100, 300, 301, 599, 600};
        boolean[] constant = {false, true, false, false, true};
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            int groups = 1 + random.nextInt(4);
            int[] groupOf = random.ints(starts.length - 1, 0, groups).toArray();
            FeatureStats first = merged(x, starts, groupOf, groups, null, random);
            Standardizer s = FeatureStats.standardizer(first, merged(x, starts, groupOf, groups, first, random));
            for (int j = 0; j < 5; j++) {
                assertEquals(constant[j], s.scale[j] == 0.0, "trial " + trial + ", column " + j);
                assertTrue(Double.isFinite(s.scale[j]), "trial " + trial + ", column " + j);
            }
        }
    }

    /** One pass with block b added to group groupOf[b] (in block order), the groups merged in a shuffled order. */
    private static FeatureStats merged(Matrix x, int[] starts, int[] groupOf, int groups, FeatureStats first,
                                       java.util.SplittableRandom random) {
        FeatureStats[] parts = new FeatureStats[groups];
        for (int g = 0; g < groups; g++) {
            parts[g] = first == null ? FeatureStats.sums(x.cols()) : first.squares();
        }
        for (int b = 0; b + 1 < starts.length; b++) {
            parts[groupOf[b]].addBlock(x, starts[b], starts[b + 1]);
        }
        java.util.List<FeatureStats> order = new java.util.ArrayList<>(java.util.Arrays.asList(parts));
        java.util.Collections.shuffle(order, new java.util.Random(random.nextLong()));
        FeatureStats total = order.get(0);
        for (int g = 1; g < groups; g++) {
            total.merge(order.get(g));
        }
        return total;
    }

    private static long[] bits(double[] values) {
        return java.util.Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void syntheticDataIsSeededAndBalanced() {
        SyntheticData a = SyntheticData.gaussianClasses(50, 4, 5, 7);
        SyntheticData b = SyntheticData.gaussianClasses(50, 4, 5, 7);
        SyntheticData c = SyntheticData.gaussianClasses(50, 4, 5, 8);
        assertArrayEquals(a.x().data(), b.x().data());
        assertTrue(a.x().get(3, 2) != c.x().get(3, 2));
        int[] counts = new int[5];
        for (int y : a.labels()) {
            counts[y]++;
        }
        assertArrayEquals(new int[] {10, 10, 10, 10, 10}, counts);
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.gaussianClasses(10, 3, 1, 0));
    }

    @Test
    void benchmarkReportsPositiveFigures() {
        ProbeBenchmark.Report r = ProbeBenchmark.run(2000, 64, 4, 3, 1);
        assertTrue(r.msPerPass1() > 0 && r.gflops1() > 0 && r.gflopsN() > 0, r::toString);
        assertTrue(r.convergedIterations() > 0 && r.referenceEpochs() > 0, r::toString);
        assertTrue(r.convergedAccuracy() > 0.5, r::toString);
        assertEquals(10, r.toTable().rowCount());
        assertTrue(r.toString().contains("GFLOP/s"));
    }
}
