package scar.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads scikit-learn's bundled single-file datasets (iris, wine, breast_cancer, digits): each line is the features
 * followed by the integer label. Optionally the first line is scikit-learn's header {@code n_samples,n_features,
 * class names...}; it is recognised by a non-numeric field or a field count different from the data rows, and then
 * the sample and feature counts are checked and the class names used. Plain or gzip-compressed. The result has one
 * modality, {@code "features"}.
 */
public final class SklearnCsv {
    /** The name of the single modality. */
    public static final String MODALITY = "features";

    private SklearnCsv() {
    }

    /** Loads {@code file}; the dataset is named after it. */
    public static MultiModalDataset load(Path file) {
        try (CsvReader reader = CsvReader.open(file)) {
            return read(reader, CsvEmbeddings.stem(file));
        }
    }

    /** Loads a classpath resource of this library. */
    static MultiModalDataset loadResource(String folder, String file, String name) {
        try (CsvReader reader = CsvReader.open(Source.classpath(folder), file)) {
            return read(reader, name);
        }
    }

    private static MultiModalDataset read(CsvReader reader, String name) {
        String[] first = reader.header();
        int firstLine = reader.lineNumber();
        String[] second = reader.nextRecord();
        if (second == null) {
            throw new IllegalArgumentException(reader.file() + " has only one line; expected data rows of features and a label");
        }
        boolean hasHeader = first.length != second.length || Arrays.stream(first).anyMatch(f -> !LabelCoding.isNumber(f));
        int width = second.length;
        int d = width - 1;
        if (d < 1) {
            throw reader.error("only " + width + " field; expected features followed by a label");
        }
        String[] columns = new String[width];
        for (int j = 0; j < d; j++) {
            columns[j] = "f" + j;
        }
        columns[d] = "label";
        if (hasHeader && first.length < 3) {
            throw new IllegalArgumentException(reader.file() + ", line " + firstLine + ": a header of " + first.length
                    + (first.length == 1 ? " field" : " fields") + "; expected scikit-learn's header n_samples,"
                    + "n_features,class names... or no header line");
        }
        String[] names = hasHeader ? classNames(reader, first, firstLine) : null;
        if (!hasHeader) {
            reader.pushBack(first, firstLine);
            reader.pushBack(second, reader.lineNumber());
        }
        FloatList values = new FloatList(1024L * d, reader.file());
        int[] labels = new int[1024];
        int n = 0;
        for (String[] r = hasHeader ? second : reader.nextRecord(); r != null; r = reader.nextRecord()) {
            if (r.length != width) {
                throw reader.ragged(r.length, columns);
            }
            int offset = values.reserve(d);
            float[] dst = values.array();
            for (int j = 0; j < d; j++) {
                dst[offset + j] = reader.parseFloat(r[j], columns[j]);
            }
            Integer label = LabelCoding.asInteger(r[d]);
            if (label == null || (names != null && (label < 0 || label >= names.length))) {
                throw reader.error("label", r[d], names == null ? "an integer class label"
                        : "a class label in 0.." + (names.length - 1) + " (the header names " + names.length + " classes)");
            }
            if (n == labels.length) {
                labels = Arrays.copyOf(labels, 2 * n);
            }
            labels[n++] = label;
        }
        labels = Arrays.copyOf(labels, n);
        Modality features = Modality.of(MODALITY, Matrix.wrap(n, d, values.toArray()));
        if (names == null) {
            LabelCoding.Coded coded = LabelCoding.ofInts(labels);
            return MultiModalDataset.of(name, coded.labels(), coded.names(), features);
        }
        checkCount(reader, first, 0, "n_samples", n);
        checkCount(reader, first, 1, "n_features", d);
        return MultiModalDataset.of(name, labels, names, features);
    }

    /** The class names of scikit-learn's header, each a name (not empty or white space) and each once. */
    private static String[] classNames(CsvReader reader, String[] header, int line) {
        String[] names = Arrays.copyOfRange(header, 2, header.length);
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 0; k < names.length; k++) {
            Integer before = seen.putIfAbsent(names[k], k);
            if (names[k].isBlank() || before != null) {
                throw new IllegalArgumentException(reader.file() + ", line " + line + ", column 'class name " + k
                        + "': value '" + CsvReader.shown(names[k]) + "' is not " + (before == null
                        ? "a class name (it is empty or only white space)"
                        : "a new class name: class " + before + " has it too; expected unique class names"));
            }
        }
        return names;
    }

    private static void checkCount(CsvReader reader, String[] header, int index, String what, int actual) {
        Integer declared = LabelCoding.asInteger(header[index]);
        if (declared == null || declared != actual) {
            throw new IllegalArgumentException(reader.file() + ", line 1, column '" + what + "': value '"
                    + CsvReader.shown(header[index]) + "' does not match the " + actual + " " + (index == 0 ? "data rows" : "features")
                    + " found");
        }
    }
}
