package scar.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A labels file for loaders whose embeddings carry no labels (.npy): one integer label per line, or a CSV whose
 * header has a {@code label} column and optionally a {@code class_name} column. The first line is a header when one
 * of its fields is not a number. Labels must be integers; they are coded by {@link LabelCoding#ofInts}. In a file of
 * one label per line a blank line before the last label is an error: it is a missing label (pandas writes a missing
 * value so), and skipping it would shift every later label by one row.
 */
final class LabelsText {

    private LabelsText() {
    }

    static LabelCoding.Coded read(Path file) {
        try (CsvReader reader = CsvReader.open(file)) {
            String[] first = reader.header();
            boolean hasHeader = Arrays.stream(first).anyMatch(f -> !LabelCoding.isNumber(f));
            String[] header = hasHeader ? first : new String[] {"label"};
            int labelCol = header.length == 1 ? 0 : Arrays.asList(header).indexOf("label");
            if (labelCol < 0) {
                throw new IllegalArgumentException(file + ", line " + reader.lineNumber() + ": the header "
                        + CsvReader.shown(String.join(",", header), 200) + " has no column 'label'; expected one label"
                        + " per line or a 'label' column");
            }
            int nameCol = Arrays.asList(header).indexOf("class_name");
            IntList labels = new IntList();
            Map<Integer, String> names = new HashMap<>();
            Map<String, Integer> labelOfName = new HashMap<>();
            int previousLine = hasHeader ? reader.lineNumber() : 0;
            for (String[] r = hasHeader ? reader.nextRecord() : first; r != null; r = reader.nextRecord()) {
                if (header.length == 1 && reader.lineNumber() > previousLine + 1) {
                    throw new IllegalArgumentException(file + ", line " + (previousLine + 1) + ": a blank line among"
                            + " the labels; expected one label per line (is a label missing?)");
                }
                previousLine = reader.lineNumber();
                if (r.length != header.length) {
                    throw reader.ragged(r.length, header);
                }
                Integer label = LabelCoding.asInteger(r[labelCol]);
                if (label == null) {
                    throw reader.error(header[labelCol], r[labelCol], LabelCoding.expectedInteger(r[labelCol]));
                }
                if (nameCol >= 0) {
                    String previous = names.putIfAbsent(label, r[nameCol]);
                    if (previous != null && !previous.equals(r[nameCol])) {
                        throw reader.error("class_name", r[nameCol], "'" + previous + "', the name of label " + label
                                + " on earlier lines");
                    }
                    Integer other = labelOfName.putIfAbsent(r[nameCol], label);
                    if (other != null && !other.equals(label)) {
                        throw reader.error("class_name", r[nameCol], "a new class name: it names label " + other
                                + " on earlier lines, and each label needs a name of its own");
                    }
                }
                labels.add(label);
            }
            if (labels.size() == 0) {
                throw new IllegalArgumentException(file + " has no labels");
            }
            int[] raw = labels.toArray();
            LabelCoding.Coded coded = LabelCoding.ofInts(raw);
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

    /** A growable int array. */
    private static final class IntList {
        private int[] data = new int[1024];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
