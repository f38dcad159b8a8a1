package scar.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import scar.evidence.Extrapolation;
import scar.foundation.ScarProfile;

/**
 * What the held-out evidence says about a completion plan: why its default budget is what it is, and per class and
 * modality the recall the full-data probe has now and the gain its recall curve predicts from the items the plan
 * adds ({@link Extrapolation#gain}: 0 on a flat curve, NaN where no curve could be fitted).
 *
 * @param budgetReason one sentence on where the budget comes from
 * @param modalities   the modalities the gains are given for
 * @param recallNow    held-out recall of the full-data probe, {@code [modality][class]} (NaN without held-out items)
 * @param recallGain   predicted recall gain from the plan's items, {@code [modality][class]}
 */
public record Outlook(String budgetReason, List<String> modalities, double[][] recallNow, double[][] recallGain) {

    public Outlook {
        Objects.requireNonNull(budgetReason, "budgetReason");
        modalities = List.copyOf(modalities);
        recallNow = Arrays.stream(recallNow).map(double[]::clone).toArray(double[][]::new);
        recallGain = Arrays.stream(recallGain).map(double[]::clone).toArray(double[][]::new);
    }

    /** No evidence: a plan made from step sizes alone. */
    public static Outlook none(String budgetReason) {
        return new Outlook(budgetReason, List.of(), new double[0][], new double[0][]);
    }

    /** Whether recall gains are known. */
    public boolean hasGains() {
        return !modalities.isEmpty();
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
        return new Outlook(budgetReason, profiles.stream().map(ScarProfile::modality).toList(), now, gain);
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
        return o instanceof Outlook x && budgetReason.equals(x.budgetReason) && modalities.equals(x.modalities)
                && Arrays.deepEquals(recallNow, x.recallNow) && Arrays.deepEquals(recallGain, x.recallGain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(budgetReason, modalities, Arrays.deepHashCode(recallGain));
    }
}
