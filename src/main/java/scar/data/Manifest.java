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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code manifest.properties} of a dataset folder: {@link Properties} syntax, UTF-8 (a byte-order mark is dropped;
 * a file in UTF-16 or UTF-32 is named as such, as every text file is: {@link TextEncoding}), at most
 * {@link #MAX_CHARS} characters, every key at most once. List values ({@code class_names}, {@code views}) are
 * comma-separated; a comma inside one item is written {@code \,} ({@code class_names=art\, architecture,biology}).
 * Plain {@link Properties} would turn {@code \,} into a separator comma, so the loader marks escaped commas before
 * {@link Properties#load} sees them.
 *
 * <p>The keys are those of {@link #KEYS} and, per view, {@link #VIEW_KEYS} ({@code view.<v>.dim}); a key of the
 * user's own starts with {@link #OWN}. Any other key is refused ({@link #checkKeys}): a misspelled key read as absent
 * would give wrong names without a word.
 */
final class Manifest {
    static final String FILE = "manifest.properties";
    /** A manifest is a few hundred bytes; 1 Mi characters leaves room for 10,000 long class names. */
    static final int MAX_CHARS = 1 << 20;
    /** Stands for an escaped comma between reading and splitting (a private-use character). */
    private static final char COMMA = '\uE000';
    /**
     * The keys of the dataset, in the order of {@code datasets/README.md}; {@code title} is read by people only.
     */
    static final List<String> KEYS = List.of("name", "title", "samples", "classes", "class_names", "labels.file",
            "views");
    /** The keys of each view, {@code view.<v>.dim}; {@code type} and {@code description} are read by people only. */
    static final List<String> VIEW_KEYS = List.of("file", "dim", "type", "description");
    /** The start of a key of the user's own (a source, a licence, a note), which the loader never reads. */
    static final String OWN = "x.";
    /** How many views' keys an unknown key is compared with for a suggestion. */
    private static final int SUGGESTED_VIEWS = 1000;

    private final Properties properties;
    private final String where;
    /** The text as {@link Properties#load} read it, escaped commas marked; for the line of a key in messages. */
    private final String text;
    /** The keys of the file in the order of its lines (not those {@link #set} adds). */
    private final List<String> keys;

    private Manifest(Properties properties, String where, String text, List<String> keys) {
        this.properties = properties;
        this.where = where;
        this.text = text;
        this.keys = keys;
    }

    /** No manifest: every key absent. */
    static Manifest empty(String where) {
        return new Manifest(new Properties(), where, "", List.of());
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
        List<String> keys = new ArrayList<>();
        Properties p = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                // an escaped comma in a key (view.te\,xt.file, of the view te\,xt) is the comma the lookup uses
                String plain = key.toString().replace(COMMA, ',');
                if (containsKey(plain)) {
                    throw new IllegalArgumentException(where + ": the key '" + CsvReader.shown(plain)
                            + "' appears twice; expected each key once (which value was meant?)");
                }
                keys.add(plain);
                return super.put(plain, value);
            }
        };
        String marked = markEscapedCommas(text);
        try {
            p.load(new StringReader(marked));
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
        return new Manifest(p, where, marked, List.copyOf(keys));
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

    /**
     * Refuses the first key, in the order of the file, that is none of {@link #KEYS}, {@code view.<v>.}{@link
     * #VIEW_KEYS} of a listed view (of any view while none is listed) nor a key of the user's own ({@link #OWN}). The
     * message names the line, the known keys and the closest one.
     */
    void checkKeys() {
        String[] views = list("views");
        Set<String> listed = views == null ? null : new HashSet<>(Arrays.asList(views));
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (KEYS.contains(key) || key.startsWith(OWN)) {
                continue;
            }
            String view = viewOf(key);
            if (view != null && (listed == null || listed.contains(view))) {
                continue;
            }
            int line = lineOf(i, key);
            String start = where + (line > 0 ? ", line " + line : "") + ": key '" + CsvReader.shown(key) + "' ";
            List<String> viewNames = views == null ? List.of() : Arrays.asList(views);
            String close = closest(key, viewNames);
            String hint = close == null ? "" : "; did you mean " + CsvReader.shown(close) + "?";
            if (view != null) {
                throw new IllegalArgumentException(start + "is of view '" + CsvReader.shown(view) + "', which is not"
                        + " one of the views (" + CsvReader.shown(String.join(", ", viewNames), 200) + "); expected a"
                        + " key of a view that is read" + hint);
            }
            throw new IllegalArgumentException(start + "is not a manifest key; expected " + String.join(", ", KEYS)
                    + ", view.<v>." + String.join(", view.<v>.", VIEW_KEYS) + ", or a key of your own starting with "
                    + OWN + (close == null ? " (" + OWN + CsvReader.shown(key) + ")" : hint));
        }
    }

    /** The view of a key {@code view.<v>.<one of VIEW_KEYS>}, or null for a key of another shape. */
    private static String viewOf(String key) {
        int dot = key.lastIndexOf('.');
        if (!key.startsWith("view.") || dot <= "view.".length() || !VIEW_KEYS.contains(key.substring(dot + 1))) {
            return null;
        }
        return key.substring("view.".length(), dot);
    }

    /**
     * The known key nearest to {@code key} in edit distance, among those it starts with, that start with it, or
     * within a third of its length (at least two edits); null when none is. The keys of the first
     * {@value #SUGGESTED_VIEWS} views are candidates, so that a long list of views costs no more.
     */
    private static String closest(String key, List<String> views) {
        List<String> candidates = new ArrayList<>(KEYS);
        for (String view : views.subList(0, Math.min(views.size(), SUGGESTED_VIEWS))) {
            for (String suffix : VIEW_KEYS) {
                candidates.add("view." + view + "." + suffix);
            }
        }
        int within = Math.max(2, key.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            boolean prefix = Math.min(key.length(), c.length()) >= 3 && (key.startsWith(c) || c.startsWith(key));
            if (!prefix && Math.abs(key.length() - c.length()) > within || key.length() > 200 && !prefix) {
                continue;
            }
            int d = prefix ? Math.abs(key.length() - c.length()) : editDistance(key, c);
            if ((prefix || d <= within) && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The Levenshtein distance: the fewest insertions, deletions and substitutions that turn a into b. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The line of the file on which the {@code index}-th key, {@code key}, is set (the first line of a value continued
     * over several), or 0 if it cannot be told. {@link Properties#load} puts one key per logical line, in order, so
     * the key is on the {@code index}-th logical line that is neither blank nor a comment; that line, read alone,
     * must give {@code key}.
     */
    private int lineOf(int index, String key) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int seen = 0;
        for (int first = 0; first < lines.length; ) {
            int last = first;
            String lead = lines[first].replaceFirst("^[ \t\f]+", "");
            boolean comment = lead.startsWith("#") || lead.startsWith("!");
            while (!comment && last + 1 < lines.length && endsContinued(lines[last])) {
                last++;
            }
            if (!comment && !lead.isEmpty() && seen++ == index) {
                Properties one = new Properties();
                try {
                    one.load(new StringReader(String.join("\n", Arrays.copyOfRange(lines, first, last + 1))));
                } catch (IOException | IllegalArgumentException e) {
                    return 0;
                }
                return one.size() == 1 && one.keys().nextElement().toString().replace(COMMA, ',').equals(key)
                        ? first + 1 : 0;
            }
            first = last + 1;
        }
        return 0;
    }

    /** Whether a line ends with an odd number of backslashes: the properties syntax continues it on the next. */
    private static boolean endsContinued(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
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
