package scar.probe;

import scar.text.Format;
import java.util.Arrays;
import java.util.Locale;
import scar.data.Tabular;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What one probe fit produced (SPEC §2). The arrays are owned by the result; do not modify them.
 *
 * @param kind             the probe that was trained
 * @param numClasses       K, the row length of {@code trainLogits}
 * @param trainLogits      training-set logits, n × K row-major, of the final model
 * @param trainPredictions argmax of each logit row, ties to the lowest class index
 * @param trainAccuracy    share of training items whose prediction equals the label
 * @param testLogits       test-set logits, n_test × K row-major, or null when no test set was given
 * @param testPredictions  argmax of each test logit row, or null when no test set was given
 * @param testAccuracy     the same on the test set, or NaN when no test set was given
 * @param loss             final training objective: mean cross-entropy, plus (λ/2)‖W‖² for the converged probe
 * @param iterations       L-BFGS iterations (converged probe) or epochs (reference probe) run
 * @param converged        converged probe: a stop rule of SPEC §2.1 was met before the iteration limit;
 *                         reference probe: early stopping fired before the epoch limit
 * @param nanos            wall time of the fit, including standardisation and the test-set pass
 */
public record ProbeResult(ProbeKind kind, int numClasses, float[] trainLogits, int[] trainPredictions,
        double trainAccuracy, float[] testLogits, int[] testPredictions, double testAccuracy, double loss, int iterations, boolean converged, long nanos)
        implements Tabular {

    /** Number of training items. */
    public int rows() {
        return trainPredictions.length;
    }

    /** Logit of training item {@code i} for class {@code c}. */
    public float logit(int i, int c) {
        return trainLogits[i * numClasses + c];
    }

    /** One row: kind, n, K, iterations, converged, loss, train and test accuracy, milliseconds. */
    @Override
    public Table toTable() {
        return Table.create("probe",
                StringColumn.create("kind", kind.name().toLowerCase(Locale.ROOT)),
                IntColumn.create("n", new int[] {rows()}),
                IntColumn.create("classes", new int[] {numClasses}),
                IntColumn.create("iterations", new int[] {iterations}),
                BooleanColumn.create("converged", new boolean[] {converged}),
                DoubleColumn.create("loss", new double[] {loss}),
                DoubleColumn.create("train_accuracy", new double[] {trainAccuracy}),
                DoubleColumn.create("test_accuracy", new double[] {testAccuracy}),
                DoubleColumn.create("millis", new double[] {nanos / 1e6}));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbeResult r && kind == r.kind && numClasses == r.numClasses
                && Arrays.equals(trainLogits, r.trainLogits) && Arrays.equals(trainPredictions, r.trainPredictions)
                && Arrays.equals(testLogits, r.testLogits) && Arrays.equals(testPredictions, r.testPredictions)
                && Double.compare(trainAccuracy, r.trainAccuracy) == 0
                && Double.compare(testAccuracy, r.testAccuracy) == 0 && Double.compare(loss, r.loss) == 0
                && iterations == r.iterations && converged == r.converged;
    }

    /** Consistent with {@link #equals}, which ignores the wall time. */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(trainLogits) + Arrays.hashCode(trainPredictions) + iterations;
    }

    @Override
    public String toString() {
        String unit = kind == ProbeKind.CONVERGED ? "iterations" : "epochs";
        return String.format(Locale.ROOT,
                "ProbeResult[%s probe, n = %s, K = %d]%n  train accuracy %s, test accuracy %s%n"
                        + "  loss %s after %d %s (%s), %s",
                kind.name().toLowerCase(Locale.ROOT), Format.items(rows()), numClasses, Format.share(trainAccuracy),
                Format.share(testAccuracy), Format.number(loss), iterations, unit,
                converged ? "converged" : "not converged", Format.nanos(nanos));
    }
}
