package scar.foundation;

import scar.text.TextTable;
import scar.text.Columns.Kind;
import scar.text.Columns;
import scar.text.Sheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import scar.data.Tabular;
import scar.measure.ClassMeasures;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The steps of every class of one sweep (SPEC §5.1–5.3), built from the per-ratio averaged measures.
 *
 * <p>For class c: h_c(r) = {@link HypothesisSpace#h}(S, C, A, R at r); H_c = {@link Envelope#fit} over
 * x = 1/r; n_c = {@link StepSizes#stepSize}(H_c, δ, ε). A class whose h is invalid at every ratio (Coverage 1 or
 * NaN everywhere) makes the whole call fail with a message naming it.
 *
 * @param classes one result per class, in class order
 */
public record Steps(List<StepResult> classes) implements Tabular {

    public Steps {
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("steps need at least one class");
        }
    }

    /** {@link #fromMeasures(double[], List, String[], FoundationOptions)} with the default δ and ε. */
    public static Steps fromMeasures(double[] ratios, List<ClassMeasures> perRatio, String[] classNames) {
        return fromMeasures(ratios, perRatio, classNames, FoundationOptions.defaults());
    }

    /**
     * @param ratios     the ratios of the sweep, one per entry of {@code perRatio}
     * @param perRatio   the measures averaged over the repeats of each ratio ({@link scar.measure.Measures#average})
     * @param classNames a name per class, or null for "0", "1", ...
     * @param options    δ and ε of the step sizes
     * @throws IllegalArgumentException if the lengths disagree, a measure's ratio differs from {@code ratios}, or a
     *                                  class has no valid point
     */
    public static Steps fromMeasures(double[] ratios, List<ClassMeasures> perRatio, String[] classNames,
                                     FoundationOptions options) {
        Objects.requireNonNull(ratios, "ratios");
        Objects.requireNonNull(perRatio, "perRatio");
        Objects.requireNonNull(options, "options");
        if (ratios.length == 0 || ratios.length != perRatio.size()) {
            throw new IllegalArgumentException("need one averaged measure per ratio, got " + ratios.length
                    + " ratios and " + perRatio.size() + " measures");
        }
        int k = perRatio.get(0).numClasses();
        for (int j = 0; j < ratios.length; j++) {
            ClassMeasures m = perRatio.get(j);
            if (Double.compare(m.ratio(), ratios[j]) != 0 || m.numClasses() != k) {
                throw new IllegalArgumentException("measures " + j + " are for ratio " + m.ratio() + " with K = "
                        + m.numClasses() + ", expected ratio " + ratios[j] + " with K = " + k);
            }
        }
        if (classNames != null && classNames.length != k) {
            throw new IllegalArgumentException(classNames.length + " class names for " + k + " classes");
        }
        double[] x = new double[ratios.length];
        for (int j = 0; j < ratios.length; j++) {
            x[j] = 1 / ratios[j];
        }
        List<StepResult> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            String name = classNames == null ? Integer.toString(c) : classNames[c];
            double[] h = new double[ratios.length];
            for (int j = 0; j < ratios.length; j++) {
                ClassMeasures m = perRatio.get(j);
                h[j] = HypothesisSpace.h(m.scale(c), m.coverage(c), m.authenticity(c), m.richness(c));
            }
            double height = Envelope.fit(x, h, "class " + c + " (" + name + ")");
            double n = StepSizes.stepSize(height, options.delta(), options.epsilon());
            out.add(new StepResult(c, name, ratios, h, height, n));
        }
        return new Steps(out);
    }

    /** Number of classes K. */
    public int numClasses() {
        return classes.size();
    }

    /** H_c of every class. */
    public double[] heights() {
        return classes.stream().mapToDouble(StepResult::height).toArray();
    }

    /** n_c of every class. */
    public double[] stepSizes() {
        return classes.stream().mapToDouble(StepResult::stepSize).toArray();
    }

    /** One row per class: class, name, H, step size, then h at each ratio of the first class's sweep. */
    @Override
    public Table toTable() {
        return toSheet().toTable();
    }

    /** {@link #toTable()} before it becomes a table (CSV needs no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        int k = classes.size();
        List<Column<?>> columns = new ArrayList<>(List.of(
                IntColumn.create("class", classes.stream().mapToInt(StepResult::classIndex).toArray()),
                StringColumn.create("name", classes.stream().map(StepResult::className).toList()),
                Columns.doubles("H", heights(), Kind.RATIO),
                Columns.doubles("step size", stepSizes(), Kind.ITEMS)));
        double[] ratios = classes.get(0).ratios();
        for (int j = 0; j < ratios.length; j++) {
            double[] col = new double[k];
            for (int c = 0; c < k; c++) {
                col[c] = classes.get(c).h()[j];
            }
            columns.add(Columns.doubles("h@r=" + ratios[j], col, Kind.NUMBER));
        }
        return new Sheet("steps", columns);
    }

    @Override
    public String toString() {
        return "Steps[K = " + numClasses() + "]\n" + toSheet().render(TextTable.WIDTH);
    }
}
