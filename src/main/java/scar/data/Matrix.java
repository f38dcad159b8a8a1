package scar.data;

import java.util.Objects;

/**
 * A dense n × d matrix of {@code float} values: the embeddings of one modality, or a subset of them. Immutable.
 *
 * <p>Three kinds share this type, and every reader of a matrix goes through {@link #readRow} or {@link #get}, so a
 * probe, a loader or a table sees the same numbers whichever it is:
 * <ul>
 *   <li><b>heap</b> ({@link #wrap}, {@link #of}): one {@code float[]}, row-major, at most 2³¹ − 9 values; a
 *       1,000,000 × 768 modality takes 3 GiB of heap;</li>
 *   <li><b>mapped</b> ({@link Npy#map}): the values stay in a {@code .npy} file that the operating system pages in on
 *       demand (float32, or float16 widened on read), with no limit on the number of values and no heap;</li>
 *   <li><b>row view</b> ({@link #selectRows}): chosen rows of another matrix, held as an index list, never a copy.</li>
 * </ul>
 * Row {@code i} of a heap matrix occupies {@code data[i * cols .. (i + 1) * cols)}.
 */
public abstract sealed class Matrix permits Matrix.Heap, MappedMatrix, Matrix.RowView {
    final int rows;
    final int cols;
    /** Set once every value was seen to be finite ({@link #checkFinite}), so a second check is free. */
    private volatile boolean finite;

    Matrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Wraps {@code data} (row-major, length {@code rows * cols}) without copying; the caller hands over ownership.
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
        return new Heap(rows, cols, data);
    }

    /** Copies a rectangular {@code double[][]} (rows of equal length) into a new heap matrix. */
    public static Matrix of(double[][] values) {
        Objects.requireNonNull(values, "values");
        int n = values.length;
        int d = n == 0 ? 0 : values[0].length;
        float[] out = new float[heapValues(n, d, "a matrix")];
        for (int i = 0; i < n; i++) {
            if (values[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) values[i][j];
            }
        }
        return new Heap(n, d, out);
    }

    /**
     * The length of a heap array for {@code rows × cols} floats, after checking that it fits one array and the
     * heap ({@link Memory#require}).
     */
    static int heapValues(long rows, long cols, String what) {
        long values = rows * cols;
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + " (" + rows + " x " + cols + " = " + values + " values) does not "
                    + "fit one Java array (at most " + (Integer.MAX_VALUE - 8) + "); save it as a float32 .npy file, "
                    + "which is memory-mapped instead of read into the heap");
        }
        Memory.require(4 * values, what + " (" + rows + " x " + cols + " floats)");
        return (int) values;
    }

    public int rows() {
        return rows;
    }

    /**
     * Checks that every value is finite, reading each row once (the first time only); {@code problem} receives the
     * row, column and value of the first non-finite value and returns the exception to throw.
     */
    void checkFinite(NonFinite problem) {
        Matrix b = base();
        if (finite || b.finite) {
            return;
        }
        float[] row = new float[cols];
        for (int i = 0; i < rows; i++) {
            readRow(i, row, 0);
            for (int j = 0; j < cols; j++) {
                if (!Float.isFinite(row[j])) {
                    throw problem.at(i, j, row[j]);
                }
            }
        }
        finite = true;
    }

    /**
     * Checks that every value is finite (once per matrix: the answer is remembered, and a row view asks its base).
     *
     * @param what names the matrix in the message
     * @throws IllegalArgumentException naming the row, column and value of the first non-finite value
     */
    public void requireFinite(String what) {
        checkFinite((row, col, value) -> new IllegalArgumentException(what + ": value " + value + " at row " + row
                + ", column " + col + " is not a finite number"));
    }

    /** Builds the error for a non-finite value at (row, column). */
    interface NonFinite {
        IllegalArgumentException at(int row, int col, float value);
    }

    public int cols() {
        return cols;
    }

    /** The value at ({@code row}, {@code col}). */
    public abstract float get(int row, int col);

    /** Copies row {@code row} into {@code dst[offset .. offset + cols)}. Safe to call from several threads. */
    public abstract void readRow(int row, float[] dst, int offset);

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        Objects.checkIndex(i, rows);
        float[] out = new float[cols];
        readRow(i, out, 0);
        return out;
    }

    /**
     * The values as one row-major array: the backing array itself for a heap matrix (do not modify it), a new copy
     * for a mapped matrix or a row view.
     *
     * @throws IllegalArgumentException     if the matrix has more values than one Java array holds (a mapped matrix
     *                                      may): read it a row at a time with {@link #readRow} instead
     * @throws InsufficientMemoryException if the copy does not fit the heap
     */
    public float[] data() {
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a copy of the " + rows + " x " + cols + " matrix (" + storage() + ") "
                    + "has " + (long) rows * cols + " values, more than one Java array holds (" + (Integer.MAX_VALUE - 8)
                    + "); read it a row at a time (readRow) or copy fewer rows (selectRows)");
        }
        float[] out = new float[heapValues(rows, cols, "a copy of the matrix")];
        for (int i = 0; i < rows; i++) {
            readRow(i, out, i * cols);
        }
        return out;
    }

    /**
     * A heap copy of this matrix (for a heap matrix, itself: it is immutable).
     *
     * @throws IllegalArgumentException     if the matrix has more values than one Java array holds ({@link #data})
     * @throws InsufficientMemoryException if the copy does not fit the heap
     */
    public Matrix toHeap() {
        return new Heap(rows, cols, data());
    }

    /**
     * The given rows, in the given order (rows may repeat), as a view that holds the index list, not the values.
     *
     * @throws IndexOutOfBoundsException if an index is outside {@code 0..rows-1}
     */
    public Matrix selectRows(int[] rowIndices) {
        int[] own = new int[rowIndices.length];
        for (int k = 0; k < own.length; k++) {
            own[k] = Objects.checkIndex(rowIndices[k], rows);
        }
        return RowView.over(this, own);
    }

    /** The matrix whose rows this one reads ({@link #baseRow}): itself unless it is a row view. */
    public Matrix base() {
        return this;
    }

    /**
     * The row of {@link #base()} that row {@code i} of this matrix reads.
     *
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code 0..rows-1}
     */
    public int baseRow(int i) {
        return Objects.checkIndex(i, rows);
    }

    /** Bytes the values take as float32 ({@code 4 · rows · cols}). */
    public long valueBytes() {
        return 4L * rows * cols;
    }

    /** Whether the values live in the Java heap (a heap matrix, or a row view of one). */
    public boolean inHeap() {
        return base() instanceof Heap;
    }

    /** Where the values live, for messages: "heap", "mapped file ...", "rows of ...". */
    public abstract String storage();

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + cols + (this instanceof Heap ? "" : ", " + storage()) + "]";
    }

    /** One {@code float[]}, row-major. */
    static final class Heap extends Matrix {
        final float[] data;

        Heap(int rows, int cols, float[] data) {
            super(rows, cols);
            this.data = data;
        }

        @Override
        public float get(int row, int col) {
            Objects.checkIndex(row, rows);
            Objects.checkIndex(col, cols);
            return data[row * cols + col];
        }

        @Override
        public void readRow(int row, float[] dst, int offset) {
            System.arraycopy(data, Objects.checkIndex(row, rows) * cols, dst, offset, cols);
        }

        @Override
        public float[] data() {
            return data;
        }

        @Override
        public Matrix toHeap() {
            return this;
        }

        @Override
        public String storage() {
            return "heap";
        }
    }

    /** Chosen rows of a base matrix that is never itself a view. */
    static final class RowView extends Matrix {
        private final Matrix base;
        private final int[] index;

        private RowView(Matrix base, int[] index) {
            super(index.length, base.cols);
            this.base = base;
            this.index = index;
        }

        /** {@code index} is owned by the view and already checked against {@code of}'s rows. */
        static Matrix over(Matrix of, int[] index) {
            if (of instanceof RowView v) {
                for (int k = 0; k < index.length; k++) {
                    index[k] = v.index[index[k]];
                }
                return new RowView(v.base, index);
            }
            return new RowView(of, index);
        }

        @Override
        public float get(int row, int col) {
            return base.get(index[row], col);
        }

        @Override
        public void readRow(int row, float[] dst, int offset) {
            base.readRow(index[row], dst, offset);
        }

        @Override
        public Matrix base() {
            return base;
        }

        @Override
        public int baseRow(int i) {
            return index[i];
        }

        @Override
        public String storage() {
            return rows + " rows of " + base.storage();
        }

        @Override
        public String toString() {
            return "Matrix[" + rows + " x " + cols + ", rows of " + base + "]";
        }
    }
}
