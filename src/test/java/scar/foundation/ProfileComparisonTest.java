package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;

import scar.Scar;
import scar.data.Datasets;
import scar.plot.ChartGrid;
import scar.plot.ComparisonPlots;
import scar.report.Exports;
import tech.tablesaw.api.Table;

/** Two runs compared: what changed between them, and what SCAR and the evidence say in each. */
class ProfileComparisonTest {

    private static final ScarOptions QUICK = ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5);
    private static DatasetProfile seed42;
    private static DatasetProfile seed7;

    @BeforeAll
    static void runTwice() {
        seed42 = Scar.characterize(Datasets.bundled("wikipedia"), QUICK);
        seed7 = Scar.characterize(Datasets.bundled("wikipedia"), QUICK.withSeed(7).withEpsilon(0.02));
    }

    @Test
    void namesTheSettingsThatChangedAndOnlyThose() {
        ProfileComparison c = Scar.compare(seed42, seed7);
        Table diff = c.differences();
        assertEquals(List.of("seed", "foundation.epsilon"), diff.stringColumn("what").asList(), diff.print());
        assertEquals("42", diff.getString(0, "A"));
        assertEquals("7", diff.getString(0, "B"));
        assertEquals("0.01", diff.getString(1, "A"));
        assertEquals("0.02", diff.getString(1, "B"));
        Table all = c.settingsTable();
        assertTrue(all.rowCount() > 20, "every option and fact about the data: " + all.rowCount());
        assertTrue(all.stringColumn("what").asList().containsAll(List.of("dataset", "training items", "ratios used",
                "probe.lambda", "evidence.bootstrap", "repeats", "dedup")));
        assertFalse(all.stringColumn("what").asList().contains("progress"), "showing progress changes no number");
    }

    @Test
    void showsHowNfAccuracyAndEveryStepSizeMoved() {
        ProfileComparison c = Scar.compare(seed42, seed7);
        Table m = c.modalityTable();
        assertEquals(List.of("image", "text"), m.stringColumn("modality").asList());
        ScarProfile a = seed42.modality("text");
        ScarProfile b = seed7.modality("text");
        assertEquals(b.foundationSize() - a.foundationSize(), m.doubleColumn("N_F_change").get(1));
        // sizes scale as 1/ε²: doubling ε divides them by about four
        assertTrue(b.foundationSize() < a.foundationSize() / 3, b.foundationSize() + " vs " + a.foundationSize());
        Table classes = c.toTable();
        assertEquals(2 * 10, classes.rowCount());
        assertEquals(b.stepSizes()[3] - a.stepSizes()[3], classes.doubleColumn("step_change").get(13));
        assertEquals(c.stepSizeChanges()[1][3], classes.doubleColumn("step_change").get(13));
        String text = c.toString();
        assertTrue(text.contains("what changed between A and B") && text.contains("N_F_change"), text);
        assertTrue(text.lines().allMatch(l -> l.length() <= 120), text);
    }

    @Test
    void aRunComparedWithItselfReadBackChangesNothing(@TempDir Path dir) {
        Path file = Exports.json(seed42, dir.resolve("profile.json"));
        ProfileComparison c = Scar.compare(Scar.loadProfile(file), seed42);
        assertEquals(0, c.differences().rowCount());
        assertTrue(c.toString().contains("same settings and data"), c.toString());
        assertTrue(c.toTable().doubleColumn("step_change").asList().stream().allMatch(v -> v == 0));
    }

    @Test
    void differentDataAreNamedAndOnlySharedClassesCompared() {
        DatasetProfile iris = Scar.characterize(Datasets.bundled("iris"), QUICK);
        DatasetProfile wine = Scar.characterize(Datasets.bundled("wine"), QUICK);
        ProfileComparison c = Scar.compare(iris, wine);
        List<String> changed = c.differences().stringColumn("what").asList();
        assertTrue(changed.containsAll(List.of("dataset", "class names", "training items", "held-out items")),
                changed.toString());
        assertEquals(0, c.toTable().rowCount(), "iris and wine share no class");
        assertEquals(1, c.modalityTable().rowCount(), "both have the modality 'features'");
        IllegalArgumentException noClass = assertThrows(IllegalArgumentException.class, () -> Scar.plotComparison(c));
        assertTrue(noClass.getMessage().startsWith("A (iris) and B (wine) share no class in modality 'features'"),
                noClass.getMessage());
    }

    @Test
    void theChartShowsTheChangePerClassInEveryModality(@TempDir Path dir) throws Exception {
        ProfileComparison c = Scar.compare(seed42, seed7);
        ChartGrid grid = Scar.plotComparison(c);
        assertEquals(2, grid.charts().size());
        assertTrue(grid.title().contains("seed 42 → 7") && grid.title().contains("foundation.epsilon 0.01 → 0.02"),
                grid.title());
        CategoryChart text = (CategoryChart) grid.charts().get(1);
        double a = seed42.modality("text").foundationSize();
        double b = seed7.modality("text").foundationSize();
        assertEquals("text: N_F " + scar.text.Format.items(a) + " → " + scar.text.Format.items(b) + " ("
                + scar.text.Format.signedItems(b - a) + ")", text.getTitle());
        assertEquals(10, text.getSeriesMap().get(ComparisonPlots.CHANGE).getYData().size());
        Path png = Scar.save(grid, dir.resolve("comparison.png"));
        assertTrue(java.nio.file.Files.size(png) > 10_000);
    }
}
