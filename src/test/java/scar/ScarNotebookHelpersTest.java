package scar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static scar.Checks.assertMessage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scar.data.MultiModalDataset;
import scar.foundation.FoundationEstimate;
import scar.measure.ClassMeasures;
import tech.tablesaw.api.Table;

/** The facade's notebook helpers: each delegates, so each is checked on one small case with a known answer. */
class ScarNotebookHelpersTest {

    @TempDir
    Path dir;

    @Test
    void loadCsvReadsIdLabelAndNumericColumns() throws IOException {
        Path csv = Files.writeString(dir.resolve("points.csv"),
                "id,label,x,y\na,cat,0.5,1\nb,dog,1.5,2\nc,cat,2.5,3\n");
        MultiModalDataset ds = Scar.loadCsv(csv, "id", "label");
        assertEquals(3, ds.size());
        assertArrayEquals(new String[] {"cat", "dog"}, ds.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, ds.labels());
        assertEquals(2, ds.modality("points").dim());
        assertEquals("b", ds.id(1));
    }

    @Test
    void loadNpyPairsEmbeddingsWithLabels() throws IOException {
        Path x = npy(dir.resolve("x.npy"), "<f4", "(3, 2)", ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1).putFloat(2).putFloat(3).putFloat(4).putFloat(5).putFloat(6).array());
        Path y = npy(dir.resolve("y.npy"), "<i4", "(3,)", ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(1).putInt(0).putInt(1).array());
        MultiModalDataset ds = Scar.loadNpy(x, y);
        assertArrayEquals(new int[] {1, 0, 1}, ds.labels());
        assertEquals(5f, ds.modality("x").embeddings().get(2, 0));
        assertMessage(() -> Scar.loadNpy(x, npy(dir.resolve("short.npy"), "<i4", "(2,)",
                new byte[8])), "expected one label per row");
    }

    @Test
    void loadJsonLinesReadsEmbeddingAndLabel() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("items.jsonl"),
                "{\"embedding\": [0.1, 0.2], \"label\": 0}\n{\"embedding\": [0.3, 0.4], \"label\": 1}\n");
        MultiModalDataset ds = Scar.loadJsonLines(jsonl);
        assertEquals(2, ds.size());
        assertEquals(0.4f, ds.modality("items").embeddings().get(1, 1));
    }

    @Test
    void tableRoundTripKeepsEmbeddingsAndLabels() {
        MultiModalDataset iris = Scar.dataset("iris");
        String modality = iris.modalityNames().get(0);
        Table table = Scar.asTable(iris, modality);
        assertEquals(iris.size(), table.rowCount());
        MultiModalDataset back = Scar.fromTable(table, "label", "f");
        assertArrayEquals(iris.labels(), back.labels());
        assertArrayEquals(iris.modality(modality).embeddings().data(), back.modality("embedding").embeddings().data());
    }

    @Test
    void crossModalLabelsTagOneViewWithTheClustersOfTheOther() {
        MultiModalDataset wiki = Scar.dataset("wikipedia");
        MultiModalDataset image = Scar.crossModalLabels(wiki, "image", 10, 1);
        assertEquals(List.of("image"), image.modalityNames());
        assertEquals(10, image.numClasses());
        assertEquals("cluster 0", image.classNames()[0]);
        assertArrayEquals(wiki.trainIndices(), image.trainIndices());
        double ari = Scar.adjustedRandIndex(image.labels(), wiki.labels());
        assertTrue(ari > 0.25, "text clusters should resemble the hidden topics, ARI " + ari);
        assertArrayEquals(image.labels(), Scar.crossModalLabels(wiki, "image", "text", 10, 1).labels());
        assertMessage(() -> Scar.crossModalLabels(wiki, "text", "text", 10, 1), "two different modalities");
        assertMessage(() -> Scar.crossModalLabels(Scar.dataset("mfeat"), "fou", 10, 1), "expected exactly 2");

        // both ways at once: image labelled by text clusters, text labelled by image clusters
        List<MultiModalDataset> both = Scar.crossModalLabels(wiki, 10, 1);
        assertEquals(2, both.size());
        assertArrayEquals(image.labels(), both.get(0).labels());
        assertEquals(List.of("text"), both.get(1).modalityNames());
        assertArrayEquals(Scar.crossModalLabels(wiki, "text", "image", 10, 1).labels(), both.get(1).labels());
    }

    @Test
    void measuresOfAHandWorkedExample() {
        // labels 0,1,2,0; argmax predictions 0,1,1,2 (row 1 ties between classes 1 and 2: the lower wins)
        double[][] logits = {{3, 1, 0}, {0, 2, 2}, {0, 2, 1}, {0, 1, 4}};
        ClassMeasures m = Scar.measures(logits, new int[] {0, 1, 2, 0}, 2);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, m.scale(), 0);
        // one-vs-rest agreement over 4 items: class 0 3, class 1 3, class 2 2
        assertArrayEquals(new double[] {0.75, 0.75, 0.5}, m.authenticity(), 1e-15);
        // (agreements + false negatives / (K - 1)) / n: class 0 (3 + 1/2)/4, class 1 3/4, class 2 (2 + 1/2)/4
        assertArrayEquals(new double[] {0.875, 0.75, 0.625}, m.richness(), 1e-15);
        assertEquals(0.5, m.accuracy(), 0);
        assertMessage(() -> Scar.measures(new double[][] {{1, 2}, {1}}, new int[] {0, 1}, 1), "logit row 1");
    }

    @Test
    void stepsOfSection5() {
        assertEquals(0, Scar.hypothesisSpace(1, 1, 0.2, 0.9), 0);
        assertEquals(0.4, Scar.hypothesisSpace(0, 0.6, 0.2, 0.9), 1e-15);
        assertEquals(0.3 * Math.exp(2 * 0.5 * 0.25), Scar.hypothesisSpace(0.5, 0.7, 0.25, 0.75), 1e-15);
        // one point: the envelope passes through it at the smallest λ of the grid
        double lambda0 = Math.nextDown(1e-4);
        assertEquals(0.5 / (1 - Math.exp(-lambda0)), Scar.envelope(new double[] {1}, new double[] {0.5}), 1e-9);
        assertEquals(Math.log(1000 / 0.01) / (2 * 1e-4), Scar.stepSize(1000), 1e-9);
        assertEquals(Math.E, Scar.classCountFactor(0.9, 0.9), 0);
        assertEquals(5, Scar.classCountFactor(0.5, 0.9), 1e-12);
        FoundationEstimate one = Scar.foundationSize(new double[] {1000}, 5);
        assertEquals(Math.log(5) * Math.log(1000 / 0.01) / 2 / 1e-4, one.size(), 1e-6 * one.size());
        assertMessage(() -> Scar.foundationSize(new double[0], 5), "at least one class");
    }

    private static Path npy(Path file, String descr, String shape, byte[] data) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return Files.write(file, out.array());
    }
}
