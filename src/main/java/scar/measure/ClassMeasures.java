package scar.measure;

import scar.text.Stored;
import scar.text.TextTable;
import scar.text.Format;
import scar.text.Columns.Kind;
import scar.text.Columns;
import java.util.Arrays;
import scar.data.Tabular;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The SCAR measures of one probe run, or the per-class mean over the repeats of one ratio (SPEC §3, §4): for every
 * class c = 0..K−1 its Scale, Coverage, Authenticity and Richness, plus the run's multi-class training accuracy.
 *
 * <p>Every array has K entries. Values lie in [0, 1], except that Coverage is NaN for a {@link MeasureVariant#V1}
 * class whose Coverage branch held a single value or constant values. The arrays are copied on the way in and on
 * the way out, so an instance never changes.
 *
 * @param ratio        the subsampling ratio r ≥ 1 of the run
 * @param scale        S_c = ((n − |A|)/n)/r
 * @param coverage     C_c = mean of 1 − JSD over the non-empty Coverage branches, 0 if both are empty
 * @param authenticity A_c = one-vs-rest accuracy of class c over all n items
 * @param richness     R_c, see {@link Measures}
 * @param accuracy     multi-class training accuracy mean(p = y)
 */
public record ClassMeasures(@Stored(min = 1) double ratio, @Stored(min = 0, max = 1) double[] scale,
                            @Stored(min = 0, max = 1, undefined = true) double[] coverage,
                            @Stored(min = 0, max = 1) double[] authenticity,
                            @Stored(min = 0, max = 1) double[] richness,
                            @Stored(min = 0, max = 1) double accuracy) implements Tabular {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the ratio is not finite and ≥ 1, the arrays are empty or differ in
     *                                  length, or a value lies outside [0, 1] (NaN is allowed)
     */
    public ClassMeasures {
        if (!(ratio >= 1) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("ratio must be finite and >= 1, got " + ratio);
        }
        scale = checked("scale", scale, -1);
        int k = scale.length;
        if (k == 0) {
            throw new IllegalArgumentException("measures need at least one class, got 0");
        }
        coverage = checked("coverage", coverage, k);
        authenticity = checked("authenticity", authenticity, k);
        richness = checked("richness", richness, k);
        checkUnit("accuracy", accuracy);
    }

    private static double[] checked(String name, double[] values, int expectedLength) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (expectedLength >= 0 && values.length != expectedLength) {
            throw new IllegalArgumentException(name + " has " + values.length + " classes, expected " + expectedLength
                    + " like scale");
        }
        for (int c = 0; c < values.length; c++) {
            checkUnit(name + " of class " + c, values[c]);
        }
        return values.clone();
    }

    private static void checkUnit(String what, double v) {
        if (v < 0 || v > 1) {
            throw new IllegalArgumentException(what + " must lie in [0, 1], got " + v);
        }
    }

    /** Number of classes K. */
    public int numClasses() {
        return scale.length;
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public double[] coverage() {
        return coverage.clone();
    }

    @Override
    public double[] authenticity() {
        return authenticity.clone();
    }

    @Override
    public double[] richness() {
        return richness.clone();
    }

    /** Scale of class c, without copying the array. */
    public double scale(int c) {
        return scale[c];
    }

    /** Coverage of class c, without copying the array. */
    public double coverage(int c) {
        return coverage[c];
    }

    /** Authenticity of class c, without copying the array. */
    public double authenticity(int c) {
        return authenticity[c];
    }

    /** Richness of class c, without copying the array. */
    public double richness(int c) {
        return richness[c];
    }

    /** One row per class: class, scale, coverage, authenticity, richness. */
    @Override
    public Table toTable() {
        int[] classes = new int[numClasses()];
        Arrays.setAll(classes, c -> c);
        return Table.create("measures at ratio " + Format.number(ratio),
                IntColumn.create("class", classes),
                Columns.doubles("scale", scale, Kind.SHARE),
                Columns.doubles("coverage", coverage, Kind.SHARE),
                Columns.doubles("authenticity", authenticity, Kind.SHARE),
                Columns.doubles("richness", richness, Kind.SHARE));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassMeasures m
                && Double.compare(ratio, m.ratio) == 0
                && Double.compare(accuracy, m.accuracy) == 0
                && Arrays.equals(scale, m.scale)
                && Arrays.equals(coverage, m.coverage)
                && Arrays.equals(authenticity, m.authenticity)
                && Arrays.equals(richness, m.richness);
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(ratio) * 31 + Double.hashCode(accuracy);
        h = h * 31 + Arrays.hashCode(scale);
        h = h * 31 + Arrays.hashCode(coverage);
        h = h * 31 + Arrays.hashCode(authenticity);
        return h * 31 + Arrays.hashCode(richness);
    }

    /** A header line and the per-class table. */
    @Override
    public String toString() {
        return "ClassMeasures[K=" + numClasses() + ", ratio=" + Format.number(ratio) + ", accuracy="
                + Format.share(accuracy) + "]\n" + TextTable.render(toTable(), TextTable.WIDTH);
    }
}
