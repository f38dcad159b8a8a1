package scar.data;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads JSON Lines as the original research code writes them: one object per line,
 * {@code {"embedding": [x0, x1, ...], "label": k}}, optionally with an {@code "id"}; other keys are ignored. Plain or
 * gzip-compressed. Labels must be integers; already {@code 0..K-1} they are kept, otherwise the
 * distinct values are mapped to {@code 0..K-1} in ascending order and named by their value. Every embedding has the length of the first.
 * Python's {@code NaN}/{@code Infinity} literals are read and rejected as non-finite.
 */
public final class JsonLines {
    private static final String SHAPE = "expected {\"embedding\": [...], \"label\": k}";

    private JsonLines() {
    }

    /** Loads {@code file}; the dataset and modality are named after it. */
    public static MultiModalDataset load(Path file) {
        try (CsvReader lines = CsvReader.open(file)) {
            FloatList values = new FloatList(1 << 16);
            List<Integer> labels = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            Map<String, Integer> idLines = new HashMap<>();
            int d = -1;
            int firstLine = 0;
            for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
                Item item = parse(lines, line);
                if (d < 0) {
                    d = item.embedding.size();
                    firstLine = lines.lineNumber();
                } else if (item.embedding.size() != d) {
                    throw lines.error("'embedding' has " + item.embedding.size() + " values but line " + firstLine
                            + " has " + d + "; expected embeddings of one length (a ragged row)");
                }
                int offset = values.reserve(d);
                float[] dst = values.array();
                for (int j = 0; j < d; j++) {
                    dst[offset + j] = lines.parseFloat(item.embedding.get(j), "embedding[" + j + "]");
                }
                labels.add(item.label);
                if (item.id != null || !ids.isEmpty()) {
                    if (item.id == null || ids.size() != labels.size() - 1) {
                        throw lines.error("some lines have an \"id\" and others not; expected an id on every line or none");
                    }
                    Integer seen = idLines.putIfAbsent(item.id, lines.lineNumber());
                    if (seen != null) {
                        throw lines.error("id", item.id, "a new id: duplicate of the id on line " + seen);
                    }
                    ids.add(item.id);
                }
            }
            if (d < 0) {
                throw new IllegalArgumentException(lines.file() + " is empty; " + SHAPE + " on every line");
            }
            int n = labels.size();
            LabelCoding.Coded coded = LabelCoding.ofInts(labels.stream().mapToInt(Integer::intValue).toArray());
            String name = CsvEmbeddings.stem(file);
            Modality m = Modality.of(name, Matrix.wrap(n, d, values.toArray()),
                    ids.isEmpty() ? null : ids.toArray(new String[0]));
            return MultiModalDataset.of(name, coded.labels(), coded.names(), m);
        }
    }

    /** One parsed line: the embedding's number literals, the label, the id or null. */
    private record Item(List<String> embedding, int label, String id) {
    }

    private static Item parse(CsvReader lines, String line) {
        JsonReader json = new JsonReader(new StringReader(line));
        json.setStrictness(Strictness.LENIENT);
        List<String> embedding = null;
        Integer label = null;
        String id = null;
        Set<String> keys = new HashSet<>();
        try {
            json.beginObject();
            while (json.hasNext()) {
                String key = json.nextName();
                if (!keys.add(key)) {
                    throw lines.error("the key \"" + CsvReader.shown(key) + "\" appears twice in the object; expected"
                            + " each key once (which value was meant?)");
                }
                switch (key) {
                    case "embedding" -> embedding = numbers(lines, json);
                    case "label" -> label = label(lines, json);
                    case "id" -> id = json.nextString();
                    default -> json.skipValue();
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw lines.error("more than one JSON value on the line; " + SHAPE);
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // Gson appends a troubleshooting link on a second line; the first line says what is wrong.
            String reason = CsvReader.shown(String.valueOf(e.getMessage()).lines().findFirst().orElse(""), 200);
            throw lines.error("malformed JSON (" + reason + "); " + SHAPE);
        }
        if (embedding == null || label == null) {
            throw lines.error("no \"" + (embedding == null ? "embedding" : "label") + "\" key; " + SHAPE);
        }
        if (embedding.isEmpty()) {
            throw lines.error("'embedding' is an empty array; expected at least one number");
        }
        return new Item(embedding, label, id);
    }

    private static List<String> numbers(CsvReader lines, JsonReader json) throws IOException {
        List<String> out = new ArrayList<>();
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            throw lines.error("embedding", shown(json), "an array of numbers [x0, x1, ...]");
        }
        json.beginArray();
        while (json.hasNext()) {
            JsonToken t = json.peek();
            if (t != JsonToken.NUMBER && t != JsonToken.STRING) {
                throw lines.error("embedding[" + out.size() + "]", shown(json), "a number");
            }
            out.add(json.nextString());
        }
        json.endArray();
        return out;
    }

    private static int label(CsvReader lines, JsonReader json) throws IOException {
        JsonToken t = json.peek();
        if (t != JsonToken.NUMBER) {
            throw lines.error("label", shown(json), "an integer class label");
        }
        String value = json.nextString();
        Integer k = LabelCoding.asInteger(value);
        if (k == null) {
            throw lines.error("label", value, "an integer class label");
        }
        return k;
    }

    /** The next value as the user wrote it, for an error message: a string, number, true/false, null, [...] or {...}. */
    private static String shown(JsonReader json) throws IOException {
        return switch (json.peek()) {
            case STRING, NUMBER -> json.nextString();
            case BOOLEAN -> Boolean.toString(json.nextBoolean());
            case NULL -> "null";
            case BEGIN_ARRAY -> "[...]";
            case BEGIN_OBJECT -> "{...}";
            default -> json.peek().toString();
        };
    }
}
