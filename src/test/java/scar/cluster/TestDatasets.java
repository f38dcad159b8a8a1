package scar.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import scar.data.Matrix;

/**
 * A minimal test-only reader of the shared real datasets (labels.csv and view_*.csv.gz; see the datasets README).
 * The project's real loaders live in scar.data; this exists so the clustering tests do not depend on them.
 */
final class TestDatasets {
    private TestDatasets() {
    }

    /** The dataset folder: the repo's bundled copy if present, else the shared one next to the worktree. */
    static Path folder(String name) {
        Path base = Path.of(System.getProperty("user.dir"));
        for (Path candidate : List.of(base.resolve("datasets"), base.resolve("../shared/datasets"),
                base.resolve("../../shared/datasets"))) {
            Path folder = candidate.resolve(name).normalize();
            if (Files.isRegularFile(folder.resolve("labels.csv"))) {
                return folder;
            }
        }
        throw new IllegalStateException("dataset '" + name + "' not found under " + base
                + "/datasets or ../shared/datasets");
    }

    /** The {@code label} column (second) of labels.csv. */
    static int[] labels(String dataset) {
        List<String> lines = readLines(folder(dataset).resolve("labels.csv"), false);
        return lines.stream().skip(1).mapToInt(line -> Integer.parseInt(line.split(",", -1)[1])).toArray();
    }

    /** view_{view}.csv.gz as a matrix (header skipped). */
    static Matrix view(String dataset, String view) {
        List<String> lines = readLines(folder(dataset).resolve("view_" + view + ".csv.gz"), true);
        int rows = lines.size() - 1;
        int cols = lines.get(0).split(",").length;
        float[] data = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < cols; j++) {
                data[i * cols + j] = (float) Double.parseDouble(cells[j]);
            }
        }
        return Matrix.wrap(rows, cols, data);
    }

    private static List<String> readLines(Path path, boolean gzip) {
        try (var in = Files.newInputStream(path);
             var reader = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in,
                     StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(path.toString(), e);
        }
    }
}
