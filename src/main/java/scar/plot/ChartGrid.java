package scar.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.RenderableSeries;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.internal.series.MarkerSeries;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.markers.Marker;

/**
 * A small-multiples figure: charts laid out row by row in a fixed number of columns under one title, with one legend
 * strip at the bottom shared by all panels (taken from the first chart's series; the panels' own legends are
 * hidden). Each cell is as large as the largest chart. Renders to PNG with {@link #toPng()} — the notebook kernel
 * shows a grid as that image — or through {@link Charts}.
 *
 * <p>When the first chart has more than {@value #MAX_LEGEND_ENTRIES} legend entries the strip says how many series
 * there are instead of listing them.
 */
public final class ChartGrid {

    /** Above this many series the shared legend is replaced by a one-line note. */
    public static final int MAX_LEGEND_ENTRIES = 30;

    private static final Font GRID_TITLE_FONT = new Font(Theme.FONT_FAMILY, Font.BOLD, 18);
    private static final int TITLE_HEIGHT = 40;
    private static final int SWATCH = 28;
    private static final int ENTRY_GAP = 22;
    private static final int ROW_HEIGHT = 24;
    private static final int LEGEND_PAD = 10;

    private final String title;
    private final List<Chart<?, ?>> charts;
    private final int columns;
    private final int cellWidth;
    private final int cellHeight;
    private final List<Entry> legend;

    private record Entry(String name, Color color, Marker marker, BasicStroke line, boolean box) {}

    private ChartGrid(String title, List<Chart<?, ?>> charts, int columns) {
        this.title = title;
        this.charts = List.copyOf(charts);
        this.columns = columns;
        this.cellWidth = charts.stream().mapToInt(Chart::getWidth).max().orElseThrow();
        this.cellHeight = charts.stream().mapToInt(Chart::getHeight).max().orElseThrow();
        this.legend = legendOf(charts.get(0));
    }

    /**
     * A grid of {@code charts} in {@code columns} columns (rows as needed) under {@code title} (may be empty).
     * Hides each chart's own legend; the first chart's series become the shared legend.
     *
     * @throws IllegalArgumentException if there are no charts or {@code columns < 1}
     */
    public static ChartGrid of(String title, int columns, List<? extends Chart<?, ?>> charts) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(charts, "charts");
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("a chart grid needs at least one chart, got none");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("a chart grid needs at least 1 column, got " + columns);
        }
        for (int i = 0; i < charts.size(); i++) {
            Objects.requireNonNull(charts.get(i), "chart " + i);
        }
        charts.forEach(c -> c.getStyler().setLegendVisible(false));
        return new ChartGrid(title, new ArrayList<>(charts), Math.min(columns, charts.size()));
    }

    /** The title drawn above the panels (may be empty). */
    public String title() {
        return title;
    }

    /** The panels, in layout order (row by row). */
    public List<Chart<?, ?>> charts() {
        return charts;
    }

    /** Number of columns of panels. */
    public int columns() {
        return columns;
    }

    /** Number of rows of panels. */
    public int rows() {
        return (charts.size() + columns - 1) / columns;
    }

    /** The names in the shared legend (empty when the legend is replaced by a note). */
    public List<String> legendNames() {
        return legend.size() > MAX_LEGEND_ENTRIES ? List.of() : legend.stream().map(Entry::name).toList();
    }

    /** Width of the whole figure in pixels. */
    public int width() {
        return columns * cellWidth;
    }

    /** Height of the whole figure in pixels: title, panels and legend strip. */
    public int height() {
        return titleHeight() + rows() * cellHeight + legendHeight();
    }

    /** The figure as PNG bytes (what a notebook displays). */
    public byte[] toPng() {
        return Charts.pngBytes(this);
    }

    @Override
    public String toString() {
        return "ChartGrid[" + (title.isEmpty() ? "untitled" : "\"" + title + "\"") + ", " + charts.size()
                + " charts in " + rows() + " × " + columns + ", " + width() + " × " + height() + " px]";
    }

    Charts.Figure figure() {
        return new Charts.Figure() {
            @Override
            public int width() {
                return ChartGrid.this.width();
            }

            @Override
            public int height() {
                return ChartGrid.this.height();
            }

            @Override
            public void paint(Graphics2D g) {
                ChartGrid.this.paint(g);
            }
        };
    }

    private int titleHeight() {
        return title.isBlank() ? 0 : TITLE_HEIGHT;
    }

    private void paint(Graphics2D g) {
        g.setColor(Theme.BACKGROUND);
        g.fillRect(0, 0, width(), height());
        if (!title.isBlank()) {
            g.setFont(GRID_TITLE_FONT);
            g.setColor(Theme.TEXT);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, Math.max(8, (width() - fm.stringWidth(title)) / 2), (TITLE_HEIGHT + fm.getAscent()) / 2);
        }
        for (int i = 0; i < charts.size(); i++) {
            Chart<?, ?> chart = charts.get(i);
            Graphics2D cell = (Graphics2D) g.create((i % columns) * cellWidth, titleHeight() + (i / columns) * cellHeight,
                    cellWidth, cellHeight);
            try {
                chart.paint(cell, chart.getWidth(), chart.getHeight());
            } finally {
                cell.dispose();
            }
        }
        Graphics2D strip = (Graphics2D) g.create(0, titleHeight() + rows() * cellHeight, width(), legendHeight());
        try {
            paintLegend(strip);
        } finally {
            strip.dispose();
        }
    }

    private int legendHeight() {
        if (legend.isEmpty()) {
            return 0;
        }
        return 2 * LEGEND_PAD + layout(metrics()).size() * ROW_HEIGHT;
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(Theme.LEGEND_FONT);
        } finally {
            g.dispose();
        }
    }

    /** Entries split into rows that fit the figure's width; a single note row when there are too many. */
    private List<List<Entry>> layout(FontMetrics fm) {
        List<List<Entry>> rows = new ArrayList<>();
        if (legend.size() > MAX_LEGEND_ENTRIES) {
            rows.add(List.of());
            return rows;
        }
        List<Entry> row = new ArrayList<>();
        int x = LEGEND_PAD;
        for (Entry e : legend) {
            int w = entryWidth(fm, e);
            if (!row.isEmpty() && x + w > width() - LEGEND_PAD) {
                rows.add(row);
                row = new ArrayList<>();
                x = LEGEND_PAD;
            }
            row.add(e);
            x += w + ENTRY_GAP;
        }
        rows.add(row);
        return rows;
    }

    private static int entryWidth(FontMetrics fm, Entry e) {
        return SWATCH + 6 + fm.stringWidth(e.name());
    }

    private void paintLegend(Graphics2D g) {
        g.setFont(Theme.LEGEND_FONT);
        FontMetrics fm = g.getFontMetrics();
        List<List<Entry>> rows = layout(fm);
        if (legend.size() > MAX_LEGEND_ENTRIES) {
            String note = legend.size() + " series (legend omitted above " + MAX_LEGEND_ENTRIES + ")";
            g.setColor(Theme.TEXT);
            g.drawString(note, (width() - fm.stringWidth(note)) / 2, LEGEND_PAD + fm.getAscent());
            return;
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Entry> row = rows.get(r);
            int total = row.stream().mapToInt(e -> entryWidth(fm, e)).sum() + ENTRY_GAP * (row.size() - 1);
            int x = Math.max(LEGEND_PAD, (width() - total) / 2);
            int mid = LEGEND_PAD + r * ROW_HEIGHT + ROW_HEIGHT / 2;
            for (Entry e : row) {
                paintSwatch(g, e, x, mid);
                g.setColor(Theme.TEXT);
                g.drawString(e.name(), x + SWATCH + 6, mid + (fm.getAscent() - fm.getDescent()) / 2);
                x += entryWidth(fm, e) + ENTRY_GAP;
            }
        }
    }

    private static void paintSwatch(Graphics2D g, Entry e, int x, int mid) {
        g.setColor(e.color());
        if (e.box()) {
            g.fillRect(x + 4, mid - 8, SWATCH - 8, 16);
            return;
        }
        if (e.line() != null) {
            g.setStroke(e.line());
            g.drawLine(x, mid, x + SWATCH, mid);
        }
        if (e.marker() != null) {
            g.setStroke(new BasicStroke(1f));
            e.marker().paint(g, x + SWATCH / 2.0, mid, 9);
        }
    }

    private static List<Entry> legendOf(Chart<?, ?> chart) {
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (Series s : chart.getSeriesMap().values()) {
            if (s.isShowInLegend() && s.isEnabled()) {
                entries.add(entryOf(s, index));
            }
            index++;
        }
        return entries;
    }

    private static Entry entryOf(Series s, int index) {
        Color color = s.getFillColor();
        BasicStroke line = null;
        Marker marker = null;
        boolean box = false;
        if (s instanceof AxesChartSeries axes) {
            color = axes.getLineColor() != null ? axes.getLineColor() : color;
            line = axes.getLineStyle();
        }
        if (s instanceof MarkerSeries m) {
            marker = m.getMarker();
            color = color != null ? color : m.getMarkerColor();
        }
        if (s instanceof XYSeries xy && xy.getXYSeriesRenderStyle() == XYSeries.XYSeriesRenderStyle.Scatter) {
            line = null;
        }
        if (s instanceof CategorySeries c) {
            CategorySeries.CategorySeriesRenderStyle style = c.getChartCategorySeriesRenderStyle();
            box = style == null || style.getLegendRenderType() == RenderableSeries.LegendRenderType.Box
                    || style.getLegendRenderType() == RenderableSeries.LegendRenderType.BoxNoOutline;
            color = box && c.getFillColor() != null ? c.getFillColor() : color;
        }
        return new Entry(s.getName(), color != null ? color : Theme.color(index), marker, line, box);
    }
}
