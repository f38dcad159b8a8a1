package scar.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder of Parquet part files as Spark, pyarrow.dataset and Hugging Face datasets write them
 * ({@code part-00000-….parquet}, …), read by {@link Parquet} as one dataset: the files in lexicographic order of their
 * paths, the rows of each file in file order (SPEC §4.1, the order the Spark runner numbers the items in). The side
 * files those writers leave — names starting with {@code _} or {@code .} ({@code _SUCCESS}, {@code _committed_*},
 * {@code .part-….crc}) and {@code *.crc} — are skipped; any other entry must be a {@code .parquet} file, so a
 * partitioned folder ({@code label=3/part-….parquet}, as {@code partitionBy} writes) is refused. A folder with
 * a {@code manifest.properties} or {@code labels.csv} is a dataset folder ({@link DatasetFolder}), not this.
 */
public final class ParquetFolder {
    /** What a folder is expected to be, in the messages about a folder that is neither kind. */
    static final String EXPECTED = "expected a dataset folder with labels.csv (id,label[,class_name][,split]) and "
            + "view_<name>.csv[.gz] files (see datasets/README.md), or a folder of Parquet part files (*.parquet; "
            + "side files named _* or .* and *.crc are skipped)";

    private ParquetFolder() {
    }

    /**
     * Whether {@code folder} is to be read as Parquet part files: a folder that is not a dataset folder (no
     * {@code manifest.properties}, {@code labels.csv} or {@code view_*.csv[.gz]}). Reading one that holds no
     * {@code .parquet} file, or another file, says what a folder is expected to hold.
     */
    public static boolean isParquetFolder(Path folder) {
        return Files.isDirectory(folder) && !DatasetFolder.isDatasetFolder(folder);
    }

    /**
     * The data files of {@code folder} in the order their rows are items: sorted by path.
     *
     * @throws IllegalArgumentException if the folder has no data file, or an entry other than a side file that is not
     *                                  a {@code .parquet} file (a subfolder included)
     */
    public static List<Path> files(Path folder) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (isSideFile(p)) {
                    continue;
                }
                String name = p.getFileName().toString();
                if (name.indexOf('=') > 0 && Files.isDirectory(p)) { // column=value, one value's part files
                    String column = name.substring(0, name.indexOf('='));
                    throw new IllegalArgumentException(folder + " holds " + name + ", a partition folder (as "
                            + "partitionBy(\"" + column + "\") writes); " + partitionedAdvice(column));
                }
                if (!isParquetName(p) || !Files.isRegularFile(p)) {
                    throw new IllegalArgumentException(folder + " holds " + p.getFileName() + ", which is not a "
                            + ".parquet file; " + EXPECTED);
                }
                files.add(p);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no labels.csv and no .parquet files; " + EXPECTED);
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /**
     * Why a folder that {@code partitionBy(column)} wrote ({@code column=<value>/part-….parquet}) is not read and how
     * to write one that is: the end of the line that refuses it, here and in the Spark runner ({@code SparkData}),
     * which reads Parquet only through Spark and names the folder its own way.
     */
    public static String partitionedAdvice(String column) {
        return "partitioned folders are not read: write the data without partitionBy, df.write().parquet(path) "
                + "(pyarrow: without partition_cols), so that every part file holds column " + column;
    }

    /** A file Spark, Hadoop or pyarrow writes beside the data: {@code _SUCCESS}, {@code .….crc}, {@code x.crc}. */
    private static boolean isSideFile(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith("_") || name.startsWith(".") || name.toLowerCase(Locale.ROOT).endsWith(".crc");
    }

    private static boolean isParquetName(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }
}
