package scar.spark;

import java.util.List;
import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scar.foundation.DatasetProfile;
import scar.foundation.Progress;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;

/**
 * The Spark runner's notebook and script functions ({@code import static scar.spark.ScarSpark.*}):
 *
 * <pre>{@code
 * var spark = spark();                                   // local[*] unless a master is configured
 * var df = spark.read().parquet("emb.parquet");
 * var profile = characterize(df, "emb", "label");        // renders like any profile
 * }</pre>
 *
 * The result is the local library's {@link ScarProfile}: same numbers (SPEC §2.3), same tables, charts and reports.
 *
 * <p><b>Item order</b> (the keyed draws of SPEC §4.1 number the items): a DataFrame read from Parquet files, as
 * {@code spark.read().parquet(folder)} returns it or with columns only selected, renamed or computed row by row, is
 * numbered as {@link #characterizeParquet} and {@code SparkMain} number the folder — files by path, rows in file
 * order — so the notebook and the command line give the same profile. Any other DataFrame (filtered, joined, sorted,
 * a union, a view, or made in memory) is numbered in its own order, partition by partition: the same profile again
 * only as long as its partitioning and order are the same.
 */
public final class ScarSpark {
    private ScarSpark() {
    }

    /**
     * The active Spark session, or a new one: master {@code local[*]} unless {@code spark.master} is set (as
     * spark-submit sets it). A new local session logs Spark's warnings and errors only, unless Log4j 2 is configured
     * or {@code -Dspark.log.level=INFO} asks for Spark's INFO lines ({@link SparkLogging}).
     */
    public static SparkSession spark() {
        SparkSession.Builder b = SparkSession.builder().appName("SCAR");
        String master = System.getProperty("spark.master");
        if (master == null) {
            master = "local[*]";
            b = b.master(master);
        }
        if (SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty()) {
            b = SparkLogging.quietLocal(b, master);
        }
        return b.config("spark.ui.showConsoleProgress", "false").getOrCreate();
    }

    /** One modality: the profile of embedding column {@code embedding} labelled by {@code label}, default options. */
    public static ScarProfile characterize(Dataset<Row> df, String embedding, String label) {
        return characterize(df, embedding, label, ScarOptions.defaults());
    }

    public static ScarProfile characterize(Dataset<Row> df, String embedding, String label, ScarOptions options) {
        SparkData data = SparkData.dataset(df.sparkSession(), "dataframe", df,
                List.of(Objects.requireNonNull(embedding, "embedding column")), label, null);
        try {
            return run(SparkStudy.of(data, options), s -> s.modality(embedding, progress(options)));
        } finally {
            data.release();
        }
    }

    /** Several embedding columns: one modality each, on the same items and draws. */
    public static DatasetProfile characterize(Dataset<Row> df, List<String> embeddings, String label,
                                              ScarOptions options) {
        SparkData data = SparkData.dataset(df.sparkSession(), "dataframe", df, embeddings, label, null);
        try {
            return run(SparkStudy.of(data, options), s -> s.all(progress(options)));
        } finally {
            data.release();
        }
    }

    /** A Parquet file or folder; items in file order (SPEC §4.1). */
    public static DatasetProfile characterizeParquet(String path, List<String> embeddings, String label,
                                                     String id, ScarOptions options) {
        SparkData data = SparkData.parquet(spark(), path, embeddings, label, id);
        try {
            return run(SparkStudy.of(data, options), s -> s.all(progress(options)));
        } finally {
            data.release();
        }
    }

    private static Progress progress(ScarOptions options) {
        return options.progress() ? Progress.auto() : Progress.none();
    }

    /**
     * Runs {@code work}; if the calling thread is interrupted or stopped (a notebook interrupt), the study's Spark
     * job group is cancelled before the exception propagates.
     */
    static <T> T run(SparkStudy study, java.util.function.Function<SparkStudy, T> work) {
        Objects.requireNonNull(study, "study");
        boolean ok = false;
        try {
            T out = work.apply(study);
            ok = true;
            return out;
        } finally {
            if (!ok) {
                study.cancel();
            }
        }
    }
}
