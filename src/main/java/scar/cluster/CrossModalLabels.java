package scar.cluster;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import java.util.List;

import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Cross-modal labels (SPEC §8): for paired data without class labels, the clusters of one modality label the other.
 *
 * <p>K-means on modality A gives the labels for modality B and vice versa. When an item has several rows in a
 * modality (five captions of one image), {@link #labelFromOther} clusters all the rows and gives the item the most
 * frequent cluster among its rows, the first seen winning ties; {@link #meanEmbeddings} gives the item's single
 * embedding for that modality, the mean of its rows.
 *
 * <p><b>Seeding.</b> {@link #kmeans} runs Smile 3.1.1's {@code KMeans.fit} (k-means++ initialisation, then Lloyd
 * iterations accelerated by a BBD tree; at most 100 iterations, stopping when the distortion improves by less than
 * 1e-4). Smile draws the k-means++ seeds from {@code MathEx}'s random source, which is per thread
 * ({@code ThreadLocal}) and can only be seeded through {@code MathEx.setSeed}. So that no caller's random state is
 * touched, each call runs on a new short-lived thread whose source is seeded with {@code seed} before the fit and
 * discarded afterwards. All random draws happen on that thread (Smile's parallel steps only compute distances and
 * per-centroid sums), so a seed gives the same labels on every run and at any parallelism.
 */
public final class CrossModalLabels {
    /** Smile's default iteration cap for k-means. */
    static final int MAX_ITERATIONS = 100;
    /** Smile's default convergence tolerance on the distortion. */
    static final double TOLERANCE = 1e-4;

    private CrossModalLabels() {
    }

    /**
     * The modality {@code labelled} of {@code dataset}, alone, with the labels given by seeded k-means ({@code k}
     * clusters) on the modality {@code from}. Classes are named {@code cluster 0 .. cluster k-1}; items, ids and split
     * are kept.
     *
     * @throws IllegalArgumentException if a modality is unknown, the two names are equal, or k is outside 2..items
     */
    public static MultiModalDataset label(MultiModalDataset dataset, String labelled, String from, int k, long seed) {
        if (labelled.equals(from)) {
            throw new IllegalArgumentException("cross-modal labels need two different modalities, got '" + labelled
                    + "' twice; the dataset has " + dataset.modalityNames());
        }
        Modality source = dataset.modality(from);
        dataset.modality(labelled);
        int[] clusters = labelFromOther(source.embeddings(), null, dataset.size(), k, seed);
        String[] names = new String[k];
        Arrays.setAll(names, c -> "cluster " + c);
        return dataset.selectModalities(labelled).withLabels(clusters, names);
    }

    /**
     * {@link #label(MultiModalDataset, String, String, int, long)} for a dataset with exactly two modalities:
     * {@code labelled} gets the clusters of the other one.
     *
     * @throws IllegalArgumentException if the dataset does not have exactly two modalities
     */
    public static MultiModalDataset label(MultiModalDataset dataset, String labelled, int k, long seed) {
        List<String> names = dataset.modalityNames();
        if (names.size() != 2) {
            throw new IllegalArgumentException("name the modality to cluster: dataset '" + dataset.name() + "' has "
                    + names.size() + " modalities " + names + ", expected exactly 2");
        }
        String from = names.get(0).equals(labelled) ? names.get(1) : names.get(0);
        return label(dataset, labelled, from, k, seed);
    }

    /**
     * Both ways: for a dataset with two modalities A and B, A labelled by the clusters of B and B labelled by the
     * clusters of A, one labelled one-modality dataset each, in the dataset's modality order.
     *
     * @throws IllegalArgumentException if the dataset does not have exactly two modalities, or k is outside 2..items
     */
    public static List<MultiModalDataset> labelBoth(MultiModalDataset dataset, int k, long seed) {
        return dataset.modalityNames().stream().map(m -> label(dataset, m, k, seed)).toList();
    }

    /**
     * Seeded k-means of the rows of {@code x}.
     *
     * @return the cluster of every row, in 0..k−1
     * @throws IllegalArgumentException if k &lt; 2 or k exceeds the number of rows, or a value is not finite
     */
    public static int[] kmeans(Matrix x, int k, long seed) {
        Objects.requireNonNull(x, "x");
        if (k < 2 || k > x.rows()) {
            throw new IllegalArgumentException("k-means needs 2 <= k <= rows (" + x.rows() + "), got k = " + k);
        }
        double[][] data = new double[x.rows()][x.cols()];
        for (int i = 0; i < data.length; i++) {
            for (int j = 0; j < data[i].length; j++) {
                float v = x.get(i, j);
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("k-means needs finite values, got " + v + " at row " + i
                            + ", column " + j);
                }
                data[i][j] = v;
            }
        }
        AtomicReference<int[]> labels = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                MathEx.setSeed(seed);
                labels.set(KMeans.fit(data, k, MAX_ITERATIONS, TOLERANCE).y.clone());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "scar-kmeans");
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for k-means", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
        return labels.get();
    }

    /**
     * Labels the items of one modality by clustering the other modality.
     *
     * @param other     embeddings of the other modality, one or more rows per item
     * @param itemOfRow the item of every row of {@code other}, or {@code null} when row i is item i
     * @param numItems  number of items
     * @param k         number of clusters (classes)
     * @param seed      seed of the k-means initialisation
     * @return per item the most frequent cluster among its rows (the first seen in row order wins ties)
     * @throws IllegalArgumentException if {@code itemOfRow} does not match the rows, names an item outside
     *                                  0..numItems−1, or leaves an item without rows; or as {@link #kmeans}
     */
    public static int[] labelFromOther(Matrix other, int[] itemOfRow, int numItems, int k, long seed) {
        int[] rowsOf = rowCounts(other, itemOfRow, numItems);
        int[] clusters = kmeans(other, k, seed);
        if (itemOfRow == null) {
            return clusters;
        }
        // row indices grouped by item, in row order (counting sort)
        int[] start = new int[numItems + 1];
        for (int i = 0; i < numItems; i++) {
            start[i + 1] = start[i] + rowsOf[i];
        }
        int[] next = start.clone();
        int[] grouped = new int[itemOfRow.length];
        for (int r = 0; r < itemOfRow.length; r++) {
            grouped[next[itemOfRow[r]]++] = r;
        }
        int[] labels = new int[numItems];
        int[] count = new int[k];
        for (int item = 0; item < numItems; item++) {
            int best = -1;
            for (int p = start[item]; p < start[item + 1]; p++) {
                count[clusters[grouped[p]]]++;
            }
            // scan in row order: the first cluster to reach the maximum count is the first seen among the ties
            for (int p = start[item]; p < start[item + 1]; p++) {
                int c = clusters[grouped[p]];
                if (best < 0 || count[c] > count[best]) {
                    best = c;
                }
            }
            labels[item] = best;
            for (int p = start[item]; p < start[item + 1]; p++) {
                count[clusters[grouped[p]]] = 0;
            }
        }
        return labels;
    }

    /**
     * One embedding per item: the mean of its rows (accumulated in double, stored as float).
     *
     * @param itemOfRow the item of every row of {@code x}
     * @throws IllegalArgumentException as {@link #labelFromOther}
     */
    public static Matrix meanEmbeddings(Matrix x, int[] itemOfRow, int numItems) {
        Objects.requireNonNull(itemOfRow, "itemOfRow");
        int[] rowsOf = rowCounts(x, itemOfRow, numItems);
        int d = x.cols();
        double[] sum = new double[Math.multiplyExact(numItems, d)];
        for (int r = 0; r < itemOfRow.length; r++) {
            int base = itemOfRow[r] * d;
            for (int j = 0; j < d; j++) {
                sum[base + j] += x.get(r, j);
            }
        }
        float[] out = new float[sum.length];
        for (int i = 0; i < numItems; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) (sum[i * d + j] / rowsOf[i]);
            }
        }
        return Matrix.wrap(numItems, d, out);
    }

    /** Rows per item, after checking that every row names a valid item and every item has a row. */
    private static int[] rowCounts(Matrix x, int[] itemOfRow, int numItems) {
        Objects.requireNonNull(x, "matrix");
        if (numItems < 1) {
            throw new IllegalArgumentException("number of items must be >= 1, got " + numItems);
        }
        int[] counts = new int[numItems];
        if (itemOfRow == null) {
            if (x.rows() != numItems) {
                throw new IllegalArgumentException("without itemOfRow the matrix needs one row per item: "
                        + x.rows() + " rows for " + numItems + " items");
            }
            Arrays.fill(counts, 1);
            return counts;
        }
        if (itemOfRow.length != x.rows()) {
            throw new IllegalArgumentException("itemOfRow has " + itemOfRow.length + " entries but the matrix has "
                    + x.rows() + " rows");
        }
        for (int r = 0; r < itemOfRow.length; r++) {
            if (itemOfRow[r] < 0 || itemOfRow[r] >= numItems) {
                throw new IllegalArgumentException("row " + r + " belongs to item " + itemOfRow[r]
                        + ", expected 0.." + (numItems - 1));
            }
            counts[itemOfRow[r]]++;
        }
        for (int i = 0; i < numItems; i++) {
            if (counts[i] == 0) {
                throw new IllegalArgumentException("item " + i + " has no row in the matrix; every item needs one");
            }
        }
        return counts;
    }
}
