package scar.golden;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the conformance fixtures of {@code ../shared/golden} (relative to the Maven base directory). Numbers are
 * read from the files at test time; nothing is copied into code.
 */
public final class Golden {
    private Golden() {
    }

    /** The fixture directory. */
    public static Path dir() {
        Path p = Path.of(System.getProperty("user.dir"), "..", "shared", "golden").normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the conformance fixtures are missing: expected the folder " + p
                    + " (shared/golden next to the repository)");
        }
        return p;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + path, e);
        }
    }

    public static JsonObject json(String name) {
        return JsonParser.parseString(read(file(name))).getAsJsonObject();
    }

    /** A number; the string "NaN" and JSON null become NaN. */
    public static double num(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        if (e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString();
            if (s.equals("NaN")) {
                return Double.NaN;
            }
            throw new IllegalArgumentException("expected a number or \"NaN\", got \"" + s + "\"");
        }
        return e.getAsDouble();
    }

    public static double[] doubles(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(a.get(i));
        }
        return out;
    }

    public static int[] ints(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    /** A JSON array of rows as one row-major array. */
    public static double[] rowMajor(JsonElement rows) {
        List<double[]> list = new ArrayList<>();
        for (JsonElement row : rows.getAsJsonArray()) {
            list.add(doubles(row));
        }
        int k = list.isEmpty() ? 0 : list.get(0).length;
        double[] out = new double[list.size() * k];
        for (int i = 0; i < list.size(); i++) {
            System.arraycopy(list.get(i), 0, out, i * k, k);
        }
        return out;
    }

    /** One file of {@code hs_lists/}: the ρ it was saved with and the per-class H list. */
    public record HsList(String file, double rho, double[] hs) {
    }

    /**
     * Reads an {@code hs_lists} file: either two JSON lines (ρ, then the H list) or one object {"ratio", "hs"}.
     */
    public static HsList hsList(String fileName) {
        Path path = file("hs_lists").resolve(fileName);
        String text = read(path).strip();
        if (text.startsWith("{")) {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            return new HsList(fileName, num(o.get("ratio")), doubles(o.get("hs")));
        }
        String[] lines = text.split("\\R");
        List<String> nonEmpty = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                nonEmpty.add(line);
            }
        }
        if (nonEmpty.size() != 2) {
            throw new IllegalArgumentException(path + ": expected 2 JSON lines, got " + nonEmpty.size());
        }
        return new HsList(fileName, JsonParser.parseString(nonEmpty.get(0)).getAsDouble(),
                doubles(JsonParser.parseString(nonEmpty.get(1))));
    }

    /** Every file name under {@code hs_lists/}, sorted. */
    public static List<String> hsListFiles() {
        try (var stream = Files.list(file("hs_lists"))) {
            return stream.map(p -> p.getFileName().toString()).filter(s -> s.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + file("hs_lists"), e);
        }
    }

    /** The rows of a simple CSV (no quoted commas), header excluded. */
    public static List<String[]> csvRows(String name) {
        List<String> lines = read(file(name)).lines().filter(l -> !l.isBlank()).toList();
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    /** The header of a simple CSV. */
    public static String[] csvHeader(String name) {
        return read(file(name)).lines().findFirst().orElseThrow().split(",", -1);
    }
}
