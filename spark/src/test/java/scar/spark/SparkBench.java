package scar.spark;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.data.Npy;
import scar.foundation.Progress;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;

/**
 * The measurement behind docs/SCALE.md (not a test): the same generated data as Parquet (for Spark) and .npy (for
 * the local library), then one timed study on either.
 *
 * <pre>
 * SparkBench write DIR N D K          # DIR/emb.parquet, DIR/emb.npy, DIR/labels.npy
 * SparkBench local DIR MAXITER R...   # the local library on the .npy
 * SparkBench spark DIR MAXITER R...   # Spark local[*] on the Parquet
 * </pre>
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "write" -> write(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "local", "spark" -> run(args[0], dir, Integer.parseInt(args[2]), ratios(args));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static int[] ratios(String[] args) {
        int[] r = new int[args.length - 3];
        for (int i = 3; i < args.length; i++) {
            r[i - 3] = Integer.parseInt(args[i]);
        }
        return r;
    }

    private static void run(String mode, Path dir, int maxIter, int[] ratios) {
        ScarOptions o = ScarOptions.defaults().withRatios(ratios).withProgress(false)
                .withProbe(ScarOptions.defaults().probe().withMaxIterations(maxIter));
        long t0 = System.nanoTime();
        ScarProfile p;
        if (mode.equals("local")) {
            Matrix x = Npy.read(dir.resolve("emb.npy"));
            int[] labels = Npy.readInts(dir.resolve("labels.npy"));
            int k = java.util.Arrays.stream(labels).max().orElse(0) + 1;
            String[] names = new String[k];
            for (int c = 0; c < k; c++) {
                names[c] = Integer.toString(c);
            }
            long loaded = System.nanoTime();
            System.out.printf(Locale.ROOT, "load %.1f s%n", (loaded - t0) / 1e9);
            p = BundledDataTest.local(MultiModalDataset.of("emb", labels, names, Modality.of("emb", x)), "emb", o);
        } else {
            SparkSession spark = SparkSession.builder().master("local[*]").appName("scar-bench")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            SparkData data = SparkData.parquet(spark, dir.resolve("emb.parquet").toString(), List.of("emb"), "label",
                    null);
            long loaded = System.nanoTime();
            System.out.printf(Locale.ROOT, "load+cache %.1f s, %d partitions%n", (loaded - t0) / 1e9,
                    data.blocks().getNumPartitions());
            SparkStudy study = SparkStudy.of(data, o);
            System.out.printf(Locale.ROOT, "draws %.1f s%n", (System.nanoTime() - loaded) / 1e9);
            p = study.modality("emb", Progress.none());
            spark.stop();
        }
        System.out.printf(Locale.ROOT, "%s total %.1f s; sweep %.1f s; N_F %.6f; fits %d; iterations %s%n", mode,
                (System.nanoTime() - t0) / 1e9, p.seconds(), p.foundationSize(), p.probe().fits().size(),
                p.probe().fits().stream().map(f -> Integer.toString(f.iterations())).toList());
        System.out.println("step sizes " + java.util.Arrays.toString(java.util.Arrays.copyOf(p.stepSizes(), 5)));
    }

    private static void write(Path dir, int n, int d, int k) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(1);
        float[][] means = new float[k][d];
        for (float[] m : means) {
            for (int j = 0; j < d; j++) {
                m[j] = (float) (0.15 * random.nextGaussian());
            }
        }
        int[] labels = new int[n];
        SparkSession spark = SparkSession.builder().master("local[*]").appName("scar-bench-write")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        StructType schema = new StructType().add("label", DataTypes.IntegerType, false)
                .add("emb", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        int files = Math.max(1, n / 100_000);
        Path npy = dir.resolve("emb.npy");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(npy), 1 << 20)) {
            header(out, "<f4", n + ", " + d);
            ByteBuffer row = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
            for (int f = 0; f < files; f++) {
                int from = (int) ((long) n * f / files);
                int to = (int) ((long) n * (f + 1) / files);
                List<Row> rows = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    int y = random.nextInt(k);
                    labels[i] = y;
                    float[] v = new float[d];
                    row.clear();
                    for (int j = 0; j < d; j++) {
                        float x = (float) (random.nextGaussian() + means[y][j]);
                        v[j] = x;
                        row.putFloat(x);
                    }
                    out.write(row.array());
                    rows.add(RowFactory.create(y, scala.collection.immutable.ArraySeq.unsafeWrapArray(v)));
                }
                // one file per slice, named so that path order is item order
                spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 1),
                        schema).write().mode(SaveMode.Overwrite)
                        .parquet(dir.resolve("emb.parquet").resolve(String.format(Locale.ROOT, "part=%04d", f))
                                .toString());
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("labels.npy"))) {
            header(out, "<i4", Integer.toString(n) + ",");
            ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (int y : labels) {
                b.putInt(y);
            }
            out.write(b.array());
        }
        spark.stop();
    }

    private static void header(OutputStream out, String dtype, String shape) throws IOException {
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String h = dict + " ".repeat(pad) + "\n";
        DataOutputStream o = new DataOutputStream(out);
        o.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        o.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) h.length()).array());
        o.write(h.getBytes(StandardCharsets.US_ASCII));
    }
}
