package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static scar.data.TestFiles.assertFails;
import static scar.data.TestFiles.write;
import static scar.data.TestFiles.writeGzip;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEmbeddingsTest {
    @TempDir
    Path dir;

    @Test
    void idAndLabelByNameEveryOtherColumnIsTheEmbeddingUnlessIgnored() {
        Path file = write(dir.resolve("clip.csv"),
                "label,caption,id,e0,e1,e2\n2,\"a cat, sitting\",a,0.5,1,-2\n0,dog,b,3,4e1,5\n2,bird,c,6,7,8.25\n");
        MultiModalDataset ds = CsvEmbeddings.loader().id("id").ignore("caption").load(file);
        assertEquals("clip", ds.name());
        assertEquals(List.of("clip"), ds.modalityNames());
        Modality m = ds.modality("clip");
        assertEquals(3, m.dim());
        assertArrayEquals(new float[] {3, 40, 5}, m.embeddings().row(1));
        assertArrayEquals(new String[] {"a", "b", "c"}, m.ids());
        // labels 0 and 2 only: mapped in numeric order, names keep the values
        assertArrayEquals(new int[] {1, 0, 1}, ds.labels());
        assertArrayEquals(new String[] {"0", "2"}, ds.classNames());
        assertNull(ds.split());
    }

    @Test
    void gzipByPrefixWithTextLabelsAndSplit() {
        Path file = writeGzip(dir.resolve("emb.csv.gz"),
                "x0,x1,other,kind,fold\n1,2,99,zebra,train\n3,4,99,ant,test\n5,6,99,zebra,train\n");
        MultiModalDataset ds = CsvEmbeddings.loader().label("kind").prefix("x").split("fold").modality("image").load(file);
        assertEquals("emb", ds.name());
        assertEquals(2, ds.modality("image").dim());
        assertArrayEquals(new String[] {"ant", "zebra"}, ds.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, ds.labels());
        assertArrayEquals(new int[] {1}, ds.testIndices());
        assertFalse(ds.modality("image").hasIds());
        MultiModalDataset listed = CsvEmbeddings.loader().label("kind").columns(List.of("other", "x0")).load(file);
        assertArrayEquals(new float[] {99, 3}, listed.modality("emb").embeddings().row(1));
    }

    @Test
    void missingFileAndMissingColumn() {
        assertFails(UncheckedIOException.class, () -> CsvEmbeddings.load(dir.resolve("none.csv"), "id", "label"),
                "none.csv", "not found");
        Path file = write(dir.resolve("e.csv"), "id,y,f0\na,0,1\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                "e.csv", "no column 'label'", "id,y,f0");
    }

    @Test
    void raggedRow() {
        Path file = write(dir.resolve("e.csv"), "id,label,f0,f1\na,0,1,2\nb,1,3\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                "e.csv", "line 3", "ragged", "'f1'");
    }

    @Test
    void aLabelOfWhiteSpaceOnlyIsRefusedWhereItIsRead() {
        // the fuzzer's label \u001C (a separator Java counts as white space) passed the loader and then failed as
        // "class name 0 is null or blank", naming neither file nor line
        Path file = write(dir.resolve("ws.csv"), "id,label,f0\na,0,1\nb,\u001C,2\nc,1,3\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                "ws.csv", "line 3", "column 'label'", "only white space");
    }

    @Test
    void nonNumericNanAndInfinite() {
        Path text = write(dir.resolve("e.csv"), "id,label,f0,f1\na,0,1,2\nb,1,3,x\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(text, "id", "label"),
                "e.csv", "line 3", "column 'f1'", "'x'", "not a number");
        Path nan = write(dir.resolve("n.csv"), "id,label,f0,f1\na,0,1,2\nb,1,NaN,4\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(nan, "id", "label"),
                "n.csv", "line 3", "column 'f0'", "'NaN'", "finite");
        Path inf = write(dir.resolve("i.csv"), "id,label,f0,f1\na,0,1,Infinity\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(inf, "id", "label"),
                "line 2", "column 'f1'", "'Infinity'", "finite");
    }

    @Test
    void labelsThatAreNotIntegersAndEmptyLabels() {
        Path file = write(dir.resolve("e.csv"), "id,label,f0\na,0,1\nb,1.5,2\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                "e.csv", "line 3", "column 'label'", "'1.5'", "integer");
        Path empty = write(dir.resolve("m.csv"), "id,label,f0\na,0,1\nb,,2\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(empty, "id", "label"),
                "line 3", "column 'label'", "empty");
    }

    @Test
    void emptyFileAndHeaderOnly() {
        Path empty = write(dir.resolve("e.csv"), "");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(empty, "id", "label"), "e.csv", "empty");
        Path header = write(dir.resolve("h.csv"), "id,label,f0\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(header, "id", "label"),
                "h.csv", "no data rows");
    }

    @Test
    void duplicateIds() {
        Path file = write(dir.resolve("e.csv"), "id,label,f0\na,0,1\nb,1,2\n\na,1,3\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                "e.csv", "line 5", "column 'id'", "'a'", "duplicate", "line 2");
    }

    @Test
    void noEmbeddingColumns() {
        Path file = write(dir.resolve("e.csv"), "id,label,name\na,0,x\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.loader().id("id").ignore("name").load(file),
                "e.csv", "no embedding columns", "besides the id, label and split");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label", "emb_"),
                "no embedding columns", "'emb_'");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.loader().ignore("nope").load(file),
                "e.csv", "line 1", "no column 'nope'");
    }

    // ---- issue 14: the embedding columns come from the header, every cell is checked ----------------------------

    /** Issue 14: a typo in row 1 used to drop its column silently (dim 9 instead of 10). */
    @Test
    void aTypoInTheFirstRowIsAnErrorNotADroppedColumn() {
        StringBuilder csv = new StringBuilder("id,label,f0,f1,f2,f3,f4,f5,f6,f7,f8,f9\n");
        for (int i = 0; i < 120; i++) {
            csv.append('r').append(i).append(',').append(i % 3);
            for (int j = 0; j < 10; j++) {
                csv.append(',').append(i == 0 && j == 2 ? "abc" : Double.toString(i + 0.1 * j));
            }
            csv.append('\n');
        }
        Path file = write(dir.resolve("typo.csv"), csv.toString());
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                "typo.csv", "line 2", "column 'f2'", "'abc'", "not a number");
        // the same typo on row 101 gives the same kind of message
        Path later = write(dir.resolve("later.csv"), csv.toString().replace("abc", "0.2")
                .replace("r100,1,100.0,100.1,100.2", "r100,1,100.0,100.1,abc"));
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(later, "id", "label"),
                "later.csv", "line 102", "column 'f2'", "'abc'", "not a number");
        assertEquals(10, CsvEmbeddings.load(write(dir.resolve("fixed.csv"), csv.toString().replace("abc", "0.2")),
                "id", "label").modality("fixed").dim());
    }

    @Test
    void aTextColumnIsAnErrorThatSaysHowToLeaveItOut() {
        Path file = write(dir.resolve("clip.csv"), "id,label,caption,e0\na,0,a cat,1\nb,1,a dog,2\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                "clip.csv", "line 2", "column 'caption'", "'a cat'", "not a number", "ignore(\"caption\")",
                "prefix(..)");
        assertEquals(1, CsvEmbeddings.loader().id("id").ignore("caption").load(file).modality("clip").dim());
    }

    /** Issue 14: Double.parseDouble reads 0x1p3 as 8.0 and 1.5f as 1.5; the loaders accept decimals only. */
    @Test
    void hexadecimalFloatsAndTypeSuffixesAreNotNumbers() {
        for (String value : new String[] {"0x1p3", "1.5f", "2d", "0X10P0", "1_000", "\u00a01"}) {
            Path file = write(dir.resolve("hex.csv"), "id,label,f0,f1\na,0," + value + ",2\nb,1,3,4\n");
            assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                    "hex.csv", "line 2", "column 'f0'", "not a number");
        }
        Path ok = write(dir.resolve("ok.csv"), "id,label,f0,f1\na,0, 1.,.5\nb,1,-2E+1,\t+3e-1\n");
        assertArrayEquals(new float[] {1f, 0.5f, -20f, 0.3f}, CsvEmbeddings.load(ok, "id", "label").modality("ok")
                .embeddings().data());
    }

    @Test
    void aLabelThatIsAHexFloatIsTextNotTheNumberEight() {
        Path file = write(dir.resolve("l.csv"), "label,f0\n0x1p3,1\n8,2\n");
        assertArrayEquals(new String[] {"0x1p3", "8"}, CsvEmbeddings.load(file, null, "label").classNames());
    }

    @Test
    void duplicateAndUnnamedColumns() {
        Path twice = write(dir.resolve("twice.csv"), "id,label,f0,label\na,0,1,1\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(twice, "id", "label"),
                "twice.csv", "line 1", "columns 2 and 4", "'label'", "unique");
        // what pandas' to_csv writes by default: an unnamed index column
        Path pandas = write(dir.resolve("pandas.csv"), ",label,f0\n0,0,1.5\n1,1,2.5\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(pandas, null, "label"),
                "pandas.csv", "line 1", "column 1 has no name", "index=False");
        assertEquals(1, CsvEmbeddings.loader().ignore("").load(pandas).modality("pandas").dim());
    }

    /** Issue 14: a 2 GB file without a line break ended in OutOfMemoryError after a 27-line trace. */
    @Test
    void aTwoGigabyteLineIsCutAtTheCapAndNamed() {
        Path file = TestFiles.sparse(dir.resolve("huge.csv"), 2L << 30);
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                "huge.csv", "line 1", "longer than 16,777,216 characters", "line break");
    }

    /** \r\n, \r and \n each end one line (a \r\n split across two reads too); blank lines are skipped. */
    @Test
    void everyLineEndingIsOneBreak() {
        Path mixed = write(dir.resolve("mixed.csv"), "label,f0\r\n0,1\r1,2\n\r\n0,3\r\n1,4");
        MultiModalDataset ds = CsvEmbeddings.load(mixed, null, "label");
        assertEquals(4, ds.size());
        assertArrayEquals(new float[] {1, 2, 3, 4}, ds.modality("mixed").embeddings().data());
    }

    @Test
    void aFolderWhereTheFileShouldBe() throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("emb.csv"));
        assertFails(UncheckedIOException.class, () -> CsvEmbeddings.load(folder, "id", "label"),
                "emb.csv", "is a folder", "expected a file");
    }

    /**
     * Found by CsvFuzzTest (kept in CsvFuzzTestInputs/fuzz/header-of-control-characters): column names of NUL bytes,
     * each escaped to six characters, made a 3,600-character message. Shown values are now cut after escaping.
     */
    @Test
    void columnNamesOfControlCharactersStayAShortLine() {
        String name = "\u0000".repeat(100);
        Path file = write(dir.resolve("nul.csv"), java.util.stream.IntStream.range(0, 12).mapToObj(i -> name + i)
                .collect(java.util.stream.Collectors.joining(",")) + "\n1,2,3,4,5,6,7,8,9,10,11,12\n");
        IllegalArgumentException e = assertFails(IllegalArgumentException.class,
                () -> CsvEmbeddings.load(file, null, "label"), "nul.csv", "no column 'label'", "\\u0000");
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().length() < 500, e.getMessage());
        Path ragged = write(dir.resolve("ragged.csv"), "label," + name + "\n0\n");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(ragged, null, "label"),
                "ragged.csv", "line 2", "ragged", "\\u0000");
    }

    /**
     * A text file saved as UTF-16 or UTF-32 is named as such, with or without its byte-order mark, as CSV, gzip CSV,
     * JSON Lines and a labels file: with a mark it used to be "the text is not valid UTF-8 (Input length = 1)", and
     * without one a labels file said its header "has no column 'label'; its columns are \\u0000l\\u0000a…".
     */
    @Test
    void aUtf16OrUtf32FileIsNamedAsSuchWithOrWithoutItsByteOrderMark() throws java.io.IOException {
        var utf16 = "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8";
        var utf32 = "the file is UTF-32 (it starts with a UTF-32 byte-order mark); save it as UTF-8";
        var looks = "the text looks like UTF-16";
        var looks32 = "the text looks like UTF-32";
        String csv = "id,label,f0\na,0,1\nb,1,2\n";
        String json = "{\"label\": 0, \"embedding\": [1]}\n{\"label\": 1, \"embedding\": [2]}\n";
        String labels = "label\n0\n1\n";
        Path x = TestFiles.npy(dir.resolve("x.npy"), "<f4", false, "(2, 1)",
                TestFiles.floats(java.nio.ByteOrder.LITTLE_ENDIAN, 1, 2), 1);
        for (Object[] c : new Object[][] {{"\uFEFF", "UTF-16BE", utf16}, {"\uFEFF", "UTF-16LE", utf16},
                {"", "UTF-16BE", looks + "BE"}, {"", "UTF-16LE", looks + "LE"}, {"\uFEFF", "UTF-32BE", utf32},
                {"\uFEFF", "UTF-32LE", utf32}, {"", "UTF-32BE", looks32 + "BE"}, {"", "UTF-32LE", looks32 + "LE"}}) {
            var charset = java.nio.charset.Charset.forName((String) c[1]);
            Path file = java.nio.file.Files.write(dir.resolve("e.csv"), (c[0] + csv).getBytes(charset));
            assertFails(UncheckedIOException.class, () -> CsvEmbeddings.loader().id("id").load(file), "e.csv",
                    (String) c[2]);
            var gzipped = new java.io.ByteArrayOutputStream();
            try (var out = new java.util.zip.GZIPOutputStream(gzipped)) {
                out.write((c[0] + csv).getBytes(charset));
            }
            Path gz = java.nio.file.Files.write(dir.resolve("e.csv.gz"), gzipped.toByteArray());
            assertFails(UncheckedIOException.class, () -> CsvEmbeddings.loader().id("id").load(gz), "e.csv.gz",
                    (String) c[2]);
            Path jl = java.nio.file.Files.write(dir.resolve("e.jsonl"), (c[0] + json).getBytes(charset));
            assertFails(UncheckedIOException.class, () -> JsonLines.load(jl), "e.jsonl", (String) c[2]);
            Path y = java.nio.file.Files.write(dir.resolve("y.csv"), (c[0] + labels).getBytes(charset));
            assertFails(UncheckedIOException.class, () -> Npy.load(x, y), "y.csv", (String) c[2]);
        }
        assertEquals(2, CsvEmbeddings.loader().id("id").load(write(dir.resolve("e.csv"), "\uFEFF" + csv)).size());
    }
}
