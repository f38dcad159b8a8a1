package scar.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns raw labels into class ids {@code 0..K-1} with names. The rule, shared by every loader that has no class list
 * of its own:
 * <ul>
 *   <li>integer labels (including integral decimals such as {@code 2.0}) are mapped in ascending numeric order; when
 *       they already are {@code 0..K-1} the ids are unchanged; the names are the original values ({@code "-1"},
 *       {@code "1"}, ...);</li>
 *   <li>text labels (any label that is not a number) are mapped in ascending {@link String#compareTo} order and keep
 *       their text as class name;</li>
 *   <li>a non-integral number ({@code 1.5}, {@code NaN}) or an empty label is an error ({@link #refusal}), raised by
 *       the loader that knows the line.</li>
 * </ul>
 * Public for the Spark runner, which codes a label column by the same rule.
 */
public final class LabelCoding {

    /** The coded labels and the class names indexed by id. */
    public record Coded(int[] labels, String[] names) {
        /** The class labels of these, which keep this record's array: the coding made it, nobody else holds it. */
        ClassLabels toClassLabels() {
            return ClassLabels.adopt(labels, names);
        }
    }

    private LabelCoding() {
    }

    /**
     * The integer value of {@code s}, or null if it is not an integer (an integral decimal such as {@code 2.0} counts;
     * text outside the number grammar of {@link Decimal}, such as {@code 0x10} or {@code 1f}, does not).
     */
    public static Integer asInteger(String s) {
        if (!Decimal.isDecimal(s)) {
            return null;
        }
        String t = CsvReader.trim(s);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            double d = Double.parseDouble(t);
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
            return null;
        }
    }

    /**
     * What a label that {@link #asInteger} refuses should have been, for the "value '…' is not …" of an error: an
     * integral number too large for an int says so, rather than that it is not an integer.
     */
    static String expectedInteger(String s) {
        if (Decimal.isDecimal(s)) {
            double d = Double.parseDouble(CsvReader.trim(s));
            if (d == Math.rint(d)) {
                return "an integer class label within the int range (" + Integer.MIN_VALUE + " to "
                        + Integer.MAX_VALUE + ")";
            }
        }
        return "an integer class label";
    }

    /**
     * {@code bytes} (from its position to its limit) decoded as UTF-8 strictly, or null when they are not UTF-8: labels
     * are never decoded with replacement characters, which could make two different labels one.
     */
    static String strictUtf8(java.nio.ByteBuffer bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** Whether {@code s} is a number: a decimal in the grammar of {@link Decimal}, or a spelling of NaN or infinity. */
    static boolean isNumber(String s) {
        return Decimal.isDecimal(s) || Decimal.isNonFinite(s);
    }

    /**
     * What the raw label {@code value} should have been, for the "value '…' is not …" of an error, or null when it is a
     * label: an empty label, one of white space only (in {@link String#isBlank()}'s sense, which a class name may not
     * be: {@code \u001C}–{@code \u001F} count too), or a number that is not an integer in the int range is refused.
     */
    public static String refusal(String value) {
        if (value.isEmpty()) {
            return "a label (the label is empty)";
        }
        if (value.isBlank()) {
            return "a label (the label is only white space)";
        }
        return asInteger(value) == null && isNumber(value) ? expectedInteger(value) : null;
    }

    /** Integer labels, mapped in ascending order. */
    static Coded ofInts(int[] raw) {
        int[] distinct = Arrays.stream(raw).distinct().sorted().toArray();
        boolean identity = distinct.length == 0 || (distinct[0] == 0 && distinct[distinct.length - 1] == distinct.length - 1);
        String[] names = Arrays.stream(distinct).mapToObj(Integer::toString).toArray(String[]::new);
        if (identity) {
            return new Coded(raw.clone(), names);
        }
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = Arrays.binarySearch(distinct, raw[i]);
        }
        return new Coded(out, names);
    }

    /**
     * Labels given as text: integers if every one is an integer, otherwise class names in sorted order. The caller
     * has already rejected empty and non-integral numeric labels.
     */
    public static Coded ofStrings(String[] raw) {
        int[] ints = new int[raw.length];
        boolean allInts = true;
        for (int i = 0; i < raw.length && allInts; i++) {
            Integer v = asInteger(raw[i]);
            allInts = v != null;
            ints[i] = allInts ? v : 0;
        }
        if (allInts) {
            return ofInts(ints);
        }
        String[] names = new TreeSet<>(Arrays.asList(raw)).toArray(new String[0]);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < names.length; k++) {
            index.put(names[k], k);
        }
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = index.get(raw[i]);
        }
        return new Coded(out, names);
    }

    /**
     * Checks one raw label as read from a file: an empty one or a number that is not an integer is an error.
     *
     * @return the label, trimmed
     */
    static String check(CsvReader reader, String column, String value) {
        String refused = refusal(value);
        if (refused != null) {
            throw reader.error(column, value, refused);
        }
        return value;
    }
}
