package scar.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelsTest {
    private static float[][] random(int rows, int cols, SplittableRandom r) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void transposeCopiesEveryValueOfTheRowsAndNothingElse() {
        SplittableRandom r = new SplittableRandom(5);
        int d = 21; // rows go sixteen at a time, then one by one: counts on both sides of 16 and its multiples
        for (int rows : new int[] {0, 1, 15, 16, 17, 31, 32, 47, 256}) {
            float[][] x = random(rows + 3, d, r); // the rows start at row 3
            float[][] xt = new float[d][rows + 5];
            for (float[] t : xt) {
                java.util.Arrays.fill(t, Float.NaN);
            }
            Kernels.transpose(x, 3, rows, xt);
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < rows + 5; i++) {
                    float expected = i < rows ? x[i + 3][j] : Float.NaN;
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(xt[j][i]),
                            rows + " rows: feature " + j + ", row " + i);
                }
            }
        }
    }

    @Test
    void forwardAndBackwardMatchNaiveProductsOnOddSizes() {
        SplittableRandom r = new SplittableRandom(3);
        int rows = 7;
        int d = 13; // not a multiple of 4: exercises the remainder loops
        int k = 3;
        float[][] x = random(rows + 2, d, r); // the chunk starts at row 2
        float[][] w = random(k, d, r);
        float[] b = {0.5f, -1f, 2f};
        float[][] xt = new float[d][Kernels.CHUNK];
        Kernels.transpose(x, 2, rows, xt);
        float[][] z = new float[k][Kernels.CHUNK];
        Kernels.forward(xt, rows, w, b, z);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < k; c++) {
                double expected = b[c];
                for (int j = 0; j < d; j++) {
                    expected += (double) x[i + 2][j] * w[c][j];
                }
                assertEquals(expected, z[c][i], 1e-5, "logit of row " + i + " class " + c);
            }
        }
        float[][] p = new float[k][d];
        p[1][4] = 1f; // backward adds to what is there
        Kernels.backward(x, 2, rows, z, 0, p);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double expected = c == 1 && j == 4 ? 1 : 0;
                for (int i = 0; i < rows; i++) {
                    expected += (double) z[c][i] * x[i + 2][j];
                }
                assertEquals(expected, p[c][j], 1e-4 * Math.max(1, Math.abs(expected)), "gradient " + c + "," + j);
            }
        }
    }
}
