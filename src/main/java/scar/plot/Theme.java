package scar.plot;

import scar.text.Format;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.BubbleChart;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.internal.series.MarkerSeries;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one look shared by every SCAR chart: the Okabe–Ito colour-blind-safe palette, a sans-serif font at sizes that
 * stay readable when a notebook shrinks a figure to its column width, light grid lines and a legend outside the plot.
 *
 * <p>Series {@code i} gets colour {@code PALETTE[i % 8]} and marker {@code MARKERS[i % 7]}; from the ninth series on
 * the line style changes as well (solid for series 0–7, dashed for 8–15, dotted for 16–23, dash-dot after), so
 * up to 32 series stay distinguishable without relying on colour alone.
 *
 * <p>{@link #viridis(double)} maps a value in [0, 1] to a sequential, colour-blind-safe ramp (dark purple → yellow) for
 * charts that encode a quantity as colour.
 */
public final class Theme {

    /** Default chart width in pixels: fits a notebook column without being scaled down much. */
    public static final int WIDTH = 720;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 440;

    /** Okabe & Ito (2008) colours: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, black. */
    private static final String[] HEX = {
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"
    };

    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS
    };

    private static final BasicStroke[] LINES = {
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f),
        new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 5f}, 0f),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 4f, 2f, 4f}, 0f)
    };

    /** Anchors of the viridis ramp at t = 0, 0.125, ..., 1 (van der Walt & Smith, matplotlib). */
    private static final int[] VIRIDIS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21908C, 0x27AD81, 0x5DC863, 0xAADC32, 0xFDE725
    };

    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 16);
    static final Font AXIS_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Color TEXT = new Color(0x222222);
    static final Color GRID = new Color(0xDDDDDD);
    static final Color BACKGROUND = Color.WHITE;
    /** Appended to the title of a logarithmic axis. */
    public static final String LOG_SUFFIX = " (log scale)";
    private static final String LOG_PATTERN = "#,##0.###";

    private Theme() {}

    /** The eight palette colours, in order; a new array on every call. */
    public static Color[] palette() {
        Color[] colors = new Color[HEX.length];
        for (int i = 0; i < HEX.length; i++) {
            colors[i] = Color.decode(HEX[i]);
        }
        return colors;
    }

    /** Colour of series {@code index} (≥ 0): the palette, cycling. */
    public static Color color(int index) {
        return Color.decode(HEX[checkIndex(index) % HEX.length]);
    }

    /**
     * The marker of a prediction checked against a measured point (the learning curve's back-test): a shape that
     * {@link #marker} gives no series, so it cannot be read as one more modality's point.
     */
    public static final Marker PREDICTION_MARKER = SeriesMarkers.TRAPEZOID;

    /** Marker of series {@code index} (≥ 0). */
    public static Marker marker(int index) {
        return MARKERS[checkIndex(index) % MARKERS.length];
    }

    /** Line style of series {@code index} (≥ 0): solid for the first 8 series, then dashed, dotted, dash-dot. */
    public static BasicStroke line(int index) {
        return LINES[(checkIndex(index) / HEX.length) % LINES.length];
    }

    /**
     * A line style that differs for each of the first four indices (solid, dashed, dotted, dash-dot), for charts with
     * few series where the line style should back up the colour from the start.
     */
    public static BasicStroke distinctLine(int index) {
        return LINES[checkIndex(index) % LINES.length];
    }

    /**
     * The viridis colour of {@code t} in [0, 1], linearly interpolated between nine anchors.
     *
     * @throws IllegalArgumentException if {@code t} is NaN or outside [0, 1]
     */
    public static Color viridis(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("viridis value " + t + " is not in [0, 1]");
        }
        double pos = t * (VIRIDIS.length - 1);
        int lo = Math.min((int) Math.floor(pos), VIRIDIS.length - 2);
        double f = pos - lo;
        Color a = new Color(VIRIDIS[lo]);
        Color b = new Color(VIRIDIS[lo + 1]);
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    /**
     * Applies the shared look to any XChart chart with axes (XY, category, bubble, box): palette, markers, line
     * styles, fonts, grid, legend outside on the right, tick labels by {@link Format#tick(double)} (the value axis
     * only on category charts). Returns the chart for chaining.
     */
    public static <C extends Chart<? extends AxesChartStyler, ?>> C apply(C chart) {
        AxesChartStyler s = chart.getStyler();
        s.setChartBackgroundColor(BACKGROUND);
        s.setPlotBackgroundColor(BACKGROUND);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0xAAAAAA));
        s.setChartFontColor(TEXT);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(8);
        s.setChartPadding(12);
        s.setAxisTitleFont(AXIS_TITLE_FONT);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setAxisTickLabelsColor(TEXT);
        s.setAxisTitlePadding(6);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setLegendFont(LEGEND_FONT);
        s.setLegendBorderColor(BACKGROUND);
        s.setLegendBackgroundColor(BACKGROUND);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendSeriesLineLength(28);
        s.setMarkerSize(8);
        s.setSeriesColors(palette());
        s.setSeriesMarkers(MARKERS.clone());
        s.setSeriesLines(new BasicStroke[] {LINES[0]});
        s.setToolTipsEnabled(false);
        s.setAntiAlias(true);
        chart.setCustomYAxisTickLabelsFormatter(Format::tick);
        if (chart instanceof XYChart || chart instanceof BubbleChart) {
            chart.setCustomXAxisTickLabelsFormatter(Format::tick);
        }
        return chart;
    }

    /** Appends " (log scale)" to the y-axis title and makes the y axis logarithmic when {@code log}. */
    static void logY(Chart<? extends AxesChartStyler, ?> chart, boolean log) {
        chart.getStyler().setYAxisLogarithmic(log);
        if (log) {
            chart.setYAxisTitle(chart.getYAxisTitle() + LOG_SUFFIX);
            // a custom formatter would replace XChart's logarithmic tick placement with linear ticks
            chart.setCustomYAxisTickLabelsFormatter(null);
            chart.getStyler().setYAxisDecimalPattern(LOG_PATTERN);
        }
    }

    /** Appends " (log scale)" to the x-axis title and makes the x axis logarithmic when {@code log}. */
    static void logX(Chart<? extends AxesChartStyler, ?> chart, boolean log) {
        chart.getStyler().setXAxisLogarithmic(log);
        if (log) {
            chart.setXAxisTitle(chart.getXAxisTitle() + LOG_SUFFIX);
            chart.setCustomXAxisTickLabelsFormatter(null);
            chart.getStyler().setXAxisDecimalPattern(LOG_PATTERN);
        }
    }

    /** Puts the legend below the plot, one entry per line, which leaves the plot the full width. */
    static void legendBelow(Chart<? extends AxesChartStyler, ?> chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    }

    /** A themed XY chart of the given pixel size, title and axis titles. */
    static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        return apply(chart);
    }

    /** A themed category chart of the given pixel size, title and axis titles. */
    static CategoryChart category(int width, int height, String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        return apply(chart);
    }

    /**
     * Gives series number {@code index} the theme's colour, marker and line style explicitly, so that a chart and
     * its {@link ChartGrid} legend agree whatever order XChart paints in.
     */
    static <S extends Series> S style(S series, int index) {
        Color c = color(index);
        series.setFillColor(c);
        if (series instanceof AxesChartSeries axes) {
            axes.setLineColor(c);
            axes.setLineStyle(line(index));
        }
        if (series instanceof MarkerSeries markers) {
            markers.setMarkerColor(c);
            markers.setMarker(marker(index));
        }
        return series;
    }

    private static int checkIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("series index " + index + " is negative");
        }
        return index;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
