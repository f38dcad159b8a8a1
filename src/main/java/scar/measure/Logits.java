package scar.measure;

import java.util.Objects;
import scar.data.Matrix;

/**
 * The n × K logits of a probe on its training items: {@code get(i, c)} is the score of item {@code i} for class
 * {@code c}.
 *
 * <p>An interface rather than an array so that callers can supply logits lazily: with the default
 * {@link MeasureVariant#HEAD} semantics {@link Measures#compute} reads only {@code get(i, p_i)}, the logit of each
 * item's predicted class, so n = 1.3 M items and K = 1000 classes need not be materialised (5 GiB as floats).
 * {@link MeasureVariant#V1} reads every entry once.
 */
public interface Logits {

    /** Number of items n. */
    int rows();

    /** Number of classes K. */
    int classes();

    /** The logit of item {@code i} (0 ≤ i &lt; n) for class {@code c} (0 ≤ c &lt; K). */
    double get(int i, int c);

    /**
     * Wraps a row-major float array (item {@code i}, class {@code c} at {@code i * k + c}) without copying.
     *
     * @throws IllegalArgumentException if a dimension is negative or {@code rowMajor.length != n * k}
     */
    static Logits of(float[] rowMajor, int n, int k) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        checkShape(rowMajor.length, n, k);
        return new ArrayLogits(n, k, "float") {
            @Override
            public double get(int i, int c) {
                return rowMajor[i * k + c];
            }
        };
    }

    /**
     * Wraps a row-major double array (item {@code i}, class {@code c} at {@code i * k + c}) without copying.
     *
     * @throws IllegalArgumentException if a dimension is negative or {@code rowMajor.length != n * k}
     */
    static Logits of(double[] rowMajor, int n, int k) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        checkShape(rowMajor.length, n, k);
        return new ArrayLogits(n, k, "double") {
            @Override
            public double get(int i, int c) {
                return rowMajor[i * k + c];
            }
        };
    }

    /** Views a matrix (rows = items, columns = classes) as logits, without copying. */
    static Logits of(Matrix matrix) {
        Objects.requireNonNull(matrix, "matrix");
        return of(matrix.data(), matrix.rows(), matrix.cols());
    }

    private static void checkShape(int length, int n, int k) {
        if (n < 0 || k < 0) {
            throw new IllegalArgumentException("logits dimensions must be non-negative, got " + n + " x " + k);
        }
        if ((long) n * k != length) {
            throw new IllegalArgumentException("logits of " + n + " items x " + k + " classes need " + ((long) n * k)
                    + " values, got " + length);
        }
    }
}
