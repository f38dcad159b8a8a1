package scar.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.foundation.Progress;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;

/**
 * A generated Parquet folder of 240,000 rows in 3 files (60 blocks, some split between files and partitions): the
 * Spark run reads it in file order and gives the local library's numbers on the same matrix; the spark-submit entry
 * point runs on it and rejects a missing column with one line and exit code 2.
 */
class ParquetTest {
    static final int N = 240_000;
    static final int D = 6;
    static final int K = 4;
    /** Ratio 10 makes fits of ~330 rows a block, whose sum groups are 4 blocks (SPEC §2.3), split between files. */
    static final ScarOptions OPTIONS = ScarOptions.defaults().withSeed(3).withRatios(1, 2, 10).withProgress(false);

    @TempDir
    static Path dir;
    static Path parquet;
    static float[] values;
    static int[] labels;

    @BeforeAll
    static void write() {
        SplittableRandom random = new SplittableRandom(11);
        values = new float[N * D];
        labels = new int[N];
        List<Row> rows = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            labels[i] = random.nextInt(K);
            List<Double> emb = new ArrayList<>(D);
            for (int j = 0; j < D; j++) {
                // overlapping classes: the probe does not separate them, so every measure is informative
                double v = random.nextGaussian() + (j == labels[i] % D ? 0.8 : 0.0);
                values[i * D + j] = (float) v;
                emb.add(v);
            }
            rows.add(RowFactory.create("c" + labels[i], scala.jdk.javaapi.CollectionConverters.asScala(emb).toSeq()));
        }
        StructType schema = new StructType().add("label", DataTypes.StringType, false)
                .add("emb", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        SparkSession spark = Sessions.local();
        var rdd = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(rows, 3);
        parquet = dir.resolve("emb.parquet");
        // three slices in order become part-00000, -00001, -00002: file order is item order
        spark.createDataFrame(rdd, schema).write().mode(SaveMode.Overwrite).parquet(parquet.toString());
    }

    @Test
    void parquetRunEqualsTheLocalLibraryOnTheSameMatrix() {
        MultiModalDataset local = MultiModalDataset.of("emb", labels, new String[] {"c0", "c1", "c2", "c3"},
                Modality.of("emb", Matrix.wrap(N, D, values)));
        ScarProfile expected = BundledDataTest.local(local, "emb", OPTIONS);
        SparkSession spark = Sessions.local();
        // small input splits: many partitions, blocks cut between them
        spark.conf().set("spark.sql.files.maxPartitionBytes", "1500000");
        SparkData data = SparkData.parquet(spark, parquet.toString(), List.of("emb"), "label", null);
        try {
            assertEquals(N, data.n());
            assertTrue(data.blocks().getNumPartitions() > 3, "the input was split into several partitions");
            // each partition holds whole aligned runs of MAX_GROUP blocks (whole sum groups), in block order
            List<List<Integer>> ids = data.blocks().map(Block::id).glom().collect();
            java.util.Map<Integer, Integer> partitionOfSpan = new java.util.HashMap<>();
            int blocks = 0;
            for (int p = 0; p < ids.size(); p++) {
                List<Integer> part = ids.get(p);
                for (int i = 0; i < part.size(); i++) {
                    assertTrue(i == 0 || part.get(i - 1) < part.get(i), "partition " + p + ": " + part);
                    Integer before = partitionOfSpan.put(part.get(i) / scar.probe.BlockPass.MAX_GROUP, p);
                    assertTrue(before == null || before == p, "block " + part.get(i) + " of partition " + p
                            + " shares its run with partition " + before);
                    blocks++;
                }
            }
            assertEquals((N + scar.probe.BlockPass.BLOCK - 1) / scar.probe.BlockPass.BLOCK, blocks);
            ScarProfile got = SparkStudy.of(data, OPTIONS).modality("emb", Progress.none());
            BundledDataTest.sameNumbers(expected, got);
        } finally {
            data.release();
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
        }
    }

    @Test
    void sparkSubmitEntryPointWritesTheTablesAndRejectsBadInputInOneLine() throws Exception {
        Sessions.local();
        Path out = dir.resolve("out");
        assertEquals(0, SparkMain.execute("characterize", parquet.toString(), "--embedding", "emb", "--label", "label",
                "--ratios", "1,2", "--seed", "3", "--quiet", "-o", out.toString()));
        assertTrue(Files.exists(out.resolve("profile.json")));
        try (var files = Files.list(out)) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".csv")));
        }
        Sessions.Run run = Sessions.main("characterize", parquet.toString(), "--embedding", "embedding", "--label",
                "label", "--quiet");
        String message = run.message();
        assertEquals(2, run.code(), message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("embedding column 'embedding' not found"), message);
    }
}
