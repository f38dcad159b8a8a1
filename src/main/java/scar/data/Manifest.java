package scar.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The {@code manifest.properties} of a dataset folder: {@link Properties} syntax, UTF-8 (a byte-order mark is dropped;
 * a file in UTF-16 or UTF-32 is named as such, as every text file is: {@link TextEncoding}), at most
 * {@link #MAX_CHARS} characters, every key at most once. List values ({@code class_names}, {@code views}) are
 * comma-separated; a comma inside one item is written {@code \,} ({@code class_names=art\, architecture,biology}).
 * Plain {@link Properties} would turn {@code \,} into a separator comma, so the loader marks escaped commas before
 * {@link Properties#load} sees them.
 */
final class Manifest {
    static final String FILE = "manifest.properties";
    /** A manifest is a few hundred bytes; 1 Mi characters leaves room for 10,000 long class names. */
    static final int MAX_CHARS = 1 << 20;
    /** Stands for an escaped comma between reading and splitting (a private-use character). */
    private static final char COMMA = '\uE000';

    private final Properties properties;
    private final String where;

    private Manifest(Properties properties, String where) {
        this.properties = properties;
        this.where = where;
    }

    /** No manifest: every key absent. */
    static Manifest empty(String where) {
        return new Manifest(new Properties(), where);
    }

    /** Reads {@code manifest.properties} from {@code source}. */
    static Manifest read(Source source) {
        String where = source.describe(FILE);
        String text;
        try (InputStream in = new BufferedInputStream(source.open(FILE))) {
            String wide = TextEncoding.wide(in);
            if (wide != null) {
                throw TextEncoding.notUtf8(where, wide);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            char[] buf = new char[MAX_CHARS + 1];
            int n = 0;
            for (int r; n < buf.length && (r = reader.read(buf, n, buf.length - n)) >= 0; ) {
                n += r;
            }
            if (n > MAX_CHARS) {
                throw new IllegalArgumentException(where + " is longer than " + MAX_CHARS + " characters; expected a "
                        + "short properties file (name, classes, class_names, views, ...)");
            }
            // A byte-order mark would become part of the first key, which would then be ignored as unknown.
            text = n > 0 && buf[0] == '\uFEFF' ? new String(buf, 1, n - 1) : new String(buf, 0, n);
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(where + ": the text is not valid UTF-8 (" + e.getMessage()
                    + "); expected a UTF-8 properties file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + ": " + e.getMessage(), e);
        }
        Properties p = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    throw new IllegalArgumentException(where + ": the key '" + CsvReader.shown(key.toString())
                            + "' appears twice; expected each key once (which value was meant?)");
                }
                return super.put(key, value);
            }
        };
        try {
            p.load(new StringReader(markEscapedCommas(text)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            // Properties.load's own complaint, e.g. "Malformed \\uxxxx encoding."
            String reason = String.valueOf(e.getMessage()).replaceAll("\\.$", "");
            throw new IllegalArgumentException(where + ": " + reason + "; expected the syntax of a Java properties"
                    + " file", e);
        }
        return new Manifest(p, where);
    }

    /** Replaces each {@code \,} (a backslash that is not itself escaped, then a comma) by a marker escape. */
    private static String markEscapedCommas(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == ',') {
                    out.append("\\u").append(Integer.toHexString(COMMA));
                } else {
                    out.append(c).append(next);
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Where the manifest is, for messages. */
    String where() {
        return where;
    }

    boolean has(String key) {
        return properties.containsKey(key);
    }

    void set(String key, String value) {
        properties.setProperty(key, value);
    }

    /** Sets {@code key} to {@code items} so that {@link #list} gives them back, commas inside an item included. */
    void setList(String key, List<String> items) {
        set(key, String.join(",", items.stream().map(i -> i.replace(',', COMMA)).toList()));
    }

    /** The trimmed value of {@code key}, or {@code absent}. */
    String get(String key, String absent) {
        String v = properties.getProperty(key);
        return v == null ? absent : v.trim().replace(COMMA, ',');
    }

    /**
     * The comma-separated items of {@code key}, trimmed, or null when the key is absent or blank.
     *
     * @throws IllegalArgumentException if an item is empty ({@code a,,b} or a trailing comma)
     */
    String[] list(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] items = Arrays.stream(value.split(",", -1)).map(s -> s.trim().replace(COMMA, ','))
                .toArray(String[]::new);
        for (int i = 0; i < items.length; i++) {
            if (items[i].isEmpty()) {
                throw new IllegalArgumentException(where + ", key '" + CsvReader.shown(key) + "': item " + (i + 1)
                        + " of " + items.length + " is empty; expected comma-separated names (a comma inside a name"
                        + " is written \\,)");
            }
        }
        return items;
    }

    /** The value of {@code key} as a non-negative int, or {@code absent}. */
    int nonNegative(String key, int absent) {
        String value = get(key, null);
        if (value == null) {
            return absent;
        }
        try {
            int v = Integer.parseInt(value);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ", key '" + CsvReader.shown(key) + "': value '"
                + CsvReader.shown(value) + "' is not a non-negative integer");
    }

    /**
     * The value of {@code key} as the name of a file inside the dataset folder.
     *
     * @throws IllegalArgumentException if it is absolute or leads out of the folder ({@code ..})
     */
    String fileName(String key, String absent) {
        String name = get(key, absent);
        boolean inside;
        try {
            Path p = Path.of(name);
            inside = !name.isEmpty() && name.chars().noneMatch(Character::isISOControl) && !p.isAbsolute()
                    && p.getRoot() == null
                    && java.util.stream.StreamSupport.stream(p.spliterator(), false)
                    .noneMatch(part -> part.toString().equals(".."));
        } catch (InvalidPathException e) {
            inside = false;
        }
        if (!inside) {
            throw new IllegalArgumentException(where + ", key '" + CsvReader.shown(key) + "': value '"
                    + CsvReader.shown(name) + "' is not a file name inside the dataset folder; expected a relative name"
                    + " such as view_image.csv.gz");
        }
        return name;
    }
}
