package scar.plot;

import scar.text.Format;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * The evaluation of a completion plan (SPEC §6.8): test accuracy of each strategy (primary only, SCAR fill, random
 * fill, average fill, full data, ...) per group (a modality or a dataset), mean over seeds with the spread as error
 * bars.
 */
public final class EvaluationPlots {

    /** Y-axis title. */
    public static final String Y_TITLE = "test accuracy";

    private EvaluationPlots() {}

    /**
     * Grouped bars: one group per entry of {@code groups}, one bar per strategy, error bars ± spread. Accuracies of
     * competing strategies usually differ by a few points, so the y axis starts at the nearest 0.1 below the lowest
     * {@code mean − spread} and strictly below the lowest mean, so that every bar has a height (never below 0), and
     * ends at the nearest 0.1 above the highest {@code mean + spread}; the y-axis title says where it starts when
     * that is above 0.
     *
     * @param mean   {@code [group][strategy]} mean test accuracy, finite
     * @param spread {@code [group][strategy]} spread (e.g. standard deviation over seeds), finite and ≥ 0
     * @throws IllegalArgumentException on a shape mismatch or an out-of-range value
     */
    public static CategoryChart evaluation(String title, String[] groups, String[] strategies, double[][] mean,
            double[][] spread) {
        Inputs.title(title);
        Inputs.names("groups", groups);
        Inputs.names("strategies", strategies);
        Inputs.matrix("mean", mean, groups.length, "groups", strategies.length, "strategies");
        Inputs.matrix("spread", spread, groups.length, "groups", strategies.length, "strategies");
        double lo = Double.POSITIVE_INFINITY;
        double lowestMean = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < groups.length; g++) {
            Inputs.finite("mean[" + g + "]", mean[g]);
            Inputs.finite("spread[" + g + "]", spread[g]);
            for (int s = 0; s < strategies.length; s++) {
                if (spread[g][s] < 0) {
                    throw new IllegalArgumentException("spread[" + g + "][" + s + "] is " + spread[g][s]
                            + "; expected ≥ 0");
                }
                lo = Math.min(lo, mean[g][s] - spread[g][s]);
                lowestMean = Math.min(lowestMean, mean[g][s]);
                hi = Math.max(hi, mean[g][s] + spread[g][s]);
            }
        }
        // an axis from the lowest mean itself draws its bars with no height: every accuracy 1.000 was an empty chart
        double yMin = Math.max(0, Math.min(Math.floor(lo * 10 + 1e-9), Math.floor(lowestMean * 10 - 1e-9)) / 10);
        double yMax = Math.max(Math.ceil(hi * 10 - 1e-9) / 10, yMin + 0.1);
        String yTitle = yMin > 0 ? Y_TITLE + " (axis from " + Format.share(yMin) + ")" : Y_TITLE;
        CategoryChart chart = Theme.category(Theme.WIDTH, Theme.HEIGHT, title, "", yTitle);
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        chart.getStyler().setErrorBarsColor(Theme.TEXT);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setXAxisTitleVisible(false);
        Labels.rotateIfCrowded(chart, groups);
        List<String> categories = List.of(groups);
        for (int s = 0; s < strategies.length; s++) {
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (int g = 0; g < groups.length; g++) {
                y.add(mean[g][s]);
                e.add(spread[g][s]);
            }
            Theme.style(chart.addSeries(strategies[s], categories, y, e), s)
                    .setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
        }
        return chart;
    }
}
