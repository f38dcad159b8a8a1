package scar.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A labels file for loaders whose embeddings carry no labels (.npy): one label per line, or a CSV whose header has a
 * {@code label} column and optionally a {@code class_name} column. Labels are integers or text (class names), coded
 * by {@link LabelCoding#ofStrings}: integers if every one is an integer, otherwise the names in sorted order; a number
 * that is not an integer, or an empty label, is an error. A {@code class_name} column names integer labels.
 *
 * <p>Whether the first line is a header: with several columns, when one of its fields is not a number; with one
 * column, when it is {@code label}, or when it is not a number and every later line is an integer (a header such as
 * {@code y} above integer labels). Otherwise it is the first label, so that a file of class names, one per line,
 * needs no header. In a file of one label per line a blank line before the last label is an error: it is a missing
 * label (pandas writes a missing value so), and skipping it would shift every later label by one row.
 */
final class LabelsText {

    private LabelsText() {
    }

    /**
     * A hint for a labels file with one label more than the embeddings have rows: its first line may be a header that
     * was read as a label (a one-column header is one only when it is {@code label} or above integer labels).
     */
    static String countHint(Path file, int labels, int rows) {
        return labels == rows + 1 && !EmbeddingFile.isNpy(file)
                ? " (one label too many: if the first line of " + file.getFileName() + " is a header, name it 'label')"
                : "";
    }

    static LabelCoding.Coded read(Path file) {
        try (CsvReader reader = CsvReader.open(file)) {
            String[] first = reader.header();
            // One column: whether the first line is a header is known at the end (a name above integer labels);
            // it is read as a label meanwhile and dropped then.
            boolean oneColumn = first.length == 1;
            boolean hasHeader = oneColumn ? first[0].equals("label")
                    : Arrays.stream(first).anyMatch(f -> !LabelCoding.isNumber(f));
            boolean maybeHeader = oneColumn && !hasHeader && !LabelCoding.isNumber(first[0]);
            String[] header = hasHeader ? first : oneColumn ? new String[] {"label"} : new String[first.length];
            if (!oneColumn && !hasHeader) {
                Arrays.fill(header, "");
            }
            int labelCol = oneColumn ? 0 : Arrays.asList(header).indexOf("label");
            if (labelCol < 0) {
                throw new IllegalArgumentException(file + ", line " + reader.lineNumber() + ": " + (hasHeader
                        ? "the header " + CsvReader.shown(String.join(",", header), 200) + " has no column 'label'"
                        : "several columns but no header") + "; expected one label per line or a 'label' column");
            }
            int nameCol = Arrays.asList(header).indexOf("class_name");
            LabelList labels = new LabelList(file.toString());
            boolean textAfterFirst = false;
            Map<Integer, String> names = new HashMap<>();
            Map<String, Integer> labelOfName = new HashMap<>();
            int previousLine = hasHeader ? reader.lineNumber() : 0;
            for (String[] r = hasHeader ? reader.nextRecord() : first; r != null; r = reader.nextRecord()) {
                if (oneColumn && reader.lineNumber() > previousLine + 1) {
                    throw new IllegalArgumentException(file + ", line " + (previousLine + 1) + ": a blank line among"
                            + " the labels; expected one label per line (is a label missing?)");
                }
                previousLine = reader.lineNumber();
                if (r.length != header.length) {
                    throw reader.ragged(r.length, header);
                }
                String label = LabelCoding.check(reader, header[labelCol], r[labelCol]);
                Integer integer = LabelCoding.asInteger(label);
                if (nameCol >= 0) {
                    if (integer == null) {
                        throw reader.error(header[labelCol], label, "an integer class label (the class_name column"
                                + " names integer labels)");
                    }
                    String previous = names.putIfAbsent(integer, r[nameCol]);
                    if (previous != null && !previous.equals(r[nameCol])) {
                        throw reader.error("class_name", r[nameCol], "'" + CsvReader.shown(previous) + "', the name of label "
                                + integer + " on earlier lines");
                    }
                    Integer other = labelOfName.putIfAbsent(r[nameCol], integer);
                    if (other != null && !other.equals(integer)) {
                        throw reader.error("class_name", r[nameCol], "a new class name: it names label " + other
                                + " on earlier lines, and each label needs a name of its own");
                    }
                }
                textAfterFirst |= integer == null && labels.size() > 0;
                labels.add(label);
            }
            if (maybeHeader && labels.size() > 1 && !textAfterFirst) {
                labels.dropFirst(); // a header such as 'y' above integer labels
            }
            if (labels.size() == 0) {
                throw new IllegalArgumentException(file + " has no labels");
            }
            LabelCoding.Coded coded = labels.coded();
            if (nameCol < 0) {
                return coded;
            }
            String[] classNames = coded.names().clone();
            for (int k = 0; k < classNames.length; k++) {
                classNames[k] = names.get(Integer.parseInt(classNames[k]));
            }
            return new LabelCoding.Coded(coded.labels(), classNames);
        }
    }
}
