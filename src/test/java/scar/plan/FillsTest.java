package scar.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FillsTest {
    /** Class c's reserve items are 100c .. 100c + size - 1. */
    private static int[][] reserve(int... sizes) {
        return IntStream.range(0, sizes.length)
                .mapToObj(c -> IntStream.range(0, sizes[c]).map(i -> 100 * c + i).toArray()).toArray(int[][]::new);
    }

    private static int[] perClass(int[] chosen, int classes) {
        int[] counts = new int[classes];
        for (int item : chosen) {
            counts[item / 100]++;
        }
        return counts;
    }

    private static void assertSortedDistinctSubset(int[] chosen, int[][] reserve) {
        Set<Integer> pool = new HashSet<>();
        Arrays.stream(reserve).flatMapToInt(Arrays::stream).forEach(pool::add);
        for (int i = 0; i < chosen.length; i++) {
            assertTrue(pool.contains(chosen[i]), "item " + chosen[i] + " is not in the reserve");
            assertTrue(i == 0 || chosen[i - 1] < chosen[i], "not sorted and distinct at " + i);
        }
    }

    @Test
    void scarFillTakesThePlannedCountFromEveryClass() {
        int[][] reserve = reserve(10, 3, 0, 7);
        int[] chosen = Fills.scar(reserve, new int[] {4, 3, 0, 1}, new SplittableRandom(5));
        assertArrayEquals(new int[] {4, 3, 0, 1}, perClass(chosen, 4));
        assertSortedDistinctSubset(chosen, reserve);
    }

    @Test
    void sameSeedSameChoiceOtherSeedOtherChoice() {
        int[][] reserve = reserve(50, 50);
        int[] toAdd = {10, 10};
        assertArrayEquals(Fills.scar(reserve, toAdd, new SplittableRandom(1)),
                Fills.scar(reserve, toAdd, new SplittableRandom(1)));
        assertFalse(Arrays.equals(Fills.scar(reserve, toAdd, new SplittableRandom(1)),
                Fills.scar(reserve, toAdd, new SplittableRandom(2))));
        assertArrayEquals(Fills.random(reserve, 20, new SplittableRandom(3)),
                Fills.random(reserve, 20, new SplittableRandom(3)));
        assertArrayEquals(Fills.average(reserve, 20, new SplittableRandom(3)),
                Fills.average(reserve, 20, new SplittableRandom(3)));
    }

    /* Random fill of 3 out of a pool of 6 items: every item is chosen with probability 1/2. */
    @Test
    void randomFillIsUniformOverThePooledReserve() {
        int[][] reserve = reserve(1, 5);
        int[] hits = new int[6];
        SplittableRandom rng = new SplittableRandom(9);
        int draws = 4000;
        for (int t = 0; t < draws; t++) {
            int[] chosen = Fills.random(reserve, 3, rng);
            assertEquals(3, chosen.length);
            assertSortedDistinctSubset(chosen, reserve);
            for (int item : chosen) {
                hits[item == 0 ? 0 : item - 99]++;
            }
        }
        for (int h : hits) {
            assertEquals(0.5, (double) h / draws, 0.04);
        }
    }

    /*
     * Water-filling, sizes [10, 2, 0, 10], total 13: the three classes with a reserve would get 13/3 = 4 each, but
     * class 1 has only 2, so it gives 2; the other 11 go to classes 0 and 3: 5 each and the remainder 1 to one of
     * them at random -> [6, 2, 0, 5] or [5, 2, 0, 6].
     */
    @Test
    void averageCountsHandChecked() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            int[] counts = Fills.averageCounts(new int[] {10, 2, 0, 10}, 13, new SplittableRandom(seed));
            seen.add(Arrays.toString(counts));
        }
        assertEquals(Set.of("[6, 2, 0, 5]", "[5, 2, 0, 6]"), seen);
    }

    @Test
    void averageCountsCascadeAndSumToTheTotal() {
        // 14 over [1, 3, 8, 8]: share 3 -> class 0 gives 1 and class 1 gives 3, then 10 over two classes: 5 each
        assertArrayEquals(new int[] {1, 3, 5, 5}, Fills.averageCounts(new int[] {1, 3, 8, 8}, 14,
                new SplittableRandom(0)));
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 500; trial++) {
            int[] sizes = IntStream.range(0, 1 + rng.nextInt(6)).map(c -> rng.nextInt(12)).toArray();
            int pool = Arrays.stream(sizes).sum();
            int total = rng.nextInt(pool + 1);
            int[] counts = Fills.averageCounts(sizes, total, rng);
            assertEquals(total, Arrays.stream(counts).sum());
            int maxUncapped = -1;
            int minUncapped = Integer.MAX_VALUE;
            for (int c = 0; c < sizes.length; c++) {
                assertTrue(counts[c] <= sizes[c]);
                if (counts[c] < sizes[c]) {
                    maxUncapped = Math.max(maxUncapped, counts[c]);
                    minUncapped = Math.min(minUncapped, counts[c]);
                }
            }
            if (maxUncapped >= 0) {
                assertTrue(maxUncapped - minUncapped <= 1, Arrays.toString(sizes) + " -> " + Arrays.toString(counts));
                // even: no class (capped or not) takes two or more items more than a class that still has room
                for (int c = 0; c < sizes.length; c++) {
                    assertTrue(counts[c] <= minUncapped + 1, Arrays.toString(sizes) + " -> "
                            + Arrays.toString(counts));
                }
            }
        }
    }

    @Test
    void baselinesMatchTheScarFillSize() {
        int[][] reserve = reserve(30, 4, 12, 0);
        int[] toAdd = CompletionPlan.of(new String[] {"a", "b", "c", "d"}, new double[] {80, 60, 45, 40},
                new int[] {60, 40, 30, 30}, new int[] {30, 4, 12, 0}, null).toAdd();
        int[] scar = Fills.scar(reserve, toAdd, new SplittableRandom(1));
        assertEquals(Arrays.stream(toAdd).sum(), scar.length);
        assertEquals(scar.length, Fills.random(reserve, scar.length, new SplittableRandom(1)).length);
        int[] average = Fills.average(reserve, scar.length, new SplittableRandom(1));
        assertEquals(scar.length, average.length);
        assertSortedDistinctSubset(average, reserve);
    }

    @Test
    void emptyAndFullFills() {
        int[][] reserve = reserve(3, 0, 2);
        assertEquals(0, Fills.random(reserve, 0, new SplittableRandom(1)).length);
        assertEquals(0, Fills.average(reserve, 0, new SplittableRandom(1)).length);
        assertArrayEquals(new int[] {0, 1, 2, 200, 201}, Fills.average(reserve, 5, new SplittableRandom(1)));
        assertArrayEquals(new int[] {0, 1, 2, 200, 201}, Fills.random(reserve, 5, new SplittableRandom(1)));
    }

    @Test
    void invalidRequestsAreRejected() {
        int[][] reserve = reserve(3, 2);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Fills.scar(reserve, new int[] {1, 3}, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("cannot take 3 items of class 1 from a reserve of 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fills.random(reserve, 6, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fills.average(reserve, -1, new SplittableRandom(1)));
        e = assertThrows(IllegalArgumentException.class,
                () -> Fills.random(new int[][] {{1, 2}, {2}}, 1, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("reserve item 2 appears more than once"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Fills.scar(reserve, new int[] {1}, new SplittableRandom(1)));
    }
}
