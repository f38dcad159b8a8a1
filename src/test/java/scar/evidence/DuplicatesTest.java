package scar.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import scar.data.Duplicates;
import scar.data.Modality;

class DuplicatesTest {

    @Test
    void groupsIdenticalRowsAndFindsTheOnesThatCrossTheSplit() {
        // rows 0, 3, 5 are equal; rows 1 and 4 are equal but labelled differently; row 2 and 6 are unique.
        // -0.0 and 0.0 differ bit for bit, so row 6 is not a copy of row 2.
        Modality m = Modality.of("x", new double[][] {{1, 2}, {3, 4}, {0, 5}, {1, 2}, {3, 4}, {1, 2}, {-0.0, 5}});
        int[] labels = {0, 1, 0, 0, 0, 0, 0};
        int[] train = {0, 1, 2, 4};
        int[] test = {3, 5, 6};
        Duplicates d = Duplicates.of(m, labels, train, test);
        assertEquals(2, d.groups().size());
        assertArrayEquals(new int[] {0, 3, 5}, d.groups().get(0));
        assertArrayEquals(new int[] {1, 4}, d.groups().get(1));
        assertArrayEquals(new int[] {3, 5}, d.leaks(), "held-out copies of a training row");
        assertEquals(1, d.conflicting());
        assertEquals(3, d.redundant());
        assertArrayEquals(new int[] {3, 4, 5}, d.redundantItems(), "all but the first of each group");
        assertTrue(d.summary().contains("3 exact duplicate rows in 2 groups, 2 held-out items"), d.summary());
        assertTrue(d.summary().contains("(held out)"), d.summary());
    }

    @Test
    void noRepeatsIsSaidPlainly() {
        Modality m = Modality.of("x", new double[][] {{1}, {2}, {3}});
        Duplicates d = Duplicates.of(m, new int[] {0, 1, 0}, new int[] {0, 1, 2}, new int[0]);
        assertFalse(d.any());
        assertEquals("no exact duplicate rows", d.summary());
        assertEquals(0, d.redundantItems().length);
    }

    @Test
    void aStudyThatDidNotLookSaysSoInsteadOfReportingNone() {
        Duplicates d = Duplicates.notChecked("x");
        assertFalse(d.checked());
        assertTrue(d.summary().startsWith("not checked"), d.summary());
    }
}
