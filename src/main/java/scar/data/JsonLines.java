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
 * {@code {"embedding": [x0, x1, ...], "label": k}}, optionally with an {@code "id"}; other keys are ignored, and each
 * key appears once. The three key names can be chosen ({@link #load(Path, String, String, String)}). Plain or
 * gzip-compressed. Labels are integers or strings (class names), coded as {@link LabelCoding#ofStrings} codes them for
 * CSV and Parquet: integers if every one is an integer (already {@code 0..K-1} they are kept, otherwise the distinct
 * values are mapped to {@code 0..K-1} in ascending order and named by their value), otherwise the names in sorted
 * order; a number that is not an integer, or an empty string, is an error. Every embedding has the length of the
 * first.
 * Python's {@code NaN}/{@code Infinity} literals are read and rejected as non-finite.
 */
public final class JsonLines {
    private JsonLines() {
    }

    /** Loads {@code file}; the dataset and modality are named after it. */
    public static MultiModalDataset load(Path file) {
        return load(file, "embedding", "label", "id");
    }

    /**
     * Loads {@code file} with other key names: {@code embeddingKey} holds the array of numbers, {@code labelKey}
     * the label and {@code idKey} the optional id.
     */
    public static MultiModalDataset load(Path file, String embeddingKey, String labelKey, String idKey) {
        return read(file, embeddingKey, java.util.Objects.requireNonNull(labelKey, "label key"), idKey);
    }

    /**
     * Loads {@code file} without labels: no line needs a label key, and every item gets class 0 until labels from
     * elsewhere replace them ({@code --labels FILE}).
     */
    static MultiModalDataset loadUnlabelled(Path file, String embeddingKey, String idKey) {
        return read(file, embeddingKey, null, idKey);
    }

    /** Loads {@code file}; a null {@code labelKey} reads no labels. */
    private static MultiModalDataset read(Path file, String embeddingKey, String labelKey, String idKey) {
        Keys keys = new Keys(embeddingKey, labelKey, idKey);
        try (CsvReader lines = CsvReader.open(file)) {
            FloatList values = new FloatList(1 << 16, lines.file());
            LabelList labels = new LabelList(lines.file());
            List<String> ids = new ArrayList<>();
            Map<String, Integer> idLines = new HashMap<>();
            int d = -1;
            int firstLine = 0;
            for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
                Item item = parse(lines, line, keys);
                if (d < 0) {
                    d = item.embedding.size();
                    firstLine = lines.lineNumber();
                } else if (item.embedding.size() != d) {
                    throw lines.error("'" + keys.embedding() + "' has " + item.embedding.size() + " values but line "
                            + firstLine + " has " + d + "; expected embeddings of one length (a ragged row)");
                }
                int offset = values.reserve(d);
                float[] dst = values.array();
                for (int j = 0; j < d; j++) {
                    dst[offset + j] = lines.parseFloat(item.embedding.get(j), keys.embedding() + "[" + j + "]");
                }
                labels.add(item.label);
                if (item.id != null || !ids.isEmpty()) {
                    if (item.id == null || ids.size() != labels.size() - 1) {
                        throw lines.error("some lines have an \"" + keys.id() + "\" and others not; expected an id on"
                                + " every line or none");
                    }
                    Integer seen = idLines.putIfAbsent(item.id, lines.lineNumber());
                    if (seen != null) {
                        throw lines.error(keys.id(), item.id, "a new id: duplicate of the id on line " + seen);
                    }
                    ids.add(item.id);
                }
            }
            if (d < 0) {
                throw new IllegalArgumentException(lines.file() + " is empty; " + keys.shape() + " on every line");
            }
            int n = labels.size();
            LabelCoding.Coded coded = labels.coded();
            String name = CsvEmbeddings.stem(file);
            Modality m = Modality.of(name, Matrix.wrap(n, d, values.toArray()),
                    ids.isEmpty() ? null : ids.toArray(new String[0]));
            return MultiModalDataset.of(name, coded.labels(), coded.names(), m);
        }
    }

    /** One parsed line: the embedding's number literals, the label, the id or null. */
    private record Item(List<String> embedding, String label, String id) {
    }

    /** The key names of one file. */
    private record Keys(String embedding, String label, String id) {
        /** What one line should look like, for error messages. */
        String shape() {
            return "expected {\"" + embedding + "\": [...]" + (label == null ? "" : ", \"" + label + "\": k") + "}";
        }
    }

    private static Item parse(CsvReader lines, String line, Keys keys) {
        JsonReader json = new JsonReader(new StringReader(line));
        json.setStrictness(Strictness.LENIENT);
        List<String> embedding = null;
        String label = null;
        String id = null;
        Set<String> seen = new HashSet<>();
        try {
            json.beginObject();
            while (json.hasNext()) {
                String key = json.nextName();
                if (!seen.add(key)) {
                    throw lines.error("the key \"" + CsvReader.shown(key) + "\" appears twice in the object; expected"
                            + " each key once (which value was meant?)");
                }
                if (key.equals(keys.embedding())) {
                    embedding = numbers(lines, json, keys);
                } else if (key.equals(keys.label())) {
                    label = label(lines, json, keys);
                } else if (key.equals(keys.id())) {
                    id = json.nextString();
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw lines.error("more than one JSON value on the line; " + keys.shape());
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // Gson appends a troubleshooting link on a second line; the first line says what is wrong.
            String reason = CsvReader.shown(String.valueOf(e.getMessage()).lines().findFirst().orElse(""), 200);
            throw lines.error("malformed JSON (" + reason + "); " + keys.shape());
        }
        if (keys.label() == null) {
            label = "0";
        }
        if (embedding == null || label == null) {
            throw lines.error("no \"" + (embedding == null ? keys.embedding() : keys.label()) + "\" key; "
                    + keys.shape());
        }
        if (embedding.isEmpty()) {
            throw lines.error("'" + keys.embedding() + "' is an empty array; expected at least one number");
        }
        return new Item(embedding, label, id);
    }

    private static List<String> numbers(CsvReader lines, JsonReader json, Keys keys) throws IOException {
        List<String> out = new ArrayList<>();
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            throw lines.error(keys.embedding(), shown(json), "an array of numbers [x0, x1, ...]");
        }
        json.beginArray();
        while (json.hasNext()) {
            JsonToken t = json.peek();
            if (t != JsonToken.NUMBER && t != JsonToken.STRING) {
                throw lines.error(keys.embedding() + "[" + out.size() + "]", shown(json), "a number");
            }
            out.add(json.nextString());
        }
        json.endArray();
        return out;
    }

    /** The label as written: an integer literal, or a string (a class name; a numeric string must be an integer). */
    private static String label(CsvReader lines, JsonReader json, Keys keys) throws IOException {
        JsonToken t = json.peek();
        if (t != JsonToken.NUMBER && t != JsonToken.STRING) {
            throw lines.error(keys.label(), shown(json), "an integer class label or a class name");
        }
        String value = json.nextString();
        if (t == JsonToken.NUMBER && LabelCoding.asInteger(value) == null) {
            throw lines.error(keys.label(), value, LabelCoding.expectedInteger(value));
        }
        return LabelCoding.check(lines, keys.label(), value);
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
