package scar.probe;

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

/** A minimal reader for the shared datasets (test only; the library's loaders live in scar.data). */
final class TestData {
    private TestData() {
    }

    static Path datasets() {
        return Path.of(System.getProperty("user.dir"), "..", "..", "shared", "datasets").normalize();
    }

    static Path dataset(String name) {
        Path local = Path.of(System.getProperty("user.dir"), "..", "shared", "datasets", name).normalize();
        return Files.isDirectory(local) ? local : datasets().resolve(name);
    }

    /** Rows of labels.csv: column 1 is the label, column 3 (when present) the split. */
    static List<String[]> labelRows(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(line.split(","));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve("labels.csv").toString(), e);
        }
    }

    static int[] labels(Path dir) {
        return labelRows(dir).stream().mapToInt(r -> Integer.parseInt(r[1])).toArray();
    }

    static Matrix view(Path dir, String view) {
        Path file = dir.resolve("view_" + view + ".csv.gz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            int d = in.readLine().split(",").length;
            List<float[]> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.split(",");
                float[] row = new float[d];
                for (int j = 0; j < d; j++) {
                    row[j] = (float) Double.parseDouble(parts[j]);
                }
                rows.add(row);
            }
            float[] data = new float[rows.size() * d];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, data, i * d, d);
            }
            return Matrix.wrap(rows.size(), d, data);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
