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
 * The forward kernel runs over panels of whole chunks that may span blocks and sum groups ({@link Kernels#panelRows});
 * what a pass adds must not depend on how groups are cut into panels or tasks, and must follow the sum groups of
 * {@link Blocks} (one double partial per group, not per block).
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
        PackedData data = PackedData.standardised(Matrix.wrap(items.length, D, x), null, Blocks.of(items));
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
    void groupsCutIntoPanelsAndTasksAddTheSameBitsAsOneGroupAtATime() {
        // K = 7: panels of one chunk; K = 40: panels of up to 1,024 rows
        for (int classes : new int[] {K, 40}) {
            groupsCutIntoPanels(classes);
        }
    }

    private static void groupsCutIntoPanels(int k) {
        int[] items = items(300, 1, 256, 257, BlockPass.BLOCK, 17, 1030, 3, 700, 512, 2, 137, 137, 137, 137, 137, 137);
        assertTrue(Kernels.panelRows(40) > 2 * Kernels.CHUNK, "a long panel holds several chunks");
        Setup s = setup(items, 7, k);
        int[] starts = s.data().blocks.starts();
        int[] groups = s.data().blocks.groups();
        // 7,996 rows over 17 blocks: groups of 4 blocks hold at least 1,024 rows on average, groups of 2 do not
        assertArrayEquals(new int[] {starts[0], starts[4], starts[8], starts[12], starts[16], starts[17]}, groups);
        int count = groups.length - 1;
        double invN = 1.0 / items.length;

        // one group at a time, each in a fresh pass: every panel lies within one group
        PassSums alone = new PassSums(k, D);
        for (int g = 0; g < count; g++) {
            new BlockPass(k, D).gradient(s.data(), s.labels(), starts, groups, g, g + 1, s.w(), s.b(), invN, alone);
        }
        // all groups in one call: panels span groups
        PassSums together = new PassSums(k, D);
        new BlockPass(k, D).gradient(s.data(), s.labels(), starts, groups, 0, count, s.w(), s.b(), invN, together);
        assertSameBits(alone, together, "all groups in one call");
        // groups without rows (a group start repeated, first and in the middle) add nothing
        int[] withEmpty = new int[groups.length + 2];
        withEmpty[0] = groups[0];
        System.arraycopy(groups, 0, withEmpty, 1, 3);
        withEmpty[4] = groups[2];
        System.arraycopy(groups, 3, withEmpty, 5, groups.length - 3);
        PassSums skipping = new PassSums(k, D);
        new BlockPass(k, D).gradient(s.data(), s.labels(), starts, withEmpty, 0, withEmpty.length - 1, s.w(), s.b(),
                invN, skipping);
        assertSameBits(alone, skipping, "empty groups");
        assertEquals(count, skipping.partials());

        // random runs of groups, in random order, through one pass whose buffers grow as it goes
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            List<int[]> runs = new ArrayList<>();
            for (int from = 0; from < count; ) {
                int to = Math.min(count, from + 1 + r.nextInt(3));
                runs.add(new int[] {from, to});
                from = to;
            }
            java.util.Collections.shuffle(runs, new java.util.Random(trial));
            PassSums cut = new PassSums(k, D);
            BlockPass pass = new BlockPass(k, D);
            for (int[] run : runs) {
                pass.gradient(s.data(), s.labels(), starts, groups, run[0], run[1], s.w(), s.b(), invN, cut);
            }
            assertSameBits(alone, cut, "trial " + trial);
        }

        // a Spark partition's way: each group's rows held as an array of their own, with their block starts
        float[][] held = new float[items.length][D];
        s.data().load(0, items.length, held);
        PassSums fromHeld = new PassSums(k, D);
        BlockPass pass = new BlockPass(k, D);
        for (int g = count - 1; g >= 0; g--) {
            int from = groups[g];
            int to = groups[g + 1];
            int[] local = Arrays.stream(starts).filter(st -> st >= from && st <= to).map(st -> st - from).toArray();
            pass.gradient(Arrays.copyOfRange(held, from, to), Arrays.copyOfRange(s.labels(), from, to), local,
                    new int[] {0, to - from}, 0, 1, s.w(), s.b(), invN, fromHeld);
        }
        assertSameBits(alone, fromHeld, "held rows");

        // one exact addition per group, not per block; one per block (the rule before groups) differs at most in
        // rounding: the same float chunk partials, added in double per group rather than exactly per block
        assertEquals(count, alone.partials());
        assertEquals(count, together.partials());
        assertEquals(count, fromHeld.partials());
        PassSums perBlock = new PassSums(k, D);
        new BlockPass(k, D).gradient(s.data(), s.labels(), starts, starts, 0, starts.length - 1, s.w(), s.b(), invN,
                perBlock);
        assertEquals(starts.length - 1, perBlock.partials());
        assertEquals(alone.rows(), perBlock.rows());
        assertEquals(alone.correct(), perBlock.correct());
        long n = alone.rows();
        assertEquals(alone.meanLoss(n), perBlock.meanLoss(n), 1e-12 * alone.meanLoss(n));
        double[][] gw = new double[2][k * D];
        alone.gradient(gw[0], new double[k]);
        perBlock.gradient(gw[1], new double[k]);
        for (int i = 0; i < gw[0].length; i++) {
            assertEquals(gw[0][i], gw[1][i], 1e-6 * (1 + Math.abs(gw[0][i])), "component " + i);
        }
    }

    @Test
    void groupSizeFollowsRowsPerSpannedBlock() {
        assertEquals(1, BlockPass.groupSize(10L * BlockPass.BLOCK, 0, 9), "full blocks");
        assertEquals(1, BlockPass.groupSize(10_240, 0, 9), "1,024 rows a block");
        assertEquals(2, BlockPass.groupSize(10_239, 0, 9));
        assertEquals(8, BlockPass.groupSize(1_370, 5, 14), "137 rows a block: a thirtieth of the items");
        assertEquals(BlockPass.MAX_GROUP, BlockPass.groupSize(10, 0, 99), "at most MAX_GROUP");
        assertEquals(BlockPass.MAX_GROUP, BlockPass.groupSize(1, 0, 0), "one block");
        assertEquals(8, BlockPass.MAX_GROUP, "a Spark partition holds aligned runs of 8 blocks");
        assertEquals(1, BlockPass.groupSize(4096L * 600_000, 0, 599_999), "no overflow");
        // groups are aligned runs of blocks by item block number, whatever blocks the fit's rows leave empty
        // (600 + 600 + 600 + 200 rows over the 7 blocks 3..9: 2 · 2,000 < 7 · 1,024 ≤ 4 · 2,000, so groups of 4)
        int[] items = java.util.stream.IntStream.concat(java.util.stream.IntStream.concat(
                        java.util.stream.IntStream.range(3 * BlockPass.BLOCK, 3 * BlockPass.BLOCK + 600),
                        java.util.stream.IntStream.range(5 * BlockPass.BLOCK + 10, 5 * BlockPass.BLOCK + 610)),
                java.util.stream.IntStream.concat(
                        java.util.stream.IntStream.range(6 * BlockPass.BLOCK, 6 * BlockPass.BLOCK + 600),
                        java.util.stream.IntStream.range(9 * BlockPass.BLOCK + 1, 9 * BlockPass.BLOCK + 201)))
                .toArray();
        Blocks b = Blocks.of(items);
        assertArrayEquals(new int[] {0, 600, 1200, 1800, 2000}, b.starts());
        assertArrayEquals(new int[] {0, 600, 1800, 2000}, b.groups(), "blocks 3 | 5, 6 | 9");
        assertArrayEquals(new int[] {0, 1, 2}, Blocks.of(new int[] {3 * BlockPass.BLOCK, 9 * BlockPass.BLOCK})
                .groups(), "2 rows over 7 blocks: groups of MAX_GROUP = 8, blocks 3 | 9");
        assertArrayEquals(new int[] {0, 3}, Blocks.of(new int[] {1, 2, 4095}).groups());
        assertArrayEquals(new int[] {0}, Blocks.of(new int[0]).groups());
        int n = 2 * BlockPass.BLOCK + 5;
        assertArrayEquals(new int[] {0, BlockPass.BLOCK, 2 * BlockPass.BLOCK, n}, Blocks.identity(n).groups());
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
    void tasksCoverEveryGroupOnceInOrderAndKeepTheThreadsBusy() {
        int[][] cases = {items(137, 137, 137, 137, 137, 137, 137, 137, 137, 137, 137, 137),
            items(BlockPass.BLOCK, BlockPass.BLOCK, 5), items(3), items(400, 400, 400, 400, 400, 400, 400, 400, 400),
            items(1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100)};
        for (int[] items : cases) {
            Blocks blocks = Blocks.of(items);
            int groups = blocks.groupCount();
            for (int threads : new int[] {1, 2, 8}) {
                int[] runs = SoftmaxPass.runs(blocks, threads, Kernels.PANEL);
                assertEquals(0, runs[0]);
                assertEquals(groups, runs[runs.length - 1]);
                for (int t = 0; t + 1 < runs.length; t++) {
                    assertTrue(runs[t] < runs[t + 1], "runs are non-empty and in order: " + Arrays.toString(runs));
                    int rows = blocks.rows(runs[t], runs[t + 1]);
                    int lastGroup = blocks.rows(runs[t + 1] - 1, runs[t + 1]);
                    // a run holds at most a panel's rows, unless it is one group
                    assertTrue(rows <= Kernels.PANEL || rows == lastGroup, "run " + t + " of " + Arrays.toString(runs));
                }
            }
            // twelve blocks of 1,100 rows: groups of one block; one thread takes them one by one, two threads too
            if (blocks.count() == 12 && groups == 12) {
                assertEquals(12, SoftmaxPass.runs(blocks, 1, Kernels.PANEL).length - 1);
                assertTrue(SoftmaxPass.runs(blocks, 2, Kernels.PANEL).length - 1 >= 4);
            }
            // twelve blocks of 137 rows: groups of 8 blocks (1,096 and 548 rows), one run each
            if (blocks.count() == 12 && groups == 2) {
                assertArrayEquals(new int[] {0, 8 * 137, 12 * 137}, blocks.groups());
                assertEquals(2, SoftmaxPass.runs(blocks, 1, Kernels.PANEL).length - 1);
            }
        }
        assertEquals(2, Blocks.of(items(137, 137, 137, 137, 137, 137, 137, 137, 137, 137, 137, 137)).groupCount());
        assertEquals(12, Blocks.of(items(1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100))
                .groupCount());
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
        Blocks bigBlocks = big.data().blocks;
        kept.gradient(big.data(), big.labels(), bigBlocks.starts(), bigBlocks.groups(), 0, bigBlocks.groupCount(),
                big.w(), big.b(), 1.0, ignored);
        Setup small = setup(items(40, 3), 6);
        int[] starts = small.data().blocks.starts();
        int[] groups = small.data().blocks.groups();
        PassSums fresh = new PassSums(K, D);
        new BlockPass(K, D).gradient(small.data(), small.labels(), starts, groups, 0, groups.length - 1, small.w(),
                small.b(), 0.02, fresh);
        PassSums reused = new PassSums(K, D);
        BlockPass.ofThisThread(K, D).gradient(small.data(), small.labels(), starts, groups, 0, groups.length - 1,
                small.w(), small.b(), 0.02, reused);
        assertSameBits(fresh, reused, "a kept pass");
    }
}
