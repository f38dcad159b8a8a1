package scar.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import scar.probe.BlockPass;
import scar.probe.Blocks;
import scar.probe.FeatureStats;
import scar.probe.PassSums;
import scar.probe.Standardizer;

/**
 * A partition's pass assembles each fit's sum groups (SPEC §2.3) from the blocks of an aligned run — the same group
 * partials, bit for bit, as the local pass over the same rows — and refuses blocks out of order.
 */
class SumGroupsTest {
    private static final int D = 5;
    private static final int K = 3;

    @Test
    void groupsOfASpanAreTheLocalPassGroups() {
        SplittableRandom random = new SplittableRandom(17);
        // blocks 8..15 (one aligned run of MAX_GROUP), block 11 missing from the partition's data for this fit
        List<Block> span = new ArrayList<>();
        for (int id = 8; id < 8 + BlockPass.MAX_GROUP; id++) {
            int n = BlockPass.BLOCK;
            int[] labels = new int[n];
            float[] data = new float[n * D];
            for (int r = 0; r < n; r++) {
                labels[r] = random.nextInt(K);
                for (int j = 0; j < D; j++) {
                    data[r * D + j] = (float) (random.nextGaussian() + (j == labels[r] ? 1 : 0));
                }
            }
            span.add(new Block(id, id * BlockPass.BLOCK, labels, new float[][] {data}, null));
        }
        // four fits: one row in 27, 13, 7 and 1 of every block (none of block 11 for the first) — groups of 8, 4, 2
        // and 1 blocks
        int[] every = {27, 13, 7, 1};
        int fits = every.length;
        int[][][] fitRows = new int[span.size()][fits][];
        long[] rows = new long[fits];
        List<List<Integer>> items = new ArrayList<>();
        for (int f = 0; f < fits; f++) {
            items.add(new ArrayList<>());
        }
        for (int i = 0; i < span.size(); i++) {
            int phase = i % 5;
            for (int f = 0; f < fits; f++) {
                int step = every[f];
                int[] r = f == 0 && span.get(i).id() == 11 ? new int[0]
                        : java.util.stream.IntStream.range(0, BlockPass.BLOCK).filter(x -> x % step == phase % step)
                                .toArray();
                fitRows[i][f] = r;
                rows[f] += r.length;
                for (int row : r) {
                    items.get(f).add(span.get(i).first() + row);
                }
            }
        }
        int[] groupSize = new int[fits];
        for (int f = 0; f < fits; f++) {
            groupSize[f] = BlockPass.groupSize(rows[f], 8, 15);
        }
        assertArrayEquals(new int[] {8, 4, 2, 1}, groupSize);

        FeatureStats first = FeatureStats.sums(D);
        for (Block b : span) {
            first.addBlock(b.data()[0], null, 0, b.rows());
        }
        FeatureStats second = first.squares();
        for (Block b : span) {
            second.addBlock(b.data()[0], null, 0, b.rows());
        }
        Standardizer s = FeatureStats.standardizer(first, second);
        float[][][] w = new float[fits][K][D];
        float[][] bias = new float[fits][K];
        double[] invN = new double[fits];
        for (int f = 0; f < fits; f++) {
            invN[f] = 1.0 / rows[f];
            for (int c = 0; c < K; c++) {
                bias[f][c] = (float) random.nextGaussian();
                for (int j = 0; j < D; j++) {
                    w[f][c][j] = (float) (0.5 * random.nextGaussian());
                }
            }
        }
        int[] all = java.util.stream.IntStream.range(0, fits).toArray();
        SparkSweep.Models ms = new SparkSweep.Models(all, w, bias, invN, groupSize);

        for (int f = 0; f < fits; f++) {
            PassSums spark = new PassSums(K, D);
            SparkSweep.addGroups(new BlockPass(K, D), span, fitRows, f, 0, s, ms, spark);

            // the local pass over the same items: the blocks and groups the local probe makes of them
            int[] fitItems = items.get(f).stream().mapToInt(Integer::intValue).toArray();
            Blocks blocks = Blocks.of(fitItems);
            float[][] x = new float[fitItems.length][D];
            int[] y = new int[fitItems.length];
            for (int r = 0; r < fitItems.length; r++) {
                Block b = span.get(fitItems[r] / BlockPass.BLOCK - 8);
                int row = fitItems[r] - b.first();
                s.apply(b.data()[0], row, x[r]);
                y[r] = b.labels()[row];
            }
            PassSums local = new PassSums(K, D);
            int groups = blocks.groups().length - 1;
            new BlockPass(K, D).gradient(x, y, blocks.starts(), blocks.groups(), 0, groups, w[f], bias[f], invN[f],
                    local);

            String what = "fit " + f + " (groups of " + groupSize[f] + ")";
            assertEquals(((f == 0 ? 7 : 8) + groupSize[f] - 1) / groupSize[f], groups, what);
            assertEquals(groups, spark.partials(), what + ": one exact addition per group");
            assertEquals(local.rows(), spark.rows(), what);
            assertEquals(local.correct(), spark.correct(), what);
            assertEquals(Double.doubleToLongBits(local.meanLoss(rows[f])),
                    Double.doubleToLongBits(spark.meanLoss(rows[f])), what + ": loss");
            double[][] gw = new double[2][K * D];
            double[][] gb = new double[2][K];
            local.gradient(gw[0], gb[0]);
            spark.gradient(gw[1], gb[1]);
            assertArrayEquals(gw[0], gw[1], what);
            assertArrayEquals(gb[0], gb[1], what);
        }
    }

    @Test
    void spansCutARunOfBlocksAndRefuseDisorder() {
        List<Block> blocks = new ArrayList<>();
        for (int id : new int[] {3, 7, 8, 20, 23}) {
            blocks.add(new Block(id, id * BlockPass.BLOCK, new int[] {0}, new float[][] {new float[D]}, null));
        }
        SparkSweep.Spans spans = new SparkSweep.Spans(blocks.iterator());
        List<List<Integer>> ids = new ArrayList<>();
        while (spans.hasNext()) {
            ids.add(spans.next().stream().map(Block::id).toList());
        }
        assertEquals(List.of(List.of(3, 7), List.of(8), List.of(20, 23)), ids);
        List<Block> disorder = List.of(blocks.get(1), blocks.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            SparkSweep.Spans s = new SparkSweep.Spans(disorder.iterator());
            while (s.hasNext()) {
                s.next();
            }
        });
        assertEquals("blocks out of order in a partition: 3 after 7", e.getMessage());
    }
}
