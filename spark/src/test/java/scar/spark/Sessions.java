package scar.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;

/**
 * The tests' Spark session (local mode, two threads, loopback only), DataFrames made from matrices, and the
 * spark-submit entry point run with its standard error captured.
 */
final class Sessions {
    private Sessions() {
    }

    static synchronized SparkSession local() {
        return SparkSession.builder().master("local[2]").appName("scar-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.ui.showConsoleProgress", "false")
                .getOrCreate();
    }

    /**
     * What the spark-submit entry point did: its exit code, its standard error, and how many Spark jobs it started
     * and tasks failed.
     */
    record Run(int code, String message, int jobs, int failedTasks) {
    }

    /** Runs the spark-submit entry point on the tests' session. */
    static Run main(String... args) throws Exception {
        SparkSession spark = local();
        AtomicInteger jobs = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobs.incrementAndGet();
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().failed()) {
                    failed.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = SparkMain.execute(args);
        } finally {
            System.setErr(old);
            spark.sparkContext().listenerBus().waitUntilEmpty();
            spark.sparkContext().removeSparkListener(listener);
        }
        return new Run(code, err.toString(StandardCharsets.UTF_8).strip(), jobs.get(), failed.get());
    }

    /**
     * A small study's DataFrame in one partition: {@code n} items of classes 0 and 1 alternating, {@code label} (int)
     * and a two-feature {@code emb} that separates them.
     */
    static Dataset<Row> twoClasses(SparkSession spark, int n) {
        int[] labels = new int[n];
        float[] x = new float[n * 2];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            x[i * 2] = labels[i] + 0.01f * i;
            x[i * 2 + 1] = -labels[i] + 0.02f * (i % 7);
        }
        return frame(spark, labels, List.of("emb"), List.of(Matrix.wrap(n, 2, x)), 1);
    }

    /**
     * A small study without a split: {@code n} items of classes 0, 1 and 2 in turn, and a two-feature {@code emb} in
     * which the classes overlap (so every seed draws other held-out items and gets other numbers).
     */
    static MultiModalDataset threeClasses(int n) {
        int[] labels = new int[n];
        float[] x = new float[n * 2];
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            x[i * 2] = (float) random.nextGaussian() + labels[i];
            x[i * 2 + 1] = (float) random.nextGaussian() - labels[i];
        }
        return MultiModalDataset.of("small", labels, new String[] {"0", "1", "2"},
                Modality.of("emb", Matrix.wrap(n, 2, x)));
    }

    /** {@code data}'s one modality {@code emb} as a DataFrame in one partition. */
    static Dataset<Row> frame(SparkSession spark, MultiModalDataset data) {
        return frame(spark, data.labels(), List.of("emb"), List.of(data.modality("emb").embeddings()), 1);
    }

    /**
     * A DataFrame of {@code label} (int) and one float-array column per matrix, row i = item i, in
     * {@code partitions} partitions.
     */
    static Dataset<Row> frame(SparkSession spark, int[] labels, List<String> names, List<Matrix> matrices,
                              int partitions) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("label", DataTypes.IntegerType, false));
        for (String n : names) {
            fields.add(DataTypes.createStructField(n, DataTypes.createArrayType(DataTypes.FloatType, false), false));
        }
        List<Row> rows = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            Object[] values = new Object[1 + matrices.size()];
            values[0] = labels[i];
            for (int m = 0; m < matrices.size(); m++) {
                float[] row = matrices.get(m).row(i);
                List<Float> boxed = new ArrayList<>(row.length);
                for (float v : row) {
                    boxed.add(v);
                }
                values[1 + m] = scala.jdk.javaapi.CollectionConverters.asScala(boxed).toSeq();
            }
            rows.add(RowFactory.create(values));
        }
        // parallelize cuts the list into contiguous slices, so the frame's order is the items' order
        var rdd = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(rows, partitions);
        return spark.createDataFrame(rdd, new StructType(fields.toArray(new StructField[0])));
    }
}
