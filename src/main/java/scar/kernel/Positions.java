package scar.kernel;

/** Cell positions as people read them: line numbers, the offending line and a caret under the column. */
final class Positions {

    private static final String INDENT_STEP = "    ";
    /** Characters of the offending line shown before and after the position, when the line is longer. */
    private static final int SHOWN_BEFORE = 60;
    private static final int SHOWN_AFTER = 40;

    private Positions() {
    }

    /**
     * "line 3: message", then the third line of the cell and a caret under the position. Of a long line only the
     * part around the position is shown, with {@code ...} where it is cut: a cell of one 200,000-character line
     * would otherwise repeat it all, and a caret line as long, in every message.
     *
     * @param cell   the cell source
     * @param offset a character offset into the cell (clamped to the cell)
     */
    static String describe(String cell, int offset, String message) {
        int at = Math.max(0, Math.min(offset, cell.length()));
        int lineStart = cell.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = cell.indexOf('\n', at);
        if (lineEnd < 0) {
            lineEnd = cell.length();
        }
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            if (cell.charAt(i) == '\n') {
                line++;
            }
        }
        int from = Math.max(lineStart, at - SHOWN_BEFORE);
        int to = Math.min(lineEnd, at + SHOWN_AFTER);
        String head = from > lineStart ? "..." : "";
        String text = head + cell.substring(from, to) + (to < lineEnd ? "..." : "");
        StringBuilder caret = new StringBuilder(" ".repeat(head.length()));
        for (int i = from; i < at; i++) {
            caret.append(cell.charAt(i) == '\t' ? '\t' : ' ');
        }
        return "line " + line + ": " + message + "\n    " + text + "\n    " + caret + "^";
    }

    /**
     * Indentation for the line after an unfinished statement: that of its last line, one step deeper if the last
     * line opens more braces or parentheses than it closes.
     */
    static String nextIndent(String code) {
        String lastLine = code.substring(code.lastIndexOf('\n') + 1);
        if (lastLine.isBlank() && code.lastIndexOf('\n') > 0) {
            String before = code.substring(0, code.lastIndexOf('\n'));
            lastLine = before.substring(before.lastIndexOf('\n') + 1);
        }
        int depth = 0;
        for (char c : lastLine.toCharArray()) {
            if (c == '{' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ')') && depth > 0) {
                depth--;
            }
        }
        int blanks = 0;
        while (blanks < lastLine.length() && (lastLine.charAt(blanks) == ' ' || lastLine.charAt(blanks) == '\t')) {
            blanks++;
        }
        return lastLine.substring(0, blanks) + (depth > 0 ? INDENT_STEP : "");
    }
}
