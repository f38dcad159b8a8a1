package scar.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import scar.data.Tabular;
import scar.text.Columns;
import scar.text.Columns.Kind;
import scar.text.Format;
import scar.text.Text;
import scar.text.Sheet;
import scar.text.TextTable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Which modality falls short, by SCAR and by the held-out evidence, side by side (docs/SPEC.md §10.5).
 *
 * <p>SCAR's bottleneck of a class is the modality with the largest shortfall (SPEC §7); of the dataset, the modality
 * with the largest foundation size. The evidence's weaker modality of a class is the one whose full-data probe
 * recalls the class's held-out items worst — named only when its recall is below every other modality's by more than
 * twice the standard error of the difference, √(v₁/N + v₂/N) over the class's N held-out items with
 * v = max(p(1−p), 1/N) (the floor of the learning curve's weights: without it recalls of 0 and 1 have no error, and
 * one held-out item named a modality); otherwise the evidence is "unclear". Of the dataset, likewise by held-out accuracy. The modality "still rising" is
 * the one whose recall curve predicts the largest gain from doubling the class (at least half the tolerance), if any.
 *
 * @param modalities  modality names
 * @param classNames  class names
 * @param bottlenecks SCAR's bottleneck modality index per class, −1 when the class is saturated everywhere
 * @param scarWeakest SCAR's bottleneck modality of the dataset (largest N_F)
 * @param recalls     held-out recall of the full-data probe, {@code [modality][class]}
 * @param support     held-out items per class
 * @param gains       predicted recall gain from doubling each class, {@code [modality][class]} (NaN unknown)
 * @param accuracies  held-out accuracy of each modality's full-data probe
 * @param heldOut     held-out items
 * @param tolerance   the evidence's tolerance
 */
public record ModalityAgreement(List<String> modalities, List<String> classNames, int[] bottlenecks, int scarWeakest,
                                double[][] recalls, int[] support, double[][] gains, double[] accuracies,
                                int heldOut, double tolerance) implements Tabular {

    /** Marks an index that names no modality. */
    public static final int NONE = -1;
    /** Marks a comparison the evidence cannot decide. */
    public static final int UNCLEAR = -2;

    public ModalityAgreement {
        modalities = List.copyOf(modalities);
        classNames = List.copyOf(classNames);
        bottlenecks = bottlenecks.clone();
        recalls = Arrays.stream(recalls).map(double[]::clone).toArray(double[][]::new);
        support = support.clone();
        gains = Arrays.stream(gains).map(double[]::clone).toArray(double[][]::new);
        accuracies = accuracies.clone();
        Objects.requireNonNull(modalities, "modalities");
        int m = modalities.size();
        int k = classNames.size();
        boolean shaped = bottlenecks.length == k && support.length == k && accuracies.length == m
                && recalls.length == m && gains.length == m && scarWeakest >= 0 && scarWeakest < m;
        for (int i = 0; shaped && i < m; i++) {
            shaped = recalls[i].length == k && gains[i].length == k;
        }
        for (int c = 0; shaped && c < k; c++) {
            shaped = bottlenecks[c] >= NONE && bottlenecks[c] < m;
        }
        if (!shaped) {
            throw new IllegalArgumentException("the modality agreement of " + m + " modalities and " + k
                    + " classes does not fit together: expected per class a bottleneck (a modality's index, or -1) "
                    + "and the held-out items, per modality an accuracy and a recall and a gain per class, and a "
                    + "dataset bottleneck among the modalities");
        }
    }

    /** The modality whose recall of class c is clearly the lowest, {@link #UNCLEAR}, or {@link #NONE} with one. */
    public int weaker(int c) {
        double[] p = new double[modalities.size()];
        for (int m = 0; m < p.length; m++) {
            p[m] = recalls[m][c];
        }
        return clearlyLowest(p, support[c]);
    }

    /** The modality whose held-out accuracy is clearly the lowest, {@link #UNCLEAR} or {@link #NONE}. */
    public int weakerOverall() {
        return clearlyLowest(accuracies, heldOut);
    }

    /** The modality whose recall curve of class c predicts the largest gain from doubling the class, or NONE. */
    public int stillRising(int c) {
        int best = NONE;
        double top = tolerance / 2;
        for (int m = 0; m < modalities.size(); m++) {
            if (gains[m][c] >= top) {
                top = gains[m][c];
                best = m;
            }
        }
        return best;
    }

    /** Whether SCAR's bottleneck of class c is the evidence's weaker modality; null when either names none. */
    public Boolean agrees(int c) {
        int w = weaker(c);
        if (w < 0 || bottlenecks[c] < 0) {
            return null;
        }
        return w == bottlenecks[c];
    }

    /** Whether SCAR's weakest modality (largest N_F) is the one with the clearly lowest accuracy; null if unclear. */
    public Boolean agreesOverall() {
        int w = weakerOverall();
        return w < 0 ? null : w == scarWeakest;
    }

    private static int clearlyLowest(double[] p, int n) {
        if (p.length < 2 || n <= 0) {
            return NONE;
        }
        int low = lowest(p);
        return Double.isNaN(p[low]) || !within(p, n, low).isEmpty() ? UNCLEAR : low;
    }

    /** The index of the smallest of {@code p} (the first of equals; 0 if {@code p[0]} is NaN). */
    private static int lowest(double[] p) {
        int low = 0;
        for (int m = 1; m < p.length; m++) {
            if (p[m] < p[low]) {
                low = m;
            }
        }
        return low;
    }

    /** The others whose value exceeds {@code p[low]} by no more than twice the standard error of the difference. */
    private static List<Integer> within(double[] p, int n, int low) {
        List<Integer> close = new ArrayList<>();
        for (int m = 0; m < p.length; m++) {
            if (m == low || Double.isNaN(p[m])) {
                continue;
            }
            double se = Math.sqrt((binomialVariance(p[low], n) + binomialVariance(p[m], n)) / n);
            if (!(p[m] - p[low] > 2 * se)) {
                close.add(m);
            }
        }
        return close;
    }

    /**
     * p(1 − p), floored at 1/n as the learning curve's weights are (docs/SPEC.md §10.3): at p = 0 or 1 the plain
     * product is 0, and one held-out item, recalled by one modality and missed by the other, would be a "clear"
     * difference.
     */
    private static double binomialVariance(double p, int n) {
        return Math.max(p * (1 - p), 1.0 / n);
    }

    /** Classes where SCAR and the evidence name different modalities. */
    public List<String> disagreements() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            if (Boolean.FALSE.equals(agrees(c))) {
                out.add(classNames.get(c));
            }
        }
        return out;
    }

    /** Classes where the evidence names a weaker modality. */
    public int decided() {
        int n = 0;
        for (int c = 0; c < classNames.size(); c++) {
            n += weaker(c) >= 0 ? 1 : 0;
        }
        return n;
    }

    /** What a person should read first: which modality is weaker by each account, and whether they agree. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        int w = weakerOverall();
        String accs = accuracyList();
        // of two modalities one is "the weaker"; of more, "the weakest", and an unclear lowest is not "no weaker"
        boolean two = modalities.size() == 2;
        String weakest = two ? "weaker" : "weakest";
        int low = lowest(accuracies);
        // the others within two standard errors of the lowest: of three or more modalities with held-out items
        List<Integer> close = two || heldOut <= 0 || Double.isNaN(accuracies[low]) ? List.of()
                : within(accuracies, heldOut, low);
        if (w >= 0) {
            sb.append("Held-out evidence: ").append(modalities.get(w)).append(" is the ").append(weakest)
                    .append(" modality (accuracy ").append(accs).append("). ");
        } else if (close.isEmpty()) {
            sb.append("Held-out evidence: no modality is clearly weaker (accuracy ").append(accs).append("). ");
        } else {
            List<String> others = new ArrayList<>();
            for (int m = 0; m < modalities.size(); m++) {
                if (m != low && !close.contains(m)) {
                    others.add(accuracyOf(m));
                }
            }
            sb.append("Held-out evidence: no single modality is clearly the weakest: ").append(modalities.get(low))
                    .append(" has the lowest accuracy, ").append(Format.share(accuracies[low])).append(", but ")
                    .append(String.join(" and ", close.stream().map(this::accuracyOf).toList()))
                    .append(close.size() == 1 ? " is" : " are").append(" within two standard errors of it")
                    .append(others.isEmpty() ? "" : " (" + String.join(", ", others) + ")").append(". ");
        }
        sb.append("SCAR's bottleneck (largest N_F) is ").append(modalities.get(scarWeakest));
        Boolean overall = agreesOverall();
        sb.append(overall == null ? "." : overall ? ": they agree." : ": they DISAGREE — trust the held-out "
                + "evidence for which modality to improve.");
        int decided = decided();
        List<String> differ = disagreements();
        sb.append(String.format(Locale.ROOT, " Per class, the evidence names %s modality for %d of %d classes",
                two ? "a weaker" : "the weakest", decided, classNames.size()));
        // of those, SCAR names none where the class is saturated in every modality: neither agreement nor not
        int named = 0;
        int agreeing = 0;
        for (int c = 0; c < classNames.size(); c++) {
            named += weaker(c) >= 0 && bottlenecks[c] >= 0 ? 1 : 0;
            agreeing += Boolean.TRUE.equals(agrees(c)) ? 1 : 0;
        }
        List<String> parts = new ArrayList<>();
        if (decided > 0 && named == decided) {
            parts.add(differ.isEmpty() ? "SCAR agrees on all of them" : "SCAR names another modality for "
                    + listed(differ));
        } else if (decided > 0) {
            if (agreeing > 0) {
                parts.add("SCAR agrees on " + agreeing);
            }
            if (!differ.isEmpty()) {
                parts.add((parts.isEmpty() ? "SCAR " : "") + "names another modality for " + listed(differ));
            }
            if (named < decided) {
                parts.add((parts.isEmpty() ? "SCAR " : "") + "names none for " + (decided - named)
                        + " (saturated in every modality)");
            }
        }
        sb.append(parts.isEmpty() ? "." : "; " + String.join("; ", parts) + ".");
        return sb.toString();
    }

    /** "2: a, b", at most six names. */
    private static String listed(List<String> names) {
        return names.size() + ": " + String.join(", ", names.subList(0, Math.min(names.size(), 6)))
                + (names.size() > 6 ? ", …" : "");
    }

    private String accuracyList() {
        List<String> parts = new ArrayList<>();
        for (int m = 0; m < modalities.size(); m++) {
            parts.add(accuracyOf(m));
        }
        return String.join(" vs ", parts);
    }

    /** "text 0.675": a modality and its held-out accuracy. */
    private String accuracyOf(int m) {
        return modalities.get(m) + " " + Format.share(accuracies[m]);
    }

    private String name(int m) {
        return m == NONE ? "none" : m == UNCLEAR ? "unclear" : modalities.get(m);
    }

    /**
     * One row per class: SCAR's bottleneck, each modality's held-out recall, the evidence's weaker modality, the
     * modality still rising, and whether SCAR agrees ("yes", "no", or "n/a" when either names none).
     */
    @Override
    public Table toTable() {
        return toSheet().toTable();
    }

    /** {@link #toTable()} before it becomes a table (printing and CSV need no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        List<Column<?>> columns = new ArrayList<>();
        columns.add(StringColumn.create("class", classNames));
        columns.add(StringColumn.create("scar_bottleneck", Arrays.stream(bottlenecks).mapToObj(this::name)));
        for (int m = 0; m < modalities.size(); m++) {
            columns.add(Columns.doubles("recall_" + modalities.get(m), recalls[m], Kind.SHARE));
        }
        StringColumn weaker = StringColumn.create("evidence_weaker");
        StringColumn rising = StringColumn.create("still_rising");
        StringColumn agrees = StringColumn.create("agrees");
        for (int c = 0; c < classNames.size(); c++) {
            weaker.append(name(weaker(c)));
            rising.append(name(stillRising(c)));
            Boolean a = agrees(c);
            agrees.append(a == null ? "n/a" : a ? "yes" : "no");
        }
        columns.addAll(List.of(weaker, rising, agrees));
        return new Sheet("which modality falls short: SCAR vs held-out evidence", columns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModalityAgreement a && modalities.equals(a.modalities) && classNames.equals(a.classNames)
                && Arrays.equals(bottlenecks, a.bottlenecks) && scarWeakest == a.scarWeakest
                && Arrays.deepEquals(recalls, a.recalls) && Arrays.equals(support, a.support)
                && Arrays.deepEquals(gains, a.gains) && Arrays.equals(accuracies, a.accuracies)
                && heldOut == a.heldOut && Double.compare(tolerance, a.tolerance) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(modalities, classNames, Arrays.hashCode(bottlenecks), Arrays.hashCode(accuracies));
    }

    /** The summary, wrapped, and the per-class table. */
    @Override
    public String toText(int width) {
        return Text.wrap(summary(), width, "", "") + toSheet().render(width);
    }

    @Override
    public String toString() {
        return toText(TextTable.WIDTH);
    }
}
