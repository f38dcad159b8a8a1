package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.Scar;
import scar.data.Datasets;
import scar.evidence.Extrapolation;
import scar.kernel.ScarRenderers;
import scar.report.Exports;
import scar.report.HtmlReport;
import scar.text.Format;
import scar.text.TextTable;

/**
 * The per-class evidence keeps every digit in its CSV file (SPEC §11) while a person still reads each prediction
 * with its interval in one cell, {@code 0.995 [0.904–1.000]}: in the terminal, the notebook and the report.
 */
class EvidenceTableTest {
    @TempDir
    Path dir;

    private static final DatasetProfile ALL = Scar.characterize(Datasets.bundled("wine"),
            ScarOptions.defaults().withProgress(false));
    private static final ScarProfile WINE = ALL.only();

    @Test
    void theExportedCsvKeepsEveryDigitOfEveryInterval() throws IOException {
        Exports.profile(ALL, dir);
        List<String> lines = Files.readAllLines(dir.resolve(WINE.modality() + "-evidence.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<Extrapolation> recalls = WINE.evidence().recalls();
        assertEquals(recalls.size() + 1, lines.size(), String.join("\n", lines));
        boolean fractional = false;
        for (int c = 0; c < recalls.size(); c++) {
            Extrapolation e = recalls.get(c);
            String[] cells = lines.get(c + 1).split(",", -1);
            for (int m : new int[] {2, 10}) {
                String name = "recall_" + m + "x";
                fractional |= same(e.at(m).estimate(), cells[header.indexOf(name)], name);
                same(e.at(m).low(), cells[header.indexOf(name + "_low")], name + "_low");
                same(e.at(m).high(), cells[header.indexOf(name + "_high")], name + "_high");
            }
            same(e.backTest() == null ? Double.NaN : e.backTest().error(), cells[header.indexOf("back_test_error")],
                    "back_test_error");
            double flat = e.plateau().estimate() <= e.currentSize() || e.plateauIdentified() ? e.plateau().estimate()
                    : Double.NaN;
            same(flat, cells[header.indexOf("flat_at_items")], "flat_at_items");
        }
        assertTrue(fractional, "some prediction has more digits than the three a person reads");
    }

    /** Whether the written cell reads back as exactly {@code value}; and that it has more than 3 decimals. */
    private static boolean same(double value, String cell, String column) {
        if (Double.isNaN(value)) {
            assertEquals("", cell, column);
            return false;
        }
        assertEquals(value, Double.parseDouble(cell), 0, column + ": " + cell);
        return Math.abs(value * 1000 - Math.rint(value * 1000)) > 1e-9;
    }

    @Test
    void aPersonReadsEachPredictionWithItsIntervalInOneCell() {
        var table = WINE.evidenceTable();
        String text = TextTable.render(table, TextTable.WIDE);
        String notebook = ScarRenderers.tableHtml(table, 50);
        String report = HtmlReport.titled("evidence").table(table).toHtml();
        for (String shown : List.of(text, notebook, report)) {
            assertFalse(shown.contains("_low") || shown.contains("_high"), shown);
            for (var e : WINE.evidence().recalls()) {
                for (int m : new int[] {2, 10}) {
                    assertTrue(shown.contains(Format.shareInterval(e.at(m).estimate(), e.at(m).low(),
                            e.at(m).high())), m + "x of " + e + " in\n" + shown);
                }
            }
        }
        String header = text.lines().skip(1).findFirst().orElseThrow();
        assertEquals(List.of("class", "items", "recall", "recall_2x", "recall_10x", "flat_at_items", "plateau", "curve",
                "back_test_error"), Arrays.asList(header.strip().split(" +")), text);
        assertTrue(text.contains(Format.signedShare(WINE.evidence().recalls().get(0).backTest().error())), text);
    }
}
