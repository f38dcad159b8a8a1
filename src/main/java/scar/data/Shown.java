package scar.data;

/**
 * Values and names as the bad-input messages of every loader show them (docs/BAD-INPUT.md): the local loaders and the
 * Spark runner alike.
 */
public final class Shown {

    private Shown() {
    }

    /**
     * A value as an error message shows it: control characters escaped ({@code \u0000}) and at most 60 characters
     * in all (a longer one is cut, with "..." and its length), so that the message stays one short line whatever the
     * file holds.
     */
    public static String value(String value) {
        return value(value, 60);
    }

    /** {@link #value(String)} with at most {@code max} characters shown (escapes included). */
    public static String value(String value, int max) {
        StringBuilder sb = new StringBuilder(Math.min(value.length(), max) + 24);
        int i = 0;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            String part = Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
            if (sb.length() + part.length() > max) {
                break;
            }
            sb.append(part);
        }
        if (i < value.length()) {
            sb.append("... (").append(value.length()).append(" characters)");
        }
        return sb.toString();
    }
}
