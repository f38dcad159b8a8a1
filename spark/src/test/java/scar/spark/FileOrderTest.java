package scar.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;

/**
 * A DataFrame read from a Parquet folder is numbered as the Parquet path of {@code SparkMain} is (SPEC §4.1): files by
 * path, rows in file order. Spark packs the files of a read into partitions largest first, so numbering the frame's
 * own rows gave {@code characterize(spark.read().parquet(folder), …)} other items, other subsamples and another N_F
 * than the command line on the same folder. The folder: {@code a.parquet} 300 rows, {@code b.parquet} 3,000,
 * {@code c.parquet} 1,200.
 */
class FileOrderTest {
    static final int[] ROWS = {300, 3_000, 1_200};
    static final String[] FILES = {"a.parquet", "b.parquet", "c.parquet"};
    static final int D = 5;
    static final int K = 3;
    static final ScarOptions OPTIONS = ScarOptions.defaults().withSeed(7).withRatios(1, 2, 5).withProgress(false);

    @TempDir
    static Path dir;
    static Path folder;
    /** Every file's rows, files in path order: the items as the local library would number them. */
    static float[] values;
    static int[] labels;

    @BeforeAll
    static void write() throws Exception {
        int n = 0;
        for (int rows : ROWS) {
            n += rows;
        }
        values = new float[n * D];
        labels = new int[n];
        SplittableRandom random = new SplittableRandom(5);
        StructType schema = new StructType().add("label", DataTypes.IntegerType, false)
                .add("emb", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        SparkSession spark = Sessions.local();
        folder = dir.resolve("folder");
        Files.createDirectories(folder);
        int item = 0;
        for (int f = 0; f < FILES.length; f++) {
            List<Row> rows = new ArrayList<>(ROWS[f]);
            for (int r = 0; r < ROWS[f]; r++, item++) {
                labels[item] = random.nextInt(K);
                List<Float> emb = new ArrayList<>(D);
                for (int j = 0; j < D; j++) {
                    // overlapping classes, so that every measure depends on which items a fit holds
                    values[item * D + j] = (float) (random.nextGaussian() + (j == labels[item] ? 0.7 : 0.0));
                    emb.add(values[item * D + j]);
                }
                rows.add(RowFactory.create(labels[item], scala.jdk.javaapi.CollectionConverters.asScala(emb).toSeq()));
            }
            Path written = dir.resolve("written-" + f);
            spark.createDataFrame(rows, schema).coalesce(1).write().parquet(written.toString());
            try (var parts = Files.list(written)) {
                Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                        .orElseThrow();
                Files.move(part, folder.resolve(FILES[f]));
            }
        }
    }

    @Test
    void aDataFrameReadFromFilesIsNumberedAsTheParquetPathAndTheLocalLibrary() {
        SparkSession spark = Sessions.local();
        Dataset<Row> df = spark.read().parquet(folder.toString());
        // the frame's own order is not path order, or this test could not fail
        assertNotEquals(List.of(FILES), filesInOwnOrder(df));

        ScarProfile fromFrame = ScarSpark.characterize(df, "emb", "label", OPTIONS);
        ScarProfile fromPath = ScarSpark.characterizeParquet(folder.toString(), List.of("emb"), "label", null, OPTIONS)
                .modalities().get(0);
        BundledDataTest.identical(fromPath, fromFrame);
        MultiModalDataset local = MultiModalDataset.of("folder", labels, new String[] {"0", "1", "2"},
                Modality.of("emb", Matrix.wrap(labels.length, D, values)));
        BundledDataTest.sameNumbers(BundledDataTest.local(local, "emb", OPTIONS), fromFrame);
        // columns selected, renamed or computed row by row keep the files' rows: still file order
        ScarProfile renamed = ScarSpark.characterize(df.select(functions.col("emb").as("x"),
                functions.col("label").as("y")), "x", "y", OPTIONS);
        BundledDataTest.identical(fromPath, renamed);
    }

    /** Which frames are numbered in file order; the others keep their own order (SPEC §4.1). */
    @Test
    void onlyAPlainScanOfParquetFilesIsNumberedInFileOrder() {
        SparkSession spark = Sessions.local();
        Dataset<Row> df = spark.read().parquet(folder.toString());
        assertTrue(FileOrder.isFileScan(df));
        assertTrue(FileOrder.isFileScan(df.select("emb", "label")));
        assertTrue(FileOrder.isFileScan(df.withColumnRenamed("label", "y").withColumn("z", functions.col("y"))));
        assertTrue(FileOrder.isFileScan(df.as("t")));
        assertFalse(FileOrder.isFileScan(df.filter("label > 0")));
        assertFalse(FileOrder.isFileScan(df.orderBy("label")));
        assertFalse(FileOrder.isFileScan(df.repartition(3)));
        assertFalse(FileOrder.isFileScan(df.limit(10)));
        assertFalse(FileOrder.isFileScan(df.union(df)));
        assertFalse(FileOrder.isFileScan(Sessions.twoClasses(spark, 10)));
        // a file scan that is not Parquet has no row index
        Path json = dir.resolve("rows.json");
        df.limit(5).write().json(json.toString());
        assertFalse(FileOrder.isFileScan(spark.read().json(json.toString())));
    }

    /**
     * A data column named {@code _metadata} hides Spark's file metadata from {@code col("_metadata.row_index")}: a
     * file whose own {@code _metadata} counts its rows backwards had its items numbered backwards, silently.
     */
    @Test
    void aDataColumnNamedMetadataDoesNotNumberTheItems() {
        int n = ROWS[0];
        StructType meta = new StructType().add("file_path", DataTypes.StringType, false)
                .add("row_index", DataTypes.LongType, false);
        StructType schema = new StructType().add("label", DataTypes.IntegerType, false)
                .add("emb", DataTypes.createArrayType(DataTypes.FloatType, false), false).add("_metadata", meta, false);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Float> emb = new ArrayList<>(D);
            for (int j = 0; j < D; j++) {
                emb.add(values[i * D + j]);
            }
            rows.add(RowFactory.create(labels[i], scala.jdk.javaapi.CollectionConverters.asScala(emb).toSeq(),
                    RowFactory.create("mine", (long) (n - 1 - i))));
        }
        SparkSession spark = Sessions.local();
        String path = dir.resolve("own-metadata.parquet").toString();
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(path);

        ScarProfile fromPath = ScarSpark.characterizeParquet(path, List.of("emb"), "label", null, OPTIONS)
                .modalities().get(0);
        MultiModalDataset local = MultiModalDataset.of("own-metadata", java.util.Arrays.copyOf(labels, n),
                new String[] {"0", "1", "2"}, Modality.of("emb", Matrix.wrap(n, D, java.util.Arrays.copyOf(values,
                        n * D))));
        BundledDataTest.sameNumbers(BundledDataTest.local(local, "emb", OPTIONS), fromPath);
        BundledDataTest.identical(fromPath, ScarSpark.characterize(spark.read().parquet(path), "emb", "label",
                OPTIONS));
    }

    /** The files of {@code df}'s rows in the frame's own order, each once. */
    private static List<String> filesInOwnOrder(Dataset<Row> df) {
        List<String> files = new ArrayList<>();
        for (Row r : df.select(functions.col("_metadata.file_name")).collectAsList()) {
            if (files.isEmpty() || !files.get(files.size() - 1).equals(r.getString(0))) {
                files.add(r.getString(0));
            }
        }
        return files;
    }
}
