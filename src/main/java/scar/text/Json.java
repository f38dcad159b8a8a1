package scar.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * Results as JSON and back, exactly: every double (and float) is written in its shortest form that parses back to the
 * same bits, as JDK 19's {@code Double.toString} writes it on every JDK ({@link Shortest}; JDK 17's own
 * {@code Double.toString} sometimes writes more digits), NaN and infinities as the bare words {@code NaN},
 * {@code Infinity}, an empty
 * {@link Optional} as {@code null}. Records are read through their canonical constructors, so a file that breaks a
 * result's rules is refused with the rule's message.
 *
 * <p><b>Run facts.</b> The fields named in {@link #RUN_FIELDS} (wall times, thread counts) describe a run, not its
 * results. {@link #results} leaves them out, so two runs with one seed write the same bytes; {@link #runFields} lists
 * them by path for the run's {@value #TIMINGS}, and {@link #readObject} puts them back from the {@value #TIMINGS}
 * beside the file. Without it a result reads back with times of 0 and thread counts of 1; every other number is
 * exact.
 */
public final class Json {
    /** The names of the fields that describe a run rather than its results. */
    public static final Set<String> RUN_FIELDS = Set.of("nanos", "threads");

    /** The file beside the results that holds a run's timings and, under {@code run_fields}, its run facts. */
    public static final String TIMINGS = "timings.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .registerTypeAdapterFactory(new OptionalAdapter()).registerTypeAdapterFactory(new OneThreadAdapter())
            .registerTypeAdapterFactory(new ShortestAdapter())
            .create();

    private Json() {
    }

    /** {@code value} as pretty-printed JSON text. */
    public static String toJson(Object value) {
        return GSON.toJson(value);
    }

    /** {@code value} as pretty-printed JSON text without its {@link #RUN_FIELDS run facts}. */
    public static String results(Object value) {
        JsonElement tree = GSON.toJsonTree(value);
        take(tree, "", new JsonObject());
        // The tree keeps the nulls of empty Optionals only; written as they are, the text is toJson's less the facts.
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            JsonWriter w = GSON.newJsonWriter(text);
            w.setSerializeNulls(true);
            w.setLenient(true);
            GSON.getAdapter(JsonElement.class).write(w, tree);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The run facts of {@code value}: every {@link #RUN_FIELDS} member, keyed by its path ({@code /a/0/nanos}). */
    public static JsonObject runFields(Object value) {
        JsonObject taken = new JsonObject();
        take(GSON.toJsonTree(value), "", taken);
        return taken;
    }

    private static void take(JsonElement e, String path, JsonObject taken) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            for (String name : new java.util.ArrayList<>(o.keySet())) { // in the order written
                if (RUN_FIELDS.contains(name)) {
                    taken.add(path + "/" + name, o.remove(name));
                } else {
                    take(o.get(name), path + "/" + name, taken);
                }
            }
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                take(e.getAsJsonArray().get(i), path + "/" + i, taken);
            }
        }
    }

    /** Puts back the run facts that the {@value #TIMINGS} beside {@code file} lists for it, if there is one. */
    private static void restoreRunFields(JsonObject tree, Path file) {
        Path timings = file.toAbsolutePath().resolveSibling(TIMINGS);
        if (!Files.isRegularFile(timings) || file.getFileName().toString().equals(TIMINGS)) {
            return;
        }
        JsonObject facts;
        try (Reader r = Files.newBufferedReader(timings, StandardCharsets.UTF_8)) {
            JsonElement t = JsonParser.parseReader(r);
            JsonElement all = t.isJsonObject() ? t.getAsJsonObject().get("run_fields") : null;
            JsonElement mine = all != null && all.isJsonObject() ? all.getAsJsonObject().get(
                    file.getFileName().toString()) : null;
            if (mine == null || !mine.isJsonObject()) {
                return;
            }
            facts = mine.getAsJsonObject();
        } catch (IOException | JsonParseException e) {
            throw new IllegalArgumentException(timings + " (the timings beside " + file.getFileName()
                    + ") is not valid JSON: " + message(e), e);
        }
        for (Map.Entry<String, JsonElement> fact : facts.entrySet()) {
            String[] steps = fact.getKey().substring(1).split("/");
            JsonElement at = tree;
            for (int i = 0; i < steps.length - 1 && at != null; i++) {
                at = at.isJsonObject() ? at.getAsJsonObject().get(steps[i])
                        : at.isJsonArray() && steps[i].matches("\\d+")
                        && Integer.parseInt(steps[i]) < at.getAsJsonArray().size()
                        ? at.getAsJsonArray().get(Integer.parseInt(steps[i])) : null;
            }
            if (at == null || !at.isJsonObject()) {
                throw new IllegalArgumentException(timings + " does not belong to " + file.getFileName()
                        + ": it lists " + fact.getKey() + ", which is not in the results");
            }
            at.getAsJsonObject().add(steps[steps.length - 1], fact.getValue());
        }
    }

    /**
     * The top-level object of a JSON file.
     *
     * @param what what the file should hold, for the messages ("a SCAR profile")
     * @throws UncheckedIOException     naming the file when it cannot be read
     * @throws IllegalArgumentException naming the file and the place when it is not a JSON object
     */
    public static JsonObject readObject(Path file, String what) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement tree = JsonParser.parseReader(r);
            if (!tree.isJsonObject()) {
                throw new IllegalArgumentException(file.toAbsolutePath() + " does not hold " + what
                        + ": expected a JSON object, found " + kind(tree));
            }
            restoreRunFields(tree.getAsJsonObject(), file);
            return tree.getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " is not valid JSON: " + message(e), e);
        }
    }

    /**
     * {@code tree} as a {@code type}, through the records' constructors.
     *
     * @param file the file it came from, for the messages
     * @param what what the file should hold ("a SCAR profile")
     * @throws IllegalArgumentException naming the file and the reason when the tree does not make a valid value
     */
    public static <T> T fromTree(JsonElement tree, Type type, Path file, String what) {
        return fromTree(tree, type, "", file, what);
    }

    /** {@link #fromTree} of {@code object}'s member {@code name}, which must be there. */
    public static <T> T fromMember(JsonObject object, String name, Type type, Path file, String what) {
        return fromTree(member(object, name, file, what), type, "/" + name, file, what);
    }

    private static <T> T fromTree(JsonElement tree, Type type, String path, Path file, String what) {
        try {
            JsonShape.check(tree, type, path);
            @SuppressWarnings("unchecked")
            T value = (T) GSON.fromJson(tree, type);
            if (value == null) {
                throw new IllegalArgumentException(file.toAbsolutePath() + " does not hold " + what + ": it is empty");
            }
            return value;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " does not hold " + what + ": "
                    + message(e), e);
        } catch (NullPointerException e) {
            throw missing(e, file, what);
        } catch (IllegalArgumentException e) {
            throw refused(e, file, what);
        } catch (RuntimeException e) {
            // Gson wraps what a result's constructor throws in "Failed to invoke constructor ... with args [D@..."
            if (e.getCause() instanceof IllegalArgumentException refusal) {
                throw refused(refusal, file, what);
            } else if (e.getCause() instanceof NullPointerException absent) {
                throw missing(absent, file, what);
            }
            throw e;
        }
    }

    private static IllegalArgumentException missing(NullPointerException e, Path file, String what) {
        return new IllegalArgumentException(file.toAbsolutePath() + " does not hold " + what + ": missing "
                + (e.getMessage() == null ? "a required field" : e.getMessage()), e);
    }

    private static IllegalArgumentException refused(IllegalArgumentException e, Path file, String what) {
        if (e.getMessage() != null && e.getMessage().startsWith(file.toAbsolutePath().toString())) {
            return e;
        }
        return new IllegalArgumentException(file.toAbsolutePath() + " does not hold " + what + ": "
                + e.getMessage(), e);
    }

    /** A member of {@code object} that must be there. */
    public static JsonElement member(JsonObject object, String name, Path file, String what) {
        JsonElement e = object.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " does not hold " + what + ": it has no '"
                    + name + "' (its top-level fields are " + object.keySet() + ")");
        }
        return e;
    }

    /** The type {@code List<element>}, for {@link #fromTree}. */
    public static Type listOf(Class<?> element) {
        return TypeToken.getParameterized(java.util.List.class, element).getType();
    }

    private static String kind(JsonElement e) {
        return e.isJsonArray() ? "an array" : e.isJsonNull() ? "nothing" : "a single value " + e;
    }

    /** Gson's message without the exception class names it puts in front. */
    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() != null
                && t.getMessage().startsWith(t.getCause().getClass().getName())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** {@code Optional<T>}: the value, or {@code null} when empty. */
    private static final class OptionalAdapter implements TypeAdapterFactory {
        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (type.getRawType() != Optional.class) {
                return null;
            }
            Type inner = type.getType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            TypeAdapter<Object> delegate = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(inner));
            return (TypeAdapter<T>) new TypeAdapter<Optional<Object>>() {
                @Override
                public void write(JsonWriter out, Optional<Object> value) throws IOException {
                    if (value == null || value.isEmpty()) {
                        boolean serializeNulls = out.getSerializeNulls();
                        out.setSerializeNulls(true);
                        out.nullValue();
                        out.setSerializeNulls(serializeNulls);
                    } else {
                        delegate.write(out, value.get());
                    }
                }

                @Override
                public Optional<Object> read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.NULL) {
                        in.nextNull();
                        return Optional.empty();
                    }
                    return Optional.ofNullable(delegate.read(in));
                }
            };
        }
    }

    /**
     * Doubles and floats written by {@link Shortest}, so that a file is the same on every JDK; read as Gson reads
     * them. NaN and the infinities are written as Gson writes them (the bare words).
     */
    private static final class ShortestAdapter implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<?> raw = type.getRawType();
            boolean isFloat = raw == float.class || raw == Float.class;
            if (!isFloat && raw != double.class && raw != Double.class) {
                return null;
            }
            TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
            return new TypeAdapter<T>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    double v = value == null ? Double.NaN : ((Number) value).doubleValue();
                    if (value == null || !Double.isFinite(v)) {
                        delegate.write(out, value);
                    } else {
                        out.value(new Written(v, isFloat ? Shortest.of(((Number) value).floatValue())
                                : Shortest.of(v)));
                    }
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    return delegate.read(in);
                }
            };
        }
    }

    /** A finite number with the text it is written as (a tree keeps it until the tree is written). */
    private static final class Written extends Number {
        private final double value;
        private final String text;

        Written(double value, String text) {
            this.value = value;
            this.text = text;
        }

        @Override
        public int intValue() {
            return (int) value;
        }

        @Override
        public long longValue() {
            return (long) value;
        }

        @Override
        public float floatValue() {
            return (float) value;
        }

        @Override
        public double doubleValue() {
            return value;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A record with a {@code threads} component read from results without run facts: it ran on one thread. */
    private static final class OneThreadAdapter implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<?> raw = type.getRawType();
            if (!raw.isRecord() || java.util.Arrays.stream(raw.getRecordComponents())
                    .noneMatch(c -> c.getName().equals("threads") && c.getType() == int.class)) {
                return null;
            }
            TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
            TypeAdapter<JsonElement> trees = gson.getAdapter(JsonElement.class);
            return new TypeAdapter<T>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    delegate.write(out, value);
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    JsonElement tree = trees.read(in);
                    if (tree.isJsonObject() && !tree.getAsJsonObject().has("threads")) {
                        tree.getAsJsonObject().addProperty("threads", 1);
                    }
                    // the tree as text again, read as leniently as the file was (NaN stays NaN)
                    JsonReader again = new JsonReader(new java.io.StringReader(tree.toString()));
                    again.setLenient(true);
                    return delegate.read(again);
                }
            };
        }
    }
}
