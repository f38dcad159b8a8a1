package scar.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import scar.foundation.DatasetProfile;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.plan.Evaluation;
import scar.plan.MultiModalPlan;
import scar.plot.Figures;
import scar.text.Format;

/**
 * Self-contained HTML reports of SCAR results: profiles (one or every modality), their completion plan and the
 * evaluation of completion strategies, with charts embedded as images, tables, the options and seed, the version and
 * the time taken. The files open offline.
 */
public final class Reports {
    /** Hard items shown per class in a report; the whole table is in the CSV file of {@code characterize -o}. */
    static final int HARD_ITEMS_PER_CLASS = 3;

    private Reports() {
    }

    /** A report of one modality's profile. */
    public static Path write(ScarProfile profile, Path file) {
        return write(new DatasetProfile(profile.dataset(), java.util.List.of(profile), null), null, null, file);
    }

    /** A report of an evaluation of completion strategies. */
    public static Path write(Evaluation evaluation, Path file) {
        HtmlReport r = HtmlReport.titled("SCAR evaluation of completion strategies");
        evaluationSection(r, evaluation);
        r.footer(Map.of(), Duration.ZERO);
        return r.write(file);
    }

    /**
     * A report of a dataset profile, with its completion plan and evaluation when given ({@code null} leaves a
     * section out); the time taken is the profile's characterisation time.
     */
    public static Path write(DatasetProfile profile, MultiModalPlan plan, Evaluation evaluation, Path file) {
        return build(profile, plan, evaluation, profile.elapsed()).write(file);
    }

    /** As {@link #write(DatasetProfile, MultiModalPlan, Evaluation, Path)}, naming the time the caller measured. */
    public static Path write(DatasetProfile profile, MultiModalPlan plan, Evaluation evaluation, Duration elapsed,
                             Path file) {
        return build(profile, plan, evaluation, elapsed).write(file);
    }

    /**
     * The report as a builder, for callers that add sections of their own; its footer shows {@code elapsed} as the
     * time taken.
     */
    public static HtmlReport build(DatasetProfile profile, MultiModalPlan plan, Evaluation evaluation,
                                   Duration elapsed) {
        HtmlReport r = HtmlReport.titled("SCAR profile of " + profile.dataset());
        r.paragraph("Scale, Coverage, Authenticity and Richness of every class as seen by a linear probe on each "
                + "modality's embeddings, the step size of every class (the items it needs) and the dataset "
                + "foundation size N_F. Method: Su et al., SCAR, arXiv 2508.19659 (2025).");
        if (profile.modalities().stream().anyMatch(p -> p.testSize() > 0)) {
            r.paragraph("Beside SCAR's numbers stands held-out evidence from the same sweep at no extra fits: every "
                    + "probe is also scored on held-out items, which traces a learning curve per modality and per "
                    + "class. A power law fitted to it says how much more data is predicted to help, with 95% "
                    + "intervals, and a back-test predicts the full-data point from the subsamples alone, so you can "
                    + "see how far the extrapolation can be trusted on these data. Where SCAR and the evidence "
                    + "disagree about which modality falls short, the evidence is the one measured on held-out "
                    + "items.");
        } else {
            r.paragraph("No item was held out, so no held-out evidence stands beside SCAR's numbers: no learning "
                    + "curve, no prediction of how much more data would help, no check of which modality falls "
                    + "short. A test split (or a test fraction above 0 when the data has no split) gives them.");
        }
        if (profile.modalities().size() > 1) {
            r.heading("Modalities");
            r.table(profile.toSheet());
            r.chart("Step-size distribution per modality: the generalisation bias", Figures.stepSizes(profile));
            profile.agreement().ifPresent(a -> {
                r.heading("Which modality falls short: SCAR and the held-out evidence");
                r.paragraph(a.summary());
                r.table(a.toSheet());
                r.chart("Held-out recall per class and modality (✓ SCAR's bottleneck agrees, ✗ it does not)",
                        Figures.agreement(profile));
            });
            if (profile.modalities().stream().allMatch(p -> p.evidence().hasCurve())) {
                r.chart("Held-out learning curves with the power-law fit, its 95% band and the back-test",
                        Figures.learningCurve(profile));
            }
        }
        for (ScarProfile p : profile.modalities()) {
            r.heading("Modality " + p.modality());
            r.keyValues(p.summaryLines());
            r.table(p.toSheet());
            if (p.repeats().any()) {
                r.table(p.repeats().perClass(p.classNames()));
            }
            r.chart("Step sizes per class, items present and the foundation size", Figures.stepSizes(p));
            r.chart("The four measures against the sampling fraction 1/r", Figures.measures(p));
            if (p.evidence().hasCurve()) {
                r.table(p.evidence().curve().toSheet());
                if (profile.modalities().size() == 1) {
                    r.chart("Held-out learning curve with the power-law fit, its 95% band and the back-test",
                            Figures.learningCurve(p));
                }
                r.table(p.evidenceSheet());
            }
            r.table(p.evidence().hardItems().previewSheet(HARD_ITEMS_PER_CLASS, HtmlReport.DEFAULT_MAX_ROWS,
                    Exports.hardItemsFile(p.modality()) + " in the folder written by scar characterize -o, or "
                    + "hardItems() in a notebook"));
        }
        if (plan != null && plan.perModality().size() == 1) {
            r.heading("Completion plan");
            r.paragraph("Per class, the items to acquire so that the class reaches its step size, within the "
                    + "budget: " + plan.paired().outlook().budgetReason() + " (" + plan.paired().budgetLine()
                    + ")."
                    + (plan.paired().outlook().hasGains() ? " recall_gain is the held-out recall the class's items "
                    + "are predicted to add by its learning curve." : ""));
            r.table(plan.paired().toSheet());
            r.chart("Items to add per class, stacked on the items present", Figures.plan(plan.paired()));
        } else if (plan != null) {
            r.heading("Completion plan");
            r.paragraph("Per class, the items each modality lacks against its step size, the bottleneck modality "
                    + "(largest shortfall) and the paired shortfall: acquiring a paired item serves every modality, "
                    + "so each class needs the largest shortfall over its modalities. The paired plan's budget: "
                    + plan.paired().outlook().budgetReason() + " (" + plan.paired().budgetLine() + ").");
            r.table(plan.paired().toSheet());
            r.table(plan.toSheet());
            // the chart plots each modality's own plan (its step sizes, its own default budget), not the paired plan
            // of the table above: its totals differ (wikipedia: image 19,552, text 9,317; paired 19,552)
            r.chart("Each modality's own plan — its step sizes and its own budget, not the paired plan of the table "
                    + "above: items to add per class, stacked on the items present", Figures.plan(plan));
        }
        if (evaluation != null) {
            evaluationSection(r, evaluation);
        }
        r.footer(optionsMap(profile.options()), elapsed);
        return r;
    }

    private static void evaluationSection(HtmlReport r, Evaluation evaluation) {
        r.heading("Evaluation of completion strategies");
        r.paragraph("Each seed splits every class 60/40 into primary and reserve, plans on the primary set, and "
                + "compares the test accuracy of a probe trained on the primary set, on it plus the SCAR fill, a "
                + "random fill and an even fill of the same size, and on the full set.");
        r.table(evaluation.toSheet());
        boolean oneSeed = evaluation.results().stream().allMatch(x -> x.runs().size() < 2);
        r.chart(oneSeed ? "Test accuracy per strategy (one seed: no spread to show)"
                : "Test accuracy per strategy (mean ± standard deviation over seeds)", Figures.evaluation(evaluation));
        r.chart("Dataset-level SCAR per modality", Figures.scar(evaluation));
    }

    private static Map<String, Object> optionsMap(ScarOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", o.seed());
        m.put("ratios", java.util.Arrays.toString(o.ratios()));
        m.put("probe", o.probe().kind().name().toLowerCase(java.util.Locale.ROOT) + ", λ = "
                + Format.number(o.probe().lambda()) + ", at most " + Format.items(o.probe().maxIterations())
                + " iterations");
        m.put("measure variant", o.variant());
        m.put("inclusion–exclusion order", o.foundation().order());
        m.put("threads", o.threads());
        m.put("test fraction (when no split)", Format.number(o.testFraction()));
        m.put("ε, δ, δ_E", Format.number(o.foundation().epsilon()) + ", " + Format.number(o.foundation().delta())
                + ", " + Format.number(o.foundation().deltaE())
                + " — every size scales as n ∝ ln(H/δ)/ε²: halving ε quadruples it");
        m.put("repeats", o.repeats() == 1 ? "1 (one seed)" : o.repeats() + " (seeds " + o.seed() + "–"
                + (o.seed() + o.repeats() - 1) + ")");
        m.put("de-duplication", o.dedup() ? "exact duplicate items dropped before the study" : "off (duplicates "
                + "reported only)");
        m.put("evidence", Format.items(o.evidence().bootstrap()) + " bootstrap replicates, tolerance "
                + Format.number(o.evidence().tolerance()));
        return m;
    }
}
