package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static scar.data.TestFiles.assertFails;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line longer than the cap is an error naming the file and the line, not an OutOfMemoryError. */
class LongLinesTest {
    @TempDir
    Path dir;

    private Path withHugeLine(String name, String before, char filler) throws IOException {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(before);
            char[] block = new char[1 << 16];
            java.util.Arrays.fill(block, filler);
            for (long written = 0; written <= CsvReader.MAX_LINE; written += block.length) {
                w.write(block);
            }
            w.write('\n');
        }
        return file;
    }

    @Test
    void csvAndJsonLinesStopAtTheCap() throws IOException {
        Path csv = withHugeLine("wide.csv", "label,f0\n1,0.5\n", '7');
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(csv, null, "label"), "wide.csv",
                "line 3", "longer than 16,777,216 characters");
        Path jsonl = withHugeLine("one.jsonl", "", ' ');
        assertFails(IllegalArgumentException.class, () -> JsonLines.load(jsonl), "one.jsonl", "line 1",
                "longer than");
    }

    @Test
    void everyLineEndingIsOneBreak() {
        Path mixed = TestFiles.write(dir.resolve("mixed.csv"), "label,f0\r\n0,1\r1,2\n\r\n0,3\r\n1,4");
        MultiModalDataset ds = CsvEmbeddings.load(mixed, null, "label");
        assertEquals(4, ds.size());
        assertArrayEquals(new float[] {1, 2, 3, 4}, ds.modality("mixed").embeddings().data());
    }
}
