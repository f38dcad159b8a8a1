package scar.probe;

import java.util.SplittableRandom;
import scar.data.Matrix;

/**
 * A seeded synthetic classification set for benchmarks and tests: K Gaussian classes in d dimensions. Class c has
 * a mean μ_c with entries drawn from N(0, s²), s = 2/√d (so two class means lie about 2.8 apart), and item i
 * belongs to class i mod K with x_i = μ_c + N(0, I). Drawn from {@code SplittableRandom(seed)}: the class means
 * first, then the items row by row.
 *
 * @param x          the n × d inputs
 * @param labels     the class of each row
 * @param numClasses K
 */
public record SyntheticData(Matrix x, int[] labels, int numClasses) {

    /** The data set described above. */
    public static SyntheticData gaussianClasses(int n, int d, int numClasses, long seed) {
        if (n < 1 || d < 1 || numClasses < 2) {
            throw new IllegalArgumentException("need n >= 1, d >= 1 and numClasses >= 2, got n = " + n + ", d = "
                    + d + ", numClasses = " + numClasses);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double spread = 2.0 / Math.sqrt(d);
        double[][] means = new double[numClasses][d];
        for (double[] mean : means) {
            for (int j = 0; j < d; j++) {
                mean[j] = spread * random.nextGaussian();
            }
        }
        float[] data = new float[Math.multiplyExact(n, d)];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % numClasses;
            labels[i] = c;
            for (int j = 0; j < d; j++) {
                data[i * d + j] = (float) (means[c][j] + random.nextGaussian());
            }
        }
        return new SyntheticData(Matrix.wrap(n, d, data), labels, numClasses);
    }

    @Override
    public String toString() {
        return "SyntheticData[" + x.rows() + " x " + x.cols() + ", " + numClasses + " Gaussian classes]";
    }
}
