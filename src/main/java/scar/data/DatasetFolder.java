package scar.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a dataset folder in the project's exchange format (see {@code datasets/README.md}):
 * <ul>
 *   <li>{@code manifest.properties}: {@code name}, {@code samples}, {@code classes}, {@code class_names}
 *       (comma-separated), {@code labels.file}, {@code views} (comma-separated) and per view {@code view.<v>.file}
 *       and {@code view.<v>.dim}; {@code title}, {@code view.<v>.type} and {@code view.<v>.description} are for
 *       people, and so is any key starting {@code x.}; any other key is refused. Every key is optional; without a
 *       manifest the views are the folder's {@code view_<name>.csv[.gz]} files in name order and the dataset is
 *       named after the folder;</li>
 *   <li>{@code labels.csv}: columns {@code id,label[,class_name][,split]}, labels counted from 0, split
 *       {@code train}/{@code test};</li>
 *   <li>{@code view_<name>.csv.gz} (or plain {@code .csv}): a header {@code f0..f(d-1)}, then row i of labels.csv's
 *       item i.</li>
 * </ul>
 * Each view becomes a {@link Modality} carrying labels.csv's ids. Class names come from the manifest's
 * {@code class_names}, else labels.csv's {@code class_name} column, else {@code "0".."K-1"}; when both are present
 * they must agree.
 */
public final class DatasetFolder {
    private static final String MANIFEST = "manifest.properties";
    private static final String EXPECTED = "a dataset folder with labels.csv (id,label[,class_name][,split]) and "
            + "view_<name>.csv[.gz] files (see datasets/README.md)";

    private DatasetFolder() {
    }

    /** Loads the dataset in {@code folder}. */
    public static MultiModalDataset load(Path folder) {
        return load(folder, List.of());
    }

    /**
     * Loads only the named views of the dataset in {@code folder} (all when {@code modalities} is empty), in the
     * order given; the files of the other views are not read.
     */
    public static MultiModalDataset load(Path folder, List<String> modalities) {
        if (!Files.isDirectory(folder)) {
            String problem = Files.exists(folder) ? " is a file, not a folder" : ": dataset folder not found";
            throw new UncheckedIOException(folder + problem + "; expected " + EXPECTED,
                    new NoSuchFileException(folder.toString()));
        }
        Source source = Source.folder(folder);
        Manifest manifest = source.exists(MANIFEST) ? Manifest.read(source) : Manifest.empty(source.describe(MANIFEST));
        if (!manifest.has("views")) {
            List<String> files = viewFiles(folder);
            List<String> views = new ArrayList<>();
            for (String f : files) {
                String view = f.substring("view_".length(), f.indexOf(".csv"));
                views.add(view);
                manifest.set("view." + view + ".file", f);
            }
            manifest.setList("views", views);
        }
        String fallbackName = folder.toAbsolutePath().normalize().getFileName() == null ? "dataset"
                : folder.toAbsolutePath().normalize().getFileName().toString();
        return load(source, manifest, fallbackName, modalities);
    }

    /** Loads the named views (all when empty) of a dataset whose files are classpath resources under {@code prefix}. */
    static MultiModalDataset loadResource(String prefix, String fallbackName, List<String> modalities) {
        Source source = Source.classpath(prefix);
        return load(source, Manifest.read(source), fallbackName, modalities);
    }

    /**
     * What the manifest of a dataset under {@code source} declares, without reading its labels or views: empty when
     * it has no manifest or does not declare the items, the classes (a count or names) and the dimension of every
     * view, or cannot be read (loading it then says why).
     */
    static java.util.Optional<Datasets.Declared> declared(Source source) {
        try {
            if (!source.exists(MANIFEST)) {
                return java.util.Optional.empty();
            }
            Manifest manifest = Manifest.read(source);
            manifest.checkKeys();
            String[] names = manifest.list("class_names");
            int classes = names != null ? names.length : manifest.nonNegative("classes", -1);
            int items = manifest.nonNegative("samples", -1);
            String[] views = manifest.list("views");
            if (classes < 0 || items < 0 || views == null) {
                return java.util.Optional.empty();
            }
            Map<String, Integer> dims = new java.util.LinkedHashMap<>();
            for (String view : views) {
                int dim = manifest.nonNegative("view." + view + ".dim", -1);
                if (dim < 0) {
                    return java.util.Optional.empty();
                }
                dims.put(view, dim);
            }
            return java.util.Optional.of(new Datasets.Declared(items, classes, dims));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Whether {@code folder} is a dataset folder: it has a {@code manifest.properties}, a {@code labels.csv} or a
     * {@code view_<name>.csv[.gz]} file (or cannot be listed, which {@link #load} then reports).
     */
    static boolean isDatasetFolder(Path folder) {
        try {
            return Files.exists(folder.resolve(MANIFEST)) || Files.exists(folder.resolve("labels.csv"))
                    || !viewFiles(folder).isEmpty();
        } catch (UncheckedIOException e) {
            return true;
        }
    }

    /** The folder's view_<name>.csv[.gz] files, sorted. */
    private static List<String> viewFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith("view_") && (f.endsWith(".csv") || f.endsWith(".csv.gz")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static MultiModalDataset load(Source source, Manifest manifest, String fallbackName,
                                          List<String> modalities) {
        manifest.checkKeys();
        String name = manifest.get("name", fallbackName);
        String[] declaredNames = manifest.list("class_names");
        int declaredClasses = manifest.nonNegative("classes", -1);
        if (declaredNames != null && declaredClasses >= 0 && declaredNames.length != declaredClasses) {
            throw new IllegalArgumentException(manifest.where() + ": classes=" + declaredClasses
                    + " but class_names lists " + declaredNames.length + " names (" + preview(declaredNames)
                    + "); write a comma inside a name as \\,");
        }
        if (declaredNames != null && new HashSet<>(Arrays.asList(declaredNames)).size() != declaredNames.length) {
            throw new IllegalArgumentException(manifest.where() + ", key 'class_names': a name appears twice ("
                    + preview(declaredNames) + "); expected unique class names");
        }
        int k = declaredNames != null ? declaredNames.length : declaredClasses;
        String labelsFile = manifest.fileName("labels.file", "labels.csv");
        if (!source.exists(labelsFile)) {
            throw new UncheckedIOException(source.describe(labelsFile) + ": file not found; expected " + EXPECTED,
                    new NoSuchFileException(source.describe(labelsFile)));
        }
        LabelsFile labels = LabelsFile.read(source, labelsFile, k, declaredNames);

        int samples = manifest.nonNegative("samples", -1);
        if (samples >= 0 && samples != labels.ids.length) {
            throw new IllegalArgumentException(source.describe(MANIFEST) + ": samples=" + samples + " but "
                    + source.describe(labelsFile) + " has " + labels.ids.length + " rows");
        }
        String[] views = manifest.list("views");
        if (views == null || views.length == 0) {
            throw new IllegalArgumentException("dataset '" + CsvReader.shown(name) + "' has no views: "
                    + source.describe(MANIFEST)
                    + " lists none and no view_<name>.csv[.gz] file was found");
        }
        if (new HashSet<>(Arrays.asList(views)).size() != views.length) {
            throw new IllegalArgumentException(manifest.where() + ", key 'views': a view appears twice ("
                    + preview(views) + "); expected each view once");
        }
        // The asked views are checked before any file is read; only their files are read, in the order asked.
        for (String view : modalities) {
            if (!Arrays.asList(views).contains(view)) {
                throw MultiModalDataset.noModality(name, view, Arrays.asList(views));
            }
        }
        List<Modality> read = new ArrayList<>();
        for (String view : modalities.isEmpty() ? Arrays.asList(views) : modalities) {
            String file = manifest.fileName("view." + view + ".file", "view_" + view + ".csv.gz");
            int dim = manifest.nonNegative("view." + view + ".dim", -1);
            if (!source.exists(file)) {
                throw new UncheckedIOException(source.describe(file) + ": file not found; expected the file of view '"
                        + CsvReader.shown(view) + "' that " + MANIFEST + " lists", new NoSuchFileException(source.describe(file)));
            }
            Matrix m = readView(source, file, view, dim, labels.ids.length, labelsFile);
            read.add(Modality.of(view, m, labels.ids));
        }
        return MultiModalDataset.of(name, labels.classLabels(), read, labels.split);
    }

    /** Reads one view file into an n × d matrix, checking its width against the manifest and its rows against n. */
    static Matrix readView(Source source, String file, String view, int dim, int n, String labelsFile) {
        try (CsvReader reader = CsvReader.open(source, file)) {
            String[] header = reader.header();
            if (dim >= 0 && header.length != dim) {
                throw new IllegalArgumentException(reader.file() + ": the header has " + header.length
                        + " columns but " + MANIFEST + " says view." + CsvReader.shown(view) + ".dim=" + dim);
            }
            int d = header.length;
            if ((long) n * d > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(reader.file() + ": " + n + " rows of " + d + " columns are more"
                        + " values than one float array holds (" + (Integer.MAX_VALUE - 8) + "); split the data, or save"
                        + " the view as a float32 .npy file, which is memory-mapped");
            }
            // Memory grows with the rows actually read, not with what the header and labels.csv promise.
            FloatList values = new FloatList((long) n * d, reader.file());
            int row = 0;
            for (String line = reader.nextLine(); line != null; line = reader.nextLine()) {
                if (row == n) {
                    throw reader.error("view '" + CsvReader.shown(view) + "' has more rows than " + labelsFile + " ("
                            + n + " rows); this is row " + (n + 1));
                }
                int offset = values.reserve(d);
                reader.parseFloats(line, header, values.array(), offset);
                row++;
            }
            if (row != n) {
                throw new IllegalArgumentException("view '" + CsvReader.shown(view) + "' (" + reader.file() + ") has "
                        + row + " rows but " + labelsFile + " has " + n + "; expected one row per item");
            }
            return Matrix.wrap(n, d, values.toArray());
        }
    }

    /** Names for a message: all of them, or the first ten and the count. */
    private static String preview(String[] names) {
        String shown = CsvReader.shown(String.join(", ", Arrays.copyOf(names, Math.min(10, names.length))), 200);
        return names.length <= 10 ? shown : shown + ", ... (" + names.length + " in all)";
    }

    /** The parsed labels.csv. */
    private static final class LabelsFile {
        String[] ids;
        int[] labels;
        String[] classNames;
        Split split;

        ClassLabels classLabels() {
            return ClassLabels.of(labels, classNames);
        }

        /** Classes 0..max-label are made when no manifest declares them; a label must stay below this. */
        static final int MAX_UNDECLARED_CLASSES = 100_000;

        static LabelsFile read(Source source, String file, int k, String[] declaredNames) {
            try (CsvReader reader = CsvReader.open(source, file)) {
                String[] header = reader.header();
                int idCol = column(reader, header, "id", true);
                int labelCol = column(reader, header, "label", true);
                int nameCol = column(reader, header, "class_name", false);
                int splitCol = column(reader, header, "split", false);
                List<String> ids = new ArrayList<>();
                Map<String, Integer> idLines = new HashMap<>();
                List<Integer> labels = new ArrayList<>();
                List<Boolean> train = new ArrayList<>();
                Map<Integer, String> seenNames = new HashMap<>();
                for (String[] r = reader.nextRecord(); r != null; r = reader.nextRecord()) {
                    if (r.length != header.length) {
                        throw reader.ragged(r.length, header);
                    }
                    String id = r[idCol];
                    if (id.isEmpty()) {
                        throw reader.error("id", id, "an id (the id is empty)");
                    }
                    Integer firstLine = idLines.putIfAbsent(id, reader.lineNumber());
                    if (firstLine != null) {
                        throw reader.error("id", id, "a new id: duplicate of the id on line " + firstLine);
                    }
                    int label = reader.parseInt(r[labelCol], "label", "an integer class label");
                    if (label < 0 || (k >= 0 && label >= k)) {
                        throw reader.error("label", r[labelCol], "a class label in 0.." + (k - 1));
                    }
                    if (k < 0 && label >= MAX_UNDECLARED_CLASSES) {
                        // labels are classes 0..max: one stray large number would make that many classes
                        throw reader.error("label", r[labelCol], "a class label in 0.." + (MAX_UNDECLARED_CLASSES - 1)
                                + " (a manifest that lists the classes allows more)");
                    }
                    if (nameCol >= 0) {
                        if (r[nameCol].isBlank()) {
                            // a class needs a name a person can read; without this check it failed later as "class
                            // name 0 is null or blank", naming no file
                            throw reader.error("class_name", r[nameCol], "a class name (it is empty or only white "
                                    + "space)");
                        }
                        String expected = declaredNames != null ? declaredNames[label] : seenNames.get(label);
                        if (expected != null && !expected.equals(r[nameCol])) {
                            // a manifest's name may hold any character (\r escaped in it): shown, so the message is
                            // one line
                            throw reader.error("class_name", r[nameCol], "'" + CsvReader.shown(expected)
                                    + "', the name of label " + label
                                    + (declaredNames != null ? " in " + MANIFEST : " on earlier lines"));
                        }
                        seenNames.putIfAbsent(label, r[nameCol]);
                    }
                    if (splitCol >= 0) {
                        String s = r[splitCol];
                        if (!s.equals("train") && !s.equals("test")) {
                            throw reader.error("split", s, "'train' or 'test'");
                        }
                        train.add(s.equals("train"));
                    }
                    ids.add(id);
                    labels.add(label);
                }
                if (ids.isEmpty()) {
                    throw new IllegalArgumentException(reader.file() + " has a header but no rows; expected one row per item");
                }
                LabelsFile out = new LabelsFile();
                out.ids = ids.toArray(new String[0]);
                out.labels = labels.stream().mapToInt(Integer::intValue).toArray();
                int classes = k >= 0 ? k : Arrays.stream(out.labels).max().orElse(-1) + 1;
                out.classNames = declaredNames != null ? declaredNames : new String[classes];
                for (int c = 0; declaredNames == null && c < classes; c++) {
                    out.classNames[c] = seenNames.getOrDefault(c, Integer.toString(c));
                }
                if (splitCol >= 0) {
                    boolean[] flags = new boolean[train.size()];
                    for (int i = 0; i < flags.length; i++) {
                        flags[i] = train.get(i);
                    }
                    out.split = Split.of(flags);
                }
                return out;
            }
        }

        private static int column(CsvReader reader, String[] header, String name, boolean required) {
            int index = Arrays.asList(header).indexOf(name);
            if (index < 0 && required) {
                throw new IllegalArgumentException(reader.file() + ", line " + reader.lineNumber() + ": the header "
                        + CsvReader.shown(String.join(",", header), 200) + " has no column '" + name
                        + "'; expected id,label[,class_name][,split]");
            }
            return index;
        }
    }
}
