package scar.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.BubbleChart;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/**
 * Every chart of this package built from synthetic, seeded arrays shaped like a real run (10 classes, the default
 * sweep, two modalities). Used by the chart tests and by the demo report; the numbers mean nothing.
 */
public final class DemoCharts {

    public static final String[] CLASSES = {
        "art", "biology", "geography", "history", "literature", "media", "music", "royalty", "sport", "warfare"
    };
    public static final double[] RATIOS = {1, 2, 5, 10, 15, 20, 30};
    public static final String[] MODALITIES = {"image", "text"};
    public static final String[] STRATEGIES = {"primary", "SCAR fill", "random fill", "average fill", "full"};

    private final SplittableRandom random;

    public DemoCharts(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** All demo charts by a short name, in the order of issue 7's list. */
    public Map<String, Object> all() {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("measures", measures());
        charts.put("envelope", envelope());
        charts.put("step-sizes", stepSizes());
        charts.put("bias", bias());
        charts.put("plan", plan());
        charts.put("plan-modalities", planPerModality());
        charts.put("evaluation", evaluation());
        charts.put("bubbles", bubbles());
        return charts;
    }

    public ChartGrid measures() {
        int r = RATIOS.length;
        int k = CLASSES.length;
        double[][] s = new double[r][k];
        double[][] c = new double[r][k];
        double[][] a = new double[r][k];
        double[][] rich = new double[r][k];
        for (int c0 = 0; c0 < k; c0++) {
            double base = 0.6 + 0.3 * random.nextDouble();
            for (int i = 0; i < r; i++) {
                double x = 1 / RATIOS[i];
                s[i][c0] = base * Math.pow(x, 0.15) + 0.02 * random.nextDouble();
                c[i][c0] = 0.2 + 0.6 * (1 - base) + 0.3 * (1 - x) + 0.03 * random.nextDouble();
                a[i][c0] = Math.min(1, base + 0.1 * x + 0.02 * random.nextDouble());
                rich[i][c0] = 0.4 + 0.5 * Math.pow(x, 0.3) * base + 0.03 * random.nextDouble();
            }
        }
        return MeasurePlots.measures("Wikipedia (text): SCAR measures per class", RATIOS, CLASSES, s, c, a, rich);
    }

    public XYChart envelope() {
        double[] h = new double[RATIOS.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = 0.02 * Math.pow(RATIOS[i], 0.5) * (1 + 0.2 * random.nextDouble());
        }
        double lambda = 1e-4;
        double a = Double.POSITIVE_INFINITY;
        for (int i = 0; i < h.length; i++) {
            a = Math.min(a, h[i] / (1 - Math.exp(-lambda / RATIOS[i])));
        }
        return EnvelopePlots.envelope("biology", RATIOS, h, a, lambda);
    }

    public CategoryChart stepSizes() {
        double[] steps = new double[CLASSES.length];
        int[] counts = new int[CLASSES.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 40000 + 25000 * random.nextDouble();
            counts[i] = 120 + random.nextInt(300);
        }
        return StepSizePlots.stepSizes("Wikipedia (text): step sizes", CLASSES, steps, counts, 68524.13);
    }

    public XYChart bias() {
        double[][] steps = new double[MODALITIES.length][CLASSES.length];
        for (int m = 0; m < steps.length; m++) {
            for (int c = 0; c < CLASSES.length; c++) {
                steps[m][c] = 30000 + 20000 * m + 25000 * random.nextDouble();
            }
        }
        return BiasPlots.stepSizeDistribution("Wikipedia: step-size distribution per modality", MODALITIES, steps);
    }

    public CategoryChart plan() {
        int[] present = new int[CLASSES.length];
        int[] toAdd = new int[CLASSES.length];
        for (int c = 0; c < CLASSES.length; c++) {
            present[c] = 100 + random.nextInt(250);
            toAdd[c] = random.nextInt(4) == 0 ? 0 : random.nextInt(300);
        }
        return PlanPlots.plan("Wikipedia (text): completion plan", CLASSES, present, toAdd);
    }

    public ChartGrid planPerModality() {
        int[] present = new int[CLASSES.length];
        int[][] toAdd = new int[MODALITIES.length][CLASSES.length];
        for (int c = 0; c < CLASSES.length; c++) {
            present[c] = 100 + random.nextInt(250);
            for (int m = 0; m < MODALITIES.length; m++) {
                toAdd[m][c] = random.nextInt(3) == 0 ? 0 : random.nextInt(200 + 200 * m);
            }
        }
        return PlanPlots.plan("Wikipedia: completion plan per modality", CLASSES, MODALITIES, toAdd, present);
    }

    public CategoryChart evaluation() {
        double[][] mean = new double[MODALITIES.length][STRATEGIES.length];
        double[][] spread = new double[MODALITIES.length][STRATEGIES.length];
        for (int m = 0; m < MODALITIES.length; m++) {
            for (int s = 0; s < STRATEGIES.length; s++) {
                mean[m][s] = 0.55 + 0.1 * m + 0.04 * s + 0.02 * random.nextDouble();
                spread[m][s] = 0.005 + 0.01 * random.nextDouble();
            }
        }
        return EvaluationPlots.evaluation("Wikipedia: test accuracy by fill strategy (5 seeds)", MODALITIES,
                STRATEGIES, mean, spread);
    }

    public BubbleChart bubbles() {
        String[] names = {"wikipedia/image", "wikipedia/text", "mfeat/fou", "mfeat/pix", "digits"};
        double[] s = new double[names.length];
        double[] c = new double[names.length];
        double[] a = new double[names.length];
        double[] r = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            s[i] = 0.1 + 0.9 * random.nextDouble();
            c[i] = 0.1 + 0.8 * random.nextDouble();
            a[i] = 0.4 + 0.55 * random.nextDouble();
            r[i] = i / (names.length - 1.0);
        }
        return BubblePlots.scar("Dataset-level SCAR", names, s, c, a, r);
    }
}
