package scar.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import scar.data.Tabular;
import scar.evidence.ModalityAgreement;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarProfile;
import scar.text.Text;
import scar.text.Sheet;
import scar.text.TextTable;
import tech.tablesaw.api.Table;

/**
 * The completion plan of a profiled multi-modal dataset (SPEC §6–7): per modality, what each class lacks against its
 * step size in that modality; per class, the bottleneck modality; and the paired plan — a paired item serves every
 * modality, so a class needs the largest of its modalities' shortfalls.
 *
 * @param profile     the dataset profile the plan was made from
 * @param bias        the generalisation bias across modalities (step sizes, foundation sizes, bottlenecks)
 * @param paired      the plan for acquiring paired items: per class the largest shortfall over modalities
 * @param perModality the plan of each modality on its own, in the bias's modality order
 * @param agreement   SCAR's bottleneck beside the held-out evidence, when there are several modalities and held-out
 *                    items
 */
public record MultiModalPlan(DatasetProfile profile, ModalityBias bias, CompletionPlan paired,
                             List<CompletionPlan> perModality, Optional<ModalityAgreement> agreement)
        implements Tabular {

    public MultiModalPlan {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(bias, "bias");
        Objects.requireNonNull(paired, "paired");
        perModality = List.copyOf(perModality);
        Objects.requireNonNull(agreement, "agreement");
    }

    /**
     * The plan of a dataset profile without a reserve: the answer is what to acquire.
     *
     * @param budget at most this many paired items in total, or {@code null} for the budget the held-out evidence
     *               supports: per modality its {@link CompletionPlan#of(ScarProfile, Integer) default}, and for paired
     *               items the largest of them (a paired item serves every modality)
     */
    public static MultiModalPlan of(DatasetProfile profile, Integer budget) {
        ModalityBias bias = biasOf(profile);
        List<CompletionPlan> each = profile.modalities().stream().map(p -> CompletionPlan.of(p, budget)).toList();
        Integer pairedBudget = budget;
        String reason = budget != null ? "budget " + scar.text.Format.items(budget) + " paired items (given)" : null;
        if (budget == null) {
            List<EvidenceBudget> budgets = profile.modalities().stream().map(EvidenceBudget::of).toList();
            if (budgets.stream().allMatch(b -> b.budget() >= 0)) {
                int m = 0;
                for (int j = 1; j < budgets.size(); j++) {
                    m = budgets.get(j).budget() > budgets.get(m).budget() ? j : m;
                }
                pairedBudget = (int) Math.min(Integer.MAX_VALUE, budgets.get(m).budget());
                reason = (budgets.size() > 1 ? "paired items serve every modality, so the largest modality budget ("
                        + bias.modalities().get(m) + "): " : "") + budgets.get(m).reason();
            } else {
                reason = "default budget: the whole paired shortfall (a modality has no learning curve to size a "
                        + "realistic budget)";
            }
        }
        CompletionPlan paired = bias.pairedPlan(null, pairedBudget);
        paired = paired.withOutlook(Outlook.of(reason, profile.modalities(), paired.toAdd())
                .withSpread(Outlook.spread(profile.modalities(), paired.budget())), budget == null);
        return new MultiModalPlan(profile, bias, paired, each, profile.agreement());
    }

    private static final String JSON_WHAT = "a SCAR completion plan (the plan.json that 'scar plan -o' or "
            + "save(plan, path) writes)";

    /**
     * A plan read back from its JSON ({@code scar plan -o}, or {@code save(plan, file.json)}), with its profile, every
     * number exactly as it was. The dataset is not in the file: evaluate the plan with {@code evaluate(dataset)}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong when it is not such a plan
     */
    public static MultiModalPlan read(java.nio.file.Path file) {
        com.google.gson.JsonObject json = scar.text.Json.readObject(file, JSON_WHAT);
        scar.text.Json.member(json, "paired", file, JSON_WHAT);
        MultiModalPlan p = scar.text.Json.fromTree(json, MultiModalPlan.class, file, JSON_WHAT);
        // rebuilt through the constructor, which the reflective reading of the class bypasses
        DatasetProfile profile = new DatasetProfile(scar.text.Json.member(json.getAsJsonObject("profile"),
                "dataset", file, JSON_WHAT).getAsString(), p.profile().modalities(), null);
        return new MultiModalPlan(profile, p.bias(), p.paired(), p.perModality(), p.agreement());
    }

    /** The generalisation bias of a dataset profile: its modalities share the items and the class counts. */
    public static ModalityBias biasOf(DatasetProfile profile) {
        List<ScarProfile> ps = profile.modalities();
        ScarProfile first = ps.get(0);
        return ModalityBias.of(ps.stream().map(ScarProfile::modality).toArray(String[]::new), first.classNames(),
                ps.stream().map(ScarProfile::stepSizes).toArray(double[][]::new),
                ps.stream().mapToDouble(ScarProfile::foundationSize).toArray(), first.classCounts());
    }

    /** Paired items to acquire per class. */
    public int[] toAdd() {
        return paired.toAdd();
    }

    /** The plan of one modality. */
    public CompletionPlan modality(String name) {
        int m = bias.modalities().indexOf(name);
        if (m < 0) {
            throw new IllegalArgumentException("no modality '" + name + "', expected one of " + bias.modalities());
        }
        return perModality.get(m);
    }

    /** One row per class: present items, per modality step size and shortfall, bottleneck, paired shortfall. */
    @Override
    public Table toTable() {
        return bias.toTable();
    }

    /** {@link #toTable()} before it becomes a table (CSV needs no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        return bias.toSheet();
    }

    /** The paired plan, the per-class table across modalities, one row per modality, then SCAR vs the evidence. */
    @Override
    public List<Table> tables() {
        List<Table> out = new java.util.ArrayList<>(List.of(paired.toTable(), bias.toTable(), bias.modalityTable()));
        agreement.ifPresent(a -> out.add(a.toTable()));
        return out;
    }

    /**
     * The paired plan, the shortfall of every class in every modality with its bottleneck, the modalities side by
     * side, and SCAR beside the held-out evidence.
     */
    @Override
    public String toText(int width) {
        return Text.wrap("Completion plan for paired items (each class reaches its largest step size over "
                + bias.modalities() + ")", width, "", "  ") + paired.toText(width) + "\n"
                + Text.wrap("Shortfall per modality and the bottleneck of each class (toTable() adds step sizes and "
                + "deviations)", width, "", "  ") + shortfalls().render(width) + "\n"
                + bias.modalitySheet().render(width)
                + agreement.map(a -> "\n" + a.toText(width)).orElse("");
    }

    @Override
    public String toString() {
        return toText(TextTable.WIDTH);
    }

    /** One row per class: present items, the shortfall in each modality, the bottleneck and the paired shortfall. */
    public Table shortfallTable() {
        return shortfalls().toTable();
    }

    /** {@link #shortfallTable()} before it becomes a table (printing it needs no Tablesaw {@code Table}). */
    private Sheet shortfalls() {
        List<String> keep = new java.util.ArrayList<>(List.of("class", "present"));
        bias.modalities().forEach(m -> keep.add("shortfall_" + m));
        keep.add("bottleneck");
        keep.add("paired_shortfall");
        return bias.toSheet().select(keep.toArray(String[]::new)).titled("shortfall by class");
    }
}
