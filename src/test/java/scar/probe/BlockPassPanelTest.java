package scar.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import scar.data.Matrix;

/**
 * The forward kernel runs over panels of whole chunks that may span blocks ({@link Kernels#panelRows}); what a pass
 * adds must not depend on how blocks are grouped into panels or tasks.
 */
class BlockPassPanelTest {
    private static final int D = 37; // not a multiple of 4 or 8: the kernels' remainder loops run too
    private static final int K = 7;

    /**
     * Item indices with the given number of a fit's rows in consecutive blocks: a chunk and a bit, one row, a full
     * chunk, a whole block (16 chunks, several panels), 17 rows, and so on.
     */
    private static int[] items(int... perBlock) {
        List<Integer> out = new ArrayList<>();
        for (int b = 0; b < perBlock.length; b++) {
            int step = BlockPass.BLOCK / Math.max(1, perBlock[b]);
            for (int i = 0; i < perBlock[b]; i++) {
                out.add(b * BlockPass.BLOCK + i * step);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private record Setup(PackedData data, int[] labels, float[][] w, float[] b) {
    }

    private static Setup setup(int[] items, long seed) {
        return setup(items, seed, K);
    }

    /** Random rows, labels and model for K classes ({@code k} ≥ 32 makes panels of 1,024 rows). */
    private static Setup setup(int[] items, long seed, int k) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[items.length * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] labels = new int[items.length];
        Arrays.setAll(labels, i -> r.nextInt(k));
        float[][] w = new float[k][D];
        for (float[] wk : w) {
            for (int j = 0; j < D; j++) {
                wk[j] = (float) (0.3 * r.nextGaussian());
            }
        }
        float[] b = new float[k];
        for (int c = 0; c < k; c++) {
            b[c] = (float) r.nextGaussian();
        }
        PackedData data = PackedData.standardised(Matrix.wrap(items.length, D, x), null,
                BlockPass.blockStarts(items));
        return new Setup(data, labels, w, b);
    }

    private static void assertSameBits(PassSums expected, PassSums actual, String what) {
        int k = expected.numClasses();
        double[][] gw = new double[2][k * D];
        double[][] gb = new double[2][k];
        expected.gradient(gw[0], gb[0]);
        actual.gradient(gw[1], gb[1]);
        assertArrayEquals(gw[0], gw[1], what + ": weight gradient");
        assertArrayEquals(gb[0], gb[1], what + ": bias gradient");
        long n = expected.rows();
        assertEquals(Double.doubleToLongBits(expected.meanLoss(n)), Double.doubleToLongBits(actual.meanLoss(n)),
                what + ": loss");
        assertEquals(expected.correct(), actual.correct(), what + ": correct");
        assertEquals(expected.rows(), actual.rows(), what + ": rows");
    }

    @Test
    void blocksGroupedIntoPanelsAddTheSameBitsAsOneBlockAtATime() {
        // K = 7: panels of one chunk; K = 40: panels of up to 1,024 rows
        for (int classes : new int[] {K, 40}) {
            blocksGroupedIntoPanels(classes);
        }
    }

    private static void blocksGroupedIntoPanels(int k) {
        int[] items = items(300, 1, 256, 257, BlockPass.BLOCK, 17, 1030, 3, 700, 512, 2, 137, 137, 137, 137, 137, 137);
        assertTrue(Kernels.panelRows(40) > 2 * Kernels.CHUNK, "a long panel holds several chunks");
        Setup s = setup(items, 7, k);
        int[] starts = s.data().blockStarts;
        int blocks = starts.length - 1;
        double invN = 1.0 / items.length;

        // one block at a time, each in a fresh pass: every panel lies within one block
        PassSums alone = new PassSums(k, D);
        for (int blk = 0; blk < blocks; blk++) {
            new BlockPass(k, D).gradient(s.data(), s.labels(), starts[blk], starts[blk + 1], s.w(), s.b(), invN,
                    alone);
        }
        // all blocks in one call: panels span blocks
        PassSums together = new PassSums(k, D);
        new BlockPass(k, D).gradient(s.data(), s.labels(), starts, 0, blocks, s.w(), s.b(), invN, together);
        assertSameBits(alone, together, "all blocks in one call");

        // random runs of blocks, in random order, through one pass whose buffers grow as it goes
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            List<int[]> runs = new ArrayList<>();
            for (int from = 0; from < blocks; ) {
                int to = Math.min(blocks, from + 1 + r.nextInt(4));
                runs.add(new int[] {from, to});
                from = to;
            }
            java.util.Collections.shuffle(runs, new java.util.Random(trial));
            PassSums grouped = new PassSums(k, D);
            BlockPass pass = new BlockPass(k, D);
            for (int[] run : runs) {
                pass.gradient(s.data(), s.labels(), starts, run[0], run[1], s.w(), s.b(), invN, grouped);
            }
            assertSameBits(alone, grouped, "trial " + trial);
        }

        // rows held as arrays (a Spark partition's way), one block at a time, give the same bits
        float[][] held = new float[items.length][D];
        s.data().load(0, items.length, held);
        PassSums fromHeld = new PassSums(k, D);
        BlockPass pass = new BlockPass(k, D);
        for (int blk = blocks - 1; blk >= 0; blk--) {
            pass.gradient(held, s.labels(), starts[blk], starts[blk + 1], s.w(), s.b(), invN, fromHeld);
        }
        assertSameBits(alone, fromHeld, "held rows");
    }

    @Test
    void predictionsDoNotDependOnThePanels() {
        for (int k : new int[] {K, 40}) {
            int[] items = items(5, BlockPass.BLOCK, 1, 1500, 40);
            Setup s = setup(items, 11, k);
            int n = items.length;
            float[] logits = new float[n * k];
            int[] predictions = new int[n];
            new BlockPass(k, D).predict(s.data(), 0, n, s.w(), s.b(), logits, predictions, 0);
            // row by row, each its own panel
            BlockPass single = new BlockPass(k, D);
            float[] oneLogits = new float[n * k];
            int[] onePredictions = new int[n];
            for (int i = 0; i < n; i++) {
                single.predict(s.data(), i, i + 1, s.w(), s.b(), oneLogits, onePredictions, i);
            }
            assertArrayEquals(onePredictions, predictions, "K = " + k);
            assertArrayEquals(oneLogits, logits, "K = " + k);
        }
    }

    @Test
    void tasksCoverEveryBlockOnceInOrderAndKeepTheThreadsBusy() {
        int[][] cases = {items(137, 137, 137, 137, 137, 137, 137, 137, 137, 137, 137, 137),
            items(BlockPass.BLOCK, BlockPass.BLOCK, 5), items(3), items(400, 400, 400, 400, 400, 400, 400, 400, 400)};
        for (int[] items : cases) {
            int[] starts = BlockPass.blockStarts(items);
            int blocks = starts.length - 1;
            for (int threads : new int[] {1, 2, 8}) {
                int[] groups = SoftmaxPass.groups(starts, threads, Kernels.PANEL);
                assertEquals(0, groups[0]);
                assertEquals(blocks, groups[groups.length - 1]);
                for (int g = 0; g + 1 < groups.length; g++) {
                    assertTrue(groups[g] < groups[g + 1], "runs are non-empty and in order: "
                            + Arrays.toString(groups));
                    int rows = starts[groups[g + 1]] - starts[groups[g]];
                    int lastBlock = starts[groups[g + 1]] - starts[groups[g + 1] - 1];
                    // a run holds at most a panel's rows, unless it is one block
                    assertTrue(rows <= Kernels.PANEL || rows == lastBlock, "run " + g + " of "
                            + Arrays.toString(groups));
                }
            }
            // twelve blocks of 137 rows: one thread takes runs of up to 1,024 rows, two threads at least 4 runs
            if (blocks == 12) {
                assertEquals(2, SoftmaxPass.groups(starts, 1, Kernels.PANEL).length - 1);
                assertTrue(SoftmaxPass.groups(starts, 2, Kernels.PANEL).length - 1 >= 4);
            }
        }
    }

    @Test
    void eachThreadKeepsItsOwnPassForOneShape() throws Exception {
        BlockPass mine = BlockPass.ofThisThread(K, D);
        assertTrue(mine == BlockPass.ofThisThread(K, D), "kept for the next call");
        BlockPass[] other = new BlockPass[1];
        Thread t = new Thread(() -> other[0] = BlockPass.ofThisThread(K, D));
        t.start();
        t.join();
        assertTrue(other[0] != null && other[0] != mine, "another thread has its own");
        assertTrue(BlockPass.ofThisThread(K + 1, D) != mine, "another shape gets a new pass");

        // a kept pass that has run other data (longer panels, another model) gives the bits of a fresh one
        Setup big = setup(items(BlockPass.BLOCK, 900), 5);
        PassSums ignored = new PassSums(K, D);
        BlockPass kept = BlockPass.ofThisThread(K, D);
        kept.gradient(big.data(), big.labels(), big.data().blockStarts, 0, 2, big.w(), big.b(), 1.0, ignored);
        Setup small = setup(items(40, 3), 6);
        int[] starts = small.data().blockStarts;
        PassSums fresh = new PassSums(K, D);
        new BlockPass(K, D).gradient(small.data(), small.labels(), starts, 0, 2, small.w(), small.b(), 0.02, fresh);
        PassSums reused = new PassSums(K, D);
        BlockPass.ofThisThread(K, D).gradient(small.data(), small.labels(), starts, 0, 2, small.w(), small.b(), 0.02,
                reused);
        assertSameBits(fresh, reused, "a kept pass");
    }
}
