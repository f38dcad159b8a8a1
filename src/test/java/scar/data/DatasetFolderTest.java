package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static scar.data.TestFiles.assertFails;
import static scar.data.TestFiles.write;
import static scar.data.TestFiles.writeGzip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {
    private static final Path WIKIPEDIA = Path.of("datasets", "wikipedia");
    private static final Path MFEAT = Path.of("datasets", "mfeat");

    @TempDir
    Path dir;

    /** Reads a CSV file (gzip or not) line by line into fields, with no code from the library. */
    private static List<String[]> rawCsv(Path file) throws IOException {
        var in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file);
        List<String[]> rows = new ArrayList<>();
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    @Test
    void wikipediaMatchesItsFilesValueForValue() throws IOException {
        MultiModalDataset wiki = DatasetFolder.load(WIKIPEDIA);
        Properties manifest = new Properties();
        try (var in = Files.newInputStream(WIKIPEDIA.resolve("manifest.properties"))) {
            manifest.load(in);
        }
        List<String[]> labels = rawCsv(WIKIPEDIA.resolve("labels.csv"));
        assertEquals("wikipedia", wiki.name());
        assertEquals(Integer.parseInt(manifest.getProperty("samples")), wiki.size());
        assertEquals(labels.size() - 1, wiki.size());
        assertEquals(List.of(manifest.getProperty("views").split(",")), wiki.modalityNames());
        assertArrayEquals(manifest.getProperty("class_names").split(","), wiki.classNames());
        int train = 0;
        for (int i = 0; i < wiki.size(); i++) {
            String[] row = labels.get(i + 1);
            assertEquals(row[0], wiki.id(i));
            assertEquals(Integer.parseInt(row[1]), wiki.classLabels().label(i));
            assertEquals(row[2], wiki.classNames()[wiki.classLabels().label(i)]);
            assertEquals(row[3].equals("train"), wiki.split().isTrain(i));
            train += row[3].equals("train") ? 1 : 0;
        }
        assertEquals(train, wiki.trainIndices().length);
        assertEquals(wiki.size() - train, wiki.testIndices().length);
        for (String view : wiki.modalityNames()) {
            List<String[]> rows = rawCsv(WIKIPEDIA.resolve(manifest.getProperty("view." + view + ".file")));
            Modality m = wiki.modality(view);
            assertEquals(Integer.parseInt(manifest.getProperty("view." + view + ".dim")), m.dim());
            assertEquals(rows.size() - 1, m.rows());
            for (int i = 0; i < m.rows(); i++) {
                for (int j = 0; j < m.dim(); j++) {
                    float expected = (float) Double.parseDouble(rows.get(i + 1)[j]);
                    assertEquals(expected, m.embeddings().get(i, j), () -> view + " row " + rows.size());
                }
            }
        }
    }

    @Test
    void mfeatHasSixViewsAndNoSplit() {
        MultiModalDataset mfeat = DatasetFolder.load(MFEAT);
        assertEquals(List.of("fou", "fac", "kar", "pix", "zer", "mor"), mfeat.modalityNames());
        assertArrayEquals(new int[] {76, 216, 64, 240, 47, 6},
                mfeat.modalities().stream().mapToInt(Modality::dim).toArray());
        assertNull(mfeat.split());
        assertEquals(mfeat.size(), mfeat.trainIndices().length);
        assertEquals(0, mfeat.testIndices().length);
        int total = 0;
        for (int c : mfeat.classCounts()) {
            total += c;
        }
        assertEquals(mfeat.size(), total);
    }

    // ---- a small valid folder, then one defect per test ----

    private Path folder() {
        write(dir.resolve("manifest.properties"), String.join("\n", "name=tiny", "samples=3", "classes=2",
                "class_names=cat,dog", "views=a,b", "view.a.file=view_a.csv.gz", "view.a.dim=2",
                "view.b.file=view_b.csv", "view.b.dim=3", ""));
        write(dir.resolve("labels.csv"), "id,label,class_name,split\nx1,0,cat,train\nx2,1,dog,test\nx3,1,dog,train\n");
        writeGzip(dir.resolve("view_a.csv.gz"), "f0,f1\n1.5,2\n3,4\n5,6e-1\n");
        write(dir.resolve("view_b.csv"), "f0,f1,f2\n1,2,3\n4,5,6\n7,8,9\n");
        return dir;
    }

    @Test
    void smallFolderLoads() {
        MultiModalDataset ds = DatasetFolder.load(folder());
        assertEquals("tiny", ds.name());
        assertArrayEquals(new String[] {"x1", "x2", "x3"}, ds.ids());
        assertArrayEquals(new int[] {0, 1, 1}, ds.labels());
        assertArrayEquals(new int[] {1}, ds.testIndices());
        assertEquals(0.6f, ds.modality("a").embeddings().get(2, 1));
        assertEquals(9f, ds.modality("b").embeddings().get(2, 2));
    }

    @Test
    void withoutManifestViewsAreFoundAndNamesComeFromLabels() throws IOException {
        Files.delete(folder().resolve("manifest.properties"));
        MultiModalDataset ds = DatasetFolder.load(dir);
        assertEquals(List.of("a", "b"), ds.modalityNames());
        assertArrayEquals(new String[] {"cat", "dog"}, ds.classNames());
        assertEquals(dir.getFileName().toString(), ds.name());
    }

    @Test
    void withoutManifestAViewFileNameMayHoldACommaAsAManifestsEscapedCommaMay() throws IOException {
        // the found views were joined with commas and split again: "view_te,xt.csv" became views 'te' and 'xt', and
        // the error blamed a manifest.properties that does not exist
        Files.delete(folder().resolve("manifest.properties"));
        Files.move(dir.resolve("view_b.csv"), dir.resolve("view_te,xt.csv"));
        MultiModalDataset ds = DatasetFolder.load(dir);
        assertEquals(List.of("a", "te,xt"), ds.modalityNames());
        assertEquals(9f, ds.modality("te,xt").embeddings().get(2, 2));
        assertEquals(List.of("te,xt"), DatasetFolder.load(dir, List.of("te,xt")).modalityNames());
    }

    /** A view's keys written with the escaped comma of its name were ignored: its file was looked for by default. */
    @Test
    void aViewKeyMayWriteTheCommaOfItsViewEscaped() {
        Path folder = folder();
        write(folder.resolve("manifest.properties"), String.join("\n", "views=a,te\\,xt",
                "view.te\\,xt.file=view_b.csv", "view.te\\,xt.dim=3", ""));
        MultiModalDataset ds = DatasetFolder.load(dir);
        assertEquals(List.of("a", "te,xt"), ds.modalityNames());
        assertEquals(9f, ds.modality("te,xt").embeddings().get(2, 2));
        write(dir.resolve("manifest.properties"), "views=te\\,xt\nview.te\\,xt.file=view_b.csv\nview.te\\,xt.dim=2\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "view.te,xt.dim=2");
        // the same key written with and without the backslash is one key, given twice
        write(dir.resolve("manifest.properties"), "views=te\\,xt\nview.te\\,xt.dim=3\nview.te,xt.dim=3\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "'view.te,xt.dim' appears twice");
    }

    @Test
    void missingFolderAndMissingViewFile() throws IOException {
        assertFails(UncheckedIOException.class, () -> DatasetFolder.load(dir.resolve("nope")), "nope", "not found");
        Files.delete(folder().resolve("view_b.csv"));
        assertFails(UncheckedIOException.class, () -> DatasetFolder.load(dir), "view_b.csv", "not found");
    }

    @Test
    void aFileOrAFolderWithoutLabelsSaysWhatAFolderNeeds() throws IOException {
        Path file = write(dir.resolve("emb.npy"), "not a folder");
        UncheckedIOException e = assertFails(UncheckedIOException.class, () -> DatasetFolder.load(file),
                "emb.npy", "is a file", "labels.csv", "view_<name>.csv");
        assertFalse(e.getMessage().contains("NoSuchFileException"), e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertFails(UncheckedIOException.class, () -> DatasetFolder.load(empty),
                "labels.csv", "not found", "id,label", "view_<name>.csv");
        folder();
        write(dir.resolve("manifest.properties"), "views=a,b,c\nview.a.file=view_a.csv.gz\nview.b.file=view_b.csv\n");
        assertFails(UncheckedIOException.class, () -> DatasetFolder.load(dir),
                "view_c.csv.gz", "not found", "view 'c'", "manifest.properties");
    }

    @Test
    void truncatedGzipNamesTheFileAndLine() throws IOException {
        StringBuilder rows = new StringBuilder("f0,f1\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3; i++) {
            rows.append(random.nextDouble()).append(',').append(random.nextDouble()).append('\n');
        }
        Path gz = writeGzip(folder().resolve("view_a.csv.gz"), rows.toString());
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(bytes, bytes.length - 12));
        // The lines before the cut are decoded; the message says how far reading got.
        assertFails(UncheckedIOException.class, () -> DatasetFolder.load(dir),
                "view_a.csv.gz", "after line 3", "gzip", "ends early", "truncated");

        // Past the first decoded block the message says how far reading got.
        for (int i = 0; i < 20_000; i++) {
            rows.append(random.nextDouble()).append(',').append(random.nextDouble()).append('\n');
        }
        Path big = writeGzip(dir.resolve("big.csv.gz"), rows.toString());
        byte[] all = Files.readAllBytes(big);
        Files.write(big, Arrays.copyOf(all, all.length / 2));
        UncheckedIOException e = assertFails(UncheckedIOException.class, () -> {
            try (CsvReader reader = CsvReader.open(big)) {
                while (reader.nextLine() != null) {
                    continue;
                }
            }
        }, "big.csv.gz", "after line ", "gzip", "truncated");
        assertFalse(e.getMessage().contains("after line 0"), e.getMessage());
    }

    @Test
    void raggedRow() {
        write(folder().resolve("view_b.csv"), "f0,f1,f2\n1,2,3\n4,5\n7,8,9\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "view_b.csv", "line 3", "ragged", "'f2'");
        write(dir.resolve("view_b.csv"), "f0,f1,f2\n1,2,3\n4,5,6\n7,8,9,10\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "view_b.csv", "line 4", "ragged");
    }

    @Test
    void nonNumericNanAndInfiniteValues() {
        write(folder().resolve("view_b.csv"), "f0,f1,f2\n1,2,3\n4,abc,6\n7,8,9\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "view_b.csv", "line 3", "column 'f1'", "'abc'", "not a number");
        write(dir.resolve("view_b.csv"), "f0,f1,f2\n1,2,3\n4,5,6\nNaN,8,9\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "line 4", "column 'f0'", "'NaN'", "finite");
        writeGzip(dir.resolve("view_a.csv.gz"), "f0,f1\n1,-Infinity\n3,4\n5,6\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "view_a.csv.gz", "line 2", "column 'f1'", "'-Infinity'", "finite");
        writeGzip(dir.resolve("view_a.csv.gz"), "f0,f1\n1,1e300\n3,4\n5,6\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "line 2", "column 'f1'", "'1e300'", "float32 range");
    }

    @Test
    void viewRowCountDiffersFromLabels() {
        write(folder().resolve("view_b.csv"), "f0,f1,f2\n1,2,3\n4,5,6\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "view 'b'", "view_b.csv", "2 rows", "labels.csv has 3");
        write(dir.resolve("view_b.csv"), "f0,f1,f2\n1,2,3\n4,5,6\n7,8,9\n1,1,1\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "view_b.csv", "line 5", "more rows than labels.csv");
    }

    @Test
    void labelsThatAreNotIntegersOrOutOfRange() {
        write(folder().resolve("labels.csv"), "id,label,class_name,split\nx1,0,cat,train\nx2,dog,dog,test\nx3,1,dog,train\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "labels.csv", "line 3", "column 'label'", "'dog'", "integer");
        write(dir.resolve("labels.csv"), "id,label,class_name,split\nx1,0,cat,train\nx2,1.5,dog,test\nx3,1,dog,train\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "line 3", "'1.5'", "integer");
        write(dir.resolve("labels.csv"), "id,label,class_name,split\nx1,0,cat,train\nx2,2,dog,test\nx3,1,dog,train\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "line 3", "'2'", "0..1");
        // an empty class name failed later as "class name 0 is null or blank", without the file
        Path unnamed = dir.resolve("unnamed");
        write(unnamed.resolve("labels.csv"), "id,label,class_name\nx1,0,\nx2,1,dog\n");
        write(unnamed.resolve("view_a.csv"), "f0\n0.5\n1.5\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(unnamed), "labels.csv", "line 2",
                "column 'class_name'", "a class name");
        // without a manifest, classes are 0..max: a stray huge label is an error, not a billion classes (fuzzer)
        Path bare = dir.resolve("bare");
        write(bare.resolve("labels.csv"), "id,label\nx1,0\nx2,999999999\n");
        write(bare.resolve("view_a.csv"), "id,f0\nx1,0.5\nx2,1.5\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(bare), "labels.csv", "line 3",
                "column 'label'", "'999999999'", "0..99999");
    }

    @Test
    void emptyFiles() {
        write(folder().resolve("labels.csv"), "");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "labels.csv", "empty");
        write(dir.resolve("labels.csv"), "id,label,class_name,split\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "labels.csv", "no rows");
        folder();
        writeGzip(dir.resolve("view_a.csv.gz"), "");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "view_a.csv.gz", "empty");
    }

    @Test
    void duplicateIds() {
        write(folder().resolve("labels.csv"), "id,label,class_name,split\nx1,0,cat,train\nx2,1,dog,test\nx1,1,dog,train\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "labels.csv", "line 4", "column 'id'", "'x1'", "duplicate", "line 2");
    }

    @Test
    void inconsistentManifestAndLabels() {
        write(folder().resolve("labels.csv"), "id,label,class_name,split\nx1,0,dog,train\nx2,1,dog,test\nx3,1,dog,train\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "line 2", "column 'class_name'", "'dog'", "'cat'");
        folder();
        write(dir.resolve("labels.csv"), "id,label,class_name,split\nx1,0,cat,train\nx2,1,dog,validation\nx3,1,dog,train\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "line 3", "column 'split'", "'validation'", "'train' or 'test'");
        folder();
        write(dir.resolve("view_b.csv"), "f0,f1\n1,2\n4,5\n7,8\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "view_b.csv", "2 columns", "dim=3");
        folder();
        write(dir.resolve("labels.csv"), "id,class_name\nx1,cat\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "labels.csv", "no column 'label'");
    }

    @Test
    void manifestSampleCountMustMatch() {
        write(folder().resolve("manifest.properties"), "name=tiny\nsamples=4\nviews=a\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "samples=4", "3 rows");
        write(dir.resolve("manifest.properties"), "name=tiny\nsamples=three\nviews=a\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "'samples'", "'three'");
    }

    @Test
    void quotedFieldsInLabels() {
        write(folder().resolve("manifest.properties"), "views=a\n");
        write(dir.resolve("labels.csv"), "id,label,class_name\n\"x,1\",0,\"big \"\"cat\"\"\"\nx2,1,dog\nx3,1,dog\n");
        MultiModalDataset ds = DatasetFolder.load(dir);
        assertEquals("x,1", ds.id(0));
        assertEquals("big \"cat\"", ds.classNames()[0]);
        assertNotNull(ds.modality("a"));
    }

    // ---- issue 14 ------------------------------------------------------------------------------------------------

    /** Issue 14: a labels.csv or view file that is a folder was reported as "file not found". */
    @Test
    void aFolderWhereLabelsOrAViewShouldBeIsNamedAsAFolder() throws IOException {
        Files.delete(folder().resolve("labels.csv"));
        Files.createDirectories(dir.resolve("labels.csv"));
        assertFails(UncheckedIOException.class, () -> DatasetFolder.load(dir), "labels.csv", "is a folder",
                "expected a file");
        Files.delete(dir.resolve("labels.csv"));
        folder();
        Files.delete(dir.resolve("view_b.csv"));
        Files.createDirectories(dir.resolve("view_b.csv"));
        UncheckedIOException e = assertFails(UncheckedIOException.class, () -> DatasetFolder.load(dir),
                "view_b.csv", "is a folder");
        assertFalse(e.getMessage().contains("not found"), e.getMessage());
    }

    /** Issue 14: class_names=art\, architecture counted 11 names for 10 classes. */
    @Test
    void aCommaInAClassNameIsWrittenBackslashComma() {
        write(folder().resolve("manifest.properties"), String.join("\n", "name=tiny", "classes=2",
                "class_names=art\\, architecture,dog\\\\", "views=a", ""));
        write(dir.resolve("labels.csv"), "id,label\nx1,0\nx2,1\nx3,1\n");
        MultiModalDataset ds = DatasetFolder.load(dir);
        assertArrayEquals(new String[] {"art, architecture", "dog\\"}, ds.classNames());
        // without the backslash the count differs, and the message shows how the names were split
        write(dir.resolve("manifest.properties"), "classes=2\nclass_names=art, architecture,dog\nviews=a\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "manifest.properties", "classes=2", "3 names", "art, architecture, dog", "\\,");
        write(dir.resolve("manifest.properties"), "class_names=cat,,dog\nviews=a\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "manifest.properties", "'class_names'", "item 2 of 3 is empty");
        write(dir.resolve("manifest.properties"), "class_names=cat,cat\nviews=a\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "manifest.properties", "'class_names'", "appears twice");
    }

    @Test
    void aDuplicatedManifestKeyOrAFileOutsideTheFolderIsAnError() {
        write(folder().resolve("manifest.properties"), "classes=2\nviews=a\nclasses=3\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "manifest.properties", "'classes' appears twice");
        write(dir.resolve("manifest.properties"), "views=a\nview.a.file=../../etc/passwd\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "manifest.properties", "'view.a.file'", "'../../etc/passwd'", "inside the dataset folder");
        write(dir.resolve("manifest.properties"), "views=a,a\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "manifest.properties", "'views'", "a view appears twice");
        write(dir.resolve("manifest.properties"), "views=a\nlabels.file=lab\\nels.csv\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "manifest.properties", "'labels.file'", "\\u000a", "inside the dataset folder");
        write(dir.resolve("manifest.properties"), "views=a\nname=\\uZZZZ\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "manifest.properties", "\\uxxxx");
    }

    /** Issue 14: a view without line breaks (2 GB) ended in OutOfMemoryError. */
    @Test
    void aTwoGigabyteViewLineIsCutAtTheCapAndNamed() {
        folder();
        TestFiles.sparse(dir.resolve("view_c.csv"), 2L << 30);
        write(dir.resolve("manifest.properties"), "views=a,c\nview.c.file=view_c.csv\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "view_c.csv", "line 1", "longer than 16,777,216 characters");
    }

    @Test
    void textThatIsNotUtf8IsAnError() throws IOException {
        folder();
        Files.write(dir.resolve("labels.csv"), "id,label,class_name\nx1,0,caf\u00e9\nx2,1,dog\nx3,1,dog\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        write(dir.resolve("manifest.properties"), "views=a\n");
        assertFails(UncheckedIOException.class, () -> DatasetFolder.load(dir), "labels.csv", "not valid UTF-8");
    }

    /**
     * A manifest saved as UTF-16 said "the text is not valid UTF-8", where CSV files name UTF-16; without a byte-order
     * mark it was read as keys of NUL-separated letters and ignored, so the dataset loaded as if it had no manifest.
     */
    @Test
    void aManifestInUtf16OrUtf32IsNamedAsSuch() throws IOException {
        String text = "name=tiny\nclass_names=cat,dog\nviews=a,b\nview.a.file=view_a.csv.gz\nview.b.file=view_b.csv\n";
        byte[] utf32 = text.getBytes(java.nio.charset.Charset.forName("UTF-32BE"));
        byte[] withMark = new byte[utf32.length + 4];
        withMark[2] = (byte) 0xFE;
        withMark[3] = (byte) 0xFF;
        System.arraycopy(utf32, 0, withMark, 4, utf32.length);
        Object[][] cases = {
            {text.getBytes(StandardCharsets.UTF_16), "the file is UTF-16 (it starts with a UTF-16 byte-order mark)"},
            {text.getBytes(StandardCharsets.UTF_16LE), "the text looks like UTF-16LE"},
            {text.getBytes(StandardCharsets.UTF_16BE), "the text looks like UTF-16BE"},
            {withMark, "the file is UTF-32"},
        };
        folder();
        for (Object[] c : cases) {
            Files.write(dir.resolve("manifest.properties"), (byte[]) c[0]);
            assertFails(UncheckedIOException.class, () -> DatasetFolder.load(dir),
                    "manifest.properties: " + c[1], "save it as UTF-8");
        }
        Files.writeString(dir.resolve("manifest.properties"), text);
        assertEquals("tiny", DatasetFolder.load(dir).name());
    }

    /**
     * A misspelled key was read as absent: {@code clas_names} showed the classes as 0, 1, {@code viewz} guessed the
     * views from the file names, {@code view.c.dim} of a view that is not listed checked nothing.
     */
    @Test
    void anUnknownManifestKeyIsRefusedWithItsLineAndTheClosestKnownKey() {
        write(folder().resolve("manifest.properties"), "# tiny\nname=tiny\n\nclas_names=cat,dog\nviews=a\n");
        write(dir.resolve("labels.csv"), "id,label\nx1,0\nx2,1\nx3,1\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "manifest.properties, line 4:",
                "'clas_names'", "class_names, ", "view.<v>.dim", "x.", "did you mean class_names?");
        // a value continued over two lines, and Windows line ends, still count the lines of the file
        write(dir.resolve("manifest.properties"), "name=ti\\\r\n  ny\r\nclass_names=cat,dog\r\nviewz=a,b\r\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "manifest.properties, line 4:",
                "'viewz'", "did you mean views?");
        write(dir.resolve("manifest.properties"), "views=a,b\nview.a.dim=2\nview.b.dimension=3\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "manifest.properties, line 3:",
                "'view.b.dimension'", "did you mean view.b.dim?");
        // a key far from every known one suggests none
        write(dir.resolve("manifest.properties"), "views=a\nlicence=CC0\n");
        IllegalArgumentException e = assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir),
                "manifest.properties, line 2:", "'licence'", "x.licence");
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        // a key of a view that is not listed, with views listed or found as files
        write(dir.resolve("manifest.properties"), "views=a,b\nview.a.dim=2\nview.c.dim=3\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "manifest.properties, line 3:",
                "'view.c.dim'", "view 'c'", "a, b");
        write(dir.resolve("manifest.properties"), "view.imgae.dim=2\n");
        assertFails(IllegalArgumentException.class, () -> DatasetFolder.load(dir), "manifest.properties, line 1:",
                "'view.imgae.dim'", "view 'imgae'", "a, b");
    }

    /** The descriptive keys the bundled manifests carry, and keys of the user's own under x., load unread. */
    @Test
    void descriptiveKeysAndKeysOfYourOwnLoad() {
        write(folder().resolve("manifest.properties"), String.join("\n", "name=tiny", "title=A tiny set",
                "class_names=cat,dog", "views=a,b", "view.a.file=view_a.csv.gz", "view.a.dim=2", "view.a.type=double",
                "view.a.description=two numbers", "view.b.file=view_b.csv", "x.source=made up", "x.licence=CC0",
                "x.view.b.note=three", ""));
        MultiModalDataset ds = DatasetFolder.load(dir);
        assertEquals("tiny", ds.name());
        assertArrayEquals(new String[] {"cat", "dog"}, ds.classNames());
        assertEquals(List.of("a", "b"), ds.modalityNames());
    }

    /** A UTF-8 byte-order mark became part of the first key, which was then ignored: here the dataset's name. */
    @Test
    void aByteOrderMarkBeforeTheManifestKeepsItsFirstKey() {
        write(folder().resolve("manifest.properties"), "\uFEFFname=tiny\nclass_names=cat,dog\nviews=a\n");
        assertEquals("tiny", DatasetFolder.load(dir).name());
    }
}
