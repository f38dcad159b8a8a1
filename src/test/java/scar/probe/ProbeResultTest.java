package scar.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ProbeResultTest {
    private final SyntheticData data = SyntheticData.gaussianClasses(120, 5, 3, 2);
    private final ProbeResult result = LinearProbe.fit(data.x(), data.labels(), 3, ProbeOptions.defaults(), 0,
            data.x(), data.labels());

    @Test
    void logitsAreRowMajorAndPredictionsTheirArgmax() {
        assertEquals(120 * 3, result.trainLogits().length);
        assertEquals(120, result.rows());
        int correct = 0;
        for (int i = 0; i < 120; i++) {
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (result.logit(i, c) > result.logit(i, best)) {
                    best = c;
                }
            }
            assertEquals(best, result.trainPredictions()[i]);
            correct += best == data.labels()[i] ? 1 : 0;
        }
        assertEquals(correct / 120.0, result.trainAccuracy());
        assertEquals(Fit.meanCrossEntropy(result.trainLogits(), data.labels(), 3), result.loss(), 0.01,
                "the objective is the cross-entropy plus a small penalty");
    }

    @Test
    void printsAndTabulatesReadably() {
        String text = result.toString();
        assertTrue(text.contains("converged probe, n = 120, K = 3"), text);
        assertTrue(text.contains("train accuracy") && text.contains("iterations"), text);
        Table t = result.toTable();
        assertEquals(1, t.rowCount());
        assertEquals("converged", t.stringColumn("kind").get(0));
        assertEquals(result.testAccuracy(), t.doubleColumn("test_accuracy").get(0));
        assertEquals(result.iterations(), t.intColumn("iterations").get(0));
    }

    @Test
    void equalityComparesContentsButNotTime() {
        ProbeResult again = LinearProbe.fit(data.x(), data.labels(), 3, ProbeOptions.defaults(), 0, data.x(),
                data.labels());
        assertEquals(result, again);
        assertEquals(result.hashCode(), again.hashCode());
        ProbeResult other = LinearProbe.fit(data.x(), data.labels(), 3, ProbeOptions.defaults().withLambda(1), 0);
        assertNotEquals(result, other);
    }
}
