package scar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.cli.Cli;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarProfile;
import scar.kernel.ScarRenderers;
import scar.plot.StepSizePlots;
import scar.report.Reports;
import scar.text.Format;

/**
 * One profile through every view a person reads — the command line's text, the notebook's HTML, the report's HTML
 * and the charts — shows its foundation size in one format, and in no other.
 */
class SameNumbersEverywhereTest {

    @Test
    void theFoundationSizeReadsTheSameInTheTerminalTheNotebookTheReportAndTheCharts(@TempDir Path dir) {
        Cli.Run cli = Cli.run("characterize", "wikipedia", "--ratios", "1,2,5", "--quiet", "-o", dir.toString());
        assertEquals(0, cli.code(), cli.err());
        // the very profile the command printed, read back exactly
        DatasetProfile profile = Scar.loadProfile(dir.resolve("profile.json"));
        Renderer notebook = new Renderer();
        ScarRenderers.registerAll(notebook);
        String kernelHtml = (String) notebook.render(profile).getData(MIMEType.TEXT_HTML);
        String report = withoutImages(Reports.build(profile, Scar.completionPlan(profile), null, Duration.ZERO)
                .toHtml());
        for (ScarProfile p : profile.modalities()) {
            String nf = Format.items(p.foundationSize());
            assertTrue(nf.matches("\\d{2,3},\\d{3}"), "a five- or six-digit size with its separator: " + nf);
            assertTrue(Pattern.compile("foundation size N_F +" + nf + "\\n").matcher(cli.out()).find(),
                    p.modality() + ": the terminal shows " + nf + "\n" + cli.out());
            assertTrue(kernelHtml.contains("<td>" + nf + "</td>"), p.modality() + ": the notebook shows " + nf);
            String modalityHtml = (String) notebook.render(p).getData(MIMEType.TEXT_HTML);
            assertTrue(modalityHtml.contains("<td>" + nf + "</td>"), p.modality() + ": the notebook's summary");
            assertTrue(report.contains("<td class=\"num\">" + nf + "</td>"), p.modality() + ": the report's table");
            assertTrue(report.contains("<td>" + nf + "</td>"), p.modality() + ": the report's summary card");
            assertTrue(Scar.plotStepSizes(p).getSeriesMap().containsKey(StepSizePlots.FOUNDATION_PREFIX + nf),
                    p.modality() + ": the chart's legend");
            // and in no other form: not unseparated, not rounded to four significant digits, not with a decimal
            String whole = Long.toString(Math.round(p.foundationSize()));
            for (String other : new String[] {whole, Format.number(p.foundationSize()), nf + ".0"}) {
                assertFalse(cli.out().contains(other), "terminal: " + other);
                assertFalse(kernelHtml.contains(other) || modalityHtml.contains(other), "notebook: " + other);
                assertFalse(report.contains(other), "report: " + other);
            }
        }
    }

    private static String withoutImages(String html) {
        return html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64,");
    }
}
