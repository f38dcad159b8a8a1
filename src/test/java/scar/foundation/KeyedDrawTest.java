package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The keyed subsample rule of SPEC §4: what a Spark partition can evaluate alone. */
class KeyedDrawTest {
    private static final int[] LABELS = IntStream.range(0, 1000).map(i -> i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0)
            .toArray();

    @Test
    void takesExactlyTheRequestedItemsOfEveryClassSortedAndWithoutRepeats() {
        int[][] byClass = Subsampling.byClass(LABELS, 3);
        int[] take = Subsampling.perClassTake(byClass, 5);
        int[] drawn = Subsampling.keyedDraw(byClass, take, 42, Subsampling.fitDraw(5, 3));
        int[] counts = new int[3];
        for (int i = 0; i < drawn.length; i++) {
            counts[LABELS[drawn[i]]]++;
            assertTrue(i == 0 || drawn[i] > drawn[i - 1], "sorted, no repeats");
        }
        assertArrayEquals(take, counts);
    }

    @Test
    void anItemsFateDependsOnlyOnItsKeySoTheRuleIsLocal() {
        // The drawn items are exactly those whose key is below the class's threshold: a partition holding any
        // subset of the items decides membership from the key alone.
        int[][] byClass = Subsampling.byClass(LABELS, 3);
        int[] take = Subsampling.perClassTake(byClass, 10);
        long draw = Subsampling.fitDraw(10, 7);
        int[] drawn = Subsampling.keyedDraw(byClass, take, 9, draw);
        for (int c = 0; c < 3; c++) {
            long[] keys = Arrays.stream(byClass[c]).mapToLong(i -> Subsampling.key(9, draw, i)).sorted().toArray();
            long threshold = keys[take[c] - 1];
            for (int item : byClass[c]) {
                boolean in = Arrays.binarySearch(drawn, item) >= 0;
                assertEquals(Subsampling.key(9, draw, item) <= threshold, in, "item " + item);
            }
        }
    }

    @Test
    void aSubsampleDoesNotDependOnTheOtherRatiosOrOnOtherClasses() {
        int[][] byClass = Subsampling.byClass(LABELS, 3);
        int[] take = Subsampling.perClassTake(byClass, 5);
        int[] all = Subsampling.keyedDraw(byClass, take, 1, Subsampling.fitDraw(5, 0));
        // drawing class 1 alone picks the same class-1 items
        int[][] only1 = {new int[0], byClass[1], new int[0]};
        int[] alone = Subsampling.keyedDraw(only1, new int[] {0, take[1], 0}, 1, Subsampling.fitDraw(5, 0));
        assertArrayEquals(Arrays.stream(all).filter(i -> LABELS[i] == 1).toArray(), alone);
    }

    @Test
    void seedsRepeatsAndRatiosDrawDifferentSubsamples() {
        int[][] byClass = Subsampling.byClass(LABELS, 3);
        int[] take = Subsampling.perClassTake(byClass, 2);
        int[] a = Subsampling.keyedDraw(byClass, take, 1, Subsampling.fitDraw(2, 0));
        assertArrayEquals(a, Subsampling.keyedDraw(byClass, take, 1, Subsampling.fitDraw(2, 0)), "deterministic");
        assertFalse(Arrays.equals(a, Subsampling.keyedDraw(byClass, take, 2, Subsampling.fitDraw(2, 0))));
        assertFalse(Arrays.equals(a, Subsampling.keyedDraw(byClass, take, 1, Subsampling.fitDraw(2, 1))));
        assertFalse(Arrays.equals(a, Subsampling.keyedDraw(byClass, take, 1, Subsampling.fitDraw(3, 0))));
        assertNotEquals(Subsampling.fitSeed(1, Subsampling.fitDraw(2, 0)), Subsampling.fitSeed(1,
                Subsampling.fitDraw(2, 1)));
    }

    @Test
    void everyItemIsAboutEquallyLikelyToBeDrawn() {
        // 400 draws of half of one class of 100 items: each item should be drawn about 200 times (sd 10)
        int[][] byClass = {IntStream.range(0, 100).toArray()};
        int[] hits = new int[100];
        for (int rep = 0; rep < 400; rep++) {
            for (int i : Subsampling.keyedDraw(byClass, new int[] {50}, 5, Subsampling.fitDraw(2, rep))) {
                hits[i]++;
            }
        }
        for (int i = 0; i < 100; i++) {
            assertTrue(hits[i] > 150 && hits[i] < 250, "item " + i + " drawn " + hits[i] + " times of 400");
        }
    }

    @Test
    void theHoldOutTakesTheFloorOfTheShareOfEveryClassAndTheRestTrains() {
        int[][] restHeld = Subsampling.keyedHoldOut(LABELS, 3, 0.2, 42);
        int[][] byClass = Subsampling.byClass(LABELS, 3);
        int[] held = new int[3];
        Arrays.stream(restHeld[1]).forEach(i -> held[LABELS[i]]++);
        for (int c = 0; c < 3; c++) {
            assertEquals((int) Math.floor(0.2 * byClass[c].length), held[c]);
        }
        assertEquals(LABELS.length, restHeld[0].length + restHeld[1].length);
        assertTrue(Arrays.stream(restHeld[1]).noneMatch(i -> Arrays.binarySearch(restHeld[0], i) >= 0));
    }

    @Test
    void theThresholdIsTheValueASortWouldPutAtThatIndexWhateverTheTiesAndTheOrder() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int n : new int[] {1, 2, 17, 18, 100, 4099}) {
            for (int spread : new int[] {1, 3, n, Integer.MAX_VALUE}) {
                long[] a = random.longs(n, 0, spread).toArray();
                // also already sorted and reversed input, where a naive pivot degenerates
                long[][] inputs = {a, sortedCopy(a), reversed(sortedCopy(a))};
                for (long[] input : inputs) {
                    long[] sorted = sortedCopy(input);
                    for (int k : new int[] {0, n / 3, n / 2, n - 1}) {
                        assertEquals(sorted[k], Subsampling.smallest(input.clone(), k),
                                "n = " + n + ", spread " + spread + ", k = " + k);
                    }
                }
            }
        }
    }

    private static long[] sortedCopy(long[] a) {
        long[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    private static long[] reversed(long[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
