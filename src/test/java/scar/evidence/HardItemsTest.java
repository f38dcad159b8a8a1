package scar.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HardItemsTest {

    @Test
    void keepsTheLowestMarginsPerClassAndSplitAndCountsTheWrongOnes() {
        String[] names = {"a", "b"};
        // training items 10..13 with labels a a b b; logits (z_a, z_b)
        // item 10: (2, 0) margin +2 right; item 11: (0, 1) margin -1 wrong; item 12: (0, 3) +3; item 13: (1, 1.5) +0.5
        float[] train = {2, 0, 0, 1, 0, 3, 1, 1.5f};
        // held-out items 20, 21 (labels a, b): (0.25, 0) margin +0.25; (4, 0) margin -4 wrong
        float[] test = {0.25f, 0, 4, 0};
        HardItems h = HardItems.of(names, new int[] {10, 11, 12, 13}, new int[] {0, 0, 1, 1}, train,
                new int[] {20, 21}, new int[] {0, 1}, test, i -> "id" + i, 1);
        assertArrayEquals(new int[] {1, 0}, h.trainWrong());
        assertArrayEquals(new int[] {0, 1}, h.testWrong());
        List<HardItems.Item> a = h.ofClass(0);
        assertEquals(2, a.size(), "one held-out and one training item of class a");
        assertTrue(a.get(0).heldOut());
        assertEquals(20, a.get(0).item());
        assertEquals(0.25, a.get(0).margin(), 0.0);
        assertEquals(11, a.get(1).item());
        assertEquals(-1.0, a.get(1).margin(), 0.0);
        assertEquals(1, a.get(1).predicted());
        assertEquals("id11", a.get(1).id());
        List<HardItems.Item> b = h.ofClass(1);
        assertEquals(21, b.get(0).item());
        assertEquals(13, b.get(1).item(), "the least sure training item of b");
        assertEquals(4, h.toTable().rowCount());
    }

    /** K classes of 4 training items each; item c·4 + j of class c has margin j − c/1000 (so class order breaks ties). */
    private static HardItems classes(int k) {
        String[] names = new String[k];
        int n = 4 * k;
        int[] items = new int[n];
        int[] labels = new int[n];
        float[] logits = new float[n * k];
        for (int c = 0; c < k; c++) {
            names[c] = "class" + c;
            for (int j = 0; j < 4; j++) {
                int r = 4 * c + j;
                items[r] = r;
                labels[r] = c;
                logits[r * k + c] = 3 - j; // every other logit is 0: margin 3 − j, the hardest is j = 3
            }
        }
        return HardItems.of(names, items, labels, logits, new int[0], new int[0], null, i -> "id" + i, 4);
    }

    @Test
    void aPreviewShowsEveryClassWhileItCanAndSaysWhatItLeftOut() {
        var few = classes(4).preview(3, 50, "x-hard-items.csv");
        assertEquals(12, few.rowCount(), "3 items of each of the 4 classes");
        assertEquals(4, few.stringColumn("class").unique().size());
        // the hardest of class 0 first: margins 0, 1, 2 (items 3, 2, 1)
        assertEquals(3, few.intColumn("item").getInt(0));
        assertEquals(1, few.intColumn("item").getInt(2));
        assertTrue(few.name().contains("per class the 3 with the smallest margins"), few.name());
        assertTrue(few.name().contains("x-hard-items.csv"), few.name());

        var twenty = classes(20).preview(3, 50, "x.csv");
        assertEquals(20, twenty.stringColumn("class").unique().size(), "every one of 20 classes");
        assertEquals(40, twenty.rowCount(), "2 each keep 20 classes within 50 rows");
        assertTrue(twenty.name().contains("per class the 2 with"), twenty.name());

        var many = classes(120).preview(3, 50, "x.csv");
        assertEquals(50, many.rowCount(), "the bound holds");
        assertTrue(many.name().contains("the first 50 of 120 classes, the other 70 classes"), many.name());
    }
}
