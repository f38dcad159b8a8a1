package scar.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The files of a Parquet folder must agree on the columns a study reads. Spark takes the schema of one file and reads
 * every other under it, so a file whose embedding holds doubles where the first holds floats, or whose labels are
 * text where the first's are integers, fails a task deep in Spark's reader (its stack trace logged, and a message
 * that names the Parquet column but not the file). One small job reads every file's footer first, without failing a
 * task, and the first file in path order that disagrees with the first file is named.
 */
final class FileSchemas {
    private FileSchemas() {
    }

    /**
     * Refuses the first file of {@code df} (a Parquet read, files in path order) whose type of one of {@code columns}
     * differs from the first file's, that lacks one of them, or that is not Parquet (which Spark would find in a
     * failing task).
     */
    static void requireAlike(SparkSession spark, Dataset<Row> df, List<String> columns) {
        String[] files = df.inputFiles();
        if (files.length < 2) {
            return;
        }
        Arrays.sort(files, FileOrder.PATHS);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        List<String> used = List.copyOf(columns);
        List<Map<String, String>> types = sc.parallelize(Arrays.asList(files),
                Math.min(files.length, sc.defaultParallelism())).map(f -> typesOf(f, used, conf)).collect();
        Map<String, String> first = types.get(0);
        String firstShown = SparkData.shownPath(files[0]);
        for (int i = 0; i < files.length; i++) {
            String file = SparkData.shownPath(files[i]);
            Map<String, String> t = types.get(i);
            if (t.containsKey(null)) {
                throw new IllegalArgumentException(file + " " + t.get(null));
            }
            for (String c : used) {
                if (t.get(c) == null) {
                    throw new IllegalArgumentException(file + ", column '" + c + "': no such column; expected every "
                            + "file of the folder to hold the columns used");
                }
                if (!t.get(c).equals(first.get(c))) {
                    throw new IllegalArgumentException(file + ", column '" + c + "': values of type " + t.get(c)
                            + ", but " + firstShown + " (the first file) holds " + first.get(c)
                            + "; expected one type per column in every file of the folder");
                }
            }
        }
    }

    /**
     * The Spark type of each of {@code columns} in {@code file}'s footer (absent when the file lacks the column), or
     * under the key null why the footer cannot be read ("is not a Parquet file (…)", to follow the file's name).
     */
    private static Map<String, String> typesOf(String file, List<String> columns, SerializableConfiguration conf) {
        Map<String, String> out = new LinkedHashMap<>();
        StructType schema;
        Path path = new Path(java.net.URI.create(file)); // Spark lists files as URIs: my%20data is "my data"
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf.value()))) {
            schema = new ParquetToSparkSchemaConverter(SQLConf.get()).convert(reader.getFileMetaData().getSchema());
        } catch (Exception e) {
            String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            // parquet-java's own message starts with the path: "file:/…/b.parquet is not a Parquet file (…)"
            out.put(null, m.startsWith(path.toString()) ? m.substring(path.toString().length()).strip()
                    : "cannot be read as Parquet: " + m);
            return out;
        }
        List<String> names = new ArrayList<>(Arrays.asList(schema.fieldNames()));
        for (String c : columns) {
            if (names.contains(c)) {
                StructField f = schema.apply(c);
                out.put(c, f.dataType().simpleString());
            }
        }
        return out;
    }
}
