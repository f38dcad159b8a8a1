package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static scar.data.TestFiles.assertFails;
import static scar.data.TestFiles.write;
import static scar.data.TestFiles.writeGzip;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
    @TempDir
    Path dir;

    @Test
    void researchCodeFormat() {
        Path file = write(dir.resolve("train_emb.jsonl"), """
                {"embedding": [0.5, -1.25, 3e-2], "label": 1}
                {"label": 0, "embedding": [1, 2, 3], "path": "img/2.jpg"}

                {"embedding": [4, 5, 6], "label": 1}
                """);
        MultiModalDataset ds = JsonLines.load(file);
        assertEquals("train_emb", ds.name());
        assertEquals(3, ds.size());
        assertArrayEquals(new float[] {0.5f, -1.25f, 0.03f}, ds.modality("train_emb").embeddings().row(0));
        assertArrayEquals(new int[] {1, 0, 1}, ds.labels());
        assertFalse(ds.modality("train_emb").hasIds());
    }

    @Test
    void gzipWithIdsAndSparseLabels() {
        Path file = writeGzip(dir.resolve("e.jsonl.gz"), """
                {"id": "a", "embedding": [1], "label": 7}
                {"id": "b", "embedding": [2], "label": 3}
                """);
        MultiModalDataset ds = JsonLines.load(file);
        assertArrayEquals(new String[] {"a", "b"}, ds.ids());
        assertArrayEquals(new String[] {"3", "7"}, ds.classNames());
        assertArrayEquals(new int[] {1, 0}, ds.labels());
    }

    @Test
    void missingAndEmptyFiles() {
        assertFails(UncheckedIOException.class, () -> JsonLines.load(dir.resolve("no.jsonl")), "no.jsonl", "not found");
        Path empty = write(dir.resolve("empty.jsonl"), "\n\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(empty), "empty.jsonl", "empty");
    }

    @Test
    void raggedEmbedding() {
        Path file = write(dir.resolve("r.jsonl"), "{\"embedding\": [1, 2], \"label\": 0}\n{\"embedding\": [1], \"label\": 0}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(file),
                "r.jsonl", "line 2", "1 values", "line 1 has 2", "ragged");
    }

    @Test
    void nonNumericNanAndInfinite() {
        Path text = write(dir.resolve("t.jsonl"), "{\"embedding\": [1, \"x\"], \"label\": 0}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(text),
                "t.jsonl", "line 1", "embedding[1]", "'x'", "not a number");
        Path nan = write(dir.resolve("n.jsonl"), "{\"embedding\": [1, 2], \"label\": 0}\n{\"embedding\": [NaN, 2], \"label\": 0}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(nan),
                "n.jsonl", "line 2", "embedding[0]", "'NaN'", "finite");
        Path inf = write(dir.resolve("i.jsonl"), "{\"embedding\": [1, -Infinity], \"label\": 0}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(inf), "line 1", "embedding[1]", "Infinity");
        Path nul = write(dir.resolve("z.jsonl"), "{\"embedding\": [1, null], \"label\": 0}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(nul), "line 1", "embedding[1]", "'null'");
    }

    @Test
    void labelsThatAreNotIntegers() {
        Path frac = write(dir.resolve("f.jsonl"), "{\"embedding\": [1], \"label\": 0}\n{\"embedding\": [1], \"label\": 0.5}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(frac),
                "f.jsonl", "line 2", "column 'label'", "'0.5'", "integer");
        Path half = write(dir.resolve("s.jsonl"), "{\"embedding\": [1], \"label\": \"1.5\"}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(half), "line 1", "'1.5'", "integer");
        Path empty = write(dir.resolve("e.jsonl"), "{\"embedding\": [1], \"label\": \"\"}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(empty), "line 1", "empty");
        Path none = write(dir.resolve("m.jsonl"), "{\"embedding\": [1]}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(none), "line 1", "no \"label\"");
    }

    /** Class names as labels, coded as for CSV and Parquet: sorted; strings of integers are integers. */
    @Test
    void classNamesAreLabelsToo() {
        Path names = write(dir.resolve("n.jsonl"), "{\"embedding\": [1], \"label\": \"dog\"}\n"
                + "{\"embedding\": [2], \"label\": \"cat\"}\n{\"embedding\": [3], \"label\": \"dog\"}\n");
        MultiModalDataset d = JsonLines.load(names);
        assertArrayEquals(new String[] {"cat", "dog"}, d.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels());
        Path quoted = write(dir.resolve("q.jsonl"), "{\"embedding\": [1], \"label\": \"2\"}\n"
                + "{\"embedding\": [2], \"label\": 0}\n");
        MultiModalDataset q = JsonLines.load(quoted);
        assertArrayEquals(new String[] {"0", "2"}, q.classNames());
        assertArrayEquals(new int[] {1, 0}, q.labels());
    }

    @Test
    void anEmbeddingThatIsNotAnArrayOfNumbersIsNamed() {
        Path text = write(dir.resolve("s.jsonl"), "{\"embedding\": [1, 2], \"label\": 0}\n"
                + "{\"embedding\": \"0.1,0.2\", \"label\": 0}\n");
        IllegalArgumentException e = assertFails(IllegalArgumentException.class, () -> JsonLines.load(text),
                "s.jsonl", "line 2", "column 'embedding'", "'0.1,0.2'", "array of numbers");
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        Path label = write(dir.resolve("l.jsonl"), "{\"embedding\": [1], \"label\": [0]}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(label),
                "line 1", "column 'label'", "'[...]'", "integer class label");
    }

    @Test
    void malformedJsonAndDuplicateIds() {
        Path bad = write(dir.resolve("b.jsonl"), "{\"embedding\": [1], \"label\": 0}\n{\"embedding\": [1, \"label\": 0}\n");
        IllegalArgumentException e = assertFails(IllegalArgumentException.class, () -> JsonLines.load(bad),
                "b.jsonl", "line 2", "malformed JSON");
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("Troubleshooting"), e.getMessage());
        Path dup = write(dir.resolve("d.jsonl"), "{\"id\": \"a\", \"embedding\": [1], \"label\": 0}\n"
                + "{\"id\": \"a\", \"embedding\": [2], \"label\": 0}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(dup), "d.jsonl", "line 2", "'a'", "duplicate");
    }

    // ---- issue 14 ------------------------------------------------------------------------------------------------

    /** Issue 14: a duplicated key kept one of its values without a word. */
    @Test
    void aDuplicatedKeyIsAnError() {
        Path file = write(dir.resolve("dup.jsonl"), "{\"embedding\": [1, 2], \"label\": 0, \"label\": 1}\n"
                + "{\"embedding\": [3, 4], \"label\": 1}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(file),
                "dup.jsonl", "line 1", "\"label\" appears twice");
        Path ignored = write(dir.resolve("other.jsonl"), "{\"embedding\": [1], \"label\": 0, \"x\": 1, \"x\": 2}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(ignored), "line 1", "\"x\" appears twice");
    }

    @Test
    void hexFloatsAndEmptyEmbeddingsAreErrors() {
        Path hex = write(dir.resolve("hex.jsonl"), "{\"embedding\": [0x1p3, 2], \"label\": 0}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(hex),
                "hex.jsonl", "line 1", "embedding[0]", "'0x1p3'", "not a number");
        Path empty = write(dir.resolve("e.jsonl"), "{\"embedding\": [], \"label\": 0}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(empty),
                "e.jsonl", "line 1", "empty array");
    }

    /** Issue 14: a 2 GB file without a line break ended in OutOfMemoryError. */
    @Test
    void aTwoGigabyteLineIsCutAtTheCapAndNamed() {
        Path file = TestFiles.sparse(dir.resolve("huge.jsonl"), 2L << 30);
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(file),
                "huge.jsonl", "line 1", "longer than 16,777,216 characters");
    }

    @Test
    void aFolderWhereTheFileShouldBe() throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("train.jsonl"));
        assertFails(UncheckedIOException.class, () -> JsonLines.load(folder), "train.jsonl", "is a folder");
    }
}
