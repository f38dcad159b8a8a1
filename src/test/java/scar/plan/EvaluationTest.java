package scar.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import scar.plan.Evaluation.Strategy;
import tech.tablesaw.api.Table;

class EvaluationTest {
    /*
     * text, 3 seeds: SCAR fill accuracies 0.6, 0.7, 0.8 -> mean 0.7, sample sd sqrt((0.01 + 0 + 0.01) / 2) = 0.1;
     * added 40, 50, 60 of a reserve pool of 200 -> coverage mean(0.2, 0.25, 0.3) = 0.25.
     * |D| = 1000, N_F = 400 -> S = min(1, 2.5) = 1, R = min(1, 0.4) = 0.4; A = full-set test accuracy 0.75.
     * image: N_F = 2500 -> S = 0.4, R = 1; only one seed -> sd NaN; no SCAR runs -> coverage NaN.
     */
    private static Evaluation example() {
        Evaluation.Builder b = Evaluation.builder();
        double[] scar = {0.6, 0.7, 0.8};
        int[] added = {40, 50, 60};
        for (int s = 0; s < 3; s++) {
            b.add("text", Strategy.FULL, s, 0.75, 200);
            b.add("text", Strategy.SCAR_FILL, s, scar[s], added[s]);
            b.add("text", Strategy.PRIMARY, s, 0.5, 0);
        }
        b.add("image", Strategy.RANDOM_FILL, 7, 0.3, 12);
        b.datasetRow("text", 1000, 400, 0.75, 200);
        b.datasetRow("image", 1000, 2500, 0.3, 150);
        return b.build();
    }

    @Test
    void aggregatesRunsHandChecked() {
        Evaluation ev = example();
        Evaluation.Result r = ev.result("text", Strategy.SCAR_FILL);
        assertEquals(0.7, r.mean(), 1e-12);
        assertEquals(0.1, r.sd(), 1e-12);
        assertEquals(50.0, r.meanAdded(), 1e-12);
        assertTrue(Double.isNaN(ev.result("image", Strategy.RANDOM_FILL).sd()));
        assertNull(ev.result("image", Strategy.SCAR_FILL));
        // strategies in enum order whatever the order added
        assertEquals(List.of(Strategy.PRIMARY, Strategy.SCAR_FILL, Strategy.FULL),
                ev.results().stream().filter(x -> x.modality().equals("text")).map(Evaluation.Result::strategy)
                        .toList());
    }

    @Test
    void datasetRowsFollowSpec56() {
        Evaluation ev = example();
        DatasetScar text = ev.datasetRow("text");
        assertEquals(1.0, text.scale());
        assertEquals(0.4, text.richness(), 1e-15);
        assertEquals(0.75, text.authenticity());
        assertEquals(0.25, text.coverage(), 1e-12);
        DatasetScar image = ev.datasetRow("image");
        assertEquals(0.4, image.scale(), 1e-15);
        assertEquals(1.0, image.richness());
        assertTrue(Double.isNaN(image.coverage()));
        assertTrue(Double.isNaN(DatasetScar.coverage(0, 0)));
    }

    @Test
    void paperTableHasOneRowPerModality() {
        Table table = example().toTable();
        assertEquals(List.of("text", "image"), table.stringColumn("modality").asList());
        // modality, size, foundation_size, S, C, A, R, mean and sd per strategy, added
        assertEquals(1 + 6 + 2 * Strategy.values().length + 1, table.columnCount());
        assertEquals(0.7, table.doubleColumn("scar_fill_mean").get(0), 1e-12);
        assertEquals(0.25, table.doubleColumn("C").get(0), 1e-12);
        assertEquals(50.0, table.doubleColumn("added").get(0), 1e-12);
        assertTrue(table.doubleColumn("average_fill_mean").isMissing(0)); // Tablesaw stores NaN as missing
        assertEquals(0.3, table.doubleColumn("random_fill_mean").get(1), 1e-12);
        Table acc = example().accuracyTable();
        assertEquals(4, acc.rowCount());
        assertEquals(0.6, acc.doubleColumn("min").get(1), 1e-12);
        String text = example().toString();
        // size 1,000 in both rows is named once below the table
        assertTrue(text.matches("(?s).*\\ntext\\s+400\\s+1\\.000\\s+0\\.250\\s+0\\.750\\s+0\\.400\\n.*"), text);
        assertTrue(text.contains("same in every row: size 1,000"), text);
        assertEquals("text: |D| = 1,000, N_F = 400, S = 1.000, C = 0.250, A = 0.750, R = 0.400",
                example().datasetRow("text").toString());
    }

    @Test
    void invalidRunsAreRejected() {
        Evaluation.Builder b = Evaluation.builder().add("text", Strategy.PRIMARY, 1, 0.5, 0);
        var e = assertThrows(IllegalArgumentException.class, () -> b.add("text", Strategy.PRIMARY, 1, 0.6, 0));
        assertTrue(e.getMessage().contains("seed 1 was already recorded"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add("text", Strategy.FULL, 1, 1.2, 0));
        assertTrue(e.getMessage().contains("1.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.datasetRow("text", 0, 10, 0.5, 10));
        assertThrows(IllegalArgumentException.class, () -> b.datasetRow("text", 10, Double.NaN, 0.5, 10));
        Evaluation.Builder tooMany = Evaluation.builder().add("text", Strategy.SCAR_FILL, 1, 0.5, 30)
                .datasetRow("text", 100, 50, 0.5, 20);
        e = assertThrows(IllegalArgumentException.class, tooMany::build);
        assertTrue(e.getMessage().contains("cannot take 30 items from a reserve of 20"), e.getMessage());
    }
}
