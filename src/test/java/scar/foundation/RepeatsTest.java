package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import scar.text.Format;
import tech.tablesaw.api.Table;

class RepeatsTest {

    /** Three runs of two classes; step sizes with fractions, as real ones have. */
    private static final Repeats RUNS = new Repeats(new long[] {42, 43, 44}, new double[] {1000.25, 990.5, 1010.75},
            new double[][] {{118198.4, 500.125}, {117920.0625, 510.5}, {118431.875, 490.25}},
            new int[][] {{118000, 340}, {117722, 350}, {118233, 330}}, new int[][] {{199, 161}, {199, 161}, {199, 161}});

    @Test
    void theTableKeepsEveryDigitOfTheMedianAndTheRange() {
        Table t = RUNS.toTable(new String[] {"a", "b"});
        assertEquals(java.util.List.of("class", "step_size", "step_size_min", "step_size_max", "shortfall",
                "shortfall_min", "shortfall_max"), t.columnNames());
        assertEquals(118198.4, t.doubleColumn("step_size").getDouble(0));
        assertEquals(117920.0625, t.doubleColumn("step_size_min").getDouble(0));
        assertEquals(118431.875, t.doubleColumn("step_size_max").getDouble(0));
        assertEquals(490.25, t.doubleColumn("step_size_min").getDouble(1));
        assertEquals(350.0, t.doubleColumn("shortfall_max").getDouble(1));
    }

    @Test
    void aPersonReadsEachSpreadAsOneCell() {
        String text = RUNS.perClass(new String[] {"a", "b"}).render(120);
        String step = Format.itemsRange(118198.4, 117920.0625, 118431.875);
        assertEquals("118,198 (117,920–118,432)", step);
        assertTrue(text.contains(step), text);
        assertTrue(text.contains(Format.itemsRange(340, 330, 350)), text);
        assertTrue(!text.contains("_min") && !text.contains("_max"), text);
    }
}
