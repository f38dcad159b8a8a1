package scar.plot;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** Boundary checks shared by the chart functions; messages name the argument, the position and the bad value. */
final class Inputs {

    private Inputs() {}

    /** Non-empty, no null or blank entry, no duplicate (XChart series names must be unique). */
    static String[] names(String what, String[] names) {
        Objects.requireNonNull(names, what);
        if (names.length == 0) {
            throw new IllegalArgumentException(what + " is empty; expected at least one name");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null || names[i].isBlank()) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + (names[i] == null ? "null" : "blank")
                        + "; expected a name");
            }
            if (!seen.add(names[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] '" + names[i] + "' is a duplicate");
            }
        }
        return names;
    }

    static void length(String what, int actual, int expected, String expectedWhat) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has length " + actual + " but " + expectedWhat + " has "
                    + expected);
        }
    }

    static double[] vector(String what, double[] values, int expected, String expectedWhat) {
        Objects.requireNonNull(values, what);
        length(what, values.length, expected, expectedWhat);
        return values;
    }

    static double[] nonEmpty(String what, double[] values) {
        Objects.requireNonNull(values, what);
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " is empty; expected at least one value");
        }
        return values;
    }

    static int[] counts(String what, int[] values, int expected, String expectedWhat) {
        Objects.requireNonNull(values, what);
        length(what, values.length, expected, expectedWhat);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + values[i] + "; expected a count ≥ 0");
            }
        }
        return values;
    }

    /** {@code rows × cols}, every row non-null. */
    static double[][] matrix(String what, double[][] m, int rows, String rowsWhat, int cols, String colsWhat) {
        Objects.requireNonNull(m, what);
        length(what, m.length, rows, rowsWhat);
        for (int i = 0; i < rows; i++) {
            Objects.requireNonNull(m[i], what + "[" + i + "]");
            length(what + "[" + i + "]", m[i].length, cols, colsWhat);
        }
        return m;
    }

    static void finite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + values[i] + "; expected a finite number");
            }
        }
    }

    /** Finite or NaN (a gap); infinities are rejected. */
    static void finiteOrNaN(String what, double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (Double.isInfinite(m[i][j])) {
                    throw new IllegalArgumentException(what + "[" + i + "][" + j + "] is " + m[i][j]
                            + "; expected a finite number or NaN for a missing value");
                }
            }
        }
    }

    static void positive(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + values[i]
                        + "; expected a finite number > 0");
            }
        }
    }

    static void unit(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + values[i] + "; expected a value in [0, 1]");
            }
        }
    }

    static String title(String title) {
        return Objects.requireNonNull(title, "title");
    }
}
