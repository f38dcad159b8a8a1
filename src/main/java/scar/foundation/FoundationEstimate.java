package scar.foundation;

import scar.text.Stored;
import scar.text.TextTable;
import scar.text.Format;
import scar.text.Columns.Kind;
import scar.text.Columns;
import java.util.Arrays;
import java.util.Objects;
import scar.data.Tabular;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A dataset foundation size (SPEC §5.5) together with everything that produced it.
 *
 * @param size      N_F = ln(ρ)·x* / ε², or Σ n_c when {@code fallback}
 * @param root      x*, the root of F found by Brent's method; NaN when {@code fallback}
 * @param fallback  true when no root lay in the bracket (or the solver did not converge) and N_F = Σ n_c
 * @param rho       the class-count factor ρ used
 * @param options   δ, ε, δ_E and the order m used
 * @param heights   the per-class hypothesis-space sizes H_c (copied in and out)
 * @param stepSizes the per-class step sizes n_c = ln(H_c/δ)/(2ε²) (copied in and out)
 */
public record FoundationEstimate(@Stored(min = 0) double size, @Stored(undefined = true) double root, boolean fallback,
                                 @Stored(min = 1) double rho, FoundationOptions options, @Stored double[] heights,
                                 @Stored double[] stepSizes) implements Tabular {

    /** Copies the arrays. @throws IllegalArgumentException if they differ in length or are empty */
    public FoundationEstimate {
        Objects.requireNonNull(options, "options");
        heights = Objects.requireNonNull(heights, "heights").clone();
        stepSizes = Objects.requireNonNull(stepSizes, "stepSizes").clone();
        if (heights.length == 0 || heights.length != stepSizes.length) {
            throw new IllegalArgumentException("need one step size per H and at least one class, got "
                    + heights.length + " H and " + stepSizes.length + " step sizes");
        }
    }

    /** Number of classes K. */
    public int numClasses() {
        return heights.length;
    }

    /** The inclusion–exclusion order m. */
    public int order() {
        return options.order();
    }

    /** δ_E. */
    public double deltaE() {
        return options.deltaE();
    }

    /** ε. */
    public double epsilon() {
        return options.epsilon();
    }

    @Override
    public double[] heights() {
        return heights.clone();
    }

    @Override
    public double[] stepSizes() {
        return stepSizes.clone();
    }

    /** Σ n_c, the fallback size. */
    public double sumOfStepSizes() {
        return StepSizes.sum(stepSizes);
    }

    /** One row per class: class, H, step size. */
    @Override
    public Table toTable() {
        int[] classes = new int[heights.length];
        Arrays.setAll(classes, c -> c);
        return Table.create("foundation size inputs",
                IntColumn.create("class", classes),
                Columns.doubles("H", heights, Kind.RATIO),
                Columns.doubles("step size", stepSizes, Kind.ITEMS));
    }

    /** The scalar results, one row each: quantity, value. */
    public Table summaryTable() {
        String[] names = {"foundation size", "root x*", "fallback (sum of step sizes)", "rho", "order m", "delta_E",
            "epsilon", "delta", "classes"};
        double[] values = {size, root, fallback ? 1 : 0, rho, order(), deltaE(), epsilon(), options.delta(),
            heights.length};
        return Table.create("foundation size", StringColumn.create("quantity", names),
                Columns.doubles("value", values, Kind.NUMBER));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FoundationEstimate e
                && Double.compare(size, e.size) == 0
                && Double.compare(root, e.root) == 0
                && fallback == e.fallback
                && Double.compare(rho, e.rho) == 0
                && options.equals(e.options)
                && Arrays.equals(heights, e.heights)
                && Arrays.equals(stepSizes, e.stepSizes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, root, fallback, rho, options, Arrays.hashCode(heights), Arrays.hashCode(stepSizes));
    }

    @Override
    public String toString() {
        return "FoundationEstimate[N_F = " + Format.items(size) + (fallback ? " (fallback: sum of step sizes)"
                : ", x* = " + Format.number(root)) + ", K = " + heights.length + ", rho = " + Format.ratio(rho)
                + ", m = " + order() + ", delta_E = " + Format.number(deltaE()) + ", epsilon = "
                + Format.number(epsilon()) + "]\n" + TextTable.render(toTable(), TextTable.WIDTH);
    }
}
