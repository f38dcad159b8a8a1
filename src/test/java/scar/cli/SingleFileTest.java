package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.data.Matrix;
import scar.data.Npy;
import scar.data.ParquetTest;

/** One file is a dataset on the command line: .npy with --labels, CSV, CSV.gz, JSON Lines and Parquet. */
class SingleFileTest {
    private static final int N = 90;
    private static final int D = 5;

    @TempDir
    static Path dir;
    static float[] x;
    static int[] y;

    @BeforeAll
    static void write() throws IOException {
        SplittableRandom r = new SplittableRandom(4);
        x = new float[N * D];
        y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % 3;
            for (int j = 0; j < D; j++) {
                x[i * D + j] = (float) (r.nextGaussian() + (j == y[i] ? 2 : 0));
            }
        }
        Npy.write(dir.resolve("emb.npy"), Matrix.wrap(N, D, x));
        Npy.writeInts(dir.resolve("labels.npy"), y);
        StringBuilder labels = new StringBuilder("label\n");
        StringBuilder csv = new StringBuilder("key,y");
        StringBuilder jsonl = new StringBuilder();
        for (int j = 0; j < D; j++) {
            csv.append(",f").append(j);
        }
        csv.append('\n');
        for (int i = 0; i < N; i++) {
            labels.append(y[i]).append('\n');
            csv.append("item").append(i).append(',').append(y[i]);
            jsonl.append("{\"v\": [");
            for (int j = 0; j < D; j++) {
                csv.append(',').append(x[i * D + j]);
                jsonl.append(j == 0 ? "" : ",").append(x[i * D + j]);
            }
            csv.append('\n');
            jsonl.append("], \"label\": ").append(y[i]).append(", \"id\": \"i").append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("labels.csv"), labels);
        Files.writeString(dir.resolve("emb.csv"), csv);
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("emb2.csv.gz")))) {
            out.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("emb.jsonl"), jsonl);
        ParquetTest.write(dir.resolve("emb.parquet"), "message m { required binary name (STRING); "
                + "required int32 cls; required group vec (LIST) { repeated group list { required float element; } } }",
                CompressionCodecName.ZSTD, ParquetProperties.WriterVersion.PARQUET_1_0, true, N, (Group g, Integer i) -> {
                    g.append("name", "item" + i).append("cls", y[i]);
                    Group list = g.addGroup("vec");
                    for (int j = 0; j < D; j++) {
                        list.addGroup("list").append("element", x[i * D + j]);
                    }
                });
    }

    private static Cli.Run characterize(String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "characterize";
        System.arraycopy(more, 0, args, 1, more.length);
        args[more.length + 1] = "--ratios";
        args[more.length + 2] = "1,2";
        args[more.length + 3] = "--quiet";
        return Cli.run(args);
    }

    /** The run printed a one-modality profile, within the 120 columns every printed table keeps (issue 15). */
    private static void assertProfiled(Cli.Run r, String modality) {
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("foundation size N_F") && r.out().contains(modality), r.out());
        assertEquals(java.util.List.of(), r.linesLongerThan(120));
    }

    @Test
    void npyWithNpyOrCsvLabels() {
        assertProfiled(characterize(dir.resolve("emb.npy").toString(), "--labels",
                dir.resolve("labels.npy").toString()), "emb");
        assertProfiled(characterize(dir.resolve("emb.npy").toString(), "--labels",
                dir.resolve("labels.csv").toString()), "emb");
        Cli.Run missing = characterize(dir.resolve("emb.npy").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("emb.npy holds embeddings only") && missing.err().contains("--labels"),
                missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }

    @Test
    void csvAndGzipWithLabelAndIdColumnsOrALabelsFile() {
        assertProfiled(characterize(dir.resolve("emb.csv").toString(), "--label", "y", "--id", "key"), "emb");
        assertProfiled(characterize(dir.resolve("emb2.csv.gz").toString(), "--label", "y", "--id", "key"), "emb2");
        Cli.Run noLabel = characterize(dir.resolve("emb.csv").toString(), "--id", "key");
        assertEquals(2, noLabel.code());
        assertTrue(noLabel.err().contains("no column 'label'"), noLabel.err());
    }

    /** Issue 14 made a text column an error; on the command line --ignore leaves it out, as ignore(..) does. */
    @Test
    void aTextColumnIsNamedAndLeftOutWithIgnore() throws IOException {
        StringBuilder csv = new StringBuilder("key,y,caption,url");
        for (int j = 0; j < D; j++) {
            csv.append(",f").append(j);
        }
        csv.append('\n');
        for (int i = 0; i < N; i++) {
            csv.append("item").append(i).append(',').append(y[i]).append(",a photo,http://x/").append(i);
            for (int j = 0; j < D; j++) {
                csv.append(',').append(x[i * D + j]);
            }
            csv.append('\n');
        }
        Path file = Files.writeString(dir.resolve("captioned.csv"), csv);
        Cli.Run text = characterize(file.toString(), "--label", "y", "--id", "key");
        assertEquals(2, text.code());
        assertTrue(text.err().contains("column 'caption': value 'a photo' is not a number")
                && text.err().contains("--ignore"), text.err());
        assertEquals(1, text.err().strip().lines().count(), text.err());
        assertProfiled(characterize(file.toString(), "--label", "y", "--id", "key", "--ignore", "caption,url"),
                "captioned");
        Cli.Run npy = characterize(dir.resolve("emb.npy").toString(), "--labels",
                dir.resolve("labels.npy").toString(), "--ignore", "caption");
        assertEquals(2, npy.code());
        assertTrue(npy.err().contains("--ignore does not apply to a .npy file"), npy.err());
    }

    @Test
    void jsonLinesAndParquetWithTheirKeysAndColumns() {
        assertProfiled(characterize(dir.resolve("emb.jsonl").toString(), "--embedding", "v"), "emb");
        assertProfiled(characterize(dir.resolve("emb.parquet").toString(), "--embedding", "vec", "--label", "cls",
                "--id", "name"), "emb");
        assertProfiled(characterize(dir.resolve("emb.parquet").toString(), "--embedding", "vec", "--labels",
                dir.resolve("labels.npy").toString()), "emb");
        Cli.Run key = characterize(dir.resolve("emb.jsonl").toString(), "--embedding", "vec");
        assertEquals(2, key.code());
        assertTrue(key.err().contains("emb.jsonl, line 1: no \"vec\" key; expected {\"vec\": [...], \"label\": k}"),
                key.err());
        Cli.Run wrong = characterize(dir.resolve("emb.parquet").toString(), "--label", "cls");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("no column 'embedding'") && wrong.err().contains("vec"), wrong.err());
    }

    /** Part files with the options of one Parquet file, for every command that reads a dataset. */
    private static Path parts(String name, int d2) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        int[] bounds = {0, 20, 75, N};
        for (int p = 0; p < 3; p++) {
            int from = bounds[p];
            int d = p == 2 ? d2 : D;
            ParquetTest.write(folder.resolve("part-0000" + p + "-c0.zstd.parquet"), "message m { required binary "
                    + "name (STRING); required int32 cls; required group vec (LIST) { repeated group list { required "
                    + "float element; } } }", CompressionCodecName.ZSTD, ParquetProperties.WriterVersion.PARQUET_1_0,
                    true, bounds[p + 1] - from, (Group g, Integer r) -> {
                        int i = from + r;
                        g.append("name", "item" + i).append("cls", y[i]);
                        Group list = g.addGroup("vec");
                        for (int j = 0; j < d; j++) {
                            list.addGroup("list").append("element", x[i * D + j]);
                        }
                    });
        }
        return folder;
    }

    @Test
    void aFolderOfParquetPartFilesIsOneFileForEveryCommand() throws IOException {
        Path folder = parts("emb-parts", D);
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Files.writeString(folder.resolve(".part-00000-c0.zstd.parquet.crc"), "crc");
        Path whole = dir.resolve("parts-profile");
        Path single = dir.resolve("single-profile");
        assertProfiled(characterize(folder.toString(), "--embedding", "vec", "--label", "cls", "--id", "name", "-o",
                whole.toString()), "emb-parts");
        assertProfiled(characterize(dir.resolve("emb.parquet").toString(), "--embedding", "vec", "--label", "cls",
                "--id", "name", "-o", single.toString()), "emb");
        assertEquals(Files.readString(single.resolve("profile.json")).replace("\"emb\"", "\"emb-parts\""),
                Files.readString(whole.resolve("profile.json")), "the same rows in path order, the same profile");
        for (String verb : new String[] {"plan", "datasets"}) {
            Cli.Run r = Cli.run(verb, folder.toString(), "--embedding", "vec", "--label", "cls");
            assertEquals(0, r.code(), r.err());
        }
        assertTrue(Cli.run("datasets", folder.toString(), "--embedding", "vec", "--label", "cls").out()
                .contains("90 items, 3 classes"));

        Path ragged = parts("ragged-parts", D - 1);
        Cli.Run dim = characterize(ragged.toString(), "--embedding", "vec", "--label", "cls");
        assertEquals(2, dim.code(), dim.err());
        assertEquals("scar: " + ragged.resolve("part-00002-c0.zstd.parquet") + ", row 0 (0-based), column 'vec': the "
                + "embedding has 4 values but " + ragged.resolve("part-00000-c0.zstd.parquet") + ", row 0 has 5; "
                + "expected embeddings of one length", dim.err().strip());

        Path sideOnly = Files.createDirectories(dir.resolve("side-only"));
        Files.writeString(sideOnly.resolve("_SUCCESS"), "");
        for (String[] args : new String[][] {{"characterize", sideOnly.toString()},
                {"characterize", sideOnly.toString(), "--label", "cls"}}) {
            Cli.Run none = Cli.run(args);
            assertEquals(2, none.code(), none.err());
            assertEquals(1, none.err().strip().lines().count(), none.err());
            assertTrue(none.err().contains(sideOnly + " holds no labels.csv and no .parquet files; expected a "
                    + "dataset folder with labels.csv") && none.err().contains("or a folder of Parquet part files"),
                    none.err());
        }
    }

    /**
     * A bundled name is the bundled dataset even where the working folder has a folder of part files of that name, as
     * {@code Scar.dataset} has it; the command line read the folder instead.
     */
    @Test
    void aBundledNameIsTheBundledDatasetBesideAFolderOfPartFilesOfThatName() throws IOException {
        Path local = Path.of("iris");
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(local), "the working folder has its own 'iris'");
        try {
            Files.createDirectories(local);
            Files.copy(parts("iris-parts", D).resolve("part-00000-c0.zstd.parquet"), local.resolve("part-0.parquet"));
            assertTrue(!FileOptions.isPartFolder("iris") && FileOptions.isPartFolder(local.toAbsolutePath().toString()));
            Cli.Run r = Cli.run("datasets", "iris");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("150 items"), r.out());
        } finally {
            Files.deleteIfExists(local.resolve("part-0.parquet"));
            Files.deleteIfExists(local);
        }
    }

    /**
     * An output inside the folder of part files a run reads: `report -o FOLDER/r.html` wrote the report there, and the
     * next read of the folder refused it ("holds r.html, which is not a .parquet file").
     */
    @Test
    void anOutputInsideTheFolderOfPartFilesReadIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path folder = parts("read-parts", D);
        java.util.List<Path> before;
        try (var list = Files.list(folder)) {
            before = list.sorted().toList();
        }
        String[][] runs = {{"report", folder.toString(), "-o", folder.resolve("r.html").toString()},
            {"characterize", folder.toString(), "-o", folder.resolve("out").toString()},
            {"plan", folder.toString(), "-o", folder.toString()},
            {"evaluate", folder.toString(), "-o", folder.resolve("ev").toString()}};
        for (String[] args : runs) {
            String[] all = java.util.Arrays.copyOf(args, args.length + 4);
            System.arraycopy(new String[] {"--embedding", "vec", "--label", "cls"}, 0, all, args.length, 4);
            Cli.Run r = Cli.run(all);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(" is in " + folder + ", the folder of Parquet part files this run reads"),
                    r.err());
        }
        try (var list = Files.list(folder)) {
            assertEquals(before, list.sorted().toList(), "nothing written into the folder");
        }
    }

    /**
     * The options of a single file given with a bundled name or a dataset folder, which have labels of their own:
     * the message said "cannot tell the format from the name; expected a file ending in .npy, ... or a dataset
     * folder", also when the argument was a dataset folder.
     */
    @Test
    void singleFileOptionsWithABundledNameOrAFolderAreRefusedByName() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve("labels.csv"), "id,label\n0,0\n"); // a dataset folder, not part files
        for (String verb : new String[] {"characterize", "plan", "evaluate", "report", "datasets"}) {
            Cli.Run bundled = Cli.run(verb, "iris", "--labels", dir.resolve("labels.npy").toString());
            assertEquals(2, bundled.code(), bundled.err());
            assertEquals("scar: --labels applies to a dataset of one file; 'iris' is a bundled dataset, which has its "
                    + "own labels and columns; expected --labels left out, or a .npy, .csv[.gz], .jsonl[.gz] or "
                    + ".parquet file", bundled.err().strip());
            Cli.Run inFolder = Cli.run(verb, folder.toString(), "--label", "y");
            assertEquals(2, inFolder.code(), inFolder.err());
            assertTrue(inFolder.err().contains("--label applies to a dataset of one file; " + folder + " is a dataset "
                    + "folder") && !inFolder.err().contains("cannot tell the format"), inFolder.err());
            assertEquals(1, inFolder.err().strip().lines().count(), inFolder.err());
        }
    }

    /**
     * {@code scar datasets FILE} told a .npy's user to give --labels and a CSV's user to give --ignore, options the
     * command did not have; it takes the options of a single file as the other commands do.
     */
    @Test
    void datasetsSummarisesOneFileReadWithTheSameOptions() {
        Cli.Run npy = Cli.run("datasets", dir.resolve("emb.npy").toString(), "--labels",
                dir.resolve("labels.csv").toString());
        assertEquals(0, npy.code(), npy.err());
        assertTrue(npy.out().contains("emb: 90 items, 3 classes, 1 modality"), npy.out());
        Cli.Run parquet = Cli.run("datasets", dir.resolve("emb.parquet").toString(), "--embedding", "vec", "--label",
                "cls", "--id", "name");
        assertEquals(0, parquet.code(), parquet.err());
        assertTrue(parquet.out().contains("90 items, 3 classes"), parquet.out());
        Cli.Run alone = Cli.run("datasets", "--labels", dir.resolve("labels.csv").toString());
        assertEquals(2, alone.code());
        assertTrue(alone.err().contains("--labels applies to a dataset of one file; expected the file too"),
                alone.err());
    }

    /**
     * JSON Lines with --labels FILE still wanted a "label" key on every line ({@code no "label" key}), where CSV and
     * Parquet take the labels from the file alone; an embeddings-only dump now reads as the labelled one does.
     */
    @Test
    void jsonLinesWithoutLabelKeysTakeTheirLabelsFromALabelsFile() throws IOException {
        Path bare = Files.createDirectories(dir.resolve("bare")).resolve("emb.jsonl");
        Files.writeString(bare, Files.readString(dir.resolve("emb.jsonl")).replaceAll(", \"label\": \\d+", ""));
        assertTrue(!Files.readString(bare).contains("label"));
        Path withKeys = dir.resolve("jsonl-labelled");
        Path withFile = dir.resolve("jsonl-labels-file");
        assertProfiled(characterize(dir.resolve("emb.jsonl").toString(), "--embedding", "v", "-o",
                withKeys.toString()), "emb");
        assertProfiled(characterize(bare.toString(), "--embedding", "v", "--labels",
                dir.resolve("labels.csv").toString(), "-o", withFile.toString()), "emb");
        assertEquals(Files.readString(withKeys.resolve("profile.json")), Files.readString(withFile.resolve(
                "profile.json")), "the same items and labels, the same profile");
        Cli.Run noLabels = characterize(bare.toString(), "--embedding", "v");
        assertEquals(2, noLabels.code());
        assertTrue(noLabels.err().contains(
                "emb.jsonl, line 1: no \"label\" key; expected {\"v\": [...], \"label\": k}"), noLabels.err());
    }
}
