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
}
