package scar.foundation;

import scar.text.Stored;
import scar.text.TextTable;
import scar.text.Format;
import scar.text.Columns.Kind;
import scar.text.Columns;
import java.util.Arrays;
import java.util.Objects;
import scar.data.Tabular;
import tech.tablesaw.api.Table;

/**
 * One class's step (SPEC §5.1–5.3): its h at every ratio of the sweep, the envelope height H over x = 1/r, and the
 * step size n = ln(H/δ)/(2ε²).
 *
 * @param classIndex class id c
 * @param className  display name of the class
 * @param ratios     the sweep's ratios r (copied in and out)
 * @param h          h at each ratio; NaN or 0 where the point was not usable (copied in and out)
 * @param height     H, the envelope height
 * @param stepSize   n_c
 */
public record StepResult(@Stored(min = 0) int classIndex, String className, @Stored(min = 1) double[] ratios,
                         @Stored(undefined = true) double[] h, @Stored double height, @Stored double stepSize)
        implements Tabular {

    /** Copies the arrays. @throws IllegalArgumentException if they differ in length */
    public StepResult {
        Objects.requireNonNull(className, "className");
        ratios = Objects.requireNonNull(ratios, "ratios").clone();
        h = Objects.requireNonNull(h, "h").clone();
        if (ratios.length != h.length) {
            throw new IllegalArgumentException("class " + classIndex + ": " + ratios.length + " ratios but "
                    + h.length + " h values");
        }
    }

    @Override
    public double[] ratios() {
        return ratios.clone();
    }

    @Override
    public double[] h() {
        return h.clone();
    }

    /** One row per ratio: ratio, x = 1/r, h. */
    @Override
    public Table toTable() {
        double[] x = new double[ratios.length];
        Arrays.setAll(x, j -> 1 / ratios[j]);
        return Table.create("step of " + className, Columns.doubles("ratio", ratios, Kind.NUMBER),
                Columns.doubles("x", x, Kind.RATIO), Columns.doubles("h", h, Kind.NUMBER));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepResult s && classIndex == s.classIndex && className.equals(s.className)
                && Arrays.equals(ratios, s.ratios) && Arrays.equals(h, s.h)
                && Double.compare(height, s.height) == 0 && Double.compare(stepSize, s.stepSize) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classIndex, className, Arrays.hashCode(ratios), Arrays.hashCode(h), height, stepSize);
    }

    @Override
    public String toString() {
        return "StepResult[class " + classIndex + " (" + className + "), H = " + Format.ratio(height)
                + ", step size = " + Format.items(stepSize) + "]\n" + TextTable.render(toTable(), TextTable.WIDTH);
    }
}
