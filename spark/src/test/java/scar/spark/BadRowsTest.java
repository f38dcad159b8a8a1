package scar.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad rows of a Parquet folder (two files of 300 rows: part-00000 holds items 0–299, part-00001 items 300–599) are
 * reported as the local loader reports them — one line naming the file, the row within it, the column and the value,
 * exit code 2 — for the first bad row in item order, and without failing a Spark task (whose stack trace Spark would
 * log, and whose error would be whichever task failed first).
 */
class BadRowsTest {
    static final int N = 600;
    static final int D = 4;

    @TempDir
    Path dir;

    /** What changes one row: {@code (item, embedding, label)} to the row's values, or to null for a null value. */
    interface Damage {
        Object[] apply(int item, List<Float> embedding, Integer label);
    }

    private String write(String name, Damage damage) {
        return write(name, DataTypes.IntegerType, 2, damage);
    }

    private String write(String name, org.apache.spark.sql.types.DataType labelType, int files, Damage damage) {
        return write(name, labelType, files, damage, null);
    }

    /** As above, with a string column "id" holding {@code idOf.apply(item)} when {@code idOf} is not null. */
    private String write(String name, org.apache.spark.sql.types.DataType labelType, int files, Damage damage,
                         java.util.function.IntFunction<String> idOf) {
        List<Row> rows = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            List<Float> emb = new ArrayList<>(D);
            for (int j = 0; j < D; j++) {
                emb.add((float) Math.sin(i * 7.0 + j) + (j == i % 3 ? 1f : 0f));
            }
            Object[] v = damage.apply(i, emb, i % 3);
            Object emb2 = v[0] == null ? null : scala.jdk.javaapi.CollectionConverters.asScala((List<?>) v[0]).toSeq();
            rows.add(idOf == null ? RowFactory.create(v[1], emb2) : RowFactory.create(v[1], emb2, idOf.apply(i)));
        }
        StructType schema = new StructType().add("label", labelType, true)
                .add("emb", DataTypes.createArrayType(DataTypes.FloatType, true), true);
        if (idOf != null) {
            schema = schema.add("id", DataTypes.StringType, true);
        }
        SparkSession spark = Sessions.local();
        var rdd = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(rows, files);
        String path = dir.resolve(name).toString();
        spark.createDataFrame(rdd, schema).write().mode(SaveMode.Overwrite).parquet(path);
        return path;
    }

    private static void oneLine(Sessions.Run run, String... parts) {
        assertEquals(2, run.code(), run.message());
        assertEquals(1, run.message().lines().count(), run.message());
        for (String part : parts) {
            assertTrue(run.message().contains(part), run.message());
        }
        assertEquals(0, run.failedTasks(), "failed Spark tasks");
    }

    @Test
    void theFirstBadRowInItemOrderIsNamedByFileAndRowWithoutFailingATask() throws Exception {
        String path = write("two-bad", (i, emb, label) -> {
            if (i == 100) {
                emb.remove(D - 1); // file 0, row 100: a ragged row
            }
            if (i == 350) {
                emb.set(2, Float.NaN); // file 1, row 50
            }
            return new Object[] {emb, label};
        });
        oneLine(Sessions.main("characterize", path, "--embedding", "emb", "--label", "label", "--ratios", "1,2",
                "--quiet"),
                "part-00000", "row 100 (0-based), column 'emb': the embedding has 3 values but the first item has 4");
        String nan = write("nan", (i, emb, label) -> {
            if (i == 350) {
                emb.set(2, Float.NaN);
            }
            return new Object[] {emb, label};
        });
        oneLine(Sessions.main("characterize", nan, "--embedding", "emb", "--label", "label", "--ratios", "1,2",
                "--quiet"),
                "part-00001", "row 50 (0-based), column 'emb[2]': value NaN is not a finite float32 number");
    }

    @Test
    void nullEmbeddingsValuesAndLabelsAreNamedByRow() throws Exception {
        String first = write("null-first", (i, emb, label) -> new Object[] {i == 0 ? null : emb, label});
        oneLine(Sessions.main("characterize", first, "--embedding", "emb", "--label", "label", "--quiet"),
                "part-00000", "row 0 (0-based), column 'emb': the embedding is null or empty");
        String value = write("null-value", (i, emb, label) -> {
            if (i == 420) {
                emb.set(1, null);
            }
            return new Object[] {emb, label};
        });
        oneLine(Sessions.main("characterize", value, "--embedding", "emb", "--label", "label", "--quiet"),
                "part-00001", "row 120 (0-based), column 'emb': value 1 is null");
        String label = write("null-label", (i, emb, y) -> new Object[] {emb, i == 7 ? null : y});
        oneLine(Sessions.main("characterize", label, "--embedding", "emb", "--label", "label", "--quiet"),
                "part-00000", "row 7 (0-based), column 'label': the label is null");
    }

    @Test
    void labelsAreCodedAsTheLocalParquetLoaderCodesThem() throws Exception {
        String[] text = {"2", "10", "7"};
        String path = write("numbers-as-text", DataTypes.StringType, 1, (i, emb, y) -> new Object[] {emb, text[y]});
        Path file;
        try (var files = java.nio.file.Files.list(Path.of(path))) {
            file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        var local = scar.data.Parquet.load(file, "emb", "label");
        SparkData data = SparkData.parquet(Sessions.local(), path, List.of("emb"), "label", null);
        try {
            assertEquals(List.of(local.classNames()), List.of(data.classNames()));
            int[] labels = new int[N];
            for (Block b : data.blocks().collect()) {
                for (int r = 0; r < b.rows(); r++) {
                    labels[b.first() + r] = b.labels()[r];
                }
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(local.labels(), labels);
        } finally {
            data.release();
        }
        String empty = write("empty-label", DataTypes.StringType, 2, (i, emb, y) -> new Object[] {emb, i == 310 ? ""
                : "c" + y});
        oneLine(Sessions.main("characterize", empty, "--embedding", "emb", "--label", "label", "--quiet"),
                "part-00001", "row 10 (0-based), column 'label': value '' is not a label (the label is empty)");
        String fraction = write("fraction-label", DataTypes.StringType, 2, (i, emb, y) -> new Object[] {emb, i == 5
                ? "1.5" : "c" + y});
        oneLine(Sessions.main("characterize", fraction, "--embedding", "emb", "--label", "label", "--quiet"),
                "part-00000", "row 5 (0-based), column 'label': value '1.5' is not an integer class label");
        String big = write("long-label", DataTypes.LongType, 2, (i, emb, y) -> new Object[] {emb, i == 450
                ? 10_000_000_000L : (long) y});
        oneLine(Sessions.main("characterize", big, "--embedding", "emb", "--label", "label", "--quiet"),
                "part-00001", "row 150 (0-based), column 'label': value '10000000000' is not an integer class label"
                        + " within the int range");
    }

    @Test
    void aRepeatedNullOrEmptyIdIsRefusedAsTheLocalLoadersRefuseIt() throws Exception {
        Damage none = (i, emb, y) -> new Object[] {emb, y};
        String twice = write("repeated-id", DataTypes.IntegerType, 2, none, i -> i == 420 || i == 510 ? "item-30"
                : i == 550 ? "item-420" : "item-" + i);
        oneLine(Sessions.main("characterize", twice, "--embedding", "emb", "--label", "label", "--id", "id",
                "--quiet"),
                "part-00001", "row 120 (0-based), column 'id': value 'item-30' is not a new id: duplicate of the id of",
                "part-00000", "row 30 (0-based)");
        // a folder name with a space is named as written (Spark's file URI says my%20data), and an id with a line
        // break is shown escaped, so the message stays one whole line
        String spaced = write("my data", DataTypes.IntegerType, 2, none, i -> i == 10 || i == 400 ? "item\nten"
                : "item-" + i);
        oneLine(Sessions.main("characterize", spaced, "--embedding", "emb", "--label", "label", "--id", "id",
                "--quiet"),
                "/my data/part-00001", "row 100 (0-based), column 'id': value 'item\\u000aten' is not a new id: "
                        + "duplicate of the id of", "/my data/part-00000", "row 10 (0-based)");
        String missing = write("null-id", DataTypes.IntegerType, 2, none, i -> i == 333 ? null : "item-" + i);
        oneLine(Sessions.main("characterize", missing, "--embedding", "emb", "--label", "label", "--id", "id",
                "--quiet"),
                "part-00001", "row 33 (0-based), column 'id': the id is null");
        String empty = write("empty-id", DataTypes.IntegerType, 2, none, i -> i == 12 ? "" : "item-" + i);
        oneLine(Sessions.main("characterize", empty, "--embedding", "emb", "--label", "label", "--id", "id",
                "--quiet"),
                "part-00000", "row 12 (0-based), column 'id': value '' is not an id (the id is empty)");
    }
}
