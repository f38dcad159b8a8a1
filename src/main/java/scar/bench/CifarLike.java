package scar.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import scar.data.ClassLabels;
import scar.data.Matrix;
import scar.data.Modality;
import scar.data.MultiModalDataset;
import scar.data.Npy;
import scar.data.Split;

/**
 * The original research code's synthetic benchmark set ("CIFAR-like", {@code ../shared/bench/README.md}), ported:
 * K class means drawn N(0, mean_scale²) per feature; train and test labels are random permutations of equal class
 * counts; an item is its class mean plus N(0, noise_sd²) noise, stored as float32. The original draws from numpy's
 * {@code default_rng(seed)}; this port draws from {@code SplittableRandom(seed)} in the same order (means, train labels,
 * train items, test labels, test items), so the numbers differ but the distribution and every parameter are the same.
 *
 * @param nTrain    training items (the README: 50,000)
 * @param nTest     test items (10,000)
 * @param d         dimension (768)
 * @param k         classes (10)
 * @param meanScale standard deviation of the class means (0.5)
 * @param noiseSd   standard deviation of the noise (1.0)
 * @param seed      0
 */
public record CifarLike(int nTrain, int nTest, int d, int k, double meanScale, double noiseSd, long seed) {

    /** The README's parameters: 50,000 + 10,000 items, d = 768, K = 10, scales 0.5 and 1.0, seed 0. */
    public static CifarLike standard() {
        return new CifarLike(50_000, 10_000, 768, 10, 0.5, 1.0, 0);
    }

    public CifarLike withSize(int train, int test, int classes) {
        return new CifarLike(train, test, d, classes, meanScale, noiseSd, seed);
    }

    /** A short name for files: {@code cifar-like-50000+10000x768-k10-s0}. */
    public String name() {
        return String.format(Locale.ROOT, "cifar-like-%d+%dx%d-k%d-s%d", nTrain, nTest, d, k, seed);
    }

    /** The set in the heap: train items first, then test items, with the split. */
    public MultiModalDataset dataset() {
        int n = nTrain + nTest;
        float[] x = new float[Math.multiplyExact(n, d)];
        int[] labels = generate((row, values) -> System.arraycopy(values, 0, x, row * d, d));
        return dataset(Matrix.wrap(n, d, x), labels);
    }

    /**
     * The set as a float32 {@code .npy} of embeddings and a {@code .npy} of int64 labels in {@code dir}, written row
     * by row (never in the heap) unless both files are there already; returns the embeddings file.
     */
    public Path writeNpy(Path dir) {
        Path x = dir.resolve(name() + ".npy");
        Path y = labelsFile(x);
        if (Files.isRegularFile(x) && Files.isRegularFile(y)) {
            return x;
        }
        int n = nTrain + nTest;
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name() + ".npy.part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                out.write(Npy.header("<f4", "(" + n + ", " + d + ")"));
                ByteBuffer row = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
                int[] labels = generate((i, values) -> {
                    row.clear();
                    row.asFloatBuffer().put(values);
                    try {
                        out.write(row.array());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Npy.writeInts(y, labels);
            }
            Files.move(tmp, x, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + x + ": " + e.getMessage(), e);
        }
    }

    /** The labels file next to an embeddings file written by {@link #writeNpy}. */
    public static Path labelsFile(Path embeddings) {
        String name = embeddings.getFileName().toString();
        return embeddings.resolveSibling(name.substring(0, name.length() - 4) + "-labels.npy");
    }

    /** The dataset of a matrix and labels of this set: items {@code 0..nTrain-1} train, the rest test. */
    public MultiModalDataset dataset(Matrix x, int[] labels) {
        boolean[] train = new boolean[nTrain + nTest];
        java.util.Arrays.fill(train, 0, nTrain, true);
        String[] names = new String[k];
        java.util.Arrays.setAll(names, c -> "class " + c);
        return MultiModalDataset.of(name(), ClassLabels.of(labels, names),
                java.util.List.of(Modality.of("x", x)), Split.of(train));
    }

    private interface Rows {
        void accept(int row, float[] values);
    }

    /** Draws every item in order, handing each row to {@code sink}; returns the labels. */
    private int[] generate(Rows sink) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] means = new double[k][d];
        for (double[] mean : means) {
            for (int j = 0; j < d; j++) {
                mean[j] = meanScale * random.nextGaussian();
            }
        }
        int[] labels = new int[nTrain + nTest];
        float[] row = new float[d];
        int at = 0;
        for (int part = 0; part < 2; part++) {
            int[] y = balancedPermutation(part == 0 ? nTrain : nTest, random);
            for (int label : y) {
                double[] mean = means[label];
                for (int j = 0; j < d; j++) {
                    row[j] = (float) (mean[j] + noiseSd * random.nextGaussian());
                }
                labels[at] = label;
                sink.accept(at++, row);
            }
        }
        return labels;
    }

    /** {@code permutation(repeat(arange(K), n // K))}, then the remainder (the original requires K | n). */
    private int[] balancedPermutation(int n, SplittableRandom random) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < n / k * k ? i / (n / k) : i % k;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return y;
    }
}
