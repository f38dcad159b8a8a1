package scar.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

class EvaluationPlotsTest {

    static final String[] GROUPS = {"image", "text"};
    static final String[] STRATEGIES = {"primary", "SCAR fill", "random fill", "average fill", "full"};

    @Test
    void barsPerStrategyWithErrorBars(@TempDir Path dir) {
        double[][] mean = {{0.61, 0.66, 0.64, 0.63, 0.70}, {0.72, 0.78, 0.75, 0.74, 0.81}};
        double[][] spread = {{0.01, 0.02, 0.01, 0.015, 0.005}, {0.01, 0.01, 0.02, 0.01, 0.03}};
        CategoryChart chart = EvaluationPlots.evaluation("Eval", GROUPS, STRATEGIES, mean, spread);
        assertEquals(List.of(STRATEGIES), List.copyOf(chart.getSeriesMap().keySet()));
        CategorySeries scar = chart.getSeriesMap().get("SCAR fill");
        assertEquals(List.of("image", "text"), List.copyOf(scar.getXData()));
        assertEquals(List.of(0.66, 0.78), List.copyOf(scar.getYData()));
        assertEquals(List.of(0.02, 0.01), List.copyOf(scar.getExtraValues()));
        // lowest mean − spread is 0.60 → axis from 0.6; highest mean + spread is 0.84 → axis to 0.9
        assertEquals(0.6, chart.getStyler().getYAxisMin(), 1e-12);
        assertEquals(0.9, chart.getStyler().getYAxisMax(), 1e-12);
        assertTrue(chart.getYAxisTitle().startsWith(EvaluationPlots.Y_TITLE) && chart.getYAxisTitle().contains("0.6"),
                chart.getYAxisTitle());
        Rendered.png(chart, dir, "evaluation", Theme.WIDTH, Theme.HEIGHT);
    }

    @Test
    void everyBarHasAHeightWhenTheLowestMeanIsOnATenth() {
        // wine: every strategy's accuracy is 1.000 on every seed; an axis from 1.0 drew bars of no height
        double[][] ones = {{1, 1, 1, 1, 1}};
        double[][] none = {{0, 0, 0, 0, 0}};
        CategoryChart chart = EvaluationPlots.evaluation("Eval", new String[] {"features"}, STRATEGIES, ones, none);
        assertTrue(chart.getStyler().getYAxisMin() < 1, "axis from " + chart.getStyler().getYAxisMin());
        assertTrue(chart.getStyler().getYAxisMax() >= 1);
        double[][] tenths = {{0.7, 0.75, 0.72, 0.71, 0.8}};
        chart = EvaluationPlots.evaluation("Eval", new String[] {"features"}, STRATEGIES, tenths, none);
        assertTrue(chart.getStyler().getYAxisMin() < 0.7, "axis from " + chart.getStyler().getYAxisMin());
    }

    @Test
    void anEvaluationOfSomeStrategiesShowsThoseItRan() {
        // an evaluation built with two strategies (or read back so) failed with a NullPointerException
        scar.plan.Evaluation two = scar.plan.Evaluation.builder()
                .add("m", scar.plan.Evaluation.Strategy.PRIMARY, 1, 0.5, 0)
                .add("m", scar.plan.Evaluation.Strategy.SCAR_FILL, 1, 0.6, 4).build();
        CategoryChart chart = Figures.evaluation(two);
        assertEquals(List.of("primary", "scar fill"), List.copyOf(chart.getSeriesMap().keySet()));
        scar.plan.Evaluation uneven = scar.plan.Evaluation.builder()
                .add("a", scar.plan.Evaluation.Strategy.PRIMARY, 1, 0.5, 0)
                .add("b", scar.plan.Evaluation.Strategy.SCAR_FILL, 1, 0.6, 4).build();
        var e = assertThrows(IllegalArgumentException.class, () -> Figures.evaluation(uneven));
        assertTrue(e.getMessage().contains("no scar_fill result for modality 'a'"), e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        double[][] mean = {{0.5}, {0.6}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvaluationPlots.evaluation(
                "", GROUPS, new String[] {"primary"}, mean, new double[][] {{0.1}, {-0.1}}));
        assertTrue(e.getMessage().contains("spread[1][0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EvaluationPlots.evaluation(
                "", GROUPS, new String[] {"primary"}, new double[][] {{0.5}}, new double[][] {{0.1}}));
    }
}
