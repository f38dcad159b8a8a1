package scar.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;

/**
 * The completion plan (SPEC §6–7): per class, the items present with the items to add stacked on top, so the bar's
 * height is the class size after completion.
 */
public final class PlanPlots {

    /** Name of the bottom (present) bars. */
    public static final String PRESENT = "present";
    /** Name of the stacked (to add) bars. */
    public static final String TO_ADD = "to add";
    /** Y-axis title. */
    public static final String Y_TITLE = "items";

    private PlanPlots() {}

    /**
     * One stacked bar per class: {@code present[c]} at the bottom, {@code toAdd[c]} on top.
     *
     * @throws IllegalArgumentException on a length mismatch or a negative count
     */
    public static CategoryChart plan(String title, String[] classNames, int[] present, int[] toAdd) {
        Inputs.title(title);
        Inputs.names("classNames", classNames);
        Inputs.counts("present", present, classNames.length, "classNames");
        Inputs.counts("toAdd", toAdd, classNames.length, "classNames");
        return stacked(Theme.WIDTH, Theme.HEIGHT, title, classNames, present, toAdd);
    }

    /**
     * The modality-aware plan: one stacked panel per modality (present + that modality's shortfall), two panels per
     * row, all on the same y range so the modalities compare at a glance, with one shared legend.
     *
     * @param toAddPerModality {@code [modality][class]} items to add, ≥ 0
     * @param present          items present per class (the same items in every modality)
     * @throws IllegalArgumentException on a shape mismatch or a negative count
     */
    public static ChartGrid plan(String title, String[] classNames, String[] modalities, int[][] toAddPerModality,
            int[] present) {
        Inputs.title(title);
        Inputs.names("classNames", classNames);
        Inputs.names("modalities", modalities);
        Objects.requireNonNull(toAddPerModality, "toAddPerModality");
        Inputs.length("toAddPerModality", toAddPerModality.length, modalities.length, "modalities");
        for (int m = 0; m < modalities.length; m++) {
            Inputs.counts("toAddPerModality[" + m + "] (" + modalities[m] + ")", toAddPerModality[m],
                    classNames.length, "classNames");
        }
        Inputs.counts("present", present, classNames.length, "classNames");
        double top = 0;
        for (int[] toAdd : toAddPerModality) {
            for (int c = 0; c < classNames.length; c++) {
                top = Math.max(top, (double) present[c] + toAdd[c]);
            }
        }
        boolean single = modalities.length == 1;
        int width = single ? Theme.WIDTH : MeasurePlots.PANEL_WIDTH;
        int height = single ? Theme.HEIGHT : MeasurePlots.PANEL_HEIGHT + 40;
        List<CategoryChart> panels = new ArrayList<>();
        for (int m = 0; m < modalities.length; m++) {
            CategoryChart chart = stacked(width, height, modalities[m] + ": " + total(toAddPerModality[m]) + " to add",
                    classNames, present, toAddPerModality[m]);
            chart.getStyler().setYAxisMax(top > 0 ? top * 1.05 : 1.0);
            panels.add(chart);
        }
        return ChartGrid.of(title, 2, panels);
    }

    private static CategoryChart stacked(int width, int height, String title, String[] classNames, int[] present,
            int[] toAdd) {
        CategoryChart chart = Theme.category(width, height, title, "class", Y_TITLE);
        chart.getStyler().setStacked(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setAvailableSpaceFill(0.7);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        Labels.rotateIfCrowded(chart, classNames);
        List<String> categories = List.of(classNames);
        Labels.bars(chart, PRESENT, categories, Labels.boxed(present), 1);
        Labels.bars(chart, TO_ADD, categories, Labels.boxed(toAdd), 5);
        return chart;
    }

    private static long total(int[] counts) {
        return Arrays.stream(counts).asLongStream().sum();
    }
}
