package scar.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.internal.chartpart.Chart;

import scar.Scar;
import scar.data.Datasets;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.plan.Evaluation;

/** The charts of real results, through the facade: their models, and a real PNG of each. */
class FiguresTest {
    private static DatasetProfile profile;
    private static ScarProfile text;

    @BeforeAll
    static void profileWikipedia() {
        profile = Scar.characterize(Datasets.bundled("wikipedia"),
                ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5, 10));
        text = profile.modality("text");
    }

    private static BufferedImage png(Object chart) throws IOException {
        byte[] bytes = Charts.pngBytes(chart);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, image.getWidth() + "x" + image.getHeight());
        long distinct = java.util.stream.IntStream.range(0, 200)
                .map(i -> image.getRGB(i * image.getWidth() / 200, i * image.getHeight() / 200)).distinct().count();
        assertTrue(distinct > 2, "a PNG that is not blank");
        return image;
    }

    @Test
    void measuresHaveFourPanelsWithOneSeriesPerClassAndOnePointPerRatio() throws IOException {
        ChartGrid grid = Scar.plotMeasures(text);
        assertEquals(4, grid.charts().size());
        for (Chart<?, ?> c : grid.charts()) {
            assertEquals(10, c.getSeriesMap().size());
            assertEquals(MeasurePlots.X_TITLE + Theme.LOG_SUFFIX, c.getXAxisTitle());
        }
        assertTrue(grid.charts().get(0).getSeriesMap().containsKey("biology"));
        png(grid);
    }

    @Test
    void envelopeStepSizesAndBiasCharts() throws IOException {
        var envelope = Scar.plotEnvelope(text, "biology");
        assertEquals(2, envelope.getSeriesMap().size());
        assertEquals(4, envelope.getSeriesMap().get(EnvelopePlots.POINTS).getXData().length);
        png(envelope);
        assertThrows(IllegalArgumentException.class, () -> Scar.plotEnvelope(text, "cooking"));

        var steps = Scar.plotStepSizes(text);
        assertEquals(10, steps.getSeriesMap().get(StepSizePlots.STEP_SIZES).getXData().size());
        png(steps);

        var bias = Scar.plotStepSizes(profile);
        // per modality: the ECDF staircase (in the legend) and its class markers
        assertEquals(4, bias.getSeriesMap().size());
        assertTrue(bias.getSeriesMap().containsKey("text" + BiasPlots.POINTS_SUFFIX));
        assertEquals(10, bias.getSeriesMap().get("image" + BiasPlots.POINTS_SUFFIX).getXData().length);
        png(bias);
    }

    @Test
    void saveChoosesTheFormatByExtensionAndRefusesOthers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        var chart = Scar.plotStepSizes(text);
        byte[] png = java.nio.file.Files.readAllBytes(Scar.save(chart, dir.resolve("steps.png")));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        String svg = java.nio.file.Files.readString(Scar.save(Scar.plotMeasures(text), dir.resolve("m.SVG")));
        assertTrue(svg.contains("<svg"), "an SVG document");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scar.save(chart, dir.resolve("steps.gif")));
        assertTrue(e.getMessage().contains("steps.gif") && e.getMessage().contains(".png or .svg"), e.getMessage());
    }

    @Test
    void planCharts() throws IOException {
        var one = Scar.plotPlan(Scar.completionPlan(text));
        assertEquals(List.of(PlanPlots.PRESENT, PlanPlots.TO_ADD), List.copyOf(one.getSeriesMap().keySet()));
        png(one);
        var both = Scar.plotPlan(Scar.completionPlan(profile));
        assertEquals(2, both.charts().size());
        png(both);
    }

    @Test
    void evaluationAndBubbleCharts() throws IOException {
        Evaluation e = Scar.evaluate(Datasets.bundled("wikipedia"),
                ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5), 2);
        var bars = Scar.plotEvaluation(e);
        assertEquals(Evaluation.Strategy.values().length, bars.getSeriesMap().size());
        png(bars);
        var bubbles = Scar.plotScar(e);
        assertEquals(2, bubbles.getSeriesMap().size());
        assertEquals(BubblePlots.X_TITLE, bubbles.getXAxisTitle());
        png(bubbles);
    }
}
