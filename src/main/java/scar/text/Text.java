package scar.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain text within a width: paragraphs wrapped at spaces, and "name  value" lines with a hanging indent. */
public final class Text {

    private Text() {
    }

    /**
     * {@code text} wrapped at spaces into lines of at most {@code width} characters, the first starting with
     * {@code first} and the others with {@code indent}; a word longer than a line is cut. Every line ends in a
     * newline; existing line breaks are kept. {@link TextTable#WIDE} leaves the text on one line.
     */
    public static String wrap(String text, int width, String first, String indent) {
        StringBuilder out = new StringBuilder();
        String prefix = first;
        for (String paragraph : text.split("\n", -1)) {
            if (width == TextTable.WIDE) {
                out.append(prefix).append(paragraph).append('\n');
            } else {
                for (String line : lines(paragraph, width - prefix.length(), width - indent.length())) {
                    out.append(prefix).append(line).append('\n');
                    prefix = indent;
                }
            }
            prefix = indent;
        }
        return out.toString();
    }

    /** {@code text} as lines of at most {@code width} characters, broken at spaces where possible. */
    public static List<String> lines(String text, int width) {
        return lines(text, width, width);
    }

    private static List<String> lines(String text, int firstWidth, int width) {
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        int w = Math.max(1, firstWidth);
        while (rest.length() > w) {
            int cut = rest.lastIndexOf(' ', w);
            if (cut <= 0) {
                cut = w;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).strip();
            w = Math.max(1, width);
        }
        out.add(rest);
        return out;
    }

    /**
     * One line per entry, {@code indent}, the name padded to the longest name (at most 26 characters), two spaces
     * and the value; values wrap within {@code width} under their first character.
     */
    public static String keyValues(Map<String, String> entries, String indent, int width) {
        int nameWidth = Math.min(26, entries.keySet().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String name = e.getKey();
            String head = indent + name + " ".repeat(Math.max(0, nameWidth - name.length())) + "  ";
            if (width != TextTable.WIDE && head.length() > width / 2) {
                out.append(indent).append(name).append('\n');
                head = indent + " ".repeat(nameWidth + 2);
            }
            out.append(wrap(String.valueOf(e.getValue()), width, head, " ".repeat(Math.min(head.length(),
                    indent.length() + nameWidth + 2))));
        }
        return out.toString();
    }
}
