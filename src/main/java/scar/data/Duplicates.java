package scar.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import scar.text.Stored;

/**
 * Exact duplicate rows of one modality: items whose embeddings are bit for bit the same. A duplicate that sits on
 * both sides of a train/test split leaks — the probe is tested on what it was trained on — so a study reports them
 * before it runs ({@link #of}) and can drop them ({@link #redundantItems}).
 *
 * <p>Rows are grouped by a 64-bit hash of their float bits and then compared value by value, so a hash collision
 * never merges two different rows.
 *
 * @param modality     the modality's name
 * @param groups       every group of two or more items with identical rows, each increasing, ordered by first item
 * @param leaks        held-out items whose row equals a training item's row, increasing
 * @param conflicting  groups whose items carry more than one label
 * @param examples     a few groups written with item ids, for a message
 * @param checked      whether the rows were looked at; false for a study that could not ({@link #notChecked})
 */
public record Duplicates(String modality, @Stored(min = 0) List<int[]> groups, @Stored(min = 0) int[] leaks,
                         @Stored(min = 0) int conflicting, List<String> examples, boolean checked) implements Tabular {

    /** How many example groups a report keeps. */
    public static final int EXAMPLES = 3;

    public Duplicates {
        Objects.requireNonNull(modality, "modality");
        groups = groups.stream().map(int[]::clone).toList();
        leaks = leaks.clone();
        examples = List.copyOf(examples);
    }

    /**
     * The duplicates of {@code modality} over the items {@code train} and {@code test} (increasing item indices),
     * with their labels.
     */
    public static Duplicates of(Modality modality, int[] labels, int[] train, int[] test) {
        Matrix x = modality.embeddings();
        int[] items = merge(train, test);
        long[] hashes = new long[items.length];
        float[] row = new float[x.cols()];
        for (int k = 0; k < items.length; k++) {
            x.readRow(items[k], row, 0);
            hashes[k] = rowHash(row);
        }
        // only hashes seen twice can hide duplicates; bucket just those items, in increasing item order
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        java.util.Set<Long> repeated = new java.util.HashSet<>();
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                repeated.add(sorted[k]);
            }
        }
        java.util.Map<Long, List<Integer>> buckets = new java.util.LinkedHashMap<>();
        for (int k = 0; k < items.length; k++) {
            if (repeated.contains(hashes[k])) {
                buckets.computeIfAbsent(hashes[k], h -> new ArrayList<>()).add(items[k]);
            }
        }
        List<int[]> groups = new ArrayList<>();
        for (List<Integer> bucket : buckets.values()) {
            groups.addAll(exactGroups(x, bucket));
        }
        groups.sort((a, b) -> Integer.compare(a[0], b[0]));
        boolean[] isTrain = new boolean[x.rows()];
        for (int i : train) {
            isTrain[i] = true;
        }
        List<Integer> leaks = new ArrayList<>();
        int conflicting = 0;
        List<String> examples = new ArrayList<>();
        for (int[] g : groups) {
            boolean anyTrain = Arrays.stream(g).anyMatch(i -> isTrain[i]);
            for (int i : g) {
                if (!isTrain[i] && anyTrain) {
                    leaks.add(i);
                }
            }
            if (Arrays.stream(g).map(i -> labels[i]).distinct().count() > 1) {
                conflicting++;
            }
            if (examples.size() < EXAMPLES) {
                examples.add(describe(modality, g, isTrain));
            }
        }
        java.util.Collections.sort(leaks);
        return new Duplicates(modality.name(), groups, leaks.stream().mapToInt(Integer::intValue).toArray(),
                conflicting, examples, true);
    }

    /** Splits one hash bucket (items in increasing order) into groups of truly equal rows. */
    private static List<int[]> exactGroups(Matrix x, List<Integer> bucket) {
        List<int[]> out = new ArrayList<>();
        boolean[] used = new boolean[bucket.size()];
        for (int a = 0; a < bucket.size(); a++) {
            if (used[a]) {
                continue;
            }
            List<Integer> group = new ArrayList<>(List.of(bucket.get(a)));
            for (int b = a + 1; b < bucket.size(); b++) {
                if (!used[b] && sameRow(x, bucket.get(a), bucket.get(b))) {
                    used[b] = true;
                    group.add(bucket.get(b));
                }
            }
            if (group.size() > 1) {
                out.add(group.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return out;
    }

    private static String describe(Modality m, int[] group, boolean[] isTrain) {
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < Math.min(group.length, 4); k++) {
            sb.append(k == 0 ? "" : ", ").append(m.id(group[k])).append(isTrain[group[k]] ? "" : " (held out)");
        }
        if (group.length > 4) {
            sb.append(", … ").append(group.length - 4).append(" more");
        }
        return sb.append('}').toString();
    }

    private static boolean sameRow(Matrix x, int a, int b) {
        for (int j = 0; j < x.cols(); j++) {
            if (Float.floatToIntBits(x.get(a, j)) != Float.floatToIntBits(x.get(b, j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 64-bit hash of a row's float bits ({@link Float#floatToIntBits}, so every NaN hashes alike, as
     * {@link #sameRow} compares them): four multiply-xorshift chains over every fourth value, so that the
     * multiplications of neighbouring values overlap instead of waiting on each other, then mixed into one.
     */
    static long rowHash(float[] row) {
        long h0 = 0x9E3779B97F4A7C15L;
        long h1 = 0x632BE59BD9B4E019L;
        long h2 = 0x85EBCA77C2B2AE63L;
        long h3 = 0xC2B2AE3D27D4EB4FL;
        int j = 0;
        for (; j + 4 <= row.length; j += 4) {
            h0 = step(h0, row[j]);
            h1 = step(h1, row[j + 1]);
            h2 = step(h2, row[j + 2]);
            h3 = step(h3, row[j + 3]);
        }
        for (; j < row.length; j++) {
            h0 = step(h0, row[j]);
        }
        return step(step(step(h0, h1), h2), h3) ^ row.length;
    }

    private static long step(long h, float v) {
        return step(h, Float.floatToIntBits(v));
    }

    private static long step(long h, long v) {
        long m = (h ^ v) * 0xBF58476D1CE4E5B9L;
        return m ^ (m >>> 29);
    }

    private static int[] merge(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }

    /**
     * The report of a study that did not look for duplicates (a distributed run): it says so rather than claiming
     * that there are none.
     */
    public static Duplicates notChecked(String modality) {
        return new Duplicates(modality, List.of(), new int[0], 0, List.of(), false);
    }

    /** Items in groups, minus one per group: the copies a de-duplication drops. */
    public int redundant() {
        return groups.stream().mapToInt(g -> g.length - 1).sum();
    }

    /** Whether any row repeats. */
    public boolean any() {
        return !groups.isEmpty();
    }

    /** Every item but the first of each group: what de-duplication drops. */
    public int[] redundantItems() {
        return groups.stream().flatMapToInt(g -> Arrays.stream(g, 1, g.length)).sorted().toArray();
    }

    @Override
    public int[] leaks() {
        return leaks.clone();
    }

    /** One line for a person: counts and a few examples, or that no row repeats. */
    public String summary() {
        if (!checked) {
            return "not checked (only the local library looks for exact duplicate rows)";
        }
        if (groups.isEmpty()) {
            return "no exact duplicate rows";
        }
        return String.format(Locale.ROOT, "%s in %s, %s%s; e.g. %s",
                plural(redundant(), "exact duplicate row", "exact duplicate rows"),
                plural(groups.size(), "group", "groups"),
                leaks.length == 1 ? "1 held-out item duplicates a training item"
                        : String.format(Locale.ROOT, "%,d held-out items duplicate a training item", leaks.length),
                conflicting > 0 ? ", " + plural(conflicting, "group", "groups") + " with conflicting labels" : "",
                String.join(" ", examples));
    }

    private static String plural(int count, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? one : many);
    }

    /** One row per group: its first item, its size, whether it crosses the split, and its item indices. */
    @Override
    public Table toTable() {
        IntColumn first = IntColumn.create("first_item");
        IntColumn size = IntColumn.create("items");
        StringColumn all = StringColumn.create("item_indices");
        for (int[] g : groups) {
            first.append(g[0]);
            size.append(g.length);
            all.append(Arrays.toString(g));
        }
        return Table.create(modality + ": exact duplicate rows").addColumns(first, size, all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Duplicates d && modality.equals(d.modality)
                && Arrays.deepEquals(groups.toArray(), d.groups.toArray()) && Arrays.equals(leaks, d.leaks)
                && conflicting == d.conflicting && checked == d.checked;
    }

    @Override
    public int hashCode() {
        return Objects.hash(modality, groups.size(), Arrays.hashCode(leaks), conflicting);
    }

    @Override
    public String toString() {
        return modality + ": " + summary();
    }
}
