package scar.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Seed inputs for the loader fuzz tests, cut from the bundled datasets (the first rows of wikipedia's labels and
 * views, iris, wine and digits as scikit-learn ships them) so that the fuzzer starts from real files in every format
 * a loader reads: plain and gzip CSV, dataset folders, .npy pairs, JSON Lines. Seeds stay small (a few kB): libFuzzer
 * mutates short inputs far faster.
 */
final class FuzzSeeds {
    private static final String ROOT = "scar/datasets/";
    private static final int ROWS = 12;

    private FuzzSeeds() {
    }

    /** The first {@code lines} lines of a bundled file (decompressed when it is gzip), with a final line break. */
    static String head(String resource, int lines) {
        byte[] bytes = resource(resource);
        if (bytes.length > 1 && bytes[0] == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8).lines().limit(lines).map(l -> l + "\n")
                .collect(Collectors.joining());
    }

    static byte[] resource(String name) {
        try (InputStream in = FuzzSeeds.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled file " + ROOT + name + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Wikipedia's first rows as one CSV: id, label, class name, split, then the 10 text topics. */
    static String wikipediaCsv() {
        List<String> labels = head("wikipedia/labels.csv", ROWS + 1).lines().toList();
        List<String> text = head("wikipedia/view_text.csv.gz", ROWS + 1).lines().toList();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= ROWS; i++) {
            sb.append(labels.get(i)).append(',').append(text.get(i)).append('\n');
        }
        return sb.toString();
    }

    /** iris as "label,f0..f3": the bundled file's first rows of each class, header replaced. */
    static String irisCsv() {
        List<String> rows = head("sklearn-classics/iris.csv", 151).lines().skip(1).toList();
        StringBuilder sb = new StringBuilder("label,f0,f1,f2,f3\n");
        for (int i = 0; i < rows.size(); i += 15) {
            String[] f = rows.get(i).split(",");
            sb.append(f[4]).append(',').append(String.join(",", Arrays.copyOf(f, 4))).append('\n');
        }
        return sb.toString();
    }

    /** Seeds for {@link CsvEmbeddings}. */
    static List<byte[]> csv() {
        String wiki = wikipediaCsv();
        return List.of(utf8(wiki), gzip(wiki), utf8(irisCsv()),
                utf8("\uFEFFid,label,\"f 0\",f1\r\n\"a,1\",cat,1.5,-2e-3\r\n\r\nb,dog,.5,+3\r\n"));
    }

    /** Seeds for {@link SklearnCsv}: scikit-learn's own files, cut short (so their counts no longer match, too). */
    static List<byte[]> sklearn() {
        return List.of(resource("sklearn-classics/iris.csv"), utf8(head("sklearn-classics/wine_data.csv", ROWS)),
                gzip(head("sklearn-classics/digits.csv.gz", 6)), utf8(head("sklearn-classics/breast_cancer.csv", 4)));
    }

    /** Seeds for {@link DatasetFolder}: wikipedia cut to its first rows, with and without a manifest. */
    static List<byte[]> folder() {
        String manifest = new String(resource("wikipedia/manifest.properties"), StandardCharsets.UTF_8)
                .replace("samples=2866", "samples=" + ROWS);
        String labels = head("wikipedia/labels.csv", ROWS + 1);
        String text = head("wikipedia/view_text.csv.gz", ROWS + 1);
        String image = head("wikipedia/view_image.csv.gz", ROWS + 1);
        return List.of(
                FuzzArchive.of("manifest.properties", manifest, "labels.csv", labels, "view_image.csv.gz",
                        gzip(image), "view_text.csv.gz", gzip(text)),
                FuzzArchive.of("labels.csv", labels, "view_text.csv", text),
                FuzzArchive.of("manifest.properties", "classes=10\nclass_names=art\\, architecture,b,c,d,e,f,g,h,i,j\n"
                        + "views=text\nview.text.file=view_text.csv\n", "labels.csv", labels, "view_text.csv", text),
                // the keys people read (title, a view's type and description), a key of one's own, a view whose
                // name holds an escaped comma
                FuzzArchive.of("manifest.properties", "title=Wikipedia\\, cut\nx.source=mine\nviews=te\\,xt\n"
                        + "view.te\\,xt.file=view_text.csv\nview.te\\,xt.type=double\n"
                        + "view.te\\,xt.description=LDA topics\n", "labels.csv", labels, "view_text.csv", text));
    }

    /** Seeds for {@link Npy}: iris as float32 and float64 with int64, int8, text and CSV labels. */
    static List<byte[]> npy() {
        List<String> rows = head("sklearn-classics/iris.csv", 151).lines().skip(1).toList();
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 10) {
            String[] f = rows.get(i).split(",");
            float[] v = new float[4];
            for (int j = 0; j < 4; j++) {
                v[j] = Float.parseFloat(f[j]);
            }
            x.add(v);
            y.add(Integer.parseInt(f[4]));
        }
        int n = x.size();
        ByteBuffer f4 = ByteBuffer.allocate(16 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer f8 = ByteBuffer.allocate(32 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer i8 = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer u1 = ByteBuffer.allocate(n);
        StringBuilder text = new StringBuilder();
        StringBuilder csv = new StringBuilder("label,class_name\n");
        String[] names = {"setosa", "versicolor", "virginica"};
        for (int i = 0; i < n; i++) {
            for (float v : x.get(i)) {
                f4.putFloat(v);
                f8.putDouble(v);
            }
            i8.putLong(y.get(i));
            u1.put((byte) (int) y.get(i));
            text.append(y.get(i)).append('\n');
            csv.append(y.get(i)).append(',').append(names[y.get(i)]).append('\n');
        }
        String shape = "(" + n + ", 4)";
        String labelsShape = "(" + n + ",)";
        return List.of(
                FuzzArchive.of("x.npy", TestFiles.npyBytes("<f4", false, shape, f4.array(), 1),
                        "labels.npy", TestFiles.npyBytes("<i8", false, labelsShape, i8.array(), 1)),
                FuzzArchive.of("x.npy", TestFiles.npyBytes("<f8", false, shape, f8.array(), 2),
                        "labels.npy", TestFiles.npyBytes("|u1", false, labelsShape, u1.array(), 3)),
                FuzzArchive.of("x.npy", TestFiles.npyBytes("<f4", false, shape, f4.array(), 1), "labels.txt", text),
                FuzzArchive.of("x.npy", TestFiles.npyBytes("<f4", false, shape, f4.array(), 1), "labels.csv", csv));
    }

    /** Seeds for {@link JsonLines}: wikipedia's first rows in the research code's format, plain and gzip. */
    static List<byte[]> jsonLines() {
        List<String> labels = head("wikipedia/labels.csv", ROWS + 1).lines().skip(1).toList();
        List<String> text = head("wikipedia/view_text.csv.gz", ROWS + 1).lines().skip(1).toList();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            String[] l = labels.get(i).split(",");
            sb.append("{\"id\": \"").append(l[0]).append("\", \"embedding\": [").append(text.get(i).replace(",", ", "))
                    .append("], \"label\": ").append(l[1]).append(i % 3 == 0 ? ", \"path\": \"x.jpg\"" : "")
                    .append("}\n");
        }
        return List.of(utf8(sb.toString()), gzip(sb.toString()),
                utf8("{\"embedding\": [1e-3, -2, NaN], \"label\": 1.0}\n{\"label\": 2, \"embedding\": [0, 0, 0]}\n"));
    }

    /**
     * Seeds for {@link Parquet}: iris's rows written by parquet-java's own writer in the layouts embedding dumps use —
     * a standard LIST of floats with int64 labels, string ids and a split (SNAPPY, version 1 pages, dictionaries), the
     * same in ZSTD with version 2 pages, a legacy two-level list of doubles with text labels (GZIP), and a repeated
     * float field (uncompressed).
     */
    static List<byte[]> parquet() {
        List<String> rows = head("sklearn-classics/iris.csv", 151).lines().skip(1).toList();
        int n = 15;
        float[][] x = new float[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i * 10).split(",");
            for (int j = 0; j < 4; j++) {
                x[i][j] = Float.parseFloat(f[j]);
            }
            y[i] = Integer.parseInt(f[4]);
        }
        String[] names = {"setosa", "versicolor", "virginica"};
        String standard = "message m { optional binary id (STRING); required int64 label; optional binary split"
                + " (STRING); optional group embedding (LIST) { repeated group list { optional float element; } } }";
        java.util.function.BiConsumer<org.apache.parquet.example.data.Group, Integer> standardRow = (g, i) -> {
            g.append("id", "iris-" + i).append("label", (long) y[i]).append("split", i % 5 == 0 ? "test" : "train");
            org.apache.parquet.example.data.Group list = g.addGroup("embedding");
            for (float v : x[i]) {
                list.addGroup("list").append("element", v);
            }
        };
        var v1 = org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_1_0;
        var v2 = org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_2_0;
        var codec = org.apache.parquet.hadoop.metadata.CompressionCodecName.class;
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("scar-parquet-seeds");
            List<byte[]> out = new ArrayList<>();
            out.add(parquetBytes(ParquetTest.write(dir.resolve("a.parquet"), standard,
                    Enum.valueOf(codec, "SNAPPY"), v1, true, n, standardRow)));
            out.add(parquetBytes(ParquetTest.write(dir.resolve("b.parquet"), standard,
                    Enum.valueOf(codec, "ZSTD"), v2, false, n, standardRow)));
            out.add(parquetBytes(ParquetTest.write(dir.resolve("c.parquet"), "message m { required binary label (UTF8);"
                    + " required group embedding (LIST) { repeated double array; } }", Enum.valueOf(codec, "GZIP"),
                    v1, true, n, (g, i) -> {
                        g.append("label", names[y[i]]);
                        org.apache.parquet.example.data.Group list = g.addGroup("embedding");
                        for (float v : x[i]) {
                            list.append("array", (double) v);
                        }
                    })));
            out.add(parquetBytes(ParquetTest.write(dir.resolve("d.parquet"), "message m { repeated float embedding;"
                    + " required int32 label; }", Enum.valueOf(codec, "UNCOMPRESSED"), v2, false, n, (g, i) -> {
                        for (float v : x[i]) {
                            g.append("embedding", v);
                        }
                        g.append("label", y[i]);
                    })));
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path p : files.toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
            java.nio.file.Files.delete(dir);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] parquetBytes(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
