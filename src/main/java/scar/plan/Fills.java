package scar.plan;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The three ways of extending a primary set from a reserve (SPEC §6 steps 6–7), on arrays of item indices.
 *
 * <p>{@code reserveByClass[c]} holds the item indices of class c in the reserve. Every method draws without
 * replacement from the given seeded source and returns the chosen item indices sorted ascending, so the result
 * depends only on the inputs and the source's state. Each method consumes the source in a fixed order (class 0
 * first), so the same seed gives the same choice on every run.
 *
 * <ul>
 *   <li>{@link #scar}: the plan's count from every class.</li>
 *   <li>{@link #random}: {@code total} items uniformly from the pooled reserve, whatever their class.</li>
 *   <li>{@link #average}: the same count from every class that has a reserve, capped by what it has
 *       ({@link #averageCounts}).</li>
 * </ul>
 */
public final class Fills {
    private Fills() {
    }

    /**
     * SCAR fill: {@code toAdd[c]} items drawn uniformly from class c's reserve.
     *
     * @throws IllegalArgumentException if lengths differ, a count is negative or exceeds the class's reserve, or an
     *                                  item index is negative or repeated
     */
    public static int[] scar(int[][] reserveByClass, int[] toAdd, SplittableRandom rng) {
        validate(reserveByClass, rng);
        Objects.requireNonNull(toAdd, "toAdd");
        Tables.requireLength("toAdd", toAdd.length, reserveByClass.length);
        for (int c = 0; c < toAdd.length; c++) {
            if (toAdd[c] < 0 || toAdd[c] > reserveByClass[c].length) {
                throw new IllegalArgumentException("cannot take " + toAdd[c] + " items of class " + c
                        + " from a reserve of " + reserveByClass[c].length);
            }
        }
        return draw(reserveByClass, toAdd, rng);
    }

    /**
     * Random fill: {@code total} items drawn uniformly without replacement from all reserve items together.
     *
     * @throws IllegalArgumentException if {@code total} is negative or larger than the pooled reserve
     */
    public static int[] random(int[][] reserveByClass, int total, SplittableRandom rng) {
        validate(reserveByClass, rng);
        int[] pool = Arrays.stream(reserveByClass).flatMapToInt(Arrays::stream).toArray();
        requireTotal(total, pool.length);
        return sampleSorted(pool, total, rng);
    }

    /**
     * Average fill: {@code total} items spread as evenly as possible over the classes that have a reserve
     * ({@link #averageCounts}), each class's share drawn uniformly from its reserve.
     *
     * @throws IllegalArgumentException if {@code total} is negative or larger than the pooled reserve
     */
    public static int[] average(int[][] reserveByClass, int total, SplittableRandom rng) {
        validate(reserveByClass, rng);
        int[] sizes = Arrays.stream(reserveByClass).mapToInt(r -> r.length).toArray();
        return draw(reserveByClass, averageCounts(sizes, total, rng), rng);
    }

    /**
     * The per-class counts of the average fill: water-filling. Every class with a reserve gets the same count q,
     * except that a class with fewer than q items gives all it has, and the shares of such classes are spread over
     * the others; the remainder r of the last even division goes, one item each, to r of the classes that still
     * have room, chosen uniformly at random from {@code rng} (not "the first r classes", which would favour low
     * class indices). The counts therefore sum to exactly {@code total} whenever {@code total} ≤ Σ sizes — the same
     * number of items as the SCAR fill it is compared with — and counts of uncapped classes differ by at most one.
     *
     * @param sizes reserve size per class, ≥ 0
     * @throws IllegalArgumentException if {@code total} is negative or larger than Σ sizes, or a size is negative
     */
    public static int[] averageCounts(int[] sizes, int total, SplittableRandom rng) {
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(rng, "rng");
        long pool = 0;
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] < 0) {
                throw new IllegalArgumentException("reserve size of class " + c + " must be >= 0, got " + sizes[c]);
            }
            pool += sizes[c];
        }
        requireTotal(total, pool);
        int[] counts = new int[sizes.length];
        boolean[] open = new boolean[sizes.length];
        int openCount = 0;
        for (int c = 0; c < sizes.length; c++) {
            open[c] = sizes[c] > 0;
            openCount += open[c] ? 1 : 0;
        }
        int left = total;
        boolean capped = true;
        while (left > 0 && capped) {
            // close every class that cannot take an even share; repeat until no class is capped
            int share = left / openCount;
            capped = false;
            for (int c = 0; c < sizes.length; c++) {
                if (open[c] && sizes[c] <= share) {
                    counts[c] = sizes[c];
                    left -= sizes[c];
                    open[c] = false;
                    openCount--;
                    capped = true;
                }
            }
        }
        if (left > 0) {
            int share = left / openCount;
            int[] openClasses = new int[openCount];
            for (int c = 0, j = 0; c < sizes.length; c++) {
                if (open[c]) {
                    counts[c] = share;
                    openClasses[j++] = c;
                }
            }
            // every open class has more than `share` items, so each of the chosen ones can take one more
            for (int c : sampleSorted(openClasses, left - share * openCount, rng)) {
                counts[c]++;
            }
        }
        return counts;
    }

    private static int[] draw(int[][] reserveByClass, int[] counts, SplittableRandom rng) {
        int[] out = new int[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < counts.length; c++) {
            int[] chosen = sampleSorted(reserveByClass[c], counts[c], rng);
            System.arraycopy(chosen, 0, out, at, chosen.length);
            at += chosen.length;
        }
        Arrays.sort(out);
        return out;
    }

    /** {@code count} distinct entries of {@code from}, by a partial Fisher–Yates shuffle of a copy, sorted. */
    private static int[] sampleSorted(int[] from, int count, SplittableRandom rng) {
        int[] copy = from.clone();
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(copy.length - i);
            int tmp = copy[i];
            copy[i] = copy[j];
            copy[j] = tmp;
        }
        int[] out = Arrays.copyOf(copy, count);
        Arrays.sort(out);
        return out;
    }

    private static void requireTotal(int total, long pool) {
        if (total < 0 || total > pool) {
            throw new IllegalArgumentException("cannot take " + total + " items from a reserve of " + pool);
        }
    }

    private static void validate(int[][] reserveByClass, SplittableRandom rng) {
        Objects.requireNonNull(reserveByClass, "reserveByClass");
        Objects.requireNonNull(rng, "rng");
        int[] all = Arrays.stream(reserveByClass)
                .map(r -> Objects.requireNonNull(r, "reserve of a class is null (use an empty array)"))
                .flatMapToInt(Arrays::stream).sorted().toArray();
        for (int i = 0; i < all.length; i++) {
            if (all[i] < 0) {
                throw new IllegalArgumentException("reserve item index must be >= 0, got " + all[i]);
            }
            if (i > 0 && all[i] == all[i - 1]) {
                throw new IllegalArgumentException("reserve item " + all[i] + " appears more than once");
            }
        }
    }
}
