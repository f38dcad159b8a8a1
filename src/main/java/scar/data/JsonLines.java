package scar.data;

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
 * Each line must be JSON (RFC 8259), read strictly by {@link JsonLine}: no unquoted keys or strings, single quotes,
 * comments or trailing commas. Python's {@code NaN}/{@code Infinity} are read and rejected as non-finite in an
 * embedding, and skipped in a key that is not read, as Python's {@code json.loads} reads them.
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
            return "expected " + example();
        }

        /** A line as it should be, {@code {"embedding": [...], "label": k}}. */
        String example() {
            return "{\"" + embedding + "\": [...]" + (label == null ? "" : ", \"" + label + "\": k") + "}";
        }
    }

    private static Item parse(CsvReader lines, String line, Keys keys) {
        JsonLine json = new JsonLine(lines, line);
        List<String> embedding = null;
        String label = null;
        String id = null;
        Set<String> seen = new HashSet<>();
        json.beginLine(keys.example());
        for (String key = json.nextKey(); key != null; key = json.nextKey()) {
            if (!seen.add(key)) {
                throw lines.error("the key \"" + CsvReader.shown(key) + "\" appears twice in the object; expected"
                        + " each key once (which value was meant?)");
            }
            if (key.equals(keys.embedding())) {
                embedding = numbers(lines, json, keys);
            } else if (key.equals(keys.label())) {
                label = label(lines, json, keys);
            } else if (key.equals(keys.id())) {
                id = id(lines, json, keys);
            } else {
                JsonLine.Value skipped = json.value();
                if (skipped.kind() == JsonLine.Kind.WORD) {
                    throw json.unquoted(skipped);
                }
            }
        }
        json.endLine();
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

    /**
     * The embedding's numbers as written; Python's {@code NaN} and infinities are kept for {@link CsvReader#parseFloat}
     * to name as not finite. A value that is not a number is named after the array is read, so that a line that is
     * not JSON is named as such first.
     */
    private static List<String> numbers(CsvReader lines, JsonLine json, Keys keys) {
        if (json.peek() != '[') {
            throw lines.error(keys.embedding(), shown(json, json.value()), "an array of numbers [x0, x1, ...]");
        }
        List<String> out = new ArrayList<>();
        IllegalArgumentException notANumber = null;
        json.beginArray();
        for (int j = 0; json.hasNextElement(); j++) {
            JsonLine.Value v = json.value();
            if (v.kind() == JsonLine.Kind.NUMBER || v.kind() == JsonLine.Kind.NON_FINITE) {
                out.add(v.text());
            } else if (notANumber == null) {
                notANumber = lines.error(keys.embedding() + "[" + j + "]", v.text(), switch (v.kind()) {
                    case STRING -> "a number but a string (in quotes); expected numbers without quotes, as json.dumps"
                            + " writes them";
                    case WORD -> Decimal.isNonFinite(v.text()) ? CsvReader.FINITE : Decimal.isDecimal(v.text())
                            ? "a number as JSON writes it (no '+' sign, no leading zero, a digit on both sides of a"
                            + " '.')" : "a number";
                    default -> "a number";
                });
            }
        }
        if (notANumber != null) {
            throw notANumber;
        }
        return out;
    }

    /** The label as written: an integer literal, or a string (a class name; a numeric string must be an integer). */
    private static String label(CsvReader lines, JsonLine json, Keys keys) {
        JsonLine.Value v = json.value();
        if (v.kind() != JsonLine.Kind.NUMBER && v.kind() != JsonLine.Kind.STRING) {
            throw lines.error(keys.label(), shown(json, v), "an integer class label or a class name");
        }
        if (v.kind() == JsonLine.Kind.NUMBER && LabelCoding.asInteger(v.text()) == null) {
            throw lines.error(keys.label(), v.text(), LabelCoding.expectedInteger(v.text()));
        }
        return LabelCoding.check(lines, keys.label(), v.text());
    }

    /** The id: a string, or a number as written. */
    private static String id(CsvReader lines, JsonLine json, Keys keys) {
        JsonLine.Value v = json.value();
        if (v.kind() != JsonLine.Kind.NUMBER && v.kind() != JsonLine.Kind.STRING) {
            throw lines.error(keys.id(), shown(json, v), "an id: a string or a number");
        }
        return v.text();
    }

    /** {@code v} as an error message about its value shows it; a word without quotes is refused as not JSON. */
    private static String shown(JsonLine json, JsonLine.Value v) {
        if (v.kind() == JsonLine.Kind.WORD) {
            throw json.unquoted(v);
        }
        return v.text();
    }
}
