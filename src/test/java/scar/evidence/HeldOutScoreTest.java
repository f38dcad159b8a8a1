package scar.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeldOutScoreTest {

    @Test
    void countsRecallF1AndMacroF1ByHand() {
        // labels      0 0 0 1 1 2
        // predictions 0 0 1 1 0 0
        // class 0: support 3, correct 2, predicted 3 -> recall 2/3, F1 = 4/6
        // class 1: support 2, correct 1, predicted 2 -> recall 1/2, F1 = 2/4
        // class 2: support 1, correct 0, predicted 0 -> recall 0,   F1 = 0/1 = 0
        // class 3: never occurs nor predicted      -> left out of macro-F1
        HeldOutScore s = HeldOutScore.of(new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 0, 0}, 4);
        assertArrayEquals(new int[] {3, 2, 1, 0}, s.support());
        assertArrayEquals(new int[] {2, 1, 0, 0}, s.correct());
        assertArrayEquals(new int[] {4, 2, 0, 0}, s.predicted());
        assertEquals(3.0 / 6, s.accuracy(), 1e-15);
        assertEquals(2.0 / 3, s.recall(0), 1e-15);
        assertEquals(0.5, s.recall(1), 1e-15);
        assertEquals(0.0, s.recall(2), 0.0);
        assertTrue(Double.isNaN(s.recall(3)));
        assertEquals(4.0 / 7, s.f1(0), 1e-15);
        assertEquals(0.5, s.f1(1), 1e-15);
        assertEquals(0.0, s.f1(2), 0.0);
        assertTrue(Double.isNaN(s.f1(3)));
        assertEquals((4.0 / 7 + 0.5 + 0) / 3, s.macroF1(), 1e-15);
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new HeldOutScore(new int[] {1, 1}, new int[] {2, 0}, new int[] {2, 0}));
        assertThrows(IllegalArgumentException.class, () -> HeldOutScore.of(new int[] {0}, new int[] {0, 1}, 2));
    }
}
