package scar.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;

import scar.text.Format;

/**
 * The completion plan (SPEC §6–7): per class, the items present with the items to add stacked on top, so the bar's
 * height is the class size after completion. When the items present would be too thin to see beside the items to add
 * (under {@value #VISIBLE} of the tallest bar — SCAR's step sizes are often a hundred times the classes), the two
 * stand side by side on a logarithmic axis instead, so both can be read.
 */
public final class PlanPlots {

    /** Name of the bottom (present) bars. */
    public static final String PRESENT = "present";
    /** Name of the stacked (to add) bars. */
    public static final String TO_ADD = "to add";
    /** Y-axis title. */
    public static final String Y_TITLE = "items";
    /** The smallest share of the tallest bar that the items present may have and still be drawn stacked. */
    static final double VISIBLE = 0.02;

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
        double top = top(present, new int[][] {toAdd});
        return bars(Theme.WIDTH, Theme.HEIGHT, title, classNames, present, toAdd, tooThin(present, top), top);
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
        double top = top(present, toAddPerModality);
        boolean log = tooThin(present, top);
        boolean single = modalities.length == 1;
        int width = single ? Theme.WIDTH : MeasurePlots.PANEL_WIDTH;
        int height = single ? Theme.HEIGHT : MeasurePlots.PANEL_HEIGHT + 40;
        List<CategoryChart> panels = new ArrayList<>();
        for (int m = 0; m < modalities.length; m++) {
            panels.add(bars(width, height, modalities[m] + ": " + Format.items(total(toAddPerModality[m])) + " to add",
                    classNames, present, toAddPerModality[m], log, top));
        }
        return ChartGrid.of(title, 2, panels);
    }

    /** The tallest bar: present plus to add, over classes and modalities. */
    private static double top(int[] present, int[][] toAddPerModality) {
        double top = 0;
        for (int[] toAdd : toAddPerModality) {
            for (int c = 0; c < present.length; c++) {
                top = Math.max(top, (double) present[c] + toAdd[c]);
            }
        }
        return top;
    }

    /** Whether the largest class present is under {@link #VISIBLE} of the tallest bar (but not empty). */
    private static boolean tooThin(int[] present, double top) {
        int most = Arrays.stream(present).max().orElse(0);
        return most > 0 && most < VISIBLE * top;
    }

    /**
     * Present and to add per class: stacked on a linear axis up to {@code top}, or side by side on a logarithmic one
     * when {@code log}.
     */
    private static CategoryChart bars(int width, int height, String title, String[] classNames, int[] present,
            int[] toAdd, boolean log, double top) {
        CategoryChart chart = Theme.category(width, height, title, "class", Y_TITLE);
        chart.getStyler().setAvailableSpaceFill(0.7);
        Labels.rotateIfCrowded(chart, classNames);
        if (log) {
            Theme.logY(chart, true);
            double low = Labels.minPositive(Arrays.stream(present).asDoubleStream().toArray(),
                    Arrays.stream(toAdd).asDoubleStream().toArray(), top);
            // bars on a log axis start at the axis minimum; keep it below every positive value
            chart.getStyler().setYAxisMin(Labels.floorDecade(low));
            chart.getStyler().setYAxisMax(top * 1.5);
        } else {
            chart.getStyler().setStacked(true);
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(top > 0 ? top * 1.05 : 1.0);
            chart.getStyler().setYAxisDecimalPattern("#,###");
        }
        List<String> categories = List.of(classNames);
        Labels.bars(chart, PRESENT, categories, Labels.boxed(present), 1);
        Labels.bars(chart, TO_ADD, categories, Labels.boxed(toAdd), 5);
        return chart;
    }

    private static long total(int[] counts) {
        return Arrays.stream(counts).asLongStream().sum();
    }
}
