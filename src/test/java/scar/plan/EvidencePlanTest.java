package scar.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import scar.data.Datasets;
import scar.foundation.Characterize;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;

/** A plan made from a profile: its default budget comes from the held-out curve (docs/SPEC.md §10.7). */
class EvidencePlanTest {
    private static final ScarOptions QUIET = ScarOptions.defaults().withProgress(false);

    @Test
    void aCurveAlreadyAtItsAsymptoteGivesADefaultBudgetOfZero() {
        // iris: held-out accuracy 1.0 at the full set; SCAR alone asked for ~64,000 more items per class
        ScarProfile iris = Characterize.modality(Datasets.bundled("iris"), "features", QUIET);
        CompletionPlan plan = CompletionPlan.of(iris, null);
        assertTrue(plan.totalShortfall() > 150_000, "SCAR's shortfall is still reported: " + plan.totalShortfall());
        assertEquals(0, plan.budget());
        assertEquals(0, plan.totalToAdd());
        assertTrue(plan.outlook().budgetReason().startsWith("default budget 0"), plan.outlook().budgetReason());
        assertTrue(plan.toString().contains("it is not a shopping list"), plan.toString());
    }

    @Test
    void thePlanAndTheProfileReadTheToleranceAlike() {
        // the plan's reason said "1.50 points" where the profile's curve said "1.5 points" (and "0.50 points")
        for (double tolerance : new double[] {0.015, 0.005}) {
            ScarProfile iris = Characterize.modality(Datasets.bundled("iris"), "features", QUIET.withEvidence(
                    scar.evidence.EvidenceOptions.defaults().withTolerance(tolerance)));
            String points = scar.text.Format.number(tolerance * 100) + " points";
            String reason = CompletionPlan.of(iris, null).outlook().budgetReason();
            String words = iris.evidence().accuracy().words();
            assertTrue(reason.contains("within " + points + " of"), reason);
            assertTrue(words.contains("within " + points + " of"), words);
        }
    }

    @Test
    void theConstantBehindTheStepSizesIsNotRoundedToWholeItems() {
        // ε = 0.2: 1/(2ε²) = 12.5, which read "12" in the profile and in the plan
        ScarProfile iris = Characterize.modality(Datasets.bundled("iris"), "features", QUIET.withEpsilon(0.2));
        assertTrue(iris.meaning().contains("1/(2ε²) = 12.5 (ε = 0.2)"), iris.meaning());
        assertTrue(CompletionPlan.of(iris, null).outlook().meaning().contains("1/(2ε²) = 12.5 (ε = 0.2)"),
                CompletionPlan.of(iris, null).outlook().meaning());
        ScarProfile usual = Characterize.modality(Datasets.bundled("iris"), "features", QUIET);
        assertTrue(usual.meaning().contains("1/(2ε²) = 5,000 (ε = 0.01)"), usual.meaning());
    }

    @Test
    void withoutHeldOutItemsThePlanDoesNotExplainRecallGainsItCannotGive() {
        ScarProfile iris = Characterize.modality(Datasets.bundled("iris"), "features",
                QUIET.withRatios(1, 2, 5).withTestFraction(0));
        CompletionPlan plan = CompletionPlan.of(iris, null);
        assertTrue(!plan.outlook().hasGains(), "no curve, no gain");
        assertTrue(!plan.toString().contains("predicted to add"), plan.toString());
        assertTrue(CompletionPlan.of(Characterize.modality(Datasets.bundled("iris"), "features", QUIET), null)
                .toString().contains("predicted to add"), "with held-out items the note stays");
    }

    @Test
    void theItemsAddedUnderEachSeedKeepEveryDigitAndReadAsOneCell() {
        // with repeats the plan's table had to_add_over_seeds as text, '1,427 (1,390–1,466)'
        ScarProfile text = Characterize.modality(Datasets.bundled("wikipedia"), "text",
                QUIET.withRatios(1, 2, 5).withRepeats(2));
        CompletionPlan plan = CompletionPlan.of(text, null);
        tech.tablesaw.api.Table t = plan.toTable();
        var median = t.doubleColumn("to_add_over_seeds");
        var min = t.doubleColumn("to_add_over_seeds_min");
        var max = t.doubleColumn("to_add_over_seeds_max");
        for (int r = 0; r < t.rowCount(); r++) {
            scar.evidence.Interval i = plan.outlook().toAddOverSeeds().get(r);
            assertEquals(i.estimate(), median.getDouble(r));
            assertEquals(i.low(), min.getDouble(r));
            assertEquals(i.high(), max.getDouble(r));
            assertTrue(plan.toString().contains(scar.text.Format.itemsRange(i.estimate(), i.low(), i.high())),
                    plan.toString());
        }
        assertTrue(!plan.toString().contains("_min"), plan.toString());
    }

    @Test
    void aRisingCurveGivesABudgetUpToItsPlateauCappedAtTenTimesTheItems() {
        ScarProfile text = Characterize.modality(Datasets.bundled("wikipedia"), "text", QUIET);
        var acc = text.evidence().accuracy();
        CompletionPlan plan = CompletionPlan.of(text, null);
        long expected = (long) Math.ceil(Math.min(acc.plateau().estimate(), 10 * acc.currentSize())
                - acc.currentSize());
        assertEquals(expected, plan.budget());
        assertTrue(plan.budget() > 0 && plan.budget() <= 9 * text.size(), "budget " + plan.budget());
        assertEquals(plan.budget(), plan.totalToAdd(), plan.budget() * 0.001 + 10);
        var gains = plan.outlook().recallGain()[0];
        for (int c = 0; c < gains.length; c++) {
            var recall = text.evidence().recalls().get(c);
            if (recall.status() == scar.evidence.Extrapolation.Status.FLAT) {
                assertEquals(0, gains[c], 0.0, "a flat class gains nothing");
            } else {
                assertTrue(gains[c] >= 0, "a fitted curve never falls: " + gains[c]);
            }
        }
        CompletionPlan given = CompletionPlan.of(text, 5000);
        assertEquals(5000, given.budget());
        assertTrue(given.outlook().budgetReason().contains("given"));
    }
}
