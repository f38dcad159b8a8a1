package scar.text;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;

/**
 * Checks a JSON tree against the Java type it is about to be read as, so that what Gson would take silently is
 * refused with the place it is at: a missing number (Gson reads 0), a number written as a string, a fraction where
 * a count belongs, an unknown enum constant (Gson reads null), and a number outside its {@link Stored} rule (NaN in
 * a measure, an accuracy above 1, a negative count). Run facts ({@link Json#RUN_FIELDS}) may be missing: reading
 * puts them back or leaves their defaults. Everything else — nulls of objects, rules that tie several fields — is the
 * results' constructors' to refuse.
 */
final class JsonShape {

    /** The words {@link Json} writes for the numbers JSON has no literal for. */
    private static final java.util.Map<String, Double> WORDS = java.util.Map.of("NaN", Double.NaN,
            "Infinity", Double.POSITIVE_INFINITY, "-Infinity", Double.NEGATIVE_INFINITY);

    private JsonShape() {
    }

    /**
     * @param e    the tree (null when the member is missing)
     * @param type the Java type it will be read as
     * @param path its JSON path ({@code /modalities/0/measures/2/accuracy})
     * @throws IllegalArgumentException "path is value, expected ..." for the first thing that does not fit
     */
    static void check(JsonElement e, Type type, String path) {
        check(e, type, null, path);
    }

    private static void check(JsonElement e, Type type, Stored rule, String path) {
        Class<?> raw = TypeToken.get(type).getRawType();
        if (e == null || e.isJsonNull()) {
            if (raw.isPrimitive() || raw.isArray() || Collection.class.isAssignableFrom(raw)) {
                throw refusal(path, e == null ? "missing" : "null", expected(raw, rule));
            }
            return;
        }
        if (raw == Optional.class) {
            check(e, element(type, 0), rule, path);
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            Double v = number(e);
            if (v == null || !allowed(v, rule)) {
                throw refusal(path, shown(e), expected(raw, rule));
            }
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            BigDecimal v = e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? whole(e) : null;
            boolean fits = v != null && (raw == long.class || raw == Long.class
                    ? v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                    && v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    : v.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                    && v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0);
            if (!fits || !allowed(v.doubleValue(), rule)) {
                throw refusal(path, shown(e), expected(raw, rule));
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw refusal(path, shown(e), expected(raw, rule));
            }
        } else if (raw == String.class) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw refusal(path, shown(e), expected(raw, rule));
            }
        } else if (raw.isEnum()) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || Arrays.stream(raw.getEnumConstants())
                    .noneMatch(c -> ((Enum<?>) c).name().equals(e.getAsString()))) {
                throw refusal(path, shown(e), expected(raw, rule));
            }
        } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            if (!e.isJsonArray()) {
                throw refusal(path, shown(e), expected(raw, rule));
            }
            Type of = raw.isArray() ? raw.getComponentType() : element(type, 0);
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isJsonNull()) { // no result holds a list with holes
                    throw refusal(path + "/" + i, "null", expected(TypeToken.get(of).getRawType(), rule));
                }
                check(a.get(i), of, rule, path + "/" + i);
            }
        } else if (raw.getName().startsWith("scar.")) {
            if (!e.isJsonObject()) {
                throw refusal(path, shown(e), expected(raw, rule));
            }
            fields(e.getAsJsonObject(), raw, path);
        }
    }

    /** Every field Gson reads: the record's components, a class's fields but its transient and static ones. */
    private static void fields(JsonObject o, Class<?> raw, String path) {
        for (Class<?> c = raw; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())
                        || f.isSynthetic() || Json.RUN_FIELDS.contains(f.getName()) && !o.has(f.getName())) {
                    continue;
                }
                check(o.get(f.getName()), f.getGenericType(), f.getAnnotation(Stored.class),
                        path + "/" + f.getName());
            }
        }
    }

    private static Type element(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** A JSON number, or one of the words for NaN and the infinities; null for anything else. */
    private static Double number(JsonElement e) {
        if (!e.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isNumber()) {
            return p.getAsDouble();
        }
        return p.isString() ? WORDS.get(p.getAsString()) : null;
    }

    private static BigDecimal whole(JsonElement e) {
        try {
            BigDecimal v = e.getAsBigDecimal();
            return v.stripTrailingZeros().scale() <= 0 ? v : null;
        } catch (NumberFormatException | ArithmeticException notWhole) {
            return null;
        }
    }

    private static boolean allowed(double v, Stored rule) {
        if (rule == null) {
            return true;
        }
        return Double.isNaN(v) ? rule.undefined() : v >= rule.min() && v <= rule.max() && Double.isFinite(v);
    }

    private static String expected(Class<?> raw, Stored rule) {
        if (raw == boolean.class || raw == Boolean.class) {
            return "expected true or false";
        }
        if (raw == String.class) {
            return "expected a string";
        }
        if (raw.isEnum()) {
            return "expected one of " + String.join(", ", Arrays.stream(raw.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList());
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return "expected an array";
        }
        if (!raw.isPrimitive() && !Number.class.isAssignableFrom(raw)) {
            return "expected an object";
        }
        boolean whole = raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class;
        StringBuilder s = new StringBuilder(whole ? "expected a whole number" : rule == null ? "expected a number"
                : "expected a finite number");
        if (rule != null) {
            boolean low = rule.min() > Double.NEGATIVE_INFINITY;
            boolean high = rule.max() < Double.POSITIVE_INFINITY;
            if (low && high) {
                s.append(" in [").append(bound(rule.min())).append(", ").append(bound(rule.max())).append(']');
            } else if (low) {
                s.append(" >= ").append(bound(rule.min()));
            } else if (high) {
                s.append(" <= ").append(bound(rule.max()));
            }
            if (rule.undefined()) {
                s.append(", or NaN where it is undefined");
            }
        }
        return s.toString();
    }

    private static String bound(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Shortest.of(v);
    }

    /** The value as the file has it, cut to 60 characters. */
    private static String shown(JsonElement e) {
        String s = e.isJsonObject() ? "an object" : e.isJsonArray() ? "an array"
                : e.getAsJsonPrimitive().isString() && WORDS.containsKey(e.getAsString()) ? e.getAsString()
                : e.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static IllegalArgumentException refusal(String path, String value, String expected) {
        return new IllegalArgumentException((path.isEmpty() ? "/" : path) + " is " + value + "; " + expected);
    }
}
