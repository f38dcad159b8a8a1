package scar.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scar.data.Matrix;

/** The converged probe's outputs, kept from its own passes, against a forward pass at its final model. */
class ConvergedProbeTest {
    @Test
    void keptOutputsAreThoseOfAForwardPassAtTheFinalModel() {
        SyntheticData data = SyntheticData.gaussianClasses(900, 12, 4, 7);
        Matrix x = data.x();
        int n = x.rows();
        int k = data.numClasses();
        assertTrue(ConvergedProbe.keepsOutputs(n, k), "a small fit keeps its outputs");
        ProbeOptions base = ProbeOptions.defaults().withThreads(2);
        // the defaults; stops after 1 and 3 iterations; at the start; and a search run until no step decreases the
        // loss, whose final passes are rejected trials
        List<ProbeOptions> cases = List.of(base, base.withMaxIterations(1), base.withMaxIterations(3),
                base.withGradTolerance(1e9), base.withGradTolerance(Double.MIN_VALUE).withRelTolerance(0).withMaxIterations(5000));
        boolean endedOnRejectedTrials = false;
        for (ProbeOptions o : cases) {
            ProbeResult kept = LinearProbe.fit(x, data.labels(), k, o, 0);

            Standardizer s = Standardizer.fit(x, Blocks.identity(n).starts(), 1);
            SoftmaxPass train = new SoftmaxPass(s.apply(x, Blocks.identity(n)), data.labels(), k, 1);
            int[] passes = {0};
            int[] lastTaken = {0};
            ConvergedFit.Result r = ConvergedFit.minimize(k, x.cols(), n, o, (w, b) -> {
                passes[0]++;
                return train.sums(w, b);
            }, () -> { }, () -> lastTaken[0] = passes[0]);
            endedOnRejectedTrials |= lastTaken[0] != passes[0];
            Model.Outputs expected = new Model(r.w(), r.b()).outputs(train, null);

            String what = o.toString();
            assertEquals(r.iterations(), kept.iterations(), what);
            assertArrayEquals(bits(expected.logits()), bits(kept.trainLogits()), what);
            assertArrayEquals(expected.predictions(), kept.trainPredictions(), what);
            assertEquals((double) expected.trainCorrect() / n, kept.trainAccuracy(), 0.0, what);
        }
        assertTrue(endedOnRejectedTrials, "one case ends with passes after the final model's");
    }

    @Test
    void aFitEndingAtTheZeroModelGivesTheKernelsTestLogits() {
        // balanced classes each holding -1e-30 and +1e-30: the gradient at W = 0, b = 0 is exactly 0, so the fit ends
        // there with the defaults; the test value 1e10 standardises to +inf (scale 1e30), whose logits under the
        // forward kernel are NaN (0 * inf), not the +0 of finite rows
        Matrix x = Matrix.wrap(4, 1, new float[] {-1e-30f, 1e-30f, -1e-30f, 1e-30f});
        int[] y = {0, 0, 1, 1};
        Matrix xTest = Matrix.wrap(2, 1, new float[] {1e10f, 0.5e-30f});
        ProbeResult r = LinearProbe.fit(x, y, 2, ProbeOptions.defaults().withThreads(1), 0, xTest, new int[] {1, 0});
        assertEquals(0, r.iterations());

        Standardizer s = Standardizer.fit(x, Blocks.identity(4).starts(), 1);
        float[][] xt = new float[1][2];
        for (int i = 0; i < 2; i++) {
            float[] row = new float[1];
            s.apply(xTest.row(i), row);
            xt[0][i] = row[0];
        }
        assertEquals(Float.POSITIVE_INFINITY, xt[0][0]);
        float[][] z = new float[2][2];
        Kernels.forward(xt, 2, new float[2][1], new float[2], z);
        float[] expected = {z[0][0], z[1][0], z[0][1], z[1][1]};
        assertArrayEquals(bits(expected), bits(r.testLogits()));
        assertArrayEquals(new int[] {0, 0}, r.testPredictions());
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
