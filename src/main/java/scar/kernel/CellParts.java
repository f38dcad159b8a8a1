package scar.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notebook cell cut into Java code and magic lines, in order.
 *
 * <p>A magic line is a line whose first non-blank characters are {@code %name} (a letter after the percent sign);
 * the rest of the line holds its arguments, split at blanks, with double quotes grouping. A cell whose first line is
 * {@code %%name args} is a cell magic: the remaining lines are its body. Everything else is Java code; each code part
 * keeps its offset in the cell so that error positions can be reported as cell line numbers.
 *
 * <p>A line magic may also be the value of an assignment, as in IJava: {@code List<String> jars = %jars lib/*.jar}
 * becomes the Java code {@code List<String> jars = lineMagic("jars", List.of("lib/*.jar"))}.
 *
 * <p>A line that starts with {@code %} inside unfinished Java code (a modulo continuing an expression) is not a
 * magic: the caller decides through {@link #split(String, java.util.function.Predicate)} whether the code before a
 * candidate line is complete.
 */
record CellParts(List<Part> parts) {

    private static final Pattern LINE_MAGIC = Pattern.compile("^[ \\t]*%([A-Za-z][\\w-]*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^[ \\t]*%%([A-Za-z][\\w-]*)(.*)$");
    /** {@code ... = %name args}, optionally ended by {@code ;}: a line magic used as an expression. */
    private static final Pattern EXPRESSION_MAGIC = Pattern.compile(
            "^(.*[^=!<>+\\-*/%&|^]=[ \\t]*)%([A-Za-z][\\w-]*)(.*?)(;?)[ \\t]*$");

    /** One piece of a cell. */
    sealed interface Part permits Code, LineMagic, CellMagic {
    }

    /** Java source starting at character {@code offset} of the cell. */
    record Code(String source, int offset) implements Part {
    }

    /** {@code %name args...} on one line. */
    record LineMagic(String name, List<String> args) implements Part {
    }

    /** {@code %%name args...} followed by a body. */
    record CellMagic(String name, List<String> args, String body) implements Part {
    }

    /**
     * Splits a cell.
     *
     * @param cell               the cell source
     * @param codeIsUnfinished   told the Java code accumulated so far; true if it is an unfinished statement, in which
     *                           case a following {@code %} line belongs to it
     */
    static CellParts split(String cell, java.util.function.Predicate<String> codeIsUnfinished) {
        List<Part> parts = new ArrayList<>();
        int firstLineEnd = cell.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? cell : cell.substring(0, firstLineEnd);
        Matcher cellMagic = CELL_MAGIC.matcher(firstLine);
        if (cellMagic.matches()) {
            String body = firstLineEnd < 0 ? "" : cell.substring(firstLineEnd + 1);
            parts.add(new CellMagic(cellMagic.group(1), arguments(cellMagic.group(2)), body));
            return new CellParts(List.copyOf(parts));
        }
        StringBuilder code = new StringBuilder();
        int codeStart = 0;
        int lineStart = 0;
        while (lineStart <= cell.length()) {
            int newline = cell.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? cell.length() : newline;
            String line = cell.substring(lineStart, lineEnd);
            Matcher magic = LINE_MAGIC.matcher(line);
            if (magic.matches() && !codeIsUnfinished.test(code.toString())) {
                if (!code.toString().isBlank()) {
                    parts.add(new Code(code.toString(), codeStart));
                }
                parts.add(new LineMagic(magic.group(1), arguments(magic.group(2))));
                code.setLength(0);
                codeStart = newline < 0 ? cell.length() : newline + 1;
            } else {
                code.append(expressionMagic(line, false));
                if (newline >= 0) {
                    code.append('\n');
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        if (!code.toString().isBlank()) {
            parts.add(new Code(code.toString(), codeStart));
        }
        return new CellParts(List.copyOf(parts));
    }

    /**
     * The cell with every magic line replaced by blanks of the same length, so that offsets into the result are
     * offsets into the cell; used for completion, inspection and the completeness check.
     */
    static String maskMagics(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        int lineStart = 0;
        while (true) {
            int newline = cell.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? cell.length() : newline;
            String line = cell.substring(lineStart, lineEnd);
            boolean magic = LINE_MAGIC.matcher(line).matches() || CELL_MAGIC.matcher(line).matches();
            out.append(magic ? " ".repeat(line.length()) : expressionMagic(line, true));
            if (newline < 0) {
                return out.toString();
            }
            out.append('\n');
            lineStart = newline + 1;
        }
    }

    /**
     * The line with an expression magic ({@code x = %name args}) turned into a {@code lineMagic} call; when
     * {@code masked}, into {@code null} padded to the same length instead (for analysis that needs offsets kept).
     * Other lines, and {@code %} inside a string literal, are returned as they are.
     */
    static String expressionMagic(String line, boolean masked) {
        Matcher m = EXPRESSION_MAGIC.matcher(line);
        if (!m.matches() || m.group(1).chars().filter(c -> c == '"').count() % 2 != 0) {
            return line;
        }
        String magic = line.substring(m.end(1), m.start(4));
        if (masked) {
            return m.group(1) + "null;" + " ".repeat(Math.max(0, magic.length() - 5)) + m.group(4);
        }
        StringBuilder call = new StringBuilder("scar.kernel.Notebook.lineMagic(\"").append(m.group(2))
                .append("\", java.util.List.of(");
        List<String> args = arguments(m.group(3));
        for (int i = 0; i < args.size(); i++) {
            call.append(i == 0 ? "" : ", ").append('"')
                    .append(args.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return m.group(1) + call.append("));"); // the magic takes the rest of the line: the statement ends here
    }

    /** Splits magic arguments at blanks; double quotes group, a backslash escapes a quote or backslash. */
    static List<String> arguments(String raw) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inArg = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && (raw.charAt(i + 1) == '"' || raw.charAt(i + 1) == '\\')) {
                current.append(raw.charAt(++i));
                inArg = true;
            } else if (c == '"') {
                quoted = !quoted;
                inArg = true;
            } else if (!quoted && (c == ' ' || c == '\t')) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed double quote in magic arguments: " + raw.strip());
        }
        if (inArg) {
            args.add(current.toString());
        }
        return List.copyOf(args);
    }
}
