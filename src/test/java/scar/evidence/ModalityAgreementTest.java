package scar.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModalityAgreementTest {
    private static ModalityAgreement of(int[] bottlenecks, double[][] recalls, int support, double[] accuracies) {
        int k = bottlenecks.length;
        double[][] gains = new double[recalls.length][k];
        gains[1][0] = 0.03;
        return new ModalityAgreement(List.of("image", "text"), List.of("a", "b", "c").subList(0, k), bottlenecks, 0,
                recalls, java.util.stream.IntStream.range(0, k).map(c -> support).toArray(), gains, accuracies, 3 * support,
                0.01);
    }

    @Test
    void aModalityIsNamedOnlyBeyondTwoStandardErrors() {
        // 100 held-out items per class. Class a: 0.30 vs 0.70, se of the difference √(.21/100 + .21/100) = 0.065,
        // difference 0.40 > 0.13: image. Class b: 0.50 vs 0.55, difference 0.05 < 2·0.0705: unclear.
        // Class c: 0.90 vs 0.40: text.
        ModalityAgreement a = of(new int[] {0, 1, 0}, new double[][] {{0.30, 0.50, 0.90}, {0.70, 0.55, 0.40}}, 100,
                new double[] {0.57, 0.55});
        assertEquals(0, a.weaker(0));
        assertEquals(ModalityAgreement.UNCLEAR, a.weaker(1));
        assertEquals(1, a.weaker(2));
        assertEquals(Boolean.TRUE, a.agrees(0));
        assertNull(a.agrees(1));
        assertEquals(Boolean.FALSE, a.agrees(2));
        assertEquals(List.of("c"), a.disagreements());
        assertEquals(2, a.decided());
        assertEquals(1, a.stillRising(0), "a gain of 0.03 ≥ half the tolerance");
        assertEquals(ModalityAgreement.NONE, a.stillRising(1));
        // overall 0.57 vs 0.55 over 300 items: unclear
        assertEquals(ModalityAgreement.UNCLEAR, a.weakerOverall());
        assertTrue(a.summary().contains("no modality is clearly weaker"), a.summary());
        assertTrue(a.summary().contains("SCAR names another modality for 1: c"), a.summary());
        assertEquals("no", a.toTable().stringColumn("agrees").get(2));
    }

    @Test
    void withThreeModalitiesAnUnclearLowestIsNamedWithItsRivalNotCalledNoWeakerModality() {
        // mfeat-like: a 0.978, b 0.748, c 0.788 over 400 held-out items. b and c are far below a, so "no modality
        // is clearly weaker" was false; what is unclear is which of b and c is the weakest (0.04 < 2 se ≈ 0.060).
        ModalityAgreement unclear = new ModalityAgreement(List.of("a", "b", "c"), List.of("x"), new int[] {1}, 1,
                new double[][] {{0.9}, {0.7}, {0.8}}, new int[] {400}, new double[3][1],
                new double[] {0.978, 0.748, 0.788}, 400, 0.01);
        assertEquals(ModalityAgreement.UNCLEAR, unclear.weakerOverall());
        String s = unclear.summary();
        assertFalse(s.contains("no modality is clearly weaker"), s);
        assertTrue(s.startsWith("Held-out evidence: no single modality is clearly the weakest: b has the lowest "
                + "accuracy, 0.748, but c 0.788 is within two standard errors of it (a 0.978)."), s);
        assertTrue(s.contains("Per class, the evidence names the weakest modality for 1 of 1 classes"), s);
        // a clear lowest among three is "the weakest", not "the weaker"
        ModalityAgreement clear = new ModalityAgreement(List.of("a", "b", "c"), List.of("x"), new int[] {1}, 1,
                new double[][] {{0.9}, {0.5}, {0.8}}, new int[] {400}, new double[3][1],
                new double[] {0.978, 0.548, 0.788}, 400, 0.01);
        assertTrue(clear.summary().startsWith("Held-out evidence: b is the weakest modality (accuracy a 0.978 vs "
                + "b 0.548 vs c 0.788). SCAR's bottleneck (largest N_F) is b: they agree."), clear.summary());
    }

    @Test
    void recallsOfZeroAndOneOverAFewItemsNameNoModality() {
        // one held-out item, missed by image and recalled by text: p(1 - p) is 0 on both sides, so 1 - 0 > 0 named
        // image; with the floor 1/N each side's variance is 1 and the difference is within 2·√2. Two items: each
        // side 1/2, se √((1/2 + 1/2) / 2) = 0.71, 2 se > 1: unclear. Three: each 1/3, se 0.47, 2 se 0.94 < 1: image.
        assertEquals(ModalityAgreement.UNCLEAR, of(new int[] {0}, new double[][] {{0}, {1}}, 1,
                new double[] {0, 1}).weaker(0));
        assertEquals(ModalityAgreement.UNCLEAR, of(new int[] {0}, new double[][] {{0}, {1}}, 2,
                new double[] {0, 1}).weaker(0));
        assertEquals(0, of(new int[] {0}, new double[][] {{0}, {1}}, 3, new double[] {0, 1}).weaker(0));
    }

    @Test
    void classesSaturatedInEveryModalityAreNotCountedAsAgreeing() {
        // the evidence names image for all three classes; SCAR's bottleneck is image for a, none for b and c (every
        // modality saturated). The summary said "SCAR agrees on all of them".
        ModalityAgreement a = of(new int[] {0, ModalityAgreement.NONE, ModalityAgreement.NONE},
                new double[][] {{0.2, 0.2, 0.2}, {0.8, 0.8, 0.8}}, 100, new double[] {0.2, 0.8});
        assertEquals(3, a.decided());
        assertTrue(a.summary().endsWith("for 3 of 3 classes; SCAR agrees on 1; names none for 2 (saturated in "
                + "every modality)."), a.summary());
        ModalityAgreement all = of(new int[] {0, 0, 0}, new double[][] {{0.2, 0.2, 0.2}, {0.8, 0.8, 0.8}}, 100,
                new double[] {0.2, 0.8});
        assertTrue(all.summary().endsWith("; SCAR agrees on all of them."), all.summary());
    }

    @Test
    void whenSCARsWeakestModalityIsTheClearlyWorseOneTheSummarySaysTheyAgreeElseItSaysDisagree() {
        ModalityAgreement agree = of(new int[] {0}, new double[][] {{0.2}, {0.8}}, 500, new double[] {0.2, 0.8});
        assertEquals(Boolean.TRUE, agree.agreesOverall());
        assertTrue(agree.summary().contains("image is the weaker modality") && agree.summary().contains("agree."));
        ModalityAgreement disagree = of(new int[] {0}, new double[][] {{0.8}, {0.2}}, 500, new double[] {0.8, 0.2});
        assertFalse(disagree.agreesOverall());
        assertTrue(disagree.summary().contains("DISAGREE"), disagree.summary());
    }

    @Test
    void shapesThatDoNotFitTogetherAreRefused() {
        // read back from a plan.json with one class's held-out items or one gain removed, it loaded and printing it
        // failed with an ArrayIndexOutOfBoundsException
        double[][] recalls = {{0.3, 0.5}, {0.7, 0.6}};
        double[][] gains = {{0, 0}, {0, 0}};
        List<String> two = List.of("image", "text");
        List<String> classes = List.of("a", "b");
        int[] bottlenecks = {0, 1};
        new ModalityAgreement(two, classes, bottlenecks, 0, recalls, new int[] {5, 5}, gains, new double[] {.4, .6}, 10,
                0.01);
        for (Runnable bad : List.<Runnable>of(
                () -> new ModalityAgreement(two, classes, bottlenecks, 0, recalls, new int[] {5}, gains,
                        new double[] {.4, .6}, 10, 0.01),
                () -> new ModalityAgreement(two, classes, bottlenecks, 0, recalls, new int[] {5, 5},
                        new double[][] {{0, 0}, {0}}, new double[] {.4, .6}, 10, 0.01),
                () -> new ModalityAgreement(two, classes, new int[] {0, 2}, 0, recalls, new int[] {5, 5}, gains,
                        new double[] {.4, .6}, 10, 0.01),
                () -> new ModalityAgreement(two, classes, bottlenecks, 2, recalls, new int[] {5, 5}, gains,
                        new double[] {.4, .6}, 10, 0.01))) {
            var e = assertThrows(IllegalArgumentException.class, bad::run);
            assertTrue(e.getMessage().contains("does not fit together"), e.getMessage());
        }
    }
}
