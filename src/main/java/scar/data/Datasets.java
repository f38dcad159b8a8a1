package scar.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The datasets bundled with the library, loaded by name from the classpath (folder {@code scar/datasets} of the jar,
 * built from the project's {@code datasets/} folder), so no path and no working directory matter. The list lives in
 * {@code scar/datasets/index.properties}.
 */
public final class Datasets {
    private static final String ROOT = "scar/datasets";
    private static final String INDEX = "index.properties";

    private Datasets() {
    }

    /** The names {@link #bundled} accepts, in the index's order. */
    public static List<String> bundledNames() {
        return List.copyOf(index().keySet());
    }

    /**
     * Loads the bundled dataset {@code name} ({@code "wikipedia"}, {@code "mfeat"}, {@code "iris"}, {@code "wine"},
     * {@code "breast_cancer"}, {@code "digits"}); a name that is not bundled but is a folder on disk is loaded with
     * {@link DatasetFolder#load}, and a single file or a folder of Parquet part files ({@link ParquetFolder}) is loaded
     * by {@link EmbeddingFile} with its defaults.
     *
     * @throws IllegalArgumentException if it is neither, listing the bundled names
     */
    public static MultiModalDataset bundled(String name) {
        return bundled(name, List.of());
    }

    /**
     * Only the named modalities of {@link #bundled(String)} (all of them when {@code modalities} is empty), in the
     * order given. The files of other views in a dataset folder are not read.
     *
     * @throws IllegalArgumentException if the dataset has no modality of one of the names, listing those it has
     */
    public static MultiModalDataset bundled(String name, List<String> modalities) {
        java.util.Objects.requireNonNull(name, "name");
        Map<String, String> index = index();
        String entry = index.get(name);
        if (entry != null) {
            int colon = entry.indexOf(':');
            String kind = entry.substring(0, colon);
            String path = entry.substring(colon + 1);
            if (kind.equals("folder")) {
                return DatasetFolder.loadResource(ROOT + "/" + path, name, modalities);
            }
            int slash = path.lastIndexOf('/');
            return select(SklearnCsv.loadResource(ROOT + "/" + path.substring(0, slash), path.substring(slash + 1),
                    name), modalities);
        }
        Path folder = asPath(name);
        if (folder != null && ParquetFolder.isParquetFolder(folder)) {
            return select(EmbeddingFile.defaults().load(folder), modalities);
        }
        if (folder != null && Files.isDirectory(folder)) {
            return DatasetFolder.load(folder, modalities);
        }
        if (folder != null && Files.isRegularFile(folder) && EmbeddingFile.isEmbeddingFile(folder)) {
            return select(EmbeddingFile.defaults().load(folder), modalities);
        }
        if (folder != null && Files.isRegularFile(folder)) {
            throw new IllegalArgumentException("dataset '" + name + "' is a file of unknown format; expected a bundled "
                    + "name, a dataset folder (labels.csv and view_<name>.csv[.gz]) or a .npy, .csv[.gz], "
                    + ".jsonl[.gz] or .parquet file");
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "': no bundled dataset has that name and no such "
                + "folder exists; bundled datasets: " + String.join(", ", index.keySet()));
    }

    /**
     * What a dataset declares about its size before anything of it is read.
     *
     * @param items   the items (rows of every view)
     * @param classes the classes
     * @param dims    each view's dimension, in the manifest's order
     */
    public record Declared(int items, int classes, Map<String, Integer> dims) {
        public Declared {
            dims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dims));
        }
    }

    /**
     * What the manifest of bundled dataset or dataset folder {@code name} declares (items, classes, each view's
     * dimension), read without its labels or views; empty for a single file, a bundled scikit-learn table, or a
     * folder whose manifest is missing, incomplete or unreadable (loading it says what is wrong).
     */
    public static java.util.Optional<Declared> declared(String name) {
        String entry = name == null ? null : index().get(name);
        if (entry != null) {
            return entry.startsWith("folder:")
                    ? DatasetFolder.declared(Source.classpath(ROOT + "/" + entry.substring("folder:".length())))
                    : java.util.Optional.empty();
        }
        Path folder = name == null ? null : asPath(name);
        return folder != null && Files.isDirectory(folder) ? DatasetFolder.declared(Source.folder(folder))
                : java.util.Optional.empty();
    }

    private static MultiModalDataset select(MultiModalDataset data, List<String> modalities) {
        return modalities.isEmpty() ? data : data.selectModalities(modalities.toArray(String[]::new));
    }

    private static Path asPath(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** name → kind:path, in file order. */
    private static Map<String, String> index() {
        Source root = Source.classpath(ROOT);
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = root.open(INDEX);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                String value = eq < 0 ? "" : line.substring(eq + 1).trim();
                if (!value.startsWith("folder:") && !value.startsWith("sklearn:")) {
                    throw new IllegalStateException(root.describe(INDEX) + ": entry '" + line
                            + "' is not name=folder:path or name=sklearn:path");
                }
                out.put(line.substring(0, eq).trim(), value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.describe(INDEX), e);
        }
        return out;
    }
}
