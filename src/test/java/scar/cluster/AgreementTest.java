package scar.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgreementTest {
    private static final int[] A = {0, 0, 0, 1, 1, 1};
    private static final int[] B = {0, 0, 1, 1, 2, 2};

    @Test
    void identicalAndRelabelledPartitionsAgreeFully() {
        int[] relabelled = {7, 7, -3, -3, 42, 42};
        assertEquals(1.0, Agreement.adjustedRandIndex(B, B));
        assertEquals(1.0, Agreement.adjustedRandIndex(B, relabelled), 1e-15);
        assertEquals(1.0, Agreement.normalizedMutualInformation(B, relabelled), 1e-15);
    }

    /*
     * A = [0 0 0 1 1 1], B = [0 0 1 1 2 2]. Contingency rows A0: (2, 1, 0), A1: (0, 1, 2).
     *   sum C(n_ij, 2) = 1 + 0 + 0 + 0 + 0 + 1 = 2;  sum C(a_i, 2) = 3 + 3 = 6;  sum C(b_j, 2) = 1 + 1 + 1 = 3
     *   C(6, 2) = 15; expected = 6 * 3 / 15 = 1.2; max = (6 + 3) / 2 = 4.5
     *   ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3 = 8/33
     * NMI: p_ij = 2/6, 1/6, 1/6, 2/6; p(A) = 1/2, 1/2; p(B) = 1/3 each
     *   MI = 2 * (1/3) ln((1/3) / (1/6)) + 2 * (1/6) ln((1/6) / (1/6)) = (2/3) ln 2
     *   H(A) = ln 2, H(B) = ln 3; NMI = (2/3) ln 2 / ((ln 2 + ln 3) / 2) = (4/3) ln 2 / ln 6
     */
    @Test
    void smallExampleByHand() {
        assertEquals(8.0 / 33, Agreement.adjustedRandIndex(A, B), 1e-15);
        assertEquals(8.0 / 33, Agreement.adjustedRandIndex(B, A), 1e-15);
        assertEquals(4.0 / 3 * Math.log(2) / Math.log(6), Agreement.normalizedMutualInformation(A, B), 1e-15);
    }

    /*
     * a = [0 0 1 1], b = [0 1 0 1]: every cell holds 1, so sum C(n_ij, 2) = 0; rows and columns 2 + 2 -> 1 + 1 = 2
     * each; expected = 2 * 2 / C(4, 2) = 4/6; max = 2; ARI = (0 - 2/3) / (2 - 2/3) = -0.5. MI = 0 -> NMI = 0.
     */
    @Test
    void independentPartitionsScoreBelowZeroAndZero() {
        int[] a = {0, 0, 1, 1};
        int[] b = {0, 1, 0, 1};
        assertEquals(-0.5, Agreement.adjustedRandIndex(a, b), 1e-15);
        assertEquals(0.0, Agreement.normalizedMutualInformation(a, b), 1e-15);
    }

    @Test
    void degenerateCases() {
        int[] one = {4, 4, 4};
        int[] singletons = {0, 1, 2};
        assertEquals(1.0, Agreement.adjustedRandIndex(one, one));
        assertEquals(1.0, Agreement.adjustedRandIndex(singletons, singletons));
        assertEquals(0.0, Agreement.adjustedRandIndex(one, singletons));
        assertEquals(1.0, Agreement.adjustedRandIndex(new int[] {5}, new int[] {9}));
        assertEquals(1.0, Agreement.normalizedMutualInformation(one, one));
        assertEquals(0.0, Agreement.normalizedMutualInformation(one, singletons));
        var e = assertThrows(IllegalArgumentException.class, () -> Agreement.adjustedRandIndex(A, new int[] {1}));
        assertTrue(e.getMessage().contains("6 vs 1"), e.getMessage());
    }
}
