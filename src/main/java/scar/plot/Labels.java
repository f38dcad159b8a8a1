package scar.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** Small helpers shared by the category charts: boxing, label rotation, axis limits. */
final class Labels {

    private Labels() {}

    static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    static List<Double> boxed(int[] values) {
        return boxed(Arrays.stream(values).asDoubleStream().toArray());
    }

    /** Adds a bar series in the theme's style for series number {@code index}. */
    static CategorySeries bars(CategoryChart chart, String name, List<String> categories, List<Double> values,
            int index) {
        CategorySeries s = Theme.style(chart.addSeries(name, categories, values), index);
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
        return s;
    }

    /** Rotates the category labels by 90° when more than 8 categories or any name longer than 10 characters. */
    static void rotateIfCrowded(CategoryChart chart, String[] categories) {
        int longest = Arrays.stream(categories).mapToInt(String::length).max().orElse(0);
        if (categories.length > 8 || longest > 10) {
            chart.getStyler().setXAxisLabelRotation(90);
        }
    }

    /** The smallest value &gt; 0 among all arguments; 1 if there is none. */
    static double minPositive(double[] a, double[] b, double c) {
        double min = c > 0 ? c : Double.POSITIVE_INFINITY;
        for (double[] values : new double[][] {a, b}) {
            for (double v : values) {
                if (v > 0 && v < min) {
                    min = v;
                }
            }
        }
        return Double.isInfinite(min) ? 1 : min;
    }

    /** The largest power of ten ≤ {@code value} (value &gt; 0). */
    static double floorDecade(double value) {
        return Math.pow(10, Math.floor(Math.log10(value)));
    }
}
