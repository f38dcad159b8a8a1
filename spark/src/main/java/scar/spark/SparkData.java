package scar.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;
import scar.data.ParquetFolder;
import scar.probe.BlockPass;

/**
 * A labelled embedding dump read by Spark and cached as {@link Block}s of SPEC §2.3.
 *
 * <p><b>Item order</b> (SPEC §4.1 needs a stable index per row): for a Parquet path, the files in lexicographic
 * order of their paths and the rows of each file in file order ({@code _metadata.row_index}), so the index of a row
 * does not depend on how Spark splits or packs the files ({@link FileOrder}); for a {@link Dataset} that is such a
 * read of Parquet files, with only columns selected, renamed or computed row by row, the same; for any other
 * {@link Dataset}, its own order, partition by partition ({@code zipWithIndex}). Labels are coded like the local
 * loaders: integers ascending, otherwise text in sorted order, the values kept as class names.
 *
 * @param name         dataset name, for reports
 * @param modalities   the embedding columns, one modality each
 * @param dims         features per modality
 * @param classNames   the K class names, in class order
 * @param n            items
 * @param blocks       the cached blocks
 * @param cached       every RDD this holds in Spark's cache, for {@link #release}
 */
public record SparkData(String name, List<String> modalities, int[] dims, String[] classNames, int n,
                        JavaRDD<Block> blocks, List<JavaRDD<?>> cached) {

    /** Reads {@code path} (a Parquet file or folder of files) with the item order of the files. */
    public static SparkData parquet(SparkSession spark, String path, List<String> embeddings, String label,
                                    String id) {
        Dataset<Row> df = read(spark, path);
        Dataset<Row> placed = df.select(columns(path, df, embeddings, label, id, FileOrder.columns(df)));
        List<String> used = new ArrayList<>(embeddings);
        used.add(label);
        if (id != null) {
            used.add(id);
        }
        FileSchemas.requireAlike(spark, df, used);
        String name = path.replaceAll("/+$", "").replaceAll(".*/", "").replaceAll("\\.parquet$", "");
        return build(spark, name, placed, FileOrder.number(spark, placed), embeddings, label, id);
    }

    /**
     * A file as the messages name it: Spark's {@code _metadata.file_path} is a URI, percent-encoded
     * ({@code file:/data/my%20data/part-0.parquet}); a local file is shown as its path ({@code /data/my data/…}),
     * any other as its scheme, authority and decoded path.
     */
    static String shownPath(String uri) {
        try {
            java.net.URI u = new java.net.URI(uri);
            if (u.getScheme() == null || "file".equals(u.getScheme())) {
                return u.getPath();
            }
            return u.getScheme() + "://" + (u.getAuthority() == null ? "" : u.getAuthority()) + u.getPath();
        } catch (java.net.URISyntaxException e) {
            return uri;
        }
    }

    /**
     * {@code path} as Spark reads it, or one line saying why not: a path that does not exist is found here (Spark
     * would log a stack trace first), a folder without data files is named (Spark says only that it cannot infer
     * a schema), and a partitioned folder ({@code label=3/part-….parquet}) is refused as the local side refuses it.
     */
    private static Dataset<Row> read(SparkSession spark, String path) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try {
            org.apache.hadoop.fs.FileStatus[] found = p.getFileSystem(spark.sparkContext().hadoopConfiguration())
                    .globStatus(p);
            if (found == null || found.length == 0) {
                throw new java.io.UncheckedIOException("file not found: " + path,
                        new java.io.FileNotFoundException(path));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        Dataset<Row> df;
        try {
            df = spark.read().parquet(path);
        } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes, though nothing declares it
            if (e instanceof org.apache.spark.sql.AnalysisException a
                    && "UNABLE_TO_INFER_SCHEMA".equals(a.getCondition())) {
                throw new IllegalArgumentException(path + " holds no Parquet data files; expected a Parquet file or"
                        + " a folder of them", e);
            }
            throw e;
        }
        String[] partitions = FileOrder.partitionColumns(df);
        if (partitions.length > 0) {
            String column = partitions[0];
            throw new IllegalArgumentException(path + " is a partitioned folder (part files in folders " + column
                    + "=<value>, as partitionBy(\"" + column + "\") writes); "
                    + ParquetFolder.partitionedAdvice(column));
        }
        return df;
    }

    /**
     * Reads a Dataset. A Parquet scan with only columns selected, renamed or computed row by row above it is numbered
     * as {@link #parquet} numbers its path: files by path, rows in file order ({@link FileOrder}). Any other
     * Dataset (filtered, joined, sorted, a union, a view) in its own order: item i is its i-th row, partition by
     * partition, which is reproducible only as far as its partitioning is.
     */
    public static SparkData dataset(SparkSession spark, String name, Dataset<Row> df, List<String> embeddings,
                                    String label, String id) {
        if (FileOrder.isFileScan(df)) {
            Dataset<Row> placed = df.select(columns(name, df, embeddings, label, id, FileOrder.columns(df)));
            return build(spark, name, placed, FileOrder.number(spark, placed), embeddings, label, id);
        }
        Dataset<Row> selected = df.select(columns(name, df, embeddings, label, id));
        JavaRDD<Tuple2<InternalRow, Long>> rows = selected.queryExecution().toRdd().toJavaRDD().zipWithIndex()
                .map(t -> t);
        long total = selected.count();
        return build(spark, name, selected, new Numbered(rows, total, selected, name + ", row 0 (0-based)",
                (r, item) -> name + ", row " + item + " (0-based)", item -> name + ", row " + item + " (0-based)"),
                embeddings, label, id);
    }

    /**
     * The input rows with their items, and how messages name them.
     *
     * @param rows       every input row and its item
     * @param total      the rows
     * @param firstItem  a Dataset whose first row is item 0
     * @param firstWhere where item 0 is, "file, row r (0-based)"
     * @param where      where a row is, on the executors
     * @param place      where an item is, on the driver
     */
    record Numbered(JavaRDD<Tuple2<InternalRow, Long>> rows, long total, Dataset<Row> firstItem, String firstWhere,
                    Where where, java.util.function.LongFunction<String> place) {
    }

    /** Where an input row comes from, for the messages of bad input: "file, row r (0-based)". */
    interface Where extends java.io.Serializable {
        String of(InternalRow row, long item);
    }

    /** A bad input row: its item and the one-line message that names it. */
    record Problem(long item, String message) implements java.io.Serializable {
    }

    /** The columns to select, checked; a refusal names {@code source} (the path, or the DataFrame's name). */
    private static Column[] columns(String source, Dataset<Row> df, List<String> embeddings, String label, String id,
                                    Column... extra) {
        Objects.requireNonNull(label, "label column");
        if (embeddings.isEmpty()) {
            throw new IllegalArgumentException("name at least one embedding column");
        }
        requireOneRolePerColumn(source, embeddings, label, id);
        List<String> names = Arrays.asList(df.columns());
        List<Column> out = new ArrayList<>();
        for (String e : embeddings) {
            StructField f = field(source, df, names, e, "embedding");
            if (!(f.dataType() instanceof ArrayType a)
                    || !(a.elementType() == DataTypes.FloatType || a.elementType() == DataTypes.DoubleType)) {
                throw new IllegalArgumentException(source + ": embedding column '" + e + "' has type "
                        + f.dataType().simpleString() + ", expected an array of float or double");
            }
            out.add(functions.col(quote(e)));
        }
        requireIntegersOrText(source, field(source, df, names, label, "label"), "label");
        out.add(functions.col(quote(label)));
        if (id != null) {
            requireIntegersOrText(source, field(source, df, names, id, "id"), "id");
            out.add(functions.col(quote(id)).cast(DataTypes.StringType));
        }
        out.addAll(Arrays.asList(extra));
        return out.toArray(new Column[0]);
    }

    /** A label or id column holds integers or text, as in the local loaders. */
    private static void requireIntegersOrText(String source, StructField column, String what) {
        DataType type = column.dataType();
        if (!(type == DataTypes.StringType || type == DataTypes.IntegerType || type == DataTypes.LongType
                || type == DataTypes.ShortType || type == DataTypes.ByteType)) {
            throw new IllegalArgumentException(source + ": " + what + " column '" + column.name() + "' has type "
                    + type.simpleString() + ", expected integers or strings");
        }
    }

    /** Refuses a column named for two roles (Spark would find the selection ambiguous) or as two modalities. */
    private static void requireOneRolePerColumn(String source, List<String> embeddings, String label, String id) {
        Map<String, String> roleOf = new HashMap<>();
        List<String[]> named = new ArrayList<>();
        embeddings.forEach(e -> named.add(new String[] {e, "an embedding"}));
        named.add(new String[] {label, "the label"});
        if (id != null) {
            named.add(new String[] {id, "the id"});
        }
        for (String[] n : named) {
            String earlier = roleOf.putIfAbsent(n[0], n[1]);
            if (earlier != null) {
                throw new IllegalArgumentException(source + ": column '" + n[0] + "' is named " + (earlier.equals(n[1])
                        ? "twice as an embedding; expected each modality's column once"
                        : "as " + earlier + " and as " + n[1] + "; expected a column of its own for each"));
            }
        }
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    private static StructField field(String source, Dataset<Row> df, List<String> names, String column,
                                     String what) {
        if (!names.contains(column)) {
            throw new IllegalArgumentException(source + ": " + what + " column '" + column
                    + "' not found; the columns are " + String.join(", ", names));
        }
        return df.schema().apply(column);
    }

    /**
     * Decodes and caches the rows. The embeddings of item 0 ({@link Numbered#firstItem}) give every modality its
     * length. Bad rows do not fail Spark tasks (which would log their stack traces and leave the error that is
     * reported to whichever task failed first): each partition records its first bad row and the error of the first
     * in item order is thrown here, on the driver.
     */
    private static SparkData build(SparkSession spark, String name, Dataset<Row> selected, Numbered numbered,
                                   List<String> embeddings, String label, String id) {
        long total = numbered.total();
        if (total == 0) {
            throw new IllegalArgumentException("dataset '" + name + "' has no rows");
        }
        if (total >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dataset '" + name + "' has " + total + " rows; at most "
                    + (Integer.MAX_VALUE - 1) + " are supported");
        }
        int n = (int) total;
        int m = embeddings.size();
        LabelCodes codes = LabelCodes.of(selected, label, m);
        int[] dims = new int[m];
        Row first = numbered.firstItem().select(embeddings.stream().map(e -> functions.col(quote(e)))
                .toArray(Column[]::new)).first();
        for (int j = 0; j < m; j++) {
            dims[j] = first.isNullAt(j) ? 0 : first.getList(j).size();
            if (dims[j] == 0) {
                throw new IllegalArgumentException(numbered.firstWhere() + ", column '" + embeddings.get(j)
                        + "': the embedding is null or empty; expected a list of numbers");
            }
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        CollectionAccumulator<Problem> problems = sc.sc().collectionAccumulator("scar bad rows");
        Broadcast<LabelCodes> bCodes = sc.broadcast(codes);
        boolean[] doubles = new boolean[m];
        for (int j = 0; j < m; j++) {
            doubles[j] = ((ArrayType) selected.schema().apply(j).dataType()).elementType() == DataTypes.DoubleType;
        }
        List<String> cols = List.copyOf(embeddings);
        Where where = numbered.where();
        JavaRDD<Piece> pieces = numbered.rows().mapPartitions(it -> decode(it, cols, dims, doubles, bCodes.value(),
                id, where, problems));
        // one shuffle places every piece so that a partition holds whole aligned runs of blocks (whole sum groups of
        // every fit, SPEC §2.3), sorted by block; the pieces of a block split between input partitions meet there
        int partitions = GroupPartitioner.partitionsFor(n, pieces.getNumPartitions());
        JavaRDD<Block> blocks = pieces.mapToPair(p -> new Tuple2<>(p.block(), p))
                .repartitionAndSortWithinPartitions(new GroupPartitioner(partitions))
                .mapPartitions(it -> new WholeBlocks(it, n))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long count = blocks.map(Block::rows).fold(0, Integer::sum);
        Problem bad = problems.value().stream().min(java.util.Comparator.comparingLong(Problem::item)).orElse(null);
        if (bad != null) {
            blocks.unpersist(false);
            throw new IllegalArgumentException(bad.message());
        }
        if (count != n) {
            blocks.unpersist(false);
            throw new IllegalStateException("cached " + count + " rows of " + n);
        }
        if (id != null) {
            try {
                requireNewIds(blocks, id, numbered.place());
            } catch (IllegalArgumentException e) {
                blocks.unpersist(false);
                throw e;
            }
        }
        return new SparkData(name, cols, dims, codes.names(), n, blocks, List.of(blocks));
    }

    /**
     * Refuses an id that an earlier item has too, as the local loaders do: names the first item in item order whose
     * id repeats one, and the item it repeats (one job: per id, its two first items).
     */
    private static void requireNewIds(JavaRDD<Block> blocks, String column,
                                      java.util.function.LongFunction<String> place) {
        List<Tuple2<String, long[]>> repeated = blocks.flatMapToPair(b -> {
            List<Tuple2<String, long[]>> out = new ArrayList<>(b.rows());
            for (int r = 0; r < b.rows(); r++) {
                out.add(new Tuple2<>(b.ids()[r], new long[] {b.first() + r, Long.MAX_VALUE}));
            }
            return out.iterator();
        }).reduceByKey(SparkData::firstTwo).filter(t -> t._2()[1] != Long.MAX_VALUE).takeOrdered(1, new BySecond());
        if (!repeated.isEmpty()) {
            long[] items = repeated.get(0)._2();
            throw new IllegalArgumentException(place.apply(items[1]) + ", column '" + column + "': value '"
                    + scar.data.Shown.value(repeated.get(0)._1()) + "' is not a new id: duplicate of the id of " + place.apply(items[0]));
        }
    }

    /** The two smallest of the items in {@code a} and {@code b} (each its two smallest, ascending). */
    private static long[] firstTwo(long[] a, long[] b) {
        long[] all = {a[0], a[1], b[0], b[1]};
        Arrays.sort(all);
        return new long[] {all[0], all[1]};
    }

    /** Orders (id, its first two items) by the second item: the first repeat in item order comes first. */
    private static final class BySecond implements java.util.Comparator<Tuple2<String, long[]>>,
            java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Tuple2<String, long[]> x, Tuple2<String, long[]> y) {
            return Long.compare(x._2()[1], y._2()[1]);
        }
    }

    /**
     * Decodes one input partition into pieces, one per block it touches. A bad row is decoded as zeros of class 0
     * and the partition's first bad row goes to {@code problems}: the caller throws its message.
     */
    private static Iterator<Piece> decode(Iterator<Tuple2<InternalRow, Long>> it, List<String> cols, int[] dims,
                                          boolean[] doubles, LabelCodes codes, String idColumn, Where where,
                                          CollectionAccumulator<Problem> problems) {
        boolean hasId = idColumn != null;
        int m = cols.size();
        TreeMap<Integer, PieceBuilder> open = new TreeMap<>();
        Problem firstBad = null;
        while (it.hasNext()) {
            Tuple2<InternalRow, Long> t = it.next();
            InternalRow r = t._1();
            int item = t._2().intValue();
            int block = (int) BlockPass.blockOf(item);
            PieceBuilder b = open.computeIfAbsent(block, k -> new PieceBuilder(k, dims, hasId));
            float[][] values = new float[m][];
            int label;
            try {
                for (int j = 0; j < m; j++) {
                    values[j] = embedding(r, j, cols.get(j), dims[j], doubles[j]);
                }
                label = codes.code(r, m);
                if (hasId) {
                    requireId(r, m + 1, idColumn);
                }
            } catch (IllegalArgumentException e) {
                if (firstBad == null || item < firstBad.item()) {
                    firstBad = new Problem(item, where.of(r, item) + ", " + e.getMessage());
                }
                for (int j = 0; j < m; j++) {
                    values[j] = new float[dims[j]];
                }
                label = 0;
            }
            b.add(item, label, values, hasId ? (r.isNullAt(m + 1) ? null : r.getUTF8String(m + 1).toString()) : null);
        }
        if (firstBad != null) {
            problems.add(firstBad);
        }
        return open.values().stream().map(PieceBuilder::build).iterator();
    }

    /** Refuses a null or empty id, as the local loaders do ("column '…': …"). */
    private static void requireId(InternalRow r, int at, String column) {
        if (r.isNullAt(at)) {
            throw new IllegalArgumentException("column '" + column + "': the id is null; expected an id");
        }
        if (r.getUTF8String(at).numBytes() == 0) {
            throw new IllegalArgumentException("column '" + column + "': value '' is not an id (the id is empty)");
        }
    }

    /** Embedding {@code j} of a row as floats; its problem, as "column '…': …", is an IllegalArgumentException. */
    private static float[] embedding(InternalRow r, int j, String col, int d, boolean isDouble) {
        if (r.isNullAt(j)) {
            throw new IllegalArgumentException("column '" + col + "': the embedding is null; expected " + d
                    + " numbers");
        }
        ArrayData a = r.getArray(j);
        if (a.numElements() != d) {
            throw new IllegalArgumentException("column '" + col + "': the embedding has " + a.numElements()
                    + " values but the first item has " + d + "; expected embeddings of one length");
        }
        for (int k = 0; k < d; k++) {
            if (a.isNullAt(k)) {
                throw new IllegalArgumentException("column '" + col + "': value " + k + " is null; expected "
                        + d + " numbers");
            }
        }
        float[] out;
        if (isDouble) {
            double[] v = a.toDoubleArray();
            out = new float[d];
            for (int k = 0; k < d; k++) {
                out[k] = (float) v[k];
            }
        } else {
            out = a.toFloatArray();
        }
        for (int k = 0; k < d; k++) {
            if (!Float.isFinite(out[k])) {
                throw new IllegalArgumentException("column '" + col + "[" + k + "]': value "
                        + (isDouble ? a.getDouble(k) : out[k]) + " is not a finite float32 number");
            }
        }
        return out;
    }

    /** Accumulates the rows of one block seen in one partition. */
    private static final class PieceBuilder {
        private final int block;
        private final int[] dims;
        private final List<int[]> meta = new ArrayList<>();
        private final List<float[][]> values = new ArrayList<>();
        private final List<String> ids;

        PieceBuilder(int block, int[] dims, boolean hasId) {
            this.block = block;
            this.dims = dims;
            this.ids = hasId ? new ArrayList<>() : null;
        }

        void add(int item, int label, float[][] v, String id) {
            meta.add(new int[] {item, label});
            values.add(v);
            if (ids != null) {
                ids.add(id);
            }
        }

        Piece build() {
            int n = meta.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(meta.get(a)[0], meta.get(b)[0]));
            int[] items = new int[n];
            int[] labels = new int[n];
            String[] idOut = ids == null ? null : new String[n];
            float[][] data = new float[dims.length][];
            for (int m = 0; m < dims.length; m++) {
                data[m] = new float[n * dims[m]];
            }
            for (int r = 0; r < n; r++) {
                int src = order[r];
                items[r] = meta.get(src)[0];
                labels[r] = meta.get(src)[1];
                if (r > 0 && items[r] == items[r - 1]) {
                    throw new IllegalStateException("item " + items[r] + " occurs twice in the input");
                }
                for (int m = 0; m < dims.length; m++) {
                    System.arraycopy(values.get(src)[m], 0, data[m], r * dims[m], dims[m]);
                }
                if (idOut != null) {
                    idOut[r] = ids.get(src);
                }
            }
            return new Piece(block, items, labels, data, idOut);
        }
    }

    /** A partition's pieces, sorted by block, merged into whole blocks as they are read. */
    private static final class WholeBlocks implements Iterator<Block> {
        private final Iterator<Tuple2<Integer, Piece>> pieces;
        private final long n;
        private Piece next;

        WholeBlocks(Iterator<Tuple2<Integer, Piece>> pieces, long n) {
            this.pieces = pieces;
            this.n = n;
            this.next = pieces.hasNext() ? pieces.next()._2() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Block next() {
            if (next == null) {
                throw new java.util.NoSuchElementException();
            }
            Piece block = next;
            next = null;
            while (pieces.hasNext()) {
                Piece p = pieces.next()._2();
                if (p.block() != block.block()) {
                    next = p;
                    break;
                }
                block = block.merge(p);
            }
            if (!block.complete(n)) {
                throw new IllegalStateException("block " + block.block() + " has " + block.items().length + " rows");
            }
            return block.toBlock();
        }
    }

    /** Drops the cached blocks. */
    public void release() {
        cached.forEach(JavaRDD::unpersist);
    }

    public int numClasses() {
        return classNames.length;
    }

    /** Index of modality {@code column}. */
    int modality(String column) {
        int m = modalities.indexOf(column);
        if (m < 0) {
            throw new IllegalArgumentException("no modality '" + column + "'; have " + modalities);
        }
        return m;
    }
}
