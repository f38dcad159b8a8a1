package scar.plot;

import java.util.Arrays;
import java.util.List;

import org.knowm.xchart.BubbleChart;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

import scar.foundation.DatasetProfile;
import scar.foundation.Envelope;
import scar.foundation.ScarProfile;
import scar.foundation.StepResult;
import scar.measure.ClassMeasures;
import scar.plan.CompletionPlan;
import scar.plan.DatasetScar;
import scar.plan.Evaluation;
import scar.plan.MultiModalPlan;

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
        return StepSizePlots.stepSizes(title(p, "step sizes"), p.classNames(), p.stepSizes(), p.classCounts(),
                p.foundationSize());
    }

    /** The distribution of step sizes in every modality: the generalisation bias (SPEC §7). */
    public static XYChart stepSizes(DatasetProfile profile) {
        List<ScarProfile> ps = profile.modalities();
        return BiasPlots.stepSizeDistribution(profile.dataset() + ": step sizes per modality",
                ps.stream().map(ScarProfile::modality).toArray(String[]::new),
                ps.stream().map(ScarProfile::stepSizes).toArray(double[][]::new));
    }

    /** Items to add per class, stacked on the items present. */
    public static CategoryChart plan(CompletionPlan plan) {
        List<CompletionPlan.ClassPlan> cs = plan.classes();
        return PlanPlots.plan("completion plan: " + plan.totalToAdd() + " items to add",
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
        Evaluation.Strategy[] strategies = Evaluation.Strategy.values();
        double[][] mean = new double[modalities.size()][strategies.length];
        double[][] sd = new double[modalities.size()][strategies.length];
        for (int g = 0; g < modalities.size(); g++) {
            for (int s = 0; s < strategies.length; s++) {
                Evaluation.Result r = e.result(modalities.get(g), strategies[s]);
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

    private static double[] ratios(ScarProfile p) {
        return Arrays.stream(p.ratios()).asDoubleStream().toArray();
    }

    private static String title(ScarProfile p, String what) {
        return p.dataset() + " / " + p.modality() + ": " + what;
    }
}
