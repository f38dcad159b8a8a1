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
    void idAndLabelByNameOtherNumericColumnsAreTheEmbedding() {
        Path file = write(dir.resolve("clip.csv"),
                "label,caption,id,e0,e1,e2\n2,\"a cat, sitting\",a,0.5,1,-2\n0,dog,b,3,4e1,5\n2,bird,c,6,7,8.25\n");
        MultiModalDataset ds = CsvEmbeddings.load(file, "id", "label");
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
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label"),
                "e.csv", "no embedding columns");
        assertFails(IllegalArgumentException.class, () -> CsvEmbeddings.load(file, "id", "label", "emb_"),
                "no embedding columns", "'emb_'");
    }
}
