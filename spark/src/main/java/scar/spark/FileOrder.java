package scar.spark;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.UnaryNode;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * The item order of rows read from Parquet files (SPEC §4.1): the files in lexicographic order of their paths, the
 * rows of each file in file order ({@code _metadata.row_index}). Spark lists and packs the files of a read by size, not
 * by path, and splits large files between partitions, so the order in which a read returns its rows is not this one.
 */
final class FileOrder {
    private static final String FILE = "__scar_file";
    private static final String ROW = "__scar_row";

    /**
     * Spark's names of files ({@code _metadata.file_path}, {@code inputFiles()}) in the order of their paths as the
     * file system names them, the local library's order ({@code ParquetFolder}). Spark's names are URIs,
     * percent-encoded ({@code a%20b.parquet} for {@code a b.parquet}, {@code a%25.parquet} for {@code a%.parquet}),
     * and sorted as they are, {@code a!.parquet} came before {@code a b.parquet}.
     */
    static final Comparator<String> PATHS = Comparator.comparing(SparkData::shownPath)
            .thenComparing(Comparator.naturalOrder());

    private FileOrder() {
    }

    /**
     * The two columns, to select last, that place a row of file scan {@code df}: its file and its row within the
     * file. Spark's own {@code _metadata}, even where the data has a column of that name (which
     * {@code col("_metadata.row_index")} would read instead).
     */
    static Column[] columns(Dataset<Row> df) {
        Column meta = df.metadataColumn("_metadata");
        return new Column[] {meta.getField("file_path").as(FILE), meta.getField("row_index").as(ROW)};
    }

    /**
     * Whether {@code df} holds the rows of Parquet files as Spark reads them, every row once: a Parquet scan with only
     * columns selected, renamed or computed row by row above it (and aliases). A filter, join, union, sort, limit,
     * repartition or view is not.
     */
    static boolean isFileScan(Dataset<Row> df) {
        return files(df) != null;
    }

    /**
     * The columns whose values a file scan {@code df} takes from folder names ({@code label=3/part-….parquet}, as
     * {@code partitionBy("label")} writes), none for files read as they are.
     */
    static String[] partitionColumns(Dataset<Row> df) {
        HadoopFsRelation files = files(df);
        return files == null ? new String[0] : files.partitionSchema().fieldNames();
    }

    /** The Parquet files {@code df} reads if it is a file scan ({@link #isFileScan}), otherwise null. */
    private static HadoopFsRelation files(Dataset<Row> df) {
        LogicalPlan plan = df.queryExecution().analyzed();
        while (plan instanceof Project || plan instanceof SubqueryAlias) {
            plan = ((UnaryNode) plan).child();
        }
        return plan instanceof LogicalRelation scan && scan.relation() instanceof HadoopFsRelation files
                && files.fileFormat() instanceof ParquetFileFormat ? files : null;
    }

    /**
     * Numbers the rows of {@code placed}, a file scan whose last two columns are {@link #columns}: one job counts
     * the rows of every file, so that item = the rows of the files before its file + its row in the file.
     */
    static SparkData.Numbered number(SparkSession spark, Dataset<Row> placed) {
        int fileCol = placed.schema().fieldIndex(FILE);
        List<Row> counts = placed.groupBy(FILE).count().collectAsList();
        TreeMap<String, Long> perFile = new TreeMap<>(PATHS);
        counts.forEach(r -> perFile.put(r.getString(0), r.getLong(1)));
        HashMap<String, Long> offsets = new HashMap<>();
        TreeMap<Long, String> fileAt = new TreeMap<>(); // each file by its first item
        long total = 0;
        for (Map.Entry<String, Long> e : perFile.entrySet()) {
            offsets.put(e.getKey(), total);
            fileAt.put(total, e.getKey());
            total += e.getValue();
        }
        Broadcast<HashMap<String, Long>> bOffsets = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(offsets);
        JavaRDD<Tuple2<InternalRow, Long>> rows = placed.queryExecution().toRdd().toJavaRDD().map(r -> {
            long item = bOffsets.value().get(r.getUTF8String(fileCol).toString()) + r.getLong(fileCol + 1);
            return new Tuple2<>(r, item);
        });
        SparkData.Where where = (r, item) -> SparkData.shownPath(r.getUTF8String(fileCol).toString()) + ", row "
                + r.getLong(fileCol + 1) + " (0-based)";
        // no file: no rows, which SparkData refuses before it looks for the first item
        String firstFile = perFile.isEmpty() ? "" : perFile.firstKey();
        Dataset<Row> firstItem = placed.filter(functions.col(FILE).equalTo(firstFile)
                .and(functions.col(ROW).equalTo(0L)));
        java.util.function.LongFunction<String> place = item -> {
            Map.Entry<Long, String> file = fileAt.floorEntry(item);
            return SparkData.shownPath(file.getValue()) + ", row " + (item - file.getKey()) + " (0-based)";
        };
        return new SparkData.Numbered(rows, total, firstItem, SparkData.shownPath(firstFile) + ", row 0 (0-based)",
                where, place);
    }
}
