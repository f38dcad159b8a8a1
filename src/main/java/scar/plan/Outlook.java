package scar.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import scar.evidence.Extrapolation;
import scar.evidence.Interval;
import scar.foundation.ScarProfile;
import scar.text.Format;

/**
 * What the held-out evidence says about a completion plan: why its default budget is what it is, and per class and
 * modality the recall the full-data probe has now and the gain its recall curve predicts from the items the plan
 * adds ({@link Extrapolation#gain}: 0 on a flat curve, NaN where no curve could be fitted).
 *
 * @param meaning      one sentence on what SCAR's shortfalls mean for this dataset (empty without a profile)
 * @param budgetReason one sentence on where the budget comes from
 * @param modalities   the modalities the gains are given for
 * @param recallNow    held-out recall of the full-data probe, {@code [modality][class]} (NaN without held-out items)
 * @param recallGain   predicted recall gain from the plan's items, {@code [modality][class]}
 * @param toAddOverSeeds with repeats, per class the items the same plan adds under each seed's step sizes (median,
 *                     min, max); empty for a single run
 */
public record Outlook(String meaning, String budgetReason, List<String> modalities, double[][] recallNow, double[][] recallGain,
                      List<Interval> toAddOverSeeds) {

    public Outlook {
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(budgetReason, "budgetReason");
        modalities = List.copyOf(modalities);
        recallNow = Arrays.stream(recallNow).map(double[]::clone).toArray(double[][]::new);
        recallGain = Arrays.stream(recallGain).map(double[]::clone).toArray(double[][]::new);
        toAddOverSeeds = List.copyOf(toAddOverSeeds);
        if (recallNow.length != modalities.size() || recallGain.length != modalities.size()) {
            throw new IllegalArgumentException("the outlook has recalls of " + recallNow.length + " and gains of "
                    + recallGain.length + " modalities for " + modalities.size() + " modalities " + modalities
                    + "; expected one row per modality");
        }
    }

    /**
     * Checks that every row speaks of {@code classes} classes, as the plan holding it does.
     *
     * @throws IllegalArgumentException naming the row that does not
     */
    void requireClasses(int classes) {
        for (int m = 0; m < modalities.size(); m++) {
            if (recallNow[m].length != classes || recallGain[m].length != classes) {
                throw new IllegalArgumentException("the outlook of modality '" + modalities.get(m) + "' has "
                        + recallNow[m].length + " recalls and " + recallGain[m].length + " gains for a plan of "
                        + classes + " classes; expected one per class");
            }
        }
        if (!toAddOverSeeds.isEmpty() && toAddOverSeeds.size() != classes) {
            throw new IllegalArgumentException("the outlook has the items added over seeds of "
                    + toAddOverSeeds.size() + " classes for a plan of " + classes + " classes");
        }
    }

    /** No evidence: a plan made from step sizes alone. */
    public static Outlook none(String budgetReason) {
        return new Outlook("", budgetReason, List.of(), new double[0][], new double[0][], List.of());
    }

    /** Whether any recall gain is known (none is without held-out items or with too few sizes for a curve). */
    public boolean hasGains() {
        return Arrays.stream(recallGain).flatMapToDouble(Arrays::stream).anyMatch(g -> !Double.isNaN(g));
    }

    /** The outlook of adding {@code toAdd[c]} items of every class to each profile's training items. */
    static Outlook of(String budgetReason, List<ScarProfile> profiles, int[] toAdd) {
        int k = toAdd.length;
        double[][] now = new double[profiles.size()][k];
        double[][] gain = new double[profiles.size()][k];
        for (int m = 0; m < profiles.size(); m++) {
            ScarProfile p = profiles.get(m);
            for (int c = 0; c < k; c++) {
                if (!p.evidence().hasCurve()) {
                    now[m][c] = Double.NaN;
                    gain[m][c] = Double.NaN;
                    continue;
                }
                Extrapolation recall = p.evidence().recalls().get(c);
                now[m][c] = recall.measured();
                gain[m][c] = recall.gain(recall.currentSize(), recall.currentSize() + toAdd[c]);
            }
        }
        ScarProfile first = profiles.get(0);
        double eps = first.options().foundation().epsilon();
        long shortfall = 0;
        int present = first.size();
        for (int c = 0; c < k; c++) {
            long most = 0;
            for (ScarProfile p : profiles) {
                most = Math.max(most, p.shortfalls()[c]);
            }
            shortfall += most;
        }
        String meaning = "SCAR's shortfall of " + Format.items(shortfall) + " items (" + Format.ratio((double) shortfall
                / present) + "× the " + Format.items(present) + " present) is set mostly by the constant 1/(2ε²) = "
                + Format.ratio(1 / (2 * eps * eps)) + " (ε = " + Format.number(eps) + "): it ranks classes, it is not "
                + "a shopping list";
        return new Outlook(meaning, budgetReason, profiles.stream().map(ScarProfile::modality).toList(), now, gain,
                List.of());
    }

    /** This outlook with the spread of the plan over the seeds of a repeated study. */
    Outlook withSpread(List<Interval> spread) {
        return new Outlook(meaning, budgetReason, modalities, recallNow, recallGain, spread);
    }

    /**
     * Per class, the items a plan with {@code budget} adds under each run's step sizes (the per-class maximum over
     * {@code profiles}, as for paired items) and class counts: median, min and max over runs; empty for one run.
     */
    static List<Interval> spread(List<ScarProfile> profiles, long budget) {
        int runs = profiles.get(0).repeats().runs();
        if (runs < 2) {
            return List.of();
        }
        String[] names = profiles.get(0).classNames();
        int k = names.length;
        double[][] added = new double[k][runs];
        for (int r = 0; r < runs; r++) {
            double[] steps = profiles.get(0).repeats().stepSizes()[r];
            for (ScarProfile p : profiles.subList(1, profiles.size())) {
                double[] other = p.repeats().stepSizes()[r];
                for (int c = 0; c < k; c++) {
                    steps[c] = Math.max(steps[c], other[c]);
                }
            }
            int[] counts = profiles.get(0).repeats().classCounts()[r];
            int[] toAdd = CompletionPlan.of(names, steps, counts, null, (int) Math.min(Integer.MAX_VALUE, budget))
                    .toAdd();
            for (int c = 0; c < k; c++) {
                added[c][r] = toAdd[c];
            }
        }
        return Arrays.stream(added).map(Interval::medianRange).toList();
    }

    @Override
    public double[][] recallNow() {
        return Arrays.stream(recallNow).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[][] recallGain() {
        return Arrays.stream(recallGain).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outlook x && meaning.equals(x.meaning) && budgetReason.equals(x.budgetReason) && modalities.equals(x.modalities)
                && Arrays.deepEquals(recallNow, x.recallNow) && Arrays.deepEquals(recallGain, x.recallGain)
                && toAddOverSeeds.equals(x.toAddOverSeeds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(budgetReason, modalities, Arrays.deepHashCode(recallGain));
    }
}
