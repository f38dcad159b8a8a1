package scar.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ModalityBiasTest {
    /*
     * Two modalities, four classes, present |P| = [100, 60, 20, 60]:
     *   image n = [120, 50, 10, 70], N_F = 300;  text n = [100, 80, 10, 70], N_F = 200
     *   ratios to the smallest N_F (200): image 1.5, text 1.0
     *   class means [110, 65, 10, 70] -> deviations image [+10, -15, 0, 0], text [-10, +15, 0, 0]
     *   shortfalls image [20, 0, 0, 10], text [0, 20, 0, 10]
     *   bottleneck: a image, b text, c none (saturated everywhere), d image (tie 10 = 10 -> first modality)
     *   paired shortfall [20, 20, 0, 10]
     */
    private static ModalityBias example() {
        return ModalityBias.of(new String[] {"image", "text"}, new String[] {"a", "b", "c", "d"},
                new double[][] {{120, 50, 10, 70}, {100, 80, 10, 70}}, new double[] {300, 200},
                new int[] {100, 60, 20, 60});
    }

    @Test
    void handCheckedBias() {
        ModalityBias bias = example();
        assertArrayEquals(new double[] {1.5, 1.0}, bias.foundationRatios(), 1e-15);
        assertArrayEquals(new double[] {10, -15, 0, 0}, bias.deviations()[0], 1e-12);
        assertArrayEquals(new double[] {-10, 15, 0, 0}, bias.deviations()[1], 1e-12);
        assertArrayEquals(new long[] {20, 0, 0, 10}, bias.shortfalls()[0]);
        assertArrayEquals(new long[] {0, 20, 0, 10}, bias.shortfalls()[1]);
        assertArrayEquals(new int[] {0, 1, -1, 0}, bias.bottlenecks());
        assertEquals("text", bias.bottleneck(1));
        assertNull(bias.bottleneck(2));
        assertArrayEquals(new long[] {20, 20, 0, 10}, bias.pairedShortfalls());
    }

    @Test
    void pairedPlanUsesTheLargestShortfall() {
        ModalityBias bias = example();
        assertArrayEquals(new int[] {20, 20, 0, 10}, bias.pairedPlan(null, null).toAdd());
        assertArrayEquals(new int[] {20, 0, 0, 10}, bias.plan("image", null, null).toAdd());
        // with a reserve [5, 40, 0, 40]: bounds a 5*50/20 = 12.5, b 20*50/20 = 50, d 10*50/10 = 50 -> T* = 12.5;
        // add a = floor(12.5*20/50) = 5, b = 5, d = floor(12.5*10/50) = 2
        assertArrayEquals(new int[] {5, 5, 0, 2}, bias.pairedPlan(new int[] {5, 40, 0, 40}, null).toAdd());
        var e = assertThrows(IllegalArgumentException.class, () -> bias.plan("audio", null, null));
        assertTrue(e.getMessage().contains("audio"), e.getMessage());
    }

    @Test
    void tablesHaveOneRowPerClassAndPerModality() {
        ModalityBias bias = example();
        Table byClass = bias.toTable();
        assertEquals(4, byClass.rowCount());
        assertEquals(List.of("image", "text", "none", "image"), byClass.stringColumn("bottleneck").asList());
        assertEquals(List.of("class", "present", "step_image", "deviation_image", "shortfall_image", "step_text",
                "deviation_text", "shortfall_text", "bottleneck", "paired_shortfall"), byClass.columnNames());
        // a deviation from the class's mean over modalities is signed (SPEC §11, signed items): +10, -15, 0
        var deviation = byClass.column("deviation_image");
        assertEquals(List.of("+10", "-15", "0", "0"), List.of(scar.text.Columns.cell(deviation, 0),
                scar.text.Columns.cell(deviation, 1), scar.text.Columns.cell(deviation, 2),
                scar.text.Columns.cell(deviation, 3)));
        assertTrue(bias.toString().contains("+15"), bias.toString());
        Table byModality = bias.modalityTable();
        assertEquals(2, byModality.rowCount());
        assertEquals(List.of(30L, 30L), byModality.longColumn("total_shortfall").asList());
        assertEquals(List.of(2, 2), byModality.intColumn("saturated_classes").asList());
        assertEquals(List.of(2, 1), byModality.intColumn("bottleneck_of").asList());
        // image steps sorted [10, 50, 70, 120]: median (50 + 70) / 2 = 60, mean 62.5
        assertEquals(60.0, byModality.doubleColumn("step_median").get(0));
        assertEquals(62.5, byModality.doubleColumn("step_mean").get(0));
        String text = bias.toString();
        assertTrue(text.startsWith("ModalityBias: 2 modalities [image, text], 4 classes, paired shortfall 50 items"),
                text);
    }

    @Test
    void valueSemanticsAndDefensiveCopies() {
        ModalityBias bias = example();
        assertEquals(example(), bias);
        assertEquals(example().hashCode(), bias.hashCode());
        bias.present()[0] = 0;
        bias.stepSizes().get(0)[0] = 0;
        assertEquals(example(), bias);
    }

    @Test
    void invalidInputsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ModalityBias.of(new String[] {"image"},
                new String[] {"a"}, new double[][] {{1}}, new double[] {0}, new int[] {1}));
        assertTrue(e.getMessage().contains("'image'") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModalityBias.of(new String[] {"image", "text"},
                new String[] {"a"}, new double[][] {{1}}, new double[] {1, 2}, new int[] {1}));
        assertTrue(e.getMessage().contains("2 modalities"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModalityBias.of(new String[] {"image"},
                new String[] {"a", "b"}, new double[][] {{1}}, new double[] {1}, new int[] {1, 1}));
        assertTrue(e.getMessage().contains("step sizes of modality 'image' has 1 entries, expected 2"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModalityBias.of(new String[] {"image"},
                new String[] {"a"}, new double[][] {{Double.POSITIVE_INFINITY}}, new double[] {1}, new int[] {1}));
    }
}
