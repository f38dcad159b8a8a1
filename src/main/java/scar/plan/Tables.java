package scar.plan;

/** Small helpers shared by the result types of this package. */
final class Tables {
    private Tables() {
    }

    /** Throws if {@code values} is null or its length is not {@code expected}. */
    static void requireLength(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has " + actual + " entries, expected " + expected
                    + " (one per class)");
        }
    }
}
