package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static scar.data.TestFiles.assertFails;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {

    private static Table table() {
        return Table.create("pets",
                StringColumn.create("animal", "dog", "cat", "dog"),
                DoubleColumn.create("emb_0", 1.5, 2, 3),
                IntColumn.create("emb_1", 4, 5, 6),
                DoubleColumn.create("weight", 10, 20, 30));
    }

    @Test
    void byPrefixWithTextLabels() {
        MultiModalDataset ds = Tables.fromTable(table(), "animal", "emb_");
        assertEquals("pets", ds.name());
        Modality m = ds.modality(Tables.MODALITY);
        assertEquals(2, m.dim());
        assertArrayEquals(new float[] {1.5f, 4}, m.embeddings().row(0));
        assertArrayEquals(new String[] {"cat", "dog"}, ds.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, ds.labels());
    }

    @Test
    void byListInTheGivenOrder() {
        MultiModalDataset ds = Tables.fromTable(table(), "animal", List.of("weight", "emb_0"));
        assertArrayEquals(new float[] {30, 3}, ds.modality(Tables.MODALITY).embeddings().row(2));
    }

    @Test
    void roundTripThroughToTable() {
        MultiModalDataset wiki = Datasets.bundled("wikipedia");
        Table t = Tables.toTable(wiki, "text");
        assertEquals(List.of("id", "label", "class_name", "split"), t.columnNames().subList(0, 4));
        assertEquals(4 + 10, t.columnCount());
        MultiModalDataset back = Tables.fromTable(t, "id", "label", "split",
                t.columnNames().stream().filter(c -> c.startsWith("f")).toList());
        assertArrayEquals(wiki.modality("text").embeddings().data(), back.modality(Tables.MODALITY).embeddings().data());
        assertArrayEquals(wiki.labels(), back.labels());
        assertArrayEquals(wiki.ids(), back.ids());
        assertEquals(wiki.split(), back.split());
        Table modality = wiki.modality("image").toTable();
        assertEquals(wiki.size(), modality.rowCount());
        assertEquals(1 + 128, modality.columnCount());
        assertEquals(wiki.modality("image").embeddings().get(5, 7), ((FloatColumn) modality.column("f7")).getFloat(5));
    }

    @Test
    void rejectsBadTables() {
        Table t = table();
        assertFails(IllegalArgumentException.class, () -> Tables.fromTable(t, "kind", "emb_"),
                "pets", "no column 'kind'", "animal");
        assertFails(IllegalArgumentException.class, () -> Tables.fromTable(t, "animal", "x_"), "no column starting with 'x_'");
        assertFails(IllegalArgumentException.class, () -> Tables.fromTable(t, "emb_0", List.of("weight")),
                "row 0", "column 'emb_0'", "1.5", "integer");
        assertFails(IllegalArgumentException.class, () -> Tables.fromTable(t, "weight", List.of("animal")),
                "column 'animal'", "STRING", "numeric");
        Table nan = table();
        nan.doubleColumn("emb_0").set(1, Double.NaN);
        assertFails(IllegalArgumentException.class, () -> Tables.fromTable(nan, "animal", "emb_"),
                "row 1", "column 'emb_0'", "finite");
        // A missing label column is named even when an embedding value is bad too.
        assertFails(IllegalArgumentException.class, () -> Tables.fromTable(nan, "kind", "emb_"),
                "no column 'kind'", "animal");
        Table inf = table();
        inf.doubleColumn("weight").set(2, Double.POSITIVE_INFINITY);
        assertFails(IllegalArgumentException.class, () -> Tables.fromTable(inf, "animal", List.of("weight")),
                "row 2", "column 'weight'", "Infinity", "finite");
        Table dupIds = table();
        assertFails(IllegalArgumentException.class,
                () -> Tables.fromTable(dupIds, "animal", "emb_1", null, List.of("emb_0")),
                "row 2", "column 'animal'", "'dog'", "duplicate", "row 0");
        Table empty = Table.create("none", StringColumn.create("y"), DoubleColumn.create("e"));
        assertFails(IllegalArgumentException.class, () -> Tables.fromTable(empty, "y", "e"), "none", "no rows");
        Table missingLabel = table();
        missingLabel.stringColumn("animal").setMissing(1);
        assertFails(IllegalArgumentException.class, () -> Tables.fromTable(missingLabel, "animal", "emb_"),
                "row 1", "column 'animal'", "missing");
    }
}
