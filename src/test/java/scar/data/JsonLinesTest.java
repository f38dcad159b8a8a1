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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    // ---- strict JSON ---------------------------------------------------------------------------------------------

    /**
     * The line was read with Gson's lenient mode, so each of these loaded as if it were JSON (a trailing comma read as
     * a null, named as "value 'null' is not a number"). Each is refused with the character, what stands there and
     * what should.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{embedding: [1, 2], label: 'a'}                  | character 2: found 'embedding' without quotes; expected a key in double quotes",
        "{'embedding': [1, 2], 'label': 0}                | character 2: found a single quote",
        "{\"embedding\": [1, 2], \"label\": 'a'}            | character 32: found a single quote",
        "{\"embedding\": [1, 2], \"label\": 0} // from numpy  | character 35: found a comment '//'",
        "{\"embedding\": [1, /* x */ 2], \"label\": 0}        | character 19: found a comment '/*'",
        "{\"embedding\": [1, 2], \"label\": 0} # from numpy   | character 35: found '#' after the object; expected the end of the line",
        "{\"embedding\" = [1, 2], \"label\" = 0}              | character 14: found '='; expected ':' after the key \"embedding\"",
        "{\"embedding\" => [1, 2], \"label\" => 0}            | character 14: found '=>'; expected ':'",
        "{\"embedding\": [1; 2], \"label\": 0}                | character 17: found ';'; expected ',' or ']'",
        "{\"embedding\": [1, 2]; \"label\": 0}                | character 21: found ';'; expected ',' or '}'",
        "{\"embedding\": [1, 2], \"label\": cat}              | character 32: found 'cat' without quotes; expected a value",
        "{\"embedding\": [1, 2], \"label\": 0, \"id\": a7}      | character 41: found 'a7' without quotes",
        "{\"embedding\": [1, 2], \"label\": 0, \"note\": [x]}   | character 44: found 'x' without quotes",
        "{\"embedding\": [1, 2,], \"label\": 0}               | character 21: found ']' after a comma; expected a value (JSON allows no trailing comma)",
        "{\"embedding\": [1, 2], \"label\": 0,}               | character 34: found '}' after a comma",
        "{\"embedding\": [1, , 2], \"label\": 0}              | character 19: found ','; expected a value",
        "`{\"embedding\": [1, 2], \"label\": \"a\tb\"}`            | character 34: found the control character U+0009 inside a string",
        "{\"embedding\": [1, 2], \"label\": \"a\\qb\"}           | character 34: found '\\q'; expected an escape of JSON",
        "{\"embedding\": [1, 2],\u00a0\"label\": 0}             | character 22: found the character U+00A0; expected a key in double quotes",
        "[1, 2]                                           | character 1: found '['; expected '{' (each line one JSON object, such as {\"embedding\": [...], \"label\": k})",
        "{\"embedding\": [1, 2], \"label\": 0}{}              | character 34: found '{' after the object",
        "{\"embedding\": [1, 2], \"label\": \"a              | character 32: found a string that does not close on its line",
    })
    void onlyJsonIsRead(String line, String message) {
        Path file = write(dir.resolve("j.jsonl"), "{\"embedding\": [3, 4], \"label\": 1}\n" + line + "\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(file),
                "j.jsonl, line 2: malformed JSON at " + message);
    }

    /** Numbers in a grammar wider than JSON's, which the lenient parser passed on to the number parser. */
    @Test
    void numbersAreReadInJsonsGrammarOnly() {
        for (String number : new String[] {"+1", ".5", "1.", "01", "-01", "1e", "1.5e+"}) {
            Path file = write(dir.resolve("n.jsonl"), "{\"embedding\": [2, " + number + "], \"label\": 0}\n");
            assertFails(IllegalArgumentException.class, () -> JsonLines.load(file),
                    "n.jsonl, line 1, column 'embedding[1]': value '" + number + "' is not a number");
        }
        Path ok = write(dir.resolve("ok.jsonl"), "{\"embedding\": [-0, 0.25, 1E2, -1.5e-3, 2e+1], \"label\": 0}\n");
        assertArrayEquals(new float[] {-0f, 0.25f, 100f, -1.5e-3f, 20f},
                JsonLines.load(ok).modality("ok").embeddings().row(0));
    }

    /**
     * Python's json.dumps writes NaN, Infinity and -Infinity for floats that are not finite: not JSON, but named as
     * what they are where they are read, and skipped where they are not (Python's json.loads reads them).
     */
    @Test
    void pythonsNonFiniteFloatsKeepTheirOwnMessage() {
        for (String v : new String[] {"NaN", "Infinity", "-Infinity", "nan", "-inf"}) {
            Path file = write(dir.resolve("p.jsonl"), "{\"embedding\": [1, " + v + "], \"label\": 0}\n");
            assertFails(IllegalArgumentException.class, () -> JsonLines.load(file),
                    "p.jsonl, line 1, column 'embedding[1]': value '" + v + "' is not a finite number");
        }
        Path label = write(dir.resolve("l.jsonl"), "{\"embedding\": [1], \"label\": NaN}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(label),
                "l.jsonl, line 1, column 'label': value 'NaN' is not an integer class label");
        Path skipped = write(dir.resolve("s.jsonl"), "{\"embedding\": [1], \"label\": 0, \"loss\": NaN}\n"
                + "{\"embedding\": [2], \"label\": 1, \"loss\": [-Infinity, {\"a\": Infinity}]}\n");
        assertEquals(2, JsonLines.load(skipped).size());
    }

    /** RFC 8259 allows a byte-order mark to be ignored; CRLF line ends and blank lines are line breaks. */
    @Test
    void aByteOrderMarkCrlfAndBlankLinesLoad() {
        Path file = dir.resolve("b.jsonl");
        TestFiles.write(file, "\uFEFF{\"embedding\": [1], \"label\": 0}\r\n\r\n  \t\r\n{\"embedding\": [2], \"label\": 1}\r\n");
        MultiModalDataset ds = JsonLines.load(file);
        assertArrayEquals(new int[] {0, 1}, ds.labels());
        assertArrayEquals(new float[] {2f}, ds.modality("b").embeddings().row(1));
    }

    /** Values nested deeper than a stack holds are refused by depth, not by a StackOverflowError. */
    @Test
    void deepNestingIsRefusedByDepth() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Path file = write(dir.resolve("d.jsonl"), "{\"embedding\": [1], \"label\": 0, \"x\": " + deep + "}\n");
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(file),
                "d.jsonl, line 1: malformed JSON at character 292: found more than 255 arrays and objects");
        Path fine = write(dir.resolve("f.jsonl"), "{\"embedding\": [1], \"label\": 0, \"x\": {\"y\": [[{}], \"\\u00e9\\\"\"]}}\n");
        assertEquals(1, JsonLines.load(fine).size());
    }

    /**
     * A number in quotes is a JSON string: it used to load as the number (Gson reads a string as a number on request),
     * which takes a column of text for numbers without a word. json.dumps never quotes a float.
     */
    @Test
    void aNumberInQuotesIsAStringNotANumber() {
        for (String v : new String[] {"\"1.5\"", "\"2\"", "\"NaN\""}) {
            Path file = write(dir.resolve("q.jsonl"), "{\"embedding\": [1, 2], \"label\": 0}\n"
                    + "{\"embedding\": [1, " + v + "], \"label\": 0}\n");
            assertFails(IllegalArgumentException.class, () -> JsonLines.load(file), "q.jsonl, line 2, column"
                    + " 'embedding[1]': value '" + v.replace("\"", "") + "' is not a number but a string (in quotes)");
        }
    }
}
