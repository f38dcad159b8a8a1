package scar.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major matrix of {@code float} values: the embeddings of one modality, or a subset of them.
 *
 * <p>Values live in one primitive array, never boxed, so a 1,000,000 × 768 modality takes 3 GiB. The array is not
 * copied on construction (callers hand over ownership) and never exposed for writing by this library; treat it as
 * immutable. Row {@code i} occupies {@code data[i * cols .. (i + 1) * cols)}.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final float[] data;

    private Matrix(int rows, int cols, float[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Wraps {@code data} (row-major, length {@code rows * cols}) without copying.
     *
     * @throws IllegalArgumentException if a dimension is negative or the length does not match
     */
    public static Matrix wrap(int rows, int cols, float[] data) {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix dimensions must be non-negative, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + ((long) rows * cols)
                    + " values, got " + data.length);
        }
        return new Matrix(rows, cols, data);
    }

    /** Copies a rectangular {@code double[][]} (rows of equal length) into a new matrix. */
    public static Matrix of(double[][] values) {
        Objects.requireNonNull(values, "values");
        int n = values.length;
        int d = n == 0 ? 0 : values[0].length;
        float[] out = new float[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            if (values[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) values[i][j];
            }
        }
        return new Matrix(n, d, out);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }

    /** The backing array, row-major. Do not modify it. */
    public float[] data() {
        return data;
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** A new matrix holding the given rows, in the given order (rows may repeat). */
    public Matrix selectRows(int[] rowIndices) {
        float[] out = new float[Math.multiplyExact(rowIndices.length, cols)];
        for (int k = 0; k < rowIndices.length; k++) {
            System.arraycopy(data, rowIndices[k] * cols, out, k * cols, cols);
        }
        return new Matrix(rowIndices.length, cols, out);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + cols + "]";
    }
}
