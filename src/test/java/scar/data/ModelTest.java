package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static scar.data.TestFiles.assertFails;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ModelTest {

    private static Modality image() {
        return Modality.of("image", Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}),
                new String[] {"a", "b", "c", "d"});
    }

    private static Modality text() {
        return Modality.of("text", new double[][] {{1}, {2}, {3}, {4}});
    }

    private static MultiModalDataset dataset() {
        return MultiModalDataset.of("toy", new int[] {0, 1, 1, 2}, new String[] {"x", "y", "z"}, image(), text());
    }

    @Test
    void modalityBasics() {
        Modality t = text();
        assertEquals(4, t.rows());
        assertEquals(1, t.dim());
        assertFalse(t.hasIds());
        assertEquals("2", t.id(2));
        assertArrayEquals(new String[] {"0", "1", "2", "3"}, t.ids());
        Modality s = image().select(new int[] {3, 1});
        assertArrayEquals(new String[] {"d", "b"}, s.ids());
        assertArrayEquals(new float[] {7, 8}, s.embeddings().row(0));
        Matrix m = Matrix.wrap(2, 1, new float[] {1, 2});
        assertSame(m, Modality.of("m", m).embeddings());
    }

    @Test
    void modalityValidation() {
        Matrix m = Matrix.wrap(2, 1, new float[] {1, 2});
        assertFails(IllegalArgumentException.class, () -> Modality.of(" ", m), "blank");
        assertFails(IllegalArgumentException.class, () -> Modality.of("m", m, new String[] {"a"}), "2 rows", "1 ids");
        assertFails(IllegalArgumentException.class, () -> Modality.of("m", m, new String[] {"a", "a"}),
                "duplicate id 'a'", "rows 0 and 1");
        assertFails(IllegalArgumentException.class, () -> image().select(new int[] {1, 1}), "row 1", "twice");
        // Non-finite values are named at the boundary, not deep inside the first probe fit.
        assertFails(IllegalArgumentException.class, () -> Modality.of("m", new double[][] {{1, 2}, {3, Double.NaN}}),
                "modality 'm'", "row 1", "column 1", "NaN", "finite");
        Matrix inf = Matrix.wrap(2, 1, new float[] {Float.NEGATIVE_INFINITY, 2});
        assertFails(IllegalArgumentException.class, () -> Modality.of("m", inf, new String[] {"a", "b"}),
                "row 0", "id 'a'", "column 0", "-Infinity", "finite");
        assertFails(IllegalArgumentException.class, () -> image().select(new int[] {4}), "row 4", "0..3");
    }

    @Test
    void classLabels() {
        ClassLabels y = ClassLabels.of(new int[] {0, 2, 2, 2}, new String[] {"a", "b", "c"});
        assertArrayEquals(new int[] {1, 0, 3}, y.counts());
        assertArrayEquals(new int[] {1}, y.classesWithFewerThan(1));
        assertArrayEquals(new int[] {0, 1}, y.classesWithFewerThan(2));
        assertArrayEquals(new String[] {"0", "1", "2"}, ClassLabels.of(new int[] {2, 0}).classNames());
        assertFails(IllegalArgumentException.class, () -> ClassLabels.of(new int[] {0, 3}, new String[] {"a", "b"}),
                "item 1", "3", "0..1");
        assertFails(IllegalArgumentException.class, () -> ClassLabels.of(new int[] {0}, new String[] {"a", "a"}),
                "'a'", "twice");
        Table t = y.toTable();
        assertEquals(3, t.rowCount());
        assertEquals(3, t.intColumn("items").getInt(2));
        int[] raw = {0, 1};
        ClassLabels copied = ClassLabels.of(raw, new String[] {"a", "b"});
        raw[0] = 1;
        assertEquals(0, copied.label(0));
    }

    @Test
    void datasetAccessors() {
        MultiModalDataset ds = dataset();
        assertEquals(4, ds.size());
        assertEquals(3, ds.numClasses());
        assertArrayEquals(new int[] {1, 2, 1}, ds.classCounts());
        assertEquals(List.of("image", "text"), ds.modalityNames());
        assertArrayEquals(new String[] {"a", "b", "c", "d"}, ds.ids());
        assertEquals("c", ds.id(2));
        assertNull(ds.split());
        assertFails(IllegalArgumentException.class, () -> ds.modality("audio"), "no modality 'audio'", "image, text");
        int[] labels = ds.labels();
        labels[0] = 2;
        assertEquals(0, ds.labels()[0]);
    }

    @Test
    void datasetValidation() {
        Modality shortOne = Modality.of("short", new double[][] {{1}, {2}});
        assertFails(IllegalArgumentException.class, () -> dataset().withModality(shortOne),
                "'short'", "2 rows", "4 labels");
        assertFails(IllegalArgumentException.class, () -> dataset().withModality(text()), "two modalities", "'text'");
        Modality otherIds = Modality.of("other", Matrix.wrap(4, 1, new float[4]), new String[] {"a", "b", "d", "c"});
        assertFails(IllegalArgumentException.class, () -> dataset().withModality(otherIds), "different item ids");
        assertFails(IllegalArgumentException.class, () -> MultiModalDataset.of("none", new int[0], new String[0]),
                "at least one modality");
        assertFails(IllegalArgumentException.class, () -> dataset().withSplit(Split.of(new boolean[3])),
                "3 items", "4");
    }

    @Test
    void splitSelectAndRelabel() {
        MultiModalDataset ds = dataset().withSplit(Split.withTestItems(4, new int[] {1, 3}));
        assertArrayEquals(new int[] {0, 2}, ds.trainIndices());
        assertArrayEquals(new int[] {1, 3}, ds.testIndices());
        MultiModalDataset test = ds.test();
        assertArrayEquals(new String[] {"b", "d"}, test.ids());
        assertArrayEquals(new int[] {1, 2}, test.labels());
        assertArrayEquals(new float[] {4}, test.modality("text").embeddings().row(1));
        assertNull(test.split());
        MultiModalDataset picked = ds.select(new int[] {3, 0});
        assertArrayEquals(new int[] {0}, picked.testIndices());
        assertArrayEquals(new String[] {"x", "y", "z"}, picked.classNames());
        Table split = ds.split().toTable();
        assertEquals("test", split.stringColumn("split").get(1));
        assertEquals("train", split.stringColumn("split").get(2));
        MultiModalDataset relabelled = ds.withLabels(new int[] {1, 1, 0, 0}, new String[] {"p", "q"});
        assertArrayEquals(new int[] {2, 2}, relabelled.classCounts());
        assertEquals(ds.split(), relabelled.split());
        assertEquals(List.of("text"), ds.selectModalities("text").modalityNames());
    }

    /**
     * Selecting rows of a modality taken from a dataset used to drop the dataset, so that characterising the
     * selection failed with "was not taken from a labelled dataset".
     */
    @Test
    void aSelectionOfADatasetsModalityKeepsTheSelectedLabelsAndSplit() {
        MultiModalDataset ds = dataset().withSplit(Split.withTestItems(4, new int[] {1, 3}))
                .withLabels(new int[] {0, 1, 1, 2}, new String[] {"x", "y", "z"});
        Modality picked = ds.modality("image").select(new int[] {3, 0});
        assertArrayEquals(new String[] {"d", "a"}, picked.ids());
        assertArrayEquals(new float[] {7, 8}, picked.embeddings().row(0));
        MultiModalDataset owner = picked.dataset();
        assertEquals(2, owner.size());
        assertArrayEquals(new int[] {2, 0}, owner.labels());
        assertArrayEquals(new int[] {0}, owner.testIndices());
        assertArrayEquals(new float[] {4, 1}, owner.modality("text").embeddings().data());
        assertThrows(IllegalArgumentException.class, () -> image().select(new int[] {1}).dataset(),
                "a modality built on its own stays without labels");
        assertThrows(IllegalArgumentException.class, () -> ds.modality("text").select(new int[] {1, 1}));
    }

    @Test
    void summaryTableAndToString() {
        MultiModalDataset ds = dataset().withSplit(Split.withTestItems(4, new int[] {1}));
        Table t = ds.toTable();
        assertEquals(List.of("label", "class", "items", "train", "test"), t.columnNames());
        assertEquals(2, t.intColumn("items").getInt(1));
        assertEquals(1, t.intColumn("train").getInt(1));
        assertEquals(1, t.intColumn("test").getInt(1));
        assertEquals(2, ds.modalitiesTable().rowCount());
        String s = ds.toString();
        assertTrue(s.contains("toy: 4 items, 3 classes, 2 modalities"), s);
        assertTrue(s.contains("split: 3 train / 1 test"), s);
        assertTrue(s.matches("(?s).*\\nimage\\s+2\\n.*") && s.contains("same in every row: rows 4"), s);
        // every class has one training item: that column is named once below the table
        assertTrue(s.matches("(?s).*\\b1  y\\s+2\\s+1\\n.*") && s.contains("same in every row: train 1"), s);
    }
}
