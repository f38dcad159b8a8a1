package scar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import scar.text.Json;

/** Checks that a result written as JSON reads back exactly: every number with the same bits, every text the same. */
public final class ReadBack {
    private ReadBack() {
    }

    /**
     * Reads {@code file} with {@code read}, writes the result again and compares the two JSON trees value by value
     * (numbers bit for bit, NaN to NaN), then the two texts; returns the result read and how many numbers were
     * compared. A results file (written without its run facts, which the {@code timings.json} beside it holds) is
     * compared with the result written again the same way.
     */
    public static <T> Checked<T> assertExact(Path file, Function<Path, T> read) {
        try {
            String written = Files.readString(file);
            T value = read.apply(file);
            boolean resultsOnly = Json.runFields(JsonParser.parseString(written)).isEmpty();
            String again = resultsOnly ? Json.results(value) : Json.toJson(value);
            int numbers = compare(JsonParser.parseString(written), JsonParser.parseString(again), "$");
            assertEquals(written, again, "the JSON written again from what was read differs from " + file);
            assertTrue(numbers > 0, "no number in " + file);
            return new Checked<>(value, numbers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value read back and the count of numbers compared. */
    public record Checked<T>(T value, int numbers) {
    }

    private static int compare(JsonElement a, JsonElement b, String path) {
        if (a.isJsonObject()) {
            assertTrue(b.isJsonObject(), path + ": an object became " + b);
            JsonObject x = a.getAsJsonObject();
            JsonObject y = b.getAsJsonObject();
            assertEquals(x.keySet(), y.keySet(), path + ": fields");
            int n = 0;
            for (Map.Entry<String, JsonElement> e : x.entrySet()) {
                n += compare(e.getValue(), y.get(e.getKey()), path + "." + e.getKey());
            }
            return n;
        }
        if (a.isJsonArray()) {
            assertTrue(b.isJsonArray(), path + ": an array became " + b);
            JsonArray x = a.getAsJsonArray();
            JsonArray y = b.getAsJsonArray();
            assertEquals(x.size(), y.size(), path + ": length");
            int n = 0;
            for (int i = 0; i < x.size(); i++) {
                n += compare(x.get(i), y.get(i), path + "[" + i + "]");
            }
            return n;
        }
        if (a.isJsonPrimitive() && a.getAsJsonPrimitive().isNumber()) {
            JsonPrimitive y = b.getAsJsonPrimitive();
            double u = a.getAsDouble();
            double v = y.getAsDouble();
            if (Double.doubleToLongBits(u) != Double.doubleToLongBits(v)) {
                fail(path + ": " + a + " read back as " + b);
            }
            assertEquals(a.getAsString(), y.getAsString(), path);
            return 1;
        }
        assertEquals(a, b, path);
        return 0;
    }
}
