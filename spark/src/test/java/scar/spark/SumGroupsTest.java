package scar.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import scar.probe.BlockPass;
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
        // one fit: ~150 rows in every block but block 11 (none), so groups of 8 hold it all; a second fit: every row
        int[][][] fitRows = new int[span.size()][][];
        for (int i = 0; i < span.size(); i++) {
            int[] every = new int[BlockPass.BLOCK];
            Arrays.setAll(every, r -> r);
            int phase = i % 5;
            int[] some = span.get(i).id() == 11 ? new int[0]
                    : java.util.stream.IntStream.range(0, BlockPass.BLOCK).filter(r -> r % 27 == phase).toArray();
            fitRows[i] = new int[][] {some, every};
        }
        long[] rows = new long[2];
        for (int[][] f : fitRows) {
            rows[0] += f[0].length;
            rows[1] += f[1].length;
        }
        int[] groupSize = {BlockPass.groupSize(rows[0], 8, 15), BlockPass.groupSize(rows[1], 8, 15)};
        assertArrayEquals(new int[] {8, 1}, groupSize, "a sparse fit in groups of 8, a full one block by block");

        FeatureStats first = FeatureStats.sums(D);
        FeatureStats second;
        for (Block b : span) {
            first.addBlock(b.data()[0], null, 0, b.rows());
        }
        second = first.squares();
        for (Block b : span) {
            second.addBlock(b.data()[0], null, 0, b.rows());
        }
        Standardizer s = FeatureStats.standardizer(first, second);
        float[][][] w = new float[2][K][D];
        float[][] bias = new float[2][K];
        for (int f = 0; f < 2; f++) {
            for (int c = 0; c < K; c++) {
                bias[f][c] = (float) random.nextGaussian();
                for (int j = 0; j < D; j++) {
                    w[f][c][j] = (float) (0.5 * random.nextGaussian());
                }
            }
        }
        SparkSweep.Models ms = new SparkSweep.Models(new int[] {0, 1}, w, bias,
                new double[] {1.0 / rows[0], 1.0 / rows[1]}, groupSize);

        for (int f = 0; f < 2; f++) {
            PassSums spark = new PassSums(K, D);
            SparkSweep.addGroups(new BlockPass(K, D), span, fitRows, f, 0, s, ms, spark);

            // the local pass: the fit's rows in item order, blocks where they start, groups of groupSize[f] blocks
            List<float[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            List<Integer> groups = new ArrayList<>();
            int lastGroup = -1;
            for (int i = 0; i < span.size(); i++) {
                int[] r = fitRows[i][f];
                if (r.length == 0) {
                    continue;
                }
                starts.add(x.size());
                int g = span.get(i).id() / groupSize[f];
                if (g != lastGroup) {
                    groups.add(x.size());
                    lastGroup = g;
                }
                for (int row : r) {
                    float[] out = new float[D];
                    s.apply(span.get(i).data()[0], row, out);
                    x.add(out);
                    y.add(span.get(i).labels()[row]);
                }
            }
            starts.add(x.size());
            groups.add(x.size());
            PassSums local = new PassSums(K, D);
            new BlockPass(K, D).gradient(x.toArray(new float[0][]), y.stream().mapToInt(Integer::intValue).toArray(),
                    starts.stream().mapToInt(Integer::intValue).toArray(),
                    groups.stream().mapToInt(Integer::intValue).toArray(), 0, groups.size() - 1, w[f], bias[f],
                    1.0 / rows[f], local);

            assertEquals(groups.size() - 1, spark.partials(), "fit " + f + ": one exact addition per group");
            assertEquals(local.partials(), spark.partials());
            assertEquals(local.rows(), spark.rows());
            assertEquals(local.correct(), spark.correct());
            assertEquals(Double.doubleToLongBits(local.meanLoss(rows[f])),
                    Double.doubleToLongBits(spark.meanLoss(rows[f])), "fit " + f + ": loss");
            double[][] gw = new double[2][K * D];
            double[][] gb = new double[2][K];
            local.gradient(gw[0], gb[0]);
            spark.gradient(gw[1], gb[1]);
            assertArrayEquals(gw[0], gw[1], "fit " + f);
            assertArrayEquals(gb[0], gb[1], "fit " + f);
        }
        assertEquals(span.size(), new SparkSweep.Spans(span.iterator()).next().size(), "one aligned run");
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
