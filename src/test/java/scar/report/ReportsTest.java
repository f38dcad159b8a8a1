package scar.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.Scar;
import scar.data.Datasets;
import scar.foundation.ScarOptions;

class ReportsTest {

    @Test
    void aDatasetReportIsOneSelfContainedFileWithEveryChart(@TempDir Path dir) throws Exception {
        var profile = Scar.characterize(Datasets.bundled("wikipedia"),
                ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5).withSeed(3));
        Path file = Scar.report(profile, dir.resolve("sub/report.html"));
        String html = Files.readString(file);
        // bias + agreement + learning curves + (step sizes + measures) per modality + plan
        long images = Pattern.compile("<img[^>]+src=\"data:image/png;base64,").matcher(html).results().count();
        assertEquals(1 + 1 + 1 + 2 * 2 + 1, images);
        assertTrue(!html.contains("http://") && !html.contains("https://") || !html.contains("src=\"http"),
                "no external resources");
        assertTrue(!Pattern.compile("(src|href)=\"https?:").matcher(html).find(), "no external resources");
        assertTrue(html.contains("Modality text") && html.contains("Modality image"));
        assertTrue(html.contains("Completion plan"));
        // the items to add sum to the budget used, which floors each class's share: the report says both
        var paired = Scar.completionPlan(profile).paired();
        assertTrue(html.contains("budget " + scar.text.Format.items(paired.budget()) + ", used "
                + scar.text.Format.items(paired.budgetUsed())), "the plan's budget and the part of it used");
        assertTrue(html.contains("seed") && html.contains(">3<"), "the seed is in the report");
        // the plan chart shows every modality's own plan, whose totals are not the paired table's: its caption says so
        assertTrue(html.contains("Each modality&#39;s own plan"), "the plan chart's caption names what it plots");
        // the hard-items table of each modality shows every class (not the first rows of the first classes)
        for (var p : profile.modalities()) {
            int at = html.indexOf("Modality " + p.modality());
            int start = html.indexOf("<caption>items the full-data probe gets wrong", at);
            String table = html.substring(start, html.indexOf("</table>", start));
            for (String name : p.classNames()) {
                assertTrue(table.contains("<tr><td>" + HtmlReport.escape(name) + "</td>"),
                        p.modality() + ": " + name);
            }
            assertTrue(table.contains(p.modality() + "-hard-items.csv"), "the caption names the full table's file");
        }
    }

    @Test
    void withoutHeldOutItemsTheReportDoesNotDescribeHeldOutEvidence(@TempDir Path dir) throws Exception {
        var profile = Scar.characterize(Datasets.bundled("iris"),
                ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5).withTestFraction(0));
        String html = Files.readString(Reports.write(profile, Scar.completionPlan(profile), null,
                dir.resolve("iris.html")));
        assertTrue(!html.contains("every probe is also scored on held-out items"), "no such evidence here");
        assertTrue(!html.contains("read the held-out learning curve"), "there is none to read");
        assertTrue(html.contains("No item was held out"), "it says why there is no evidence");
        assertTrue(!html.contains("recall_gain is the held-out recall"), "no gain to explain");
    }

    @Test
    void anEvaluationOfOneSeedDoesNotClaimAStandardDeviation(@TempDir Path dir) throws Exception {
        var options = ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5);
        var profile = Scar.characterize(Datasets.bundled("iris"), options);
        var plan = Scar.completionPlan(profile);
        String one = Files.readString(Reports.write(profile, plan, Scar.evaluate(plan, 1), dir.resolve("one.html")));
        assertTrue(!one.contains("mean ± standard deviation over seeds"), "one seed has no standard deviation");
        assertTrue(one.contains("one seed: no spread to show"));
        String two = Files.readString(Reports.write(profile, plan, Scar.evaluate(plan, 2), dir.resolve("two.html")));
        assertTrue(two.contains("mean ± standard deviation over seeds"));
    }

    @Test
    void aOneModalityReportShowsItsPlanWithoutTheCrossModalityTable(@TempDir Path dir) throws Exception {
        var profile = Scar.characterize(Datasets.bundled("iris"),
                ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5));
        String html = Files.readString(Reports.write(profile, Scar.completionPlan(profile), null,
                dir.resolve("iris.html")));
        assertTrue(html.contains("Completion plan"));
        assertTrue(!html.contains("bottleneck"), "no bias table for a single modality");
        assertTrue(html.contains("to_add"), "the plan's table");
    }
}
