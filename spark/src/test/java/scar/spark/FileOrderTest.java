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
import scar.data.EmbeddingFile;
import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.data.ParquetFolder;
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
        for (int item = 0; item < n; item++) {
            labels[item] = random.nextInt(K);
            for (int j = 0; j < D; j++) {
                // overlapping classes, so that every measure depends on which items a fit holds
                values[item * D + j] = (float) (random.nextGaussian() + (j == labels[item] ? 0.7 : 0.0));
            }
        }
        folder = dir.resolve("folder");
        writeFolder(folder, FILES, ROWS);
    }

    /** Writes the items in order into {@code folder}: the first {@code rows[0]} as {@code names[0]}, and so on. */
    private static void writeFolder(Path folder, String[] names, int[] rows) throws Exception {
        SparkSession spark = Sessions.local();
        StructType schema = new StructType().add("label", DataTypes.IntegerType, false)
                .add("emb", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        Files.createDirectories(folder);
        int item = 0;
        for (int f = 0; f < names.length; f++) {
            List<Row> part = new ArrayList<>(rows[f]);
            for (int r = 0; r < rows[f]; r++, item++) {
                List<Float> emb = new ArrayList<>(D);
                for (int j = 0; j < D; j++) {
                    emb.add(values[item * D + j]);
                }
                part.add(RowFactory.create(labels[item], scala.jdk.javaapi.CollectionConverters.asScala(emb).toSeq()));
            }
            Path written = Files.createTempDirectory(dir, "written-");
            spark.createDataFrame(part, schema).coalesce(1).write().mode("overwrite").parquet(written.toString());
            try (var parts = Files.list(written)) {
                Files.move(parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                        .orElseThrow(), folder.resolve(names[f]));
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

    /**
     * Spark's {@code _metadata.file_path} is a URI, percent-encoded (SPARK-43284: {@code a b.parquet} is
     * {@code a%20b.parquet}, {@code a%.parquet} {@code a%25.parquet}). Names that the encoding reorders must still be
     * numbered in order of their plain paths, as the local library numbers them. {@code NAMES} is that order.
     */
    @Test
    void partFilesWhoseNamesURLEncodingReordersAreNumberedAsTheLocalLibraryNumbersThem() throws Exception {
        String[] names = {"A+.parquet", "a b.parquet", "a!.parquet", "a%.parquet", "z.parquet", "\u00e9.parquet"};
        Path named = dir.resolve("named");
        writeFolder(named, names, new int[] {400, 900, 150, 1_200, 600, 1_250});
        assertEquals(List.of(names), ParquetFolder.files(named).stream().map(p -> p.getFileName().toString())
                .toList());
        SparkSession spark = Sessions.local();
        Dataset<Row> df = spark.read().parquet(named.toString());
        // Spark's paths sorted as Spark gives them are not in this order, or this test could not fail
        assertNotEquals(List.of(names), java.util.Arrays.stream(df.inputFiles()).sorted()
                .map(f -> Path.of(SparkData.shownPath(f)).getFileName().toString()).toList());

        ScarProfile fromPath = ScarSpark.characterizeParquet(named.toString(), List.of("emb"), "label", null, OPTIONS)
                .modalities().get(0);
        MultiModalDataset local = EmbeddingFile.defaults().withEmbedding("emb").load(named);
        BundledDataTest.sameNumbers(BundledDataTest.local(local, local.modalityNames().get(0), OPTIONS), fromPath);
        BundledDataTest.identical(fromPath, ScarSpark.characterize(df, "emb", "label", OPTIONS));
    }

    /**
     * A DataFrame read from a folder that {@code partitionBy("label")} wrote, which both command lines refuse and a
     * notebook reads, is numbered by the same rule (SPEC §4.1): files by their whole paths, the partition folders in
     * them, rows in file order: every item of class 0 in item order, then of class 1, then of class 2. Spark takes
     * the label from the folder names and appends it as the frame's last column.
     */
    @Test
    void aDataFrameOfAPartitionedFolderIsNumberedByTheFilesWholePaths() throws Exception {
        SparkSession spark = Sessions.local();
        Path partitioned = dir.resolve("partitioned");
        StructType schema = new StructType().add("emb", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        int n = labels.length;
        float[] byPath = new float[n * D];
        int[] labelsByPath = new int[n];
        int item = 0;
        for (int k = 0; k < K; k++) {
            List<Row> part = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (labels[i] == k) {
                    List<Float> emb = new ArrayList<>(D);
                    for (int j = 0; j < D; j++) {
                        emb.add(values[i * D + j]);
                        byPath[item * D + j] = values[i * D + j];
                    }
                    labelsByPath[item++] = k;
                    part.add(RowFactory.create(scala.jdk.javaapi.CollectionConverters.asScala(emb).toSeq()));
                }
            }
            Path written = Files.createTempDirectory(dir, "written-");
            spark.createDataFrame(part, schema).coalesce(1).write().mode("overwrite").parquet(written.toString());
            Path folderOfK = Files.createDirectories(partitioned.resolve("label=" + k));
            try (var parts = Files.list(written)) {
                Files.move(parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                        .orElseThrow(), folderOfK.resolve("part-00000.parquet"));
            }
        }
        Dataset<Row> df = spark.read().parquet(partitioned.toString());
        assertEquals(List.of("emb", "label"), List.of(df.columns()));
        // the frame's own order (Spark packs the largest file first) is not path order, or this test could not fail
        List<Integer> own = df.select("label").collectAsList().stream().map(r -> r.getInt(0)).toList();
        assertNotEquals(own.stream().sorted().toList(), own);

        MultiModalDataset local = MultiModalDataset.of("partitioned", labelsByPath, new String[] {"0", "1", "2"},
                Modality.of("emb", Matrix.wrap(n, D, byPath)));
        BundledDataTest.sameNumbers(BundledDataTest.local(local, "emb", OPTIONS),
                ScarSpark.characterize(df, "emb", "label", OPTIONS));
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
