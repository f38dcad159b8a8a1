package scar.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.knowm.xchart.CategoryChart;

/**
 * Two runs side by side: per modality, how much each class's step size moved from run A to run B (B − A), so that a
 * change of a few hundred items on step sizes of sixty thousand is seen at all.
 */
public final class ComparisonPlots {

    /** Name of the bars. */
    public static final String CHANGE = "step size B − A";
    /** Y-axis title. */
    public static final String Y_TITLE = "change in items";

    private ComparisonPlots() {}

    /**
     * One bar panel per modality, two per row, on a shared y range with zero in it.
     *
     * @param title       the grid's title
     * @param panelTitles one title per modality (say its N_F in A and B)
     * @param classNames  {@code [modality][class]} the classes compared in each modality
     * @param changes     {@code [modality][class]} step size in B minus step size in A, finite
     * @throws IllegalArgumentException on a shape mismatch or a value that is not finite
     */
    public static ChartGrid stepSizeChanges(String title, String[] panelTitles, String[][] classNames,
            double[][] changes) {
        Inputs.title(title);
        Objects.requireNonNull(panelTitles, "panelTitles");
        Objects.requireNonNull(classNames, "classNames");
        Objects.requireNonNull(changes, "changes");
        Inputs.length("classNames", classNames.length, panelTitles.length, "panelTitles");
        Inputs.length("changes", changes.length, panelTitles.length, "panelTitles");
        if (panelTitles.length == 0) {
            throw new IllegalArgumentException("a comparison needs at least one modality that both runs have");
        }
        double low = 0;
        double high = 0;
        for (int m = 0; m < changes.length; m++) {
            Inputs.names("classNames[" + m + "]", classNames[m]);
            Inputs.vector("changes[" + m + "]", changes[m], classNames[m].length, "classNames[" + m + "]");
            Inputs.finite("changes[" + m + "]", changes[m]);
            for (double v : changes[m]) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        double pad = Math.max(1, (high - low) * 0.05);
        boolean single = panelTitles.length == 1;
        List<CategoryChart> panels = new ArrayList<>();
        for (int m = 0; m < panelTitles.length; m++) {
            CategoryChart chart = Theme.category(single ? Theme.WIDTH : MeasurePlots.PANEL_WIDTH,
                    single ? Theme.HEIGHT : MeasurePlots.PANEL_HEIGHT + 40, panelTitles[m], "class", Y_TITLE);
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setYAxisMin(low - pad);
            chart.getStyler().setYAxisMax(high + pad);
            Labels.rotateIfCrowded(chart, classNames[m]);
            Labels.bars(chart, CHANGE, List.of(classNames[m]), Labels.boxed(changes[m]), 4);
            panels.add(chart);
        }
        return ChartGrid.of(title, 2, panels);
    }
}
