package scar.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import scar.data.Matrix;

class SoftmaxPassTest {
    private static final int N = 300; // 3 chunks, the last one partial
    private static final int D = 7;
    private static final int K = 4;

    private final SyntheticData data = SyntheticData.gaussianClasses(N, D, K, 11);
    private final Model model = randomModel(5);

    private static Model randomModel(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Model m = Model.zeros(K, D);
        for (float[] wk : m.w()) {
            for (int j = 0; j < D; j++) {
                wk[j] = (float) (0.5 * r.nextGaussian());
            }
        }
        for (int c = 0; c < K; c++) {
            m.b()[c] = (float) r.nextGaussian();
        }
        return m;
    }

    /** Mean cross-entropy in plain double arithmetic, independent of the kernels. */
    private static double naiveLoss(Matrix x, int[] y, double[][] w, double[] b) {
        double total = 0;
        for (int i = 0; i < x.rows(); i++) {
            double[] z = new double[K];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < K; c++) {
                z[c] = b[c];
                for (int j = 0; j < D; j++) {
                    z[c] += w[c][j] * x.get(i, j);
                }
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (int c = 0; c < K; c++) {
                sum += Math.exp(z[c] - max);
            }
            total += Math.log(sum) + max - z[y[i]];
        }
        return total / x.rows();
    }

    private double[][] weights() {
        double[][] w = new double[K][D];
        for (int c = 0; c < K; c++) {
            for (int j = 0; j < D; j++) {
                w[c][j] = model.w()[c][j];
            }
        }
        return w;
    }

    private double[] bias() {
        double[] b = new double[K];
        for (int c = 0; c < K; c++) {
            b[c] = model.b()[c];
        }
        return b;
    }

    @Test
    void lossAndGradientAgreeWithFiniteDifferencesOfANaiveLoss() {
        SoftmaxPass pass = new SoftmaxPass(PackedData.raw(data.x()), data.labels(), K, 1);
        double[] gradW = new double[K * D];
        double[] gradB = new double[K];
        double loss = pass.lossAndGradient(model.w(), model.b(), gradW, gradB);
        double[][] w = weights();
        double[] b = bias();
        assertEquals(naiveLoss(data.x(), data.labels(), w, b), loss, 1e-6);
        double h = 1e-5;
        for (int c = 0; c < K; c++) {
            for (int j = 0; j < D; j++) {
                double keep = w[c][j];
                w[c][j] = keep + h;
                double up = naiveLoss(data.x(), data.labels(), w, b);
                w[c][j] = keep - h;
                double down = naiveLoss(data.x(), data.labels(), w, b);
                w[c][j] = keep;
                assertEquals((up - down) / (2 * h), gradW[c * D + j], 1e-5, "dL/dW[" + c + "][" + j + "]");
            }
            double keep = b[c];
            b[c] = keep + h;
            double up = naiveLoss(data.x(), data.labels(), w, b);
            b[c] = keep - h;
            double down = naiveLoss(data.x(), data.labels(), w, b);
            b[c] = keep;
            assertEquals((up - down) / (2 * h), gradB[c], 1e-5, "dL/db[" + c + "]");
        }
    }

    @Test
    void predictCountsTheSameCorrectItemsAsTheGradientPass() {
        SoftmaxPass pass = new SoftmaxPass(PackedData.raw(data.x()), data.labels(), K, 2);
        pass.lossAndGradient(model.w(), model.b(), new double[K * D], new double[K]);
        int fromGradient = pass.correct();
        int[] predictions = new int[N];
        float[] logits = new float[N * K];
        pass.predict(model.w(), model.b(), logits, predictions);
        assertEquals(fromGradient, pass.correct());
        int right = 0;
        for (int i = 0; i < N; i++) {
            right += predictions[i] == data.labels()[i] ? 1 : 0;
        }
        assertEquals(right, fromGradient);
    }

    @Test
    void gradientIsBitIdenticalForOneAndTwoThreadsAcrossManyTasks() {
        SyntheticData big = SyntheticData.gaussianClasses(5000, 33, 5, 2); // 40 chunks, 20 tasks
        Model m = Model.zeros(5, 33);
        m.w()[2][7] = 0.3f;
        m.b()[4] = -0.2f;
        double[][] gw = new double[2][5 * 33];
        double[][] gb = new double[2][5];
        double[] loss = new double[2];
        PackedData packed = PackedData.raw(big.x());
        for (int t = 0; t < 2; t++) {
            loss[t] = new SoftmaxPass(packed, big.labels(), 5, t + 1).lossAndGradient(m.w(), m.b(), gw[t], gb[t]);
        }
        assertEquals(Double.doubleToLongBits(loss[0]), Double.doubleToLongBits(loss[1]));
        assertArrayEquals(gw[0], gw[1]);
        assertArrayEquals(gb[0], gb[1]);
    }

    @Test
    void blockPartialsAddUpToTheSameBitsInAnyGroupingOfBlocks() {
        // 3 blocks: what a Spark job gets from partitions holding different blocks must equal the local pass
        int n = 2 * BlockPass.BLOCK + 700;
        SyntheticData big = SyntheticData.gaussianClasses(n, 9, 3, 5);
        Model m = Model.zeros(3, 9);
        m.w()[1][4] = 0.7f;
        m.b()[0] = 0.1f;
        PackedData packed = PackedData.raw(big.x());
        assertArrayEquals(packed.blocks.starts(), packed.blocks.groups());
        PassSums local = new SoftmaxPass(packed, big.labels(), 3, 2).sums(m.w(), m.b());
        PassSums[] parts = {new PassSums(3, 9), new PassSums(3, 9)};
        BlockPass pass = new BlockPass(3, 9);
        // rows held as arrays (a Spark partition's way) for blocks 0 and 2, read on demand for block 1
        float[][] held = new float[n][];
        for (int i = 0; i < n; i++) {
            held[i] = big.x().row(i);
        }
        for (int b = 2; b >= 0; b--) { // reverse order, blocks 0 and 2 in one part
            int[] starts = packed.blocks.starts();
            if (b == 1) {
                // items 0..n−1 fill their blocks: each block is a sum group of its own
                pass.gradient(packed, big.labels(), starts, packed.blocks.groups(), b, b + 1, m.w(), m.b(), 1.0 / n,
                        parts[1]);
            } else {
                pass.gradient(held, big.labels(), starts[b], starts[b + 1], m.w(), m.b(), 1.0 / n, parts[0]);
            }
        }
        PassSums merged = parts[1].merge(parts[0]);
        double[][] gw = new double[2][27];
        double[][] gb = new double[2][3];
        local.gradient(gw[0], gb[0]);
        merged.gradient(gw[1], gb[1]);
        assertArrayEquals(gw[0], gw[1]);
        assertArrayEquals(gb[0], gb[1]);
        assertEquals(Double.doubleToLongBits(local.meanLoss(n)), Double.doubleToLongBits(merged.meanLoss(n)));
        assertEquals(local.correct(), merged.correct());
        assertEquals(n, merged.rows());
    }

    @Test
    void blocksFollowItemIndicesNotRowPositions() {
        int[] items = {0, 5, BlockPass.BLOCK - 1, BlockPass.BLOCK, 3 * BlockPass.BLOCK + 2, 3 * BlockPass.BLOCK + 9};
        assertArrayEquals(new int[] {0, 3, 4, 6}, BlockPass.blockStarts(items));
        assertArrayEquals(new int[] {0}, BlockPass.blockStarts(new int[0]));
    }

    @Test
    void theGradientPassWritesTheLogitsAndPredictionsThatPredictGives() {
        // rows of every third item: 5,000 rows over four blocks of items, several tasks; classes 0 and 1 tie
        int n = 5000;
        int d = 33;
        int k = 5;
        SyntheticData big = SyntheticData.gaussianClasses(n, d, k, 2);
        int[] items = new int[n];
        java.util.Arrays.setAll(items, i -> 3 * i);
        SplittableRandom r = new SplittableRandom(8);
        Model m = Model.zeros(k, d);
        for (float[] wk : m.w()) {
            for (int j = 0; j < d; j++) {
                wk[j] = (float) (0.3 * r.nextGaussian());
            }
        }
        m.w()[1] = m.w()[0].clone();
        for (int threads = 1; threads <= 2; threads++) {
            SoftmaxPass pass = new SoftmaxPass(PackedData.standardised(big.x(), null, Blocks.of(items)), big.labels(),
                    k, threads);
            float[] kept = new float[n * k];
            int[] keptPredictions = new int[n];
            pass.sums(m.w(), m.b(), kept, keptPredictions);
            int keptCorrect = pass.correct();
            float[] logits = new float[n * k];
            int[] predictions = new int[n];
            pass.predict(m.w(), m.b(), logits, predictions);
            assertArrayEquals(bits(logits), bits(kept), threads + " threads");
            assertArrayEquals(predictions, keptPredictions, threads + " threads");
            assertEquals(pass.correct(), keptCorrect);
            assertEquals(0, java.util.Arrays.stream(keptPredictions).filter(p -> p == 1).count(),
                    "a tie goes to the lowest class");
        }
    }

    @Test
    void aZeroModelGivesTheLogitsOfTheForwardKernel() {
        // W = 0 with b = +0 skips the forward kernel: its logits must still be the kernel's, +0 bit for bit (the
        // rows hold negative values, whose products with 0 are -0); with a -0 bias the kernel runs and mixes signs
        float[][] rows = new float[N][];
        for (int i = 0; i < N; i++) {
            rows[i] = data.x().row(i);
        }
        float[][] xt = new float[D][N];
        Kernels.transpose(rows, 0, N, xt);
        SoftmaxPass pass = new SoftmaxPass(PackedData.raw(data.x()), data.labels(), K, 2);
        float[][] zeros = new float[K][D];
        for (float bias : new float[] {0f, -0f}) {
            float[] b = new float[K];
            java.util.Arrays.fill(b, bias);
            float[][] z = new float[K][N];
            Kernels.forward(xt, N, zeros, b, z);
            float[] kept = new float[N * K];
            pass.sums(zeros, b, kept, new int[N]);
            int negativeZeros = 0;
            for (int i = 0; i < N; i++) {
                for (int c = 0; c < K; c++) {
                    assertEquals(Float.floatToRawIntBits(z[c][i]), Float.floatToRawIntBits(kept[i * K + c]),
                            "bias " + bias + ", row " + i + ", class " + c);
                    negativeZeros += Float.floatToRawIntBits(kept[i * K + c]) != 0 ? 1 : 0;
                }
            }
            assertEquals(bias == 0f && Float.floatToRawIntBits(bias) == 0, negativeZeros == 0, "bias " + bias);
        }
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
