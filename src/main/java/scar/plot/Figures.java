package scar.plot;

import java.util.Arrays;
import java.util.List;

import org.knowm.xchart.BubbleChart;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

import scar.evidence.Evidence;
import scar.evidence.Extrapolation;
import scar.evidence.LearningCurve;
import scar.evidence.ModalityAgreement;
import scar.foundation.DatasetProfile;
import scar.foundation.Envelope;
import scar.foundation.ProfileComparison;
import scar.foundation.ScarProfile;
import scar.foundation.StepResult;
import scar.measure.ClassMeasures;
import scar.plan.CompletionPlan;
import scar.plan.DatasetScar;
import scar.plan.Evaluation;
import scar.plan.MultiModalPlan;
import scar.text.Format;

/**
 * The charts of SCAR results: each method reads a result and hands its numbers to the chart builder of this
 * package that draws them. The {@code Scar.plot*} functions delegate here.
 */
public final class Figures {
    private Figures() {
    }

    /** S, C, A, R of every class against the sampling fraction 1/r (small multiples). */
    public static ChartGrid measures(ScarProfile p) {
        List<ClassMeasures> m = p.measures();
        double[][][] v = new double[4][m.size()][];
        for (int j = 0; j < m.size(); j++) {
            v[0][j] = m.get(j).scale();
            v[1][j] = m.get(j).coverage();
            v[2][j] = m.get(j).authenticity();
            v[3][j] = m.get(j).richness();
        }
        return MeasurePlots.measures(title(p, "measures against the sampling fraction"), ratios(p), p.classNames(),
                v[0], v[1], v[2], v[3]);
    }

    /** The h points of one class and its fitted envelope (SPEC §5.2). */
    public static XYChart envelope(ScarProfile p, String className) {
        int c = Arrays.asList(p.classNames()).indexOf(className);
        if (c < 0) {
            throw new IllegalArgumentException("no class '" + className + "' in " + p.dataset() + "/" + p.modality()
                    + "; classes: " + String.join(", ", p.classNames()));
        }
        return envelope(p, c);
    }

    public static XYChart envelope(ScarProfile p, int classIndex) {
        if (classIndex < 0 || classIndex >= p.numClasses()) {
            throw new IllegalArgumentException("class index " + classIndex + " is outside 0.." + (p.numClasses() - 1));
        }
        StepResult step = p.steps().classes().get(classIndex);
        return EnvelopePlots.envelope(step.className(), step.ratios(), step.h(), step.height(),
                Envelope.lambdaGrid()[0]);
    }

    /** Step size per class, the items present, and the foundation size. */
    public static CategoryChart stepSizes(ScarProfile p) {
        if (!p.repeats().any()) {
            return StepSizePlots.stepSizes(title(p, "step sizes"), p.classNames(), p.stepSizes(), p.classCounts(),
                    p.foundationSize());
        }
        int k = p.numClasses();
        double[] low = new double[k];
        double[] high = new double[k];
        for (int c = 0; c < k; c++) {
            low[c] = p.repeats().stepSize(c).low();
            high[c] = p.repeats().stepSize(c).high();
        }
        return StepSizePlots.stepSizes(title(p, "step sizes over " + p.repeats().runs() + " seeds"), p.classNames(),
                p.stepSizes(), p.classCounts(), p.foundationSize(), low, high);
    }

    /** The distribution of step sizes in every modality: the generalisation bias (SPEC §7). */
    public static XYChart stepSizes(DatasetProfile profile) {
        List<ScarProfile> ps = profile.modalities();
        return BiasPlots.stepSizeDistribution(profile.dataset() + ": step sizes per modality",
                ps.stream().map(ScarProfile::modality).toArray(String[]::new),
                ps.stream().map(ScarProfile::stepSizes).toArray(double[][]::new),
                ps.stream().map(ScarProfile::classNames).toArray(String[][]::new));
    }

    /** Items to add per class, stacked on the items present. */
    public static CategoryChart plan(CompletionPlan plan) {
        List<CompletionPlan.ClassPlan> cs = plan.classes();
        return PlanPlots.plan("completion plan: " + Format.items(plan.totalToAdd()) + " items to add",
                cs.stream().map(CompletionPlan.ClassPlan::className).toArray(String[]::new),
                cs.stream().mapToInt(CompletionPlan.ClassPlan::present).toArray(), plan.toAdd());
    }

    /** Items to add per class in every modality, stacked on the items present. */
    public static ChartGrid plan(MultiModalPlan plan) {
        var bias = plan.bias();
        return PlanPlots.plan("completion plan per modality", bias.classNames().toArray(String[]::new),
                bias.modalities().toArray(String[]::new),
                plan.perModality().stream().map(CompletionPlan::toAdd).toArray(int[][]::new), bias.present());
    }

    /** Test accuracy of every strategy in every modality, mean ± standard deviation over the seeds. */
    public static CategoryChart evaluation(Evaluation e) {
        List<String> modalities = e.modalities();
        // the strategies the evaluation ran (an evaluation built by hand or read back may hold a few of them)
        Evaluation.Strategy[] strategies = Arrays.stream(Evaluation.Strategy.values())
                .filter(st -> modalities.stream().anyMatch(m -> e.result(m, st) != null))
                .toArray(Evaluation.Strategy[]::new);
        double[][] mean = new double[modalities.size()][strategies.length];
        double[][] sd = new double[modalities.size()][strategies.length];
        for (int g = 0; g < modalities.size(); g++) {
            for (int s = 0; s < strategies.length; s++) {
                Evaluation.Result r = e.result(modalities.get(g), strategies[s]);
                if (r == null) {
                    throw new IllegalArgumentException("the evaluation has no " + strategies[s].key() + " result "
                            + "for modality '" + modalities.get(g) + "'; a chart compares the strategies every "
                            + "modality ran");
                }
                mean[g][s] = r.mean();
                sd[g][s] = Double.isNaN(r.sd()) ? 0 : r.sd();
            }
        }
        return EvaluationPlots.evaluation("completion strategies: test accuracy",
                modalities.toArray(String[]::new),
                Arrays.stream(strategies).map(st -> st.key().replace('_', ' ')).toArray(String[]::new), mean, sd);
    }

    /** The dataset-level S/C/A/R of every modality of an evaluation (SPEC §5.6) as bubbles. */
    public static BubbleChart scar(Evaluation e) {
        List<DatasetScar> rows = e.datasetRows();
        return BubblePlots.scar("dataset-level SCAR", rows.stream().map(DatasetScar::modality).toArray(String[]::new),
                rows.stream().mapToDouble(DatasetScar::scale).toArray(),
                rows.stream().mapToDouble(r -> Double.isNaN(r.coverage()) ? 0 : r.coverage()).toArray(),
                rows.stream().mapToDouble(DatasetScar::authenticity).toArray(),
                rows.stream().mapToDouble(DatasetScar::richness).toArray());
    }

    /** Held-out accuracy against training items, its power-law fit and band to 10×, and the back-test. */
    public static XYChart learningCurve(ScarProfile p) {
        return LearningCurvePlots.learningCurves(title(p, "held-out learning curve"), "held-out accuracy",
                List.of(curve(p, p.modality())));
    }

    /** The held-out learning curve of every modality on one chart. */
    public static XYChart learningCurve(DatasetProfile profile) {
        return LearningCurvePlots.learningCurves(profile.dataset() + ": held-out learning curves",
                "held-out accuracy", profile.modalities().stream().map(p -> curve(p, p.modality())).toList());
    }

    /** Held-out recall of every class in every modality, marked where SCAR's bottleneck agrees (✓) or not (✗). */
    public static CategoryChart agreement(DatasetProfile profile) {
        ModalityAgreement a = profile.agreement().orElseThrow(() -> new IllegalArgumentException("the agreement "
                + "chart needs at least two modalities with held-out items; " + profile.dataset() + " has "
                + profile.modalityNames()));
        String[] agrees = new String[a.classNames().size()];
        for (int c = 0; c < agrees.length; c++) {
            Boolean ok = a.agrees(c);
            agrees[c] = ok == null ? "n/a" : ok ? "yes" : "no";
        }
        return LearningCurvePlots.agreement(profile.dataset() + ": held-out recall; ✓/✗ SCAR's bottleneck agrees/not",
                a.classNames().toArray(String[]::new), a.modalities().toArray(String[]::new), a.recalls(), agrees);
    }

    /**
     * Two runs compared: per modality both have, how each class's step size moved from A to B; the panel titles give
     * N_F in A and B, the grid's title what changed between the runs (its first two differences).
     */
    public static ChartGrid comparison(ProfileComparison c) {
        List<String> ms = c.sharedModalities();
        String runs = "A (" + c.a().dataset() + ") and B (" + c.b().dataset() + ")";
        if (ms.isEmpty()) {
            throw new IllegalArgumentException(runs + " share no modality, so there is no step size to compare; "
                    + "differences() says what changed");
        }
        for (String m : ms) {
            if (c.sharedClasses(m).isEmpty()) {
                throw new IllegalArgumentException(runs + " share no class in modality '" + m + "', so there is no "
                        + "step size to compare; differences() says what changed");
            }
        }
        String[] titles = new String[ms.size()];
        String[][] classes = new String[ms.size()][];
        for (int m = 0; m < ms.size(); m++) {
            double a = c.a().modality(ms.get(m)).foundationSize();
            double b = c.b().modality(ms.get(m)).foundationSize();
            titles[m] = ms.get(m) + ": N_F " + Format.items(a) + " → " + Format.items(b) + " ("
                    + Format.signedItems(b - a) + ")";
            classes[m] = c.sharedClasses(ms.get(m)).toArray(String[]::new);
        }
        tech.tablesaw.api.Table diff = c.differences();
        List<String> changed = new java.util.ArrayList<>();
        for (int r = 0; r < Math.min(2, diff.rowCount()); r++) {
            changed.add(diff.getString(r, "what") + " " + diff.getString(r, "A") + " → " + diff.getString(r, "B"));
        }
        String what = changed.isEmpty() ? "same settings and data" : String.join(", ", changed)
                + (diff.rowCount() > 2 ? " and " + (diff.rowCount() - 2) + " more" : "");
        return ComparisonPlots.stepSizeChanges("step size per class, B − A (" + what + ")", titles, classes,
                c.stepSizeChanges());
    }

    private static LearningCurvePlots.Curve curve(ScarProfile p, String name) {
        Evidence e = p.evidence();
        if (!e.hasCurve()) {
            throw new IllegalArgumentException(p.dataset() + "/" + p.modality() + " has no held-out items, so no "
                    + "learning curve; give the dataset a split or a testFraction above 0");
        }
        LearningCurve lc = e.curve();
        int n = lc.points();
        double[] sizes = new double[n];
        double[] means = new double[n];
        double[] sds = new double[n];
        for (int j = 0; j < n; j++) {
            sizes[j] = lc.size(j);
            means[j] = lc.mean(j, LearningCurve.ACCURACY);
            sds[j] = lc.sd(j, LearningCurve.ACCURACY);
        }
        Extrapolation acc = e.accuracy();
        double[] fitX = new double[0];
        double[] fitY = new double[0];
        double[] bandX = new double[0];
        double[] bandLow = new double[0];
        double[] bandHigh = new double[0];
        if (acc.curve() != null) {
            double lo = Arrays.stream(sizes).min().orElse(1);
            double hi = acc.currentSize() * (acc.fitted() ? 10 : 1);
            int points = 60;
            fitX = new double[points];
            fitY = new double[points];
            for (int i = 0; i < points; i++) {
                fitX[i] = lo * Math.pow(hi / lo, i / (points - 1.0));
                fitY[i] = acc.curve().at(fitX[i]);
            }
            if (acc.fitted()) {
                double[] multiples = acc.multiples();
                bandX = new double[multiples.length];
                bandLow = new double[multiples.length];
                bandHigh = new double[multiples.length];
                for (int m = 0; m < multiples.length; m++) {
                    bandX[m] = multiples[m] * acc.currentSize();
                    bandLow[m] = acc.predicted().get(m).low();
                    bandHigh[m] = acc.predicted().get(m).high();
                }
            }
        }
        double[] back = acc.backTest() == null ? null : new double[] {acc.currentSize(),
                acc.backTest().predicted().estimate(), acc.backTest().predicted().low(),
                acc.backTest().predicted().high()};
        return new LearningCurvePlots.Curve(name, sizes, means, sds, fitX, fitY, bandX, bandLow, bandHigh, back);
    }

    private static double[] ratios(ScarProfile p) {
        return Arrays.stream(p.ratios()).asDoubleStream().toArray();
    }

    private static String title(ScarProfile p, String what) {
        return p.dataset() + " / " + p.modality() + ": " + what;
    }
}
