package scar.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

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
 * Results as JSON and back, exactly: every double is written in its shortest form that parses back to the same bits
 * ({@link Double#toString}), NaN and infinities as the bare words {@code NaN}, {@code Infinity}, an empty
 * {@link Optional} as {@code null}. Records are read through their canonical constructors, so a file that breaks a
 * result's rules is refused with the rule's message.
 */
public final class Json {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .registerTypeAdapterFactory(new OptionalAdapter()).create();

    private Json() {
    }

    /** {@code value} as pretty-printed JSON text. */
    public static String toJson(Object value) {
        return GSON.toJson(value);
    }

    /**
     * Writes {@code value} as pretty-printed JSON (UTF-8) to {@code file}.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static Path write(Object value, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GSON.toJson(value, w);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
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
        try {
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
            throw new IllegalArgumentException(file.toAbsolutePath() + " does not hold " + what + ": missing "
                    + (e.getMessage() == null ? "a required field" : e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toAbsolutePath().toString())) {
                throw e;
            }
            throw new IllegalArgumentException(file.toAbsolutePath() + " does not hold " + what + ": "
                    + e.getMessage(), e);
        }
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
}
