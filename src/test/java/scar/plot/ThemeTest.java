package scar.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

class ThemeTest {

    @Test
    void paletteIsOkabeIto() {
        Color[] p = Theme.palette();
        assertEquals(8, p.length);
        assertEquals(new Color(0xE6, 0x9F, 0x00), p[0]); // orange
        assertEquals(new Color(0x56, 0xB4, 0xE9), p[1]); // sky blue
        assertEquals(new Color(0, 0, 0), p[7]); // black
        p[0] = Color.RED;
        assertNotEquals(Color.RED, Theme.palette()[0], "palette() must return a copy");
    }

    @Test
    void styleCyclesColoursAndVariesMarkersAndLinesBeyondEight() {
        assertEquals(Theme.color(0), Theme.color(8));
        assertNotEquals(Theme.marker(0), Theme.marker(8), "series 0 and 8 share a colour, so their markers differ");
        assertNotEquals(Theme.line(0), Theme.line(8), "series 0 and 8 share a colour, so their lines differ");
        assertEquals(Theme.line(0), Theme.line(7), "the first eight series are all solid");
        Set<String> combos = new HashSet<>();
        for (int i = 0; i < 32; i++) {
            combos.add(Theme.color(i) + "/" + Theme.marker(i).getClass() + "/" + java.util.Arrays.toString(Theme.line(i).getDashArray()));
        }
        assertEquals(32, combos.size(), "32 series must all look different");
        assertThrows(IllegalArgumentException.class, () -> Theme.color(-1));
    }

    @Test
    void viridisRunsFromDarkPurpleToYellow() {
        assertEquals(new Color(0x440154), Theme.viridis(0));
        assertEquals(new Color(0xFDE725), Theme.viridis(1));
        Color mid = Theme.viridis(0.5);
        assertEquals(new Color(0x21908C), mid, "t = 0.5 is the fifth anchor");
        float[] hsbLow = Color.RGBtoHSB(0x44, 0x01, 0x54, null);
        float[] hsbHigh = Color.RGBtoHSB(0xFD, 0xE7, 0x25, null);
        assertTrue(hsbHigh[2] > hsbLow[2], "brightness rises along the ramp");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Theme.viridis(1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Theme.viridis(Double.NaN));
    }

    @Test
    void applySetsFontsLegendAndPalette() {
        XYChart xy = Theme.apply(new XYChart(300, 200));
        assertEquals(Theme.TITLE_FONT, xy.getStyler().getChartTitleFont());
        assertEquals(Theme.TICK_FONT, xy.getStyler().getAxisTickLabelsFont());
        assertEquals(Styler.LegendPosition.OutsideE, xy.getStyler().getLegendPosition());
        assertEquals(Theme.color(2), xy.getStyler().getSeriesColors()[2]);
        CategoryChart cat = Theme.apply(new CategoryChart(300, 200));
        assertEquals(Theme.AXIS_TITLE_FONT, cat.getStyler().getAxisTitleFont());
        assertNotSame(xy.getStyler().getSeriesColors(), cat.getStyler().getSeriesColors());
    }

    @Test
    void logAxesGetALabelledTitle() {
        XYChart chart = Theme.xy(300, 200, "t", "x", "y");
        Theme.logX(chart, true);
        Theme.logY(chart, false);
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertEquals("x" + Theme.LOG_SUFFIX, chart.getXAxisTitle());
        assertEquals("y", chart.getYAxisTitle());
    }
}
