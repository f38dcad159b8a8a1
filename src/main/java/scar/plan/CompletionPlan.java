package scar.plan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import scar.data.Tabular;
import scar.evidence.Interval;
import scar.foundation.ScarProfile;
import scar.text.Columns;
import scar.text.Columns.Kind;
import scar.text.Format;
import scar.text.Stored;
import scar.text.Text;
import scar.text.Sheet;
import scar.text.Shortest;
import scar.text.TextTable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How many items of each class to add so that every class reaches its step size (SPEC §6, steps 3–6).
 *
 * <p>For class c with step size n_c and |P_c| items present:
 * <ol>
 *   <li><b>Shortfall</b> d_c = ⌈max(0, n_c − |P_c|)⌉, an integer. The step size is a real threshold ("at least n_c
 *       items"), so reaching it takes ⌈n_c⌉ items; SPEC §6 writes the real-valued max(0, n_c − |P_c|). Rounding up
 *       once, here, makes every later number an item count: the weights below are ratios of integers, the plan
 *       without a reserve is exactly d_c, and "saturated" means exactly n_c ≤ |P_c| (d_c = 0).</li>
 *   <li><b>Weights</b> w_c = d_c / Σ d over the <em>receiving</em> classes (see the deviation below).
 *       If Σ d = 0 every class is saturated and the plan adds nothing.</li>
 *   <li><b>Budget</b> B: the given one, else the whole reserve Σ|Q_c|, else (no reserve) the total shortfall Σ d.</li>
 *   <li><b>Feasible total</b> T* = min(B, min over receiving c of cap_c / w_c), with cap_c = min(|Q_c|, d_c) when
 *       there is a reserve and cap_c = d_c when there is none.</li>
 *   <li><b>Items to add</b> ⌊T* · w_c⌋. T* is computed as an exact fraction (B/1 or cap_j·Σd/d_j), so ⌊T*·w_c⌋ has
 *       no floating-point rounding: a product that is an integer in exact arithmetic is never floored to one less.
 *       </li>
 * </ol>
 *
 * <p><b>Without a reserve</b> ({@code reserve == null}) the plan is the answer: with the default budget every class
 * gets its shortfall d_c (items to acquire); with a smaller budget the budget is split in proportion to the
 * shortfalls, rounded down.
 *
 * <p><b>Deviation: a class whose reserve is empty.</b> Literally, a class with w_c &gt; 0 and |Q_c| = 0 makes
 * T* = 0, so one empty class would stop the whole fill. Such a class can receive nothing whatever T* is, so here it is
 * marked {@link Status#RESERVE_EMPTY}, its full shortfall stays in {@link ClassPlan#remaining()} (to acquire
 * elsewhere), and the weights and T* are computed over the other classes with a shortfall (the receiving classes).
 * Their mutual proportions are those of the literal formula; only the share the empty class would have taken is
 * spent on them instead of being left unused. A class with a small but non-empty reserve still caps T* as SPEC §6
 * says.
 *
 * @param classes        one entry per class, in the order given
 * @param withReserve    whether a reserve was given (false: the plan lists items to acquire)
 * @param budget         the budget B used (given, or the default)
 * @param defaultBudget  whether B is the default rather than a given budget
 * @param feasibleTotal  T* (0 when nothing is needed or nothing can be received)
 * @param limit          what bounds T*: "nothing needed", "no class can receive items", "budget", "shortfall"
 *                       (everything needed fits) or "reserve of class 'x'"
 * @param outlook        the held-out evidence on this plan: where its budget comes from and the recall gain its
 *                       items are predicted to bring ({@link Outlook#none} for a plan made from step sizes alone)
 */
public record CompletionPlan(List<ClassPlan> classes, boolean withReserve, long budget, boolean defaultBudget,
                             double feasibleTotal, String limit, Outlook outlook) implements Tabular {

    /** Where a class stands after the plan. */
    public enum Status {
        /** n_c ≤ |P_c|: nothing to add. */
        SATURATED,
        /** The whole shortfall is added. */
        FILLED,
        /** Part of the shortfall is added (the budget or a reserve bounds the fill). */
        PARTIAL,
        /** A shortfall, but nothing is added (budget 0, or the share rounds down to 0). */
        UNFILLED,
        /** A shortfall and an empty reserve: nothing can be taken; acquire {@code remaining} items elsewhere. */
        RESERVE_EMPTY
    }

    /**
     * The plan for one class.
     *
     * @param className class name
     * @param stepSize  n_c
     * @param present   |P_c|
     * @param shortfall d_c = ⌈max(0, n_c − |P_c|)⌉
     * @param weight    w_c used by the fill (0 for saturated and reserve-empty classes)
     * @param reserve   |Q_c|, or −1 without a reserve
     * @param toAdd     ⌊T*·w_c⌋: items to take from the reserve, or to acquire without one
     * @param status    where the class stands
     */
    public record ClassPlan(String className, @Stored double stepSize, @Stored(min = 0) int present,
                            @Stored(min = 0) long shortfall, @Stored(min = 0, max = 1) double weight, int reserve,
                            @Stored(min = 0, max = Integer.MAX_VALUE) long toAdd, Status status) {
        /** As {@code Record.toString}, with the doubles written the same on every JDK ({@link Shortest}). */
        @Override
        public String toString() {
            return Shortest.record(this);
        }

        public ClassPlan {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(status, "status");
        }

        /** Shortfall left after this plan: d_c − toAdd. */
        public long remaining() {
            return shortfall - toAdd;
        }

        /** Whether the class needs nothing (n_c ≤ |P_c|). */
        public boolean saturated() {
            return status == Status.SATURATED;
        }
    }

    public CompletionPlan {
        classes = List.copyOf(classes);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(outlook, "outlook");
        outlook.requireClasses(classes.size());
    }

    /**
     * The plan of one profiled modality: what to acquire. With {@code budget == null} the budget is the one the
     * held-out evidence supports ({@link EvidenceBudget}), not the whole shortfall; the plan carries the predicted
     * recall gain of its items per class.
     *
     * @throws IllegalArgumentException if the budget is negative
     */
    public static CompletionPlan of(ScarProfile profile, Integer budget) {
        Objects.requireNonNull(profile, "profile");
        EvidenceBudget realistic = EvidenceBudget.of(profile);
        Integer chosen = budget != null ? budget : realistic.budget() < 0 ? null
                : (int) Math.min(Integer.MAX_VALUE, realistic.budget());
        CompletionPlan plan = of(profile.classNames(), profile.stepSizes(), profile.classCounts(), null, chosen);
        String reason = budget != null ? "budget " + Format.items(budget) + " items (given)" : realistic.reason();
        Outlook outlook = Outlook.of(reason, List.of(profile), plan.toAdd())
                .withSpread(Outlook.spread(List.of(profile), plan.budget()));
        return plan.withOutlook(outlook, budget == null);
    }

    /**
     * A one-modality plan read back from its JSON ({@code save(plan, file.json)}), every number exactly as it was.
     *
     * @throws IllegalArgumentException naming the file and what is wrong when it is not such a plan
     */
    public static CompletionPlan read(java.nio.file.Path file) {
        String what = "a SCAR completion plan of one modality (what save(completionPlan(profile), path) writes)";
        com.google.gson.JsonObject json = scar.text.Json.readObject(file, what);
        scar.text.Json.member(json, "classes", file, what);
        return scar.text.Json.fromTree(json, CompletionPlan.class, file, what);
    }

    /** This plan with the evidence's outlook; {@code defaultBudget} says whether the budget was chosen for the user. */
    CompletionPlan withOutlook(Outlook newOutlook, boolean isDefault) {
        return new CompletionPlan(classes, withReserve, budget, isDefault, feasibleTotal, limit, newOutlook);
    }

    /**
     * Plans the completion of one modality (or of paired data, with the per-class maximum step size).
     *
     * @param classNames class names, one per class
     * @param stepSizes  n_c per class, finite (a negative step size is simply saturated)
     * @param present    |P_c| per class, ≥ 0 (0 for a class absent from the present set)
     * @param reserve    |Q_c| per class, ≥ 0, or {@code null} when there is no reserve (the plan is what to acquire)
     * @param budget     B ≥ 0, or {@code null} for the default (whole reserve; total shortfall without a reserve)
     * @throws IllegalArgumentException if lengths differ, a step size is not finite, or a count or budget is negative
     */
    public static CompletionPlan of(String[] classNames, double[] stepSizes, int[] present, int[] reserve,
                                    Integer budget) {
        Objects.requireNonNull(classNames, "classNames");
        Objects.requireNonNull(stepSizes, "stepSizes");
        Objects.requireNonNull(present, "present");
        int k = classNames.length;
        if (k == 0) {
            throw new IllegalArgumentException("a completion plan needs at least one class, got none");
        }
        Tables.requireLength("stepSizes", stepSizes.length, k);
        Tables.requireLength("present", present.length, k);
        if (reserve != null) {
            Tables.requireLength("reserve", reserve.length, k);
        }
        if (budget != null && budget < 0) {
            throw new IllegalArgumentException("a budget is a number of items >= 0, got " + budget
                    + " (leave the budget out for the default)");
        }
        long[] d = new long[k];
        long totalShortfall = 0;
        long totalReserve = 0;
        for (int c = 0; c < k; c++) {
            Objects.requireNonNull(classNames[c], "class name " + c);
            requireCount("present", classNames[c], present[c]);
            if (reserve != null) {
                requireCount("reserve", classNames[c], reserve[c]);
                totalReserve += reserve[c];
            }
            d[c] = shortfall(stepSizes[c], present[c]);
            totalShortfall += d[c];
        }
        long b = budget != null ? budget : reserve != null ? totalReserve : totalShortfall;
        return allocate(classNames, stepSizes, present, reserve, d, b, budget == null);
    }

    /**
     * The shortfall of one class: ⌈max(0, n − present)⌉.
     *
     * @throws IllegalArgumentException if the step size is NaN or infinite
     */
    public static long shortfall(double stepSize, int present) {
        if (!Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("step size must be finite, got " + stepSize);
        }
        double gap = stepSize - present;
        return gap <= 0 ? 0 : (long) Math.ceil(gap);
    }

    private static void requireCount(String what, String className, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " of class '" + className + "' must be >= 0, got " + value);
        }
    }

    private static CompletionPlan allocate(String[] names, double[] steps, int[] present, int[] reserve, long[] d,
                                           long budget, boolean defaultBudget) {
        int k = names.length;
        boolean[] receiving = new boolean[k];
        long receivingShortfall = 0;
        boolean anyNeed = false;
        for (int c = 0; c < k; c++) {
            anyNeed |= d[c] > 0;
            receiving[c] = d[c] > 0 && (reserve == null || reserve[c] > 0);
            if (receiving[c]) {
                receivingShortfall += d[c];
            }
        }
        // T* = tNum / tDen, kept exact: the smallest of the budget and every receiving class's cap_c * S / d_c.
        BigInteger tNum = BigInteger.ZERO;
        BigInteger tDen = BigInteger.ONE;
        String limit = !anyNeed ? "nothing needed" : "no class can receive items";
        if (receivingShortfall > 0) {
            BigInteger sum = BigInteger.valueOf(receivingShortfall);
            tNum = sum; // every bound is at most S, reached when the class's cap is its whole shortfall
            limit = "shortfall";
            for (int c = 0; c < k; c++) {
                long cap = reserve == null || !receiving[c] ? d[c] : Math.min(reserve[c], d[c]);
                BigInteger num = BigInteger.valueOf(cap).multiply(sum);
                BigInteger den = BigInteger.valueOf(d[c]);
                if (receiving[c] && num.multiply(tDen).compareTo(tNum.multiply(den)) < 0) {
                    tNum = num;
                    tDen = den;
                    limit = "reserve of class '" + names[c] + "'";
                }
            }
            if (BigInteger.valueOf(budget).multiply(tDen).compareTo(tNum) < 0) {
                tNum = BigInteger.valueOf(budget);
                tDen = BigInteger.ONE;
                limit = "budget";
            }
        }
        List<ClassPlan> plans = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            long add = 0;
            double weight = 0;
            if (receiving[c]) {
                BigInteger sum = BigInteger.valueOf(receivingShortfall);
                add = tNum.multiply(BigInteger.valueOf(d[c])).divide(tDen.multiply(sum)).longValueExact();
                weight = (double) d[c] / receivingShortfall;
            }
            Status status = d[c] == 0 ? Status.SATURATED
                    : !receiving[c] ? Status.RESERVE_EMPTY
                    : add == d[c] ? Status.FILLED
                    : add > 0 ? Status.PARTIAL : Status.UNFILLED;
            plans.add(new ClassPlan(names[c], steps[c], present[c], d[c], weight,
                    reserve == null ? -1 : reserve[c], add, status));
        }
        double feasible = tNum.doubleValue() / tDen.doubleValue();
        return new CompletionPlan(plans, reserve != null, budget, defaultBudget, feasible, limit,
                Outlook.none(defaultBudget ? (reserve != null ? "default budget: the whole reserve"
                        : "default budget: the whole shortfall")
                        : "budget " + Format.items(budget) + " items (given)"));
    }

    /** Items to add per class, in class order (the input of {@link Fills#scar}). */
    public int[] toAdd() {
        return classes.stream().mapToInt(p -> Math.toIntExact(p.toAdd())).toArray();
    }

    /** Σ d_c. */
    public long totalShortfall() {
        return classes.stream().mapToLong(ClassPlan::shortfall).sum();
    }

    /** Σ items to add; the budget used. */
    public long totalToAdd() {
        return classes.stream().mapToLong(ClassPlan::toAdd).sum();
    }

    /** Same as {@link #totalToAdd()}: the part of the budget the plan spends. */
    public long budgetUsed() {
        return totalToAdd();
    }

    /**
     * The budget, the part of it the items to add spend (less when the shares are rounded down to whole items or the
     * classes need less), T* and what limits it: one line, as the terminal and the report print it.
     */
    public String budgetLine() {
        return "budget " + Format.items(budget) + ", used " + Format.items(budgetUsed()) + ", feasible total T* = "
                + Format.items(feasibleTotal) + ", limited by " + limit;
    }

    /** Σ |Q_c|, or −1 without a reserve. */
    public long totalReserve() {
        return withReserve ? classes.stream().mapToLong(ClassPlan::reserve).sum() : -1;
    }

    /** Names of the saturated classes (n_c ≤ |P_c|). */
    public List<String> saturatedClasses() {
        return classes.stream().filter(ClassPlan::saturated).map(ClassPlan::className).toList();
    }

    /** Whether the plan adds nothing. */
    public boolean isEmpty() {
        return totalToAdd() == 0;
    }

    /** One row per class: class, step_size, present, shortfall, weight, reserve (if any), to_add, remaining, status. */
    @Override
    public Table toTable() {
        return toSheet().toTable();
    }

    /** {@link #toTable()} before it becomes a table (printing and CSV need no Tablesaw {@code Table}). */
    public Sheet toSheet() {
        List<Column<?>> columns = new ArrayList<>(List.<Column<?>>of(
                StringColumn.create("class", classes.stream().map(ClassPlan::className)),
                Columns.doubles("step_size", classes.stream().mapToDouble(ClassPlan::stepSize).toArray(), Kind.ITEMS),
                Columns.counts("present", classes.stream().mapToInt(ClassPlan::present).toArray()),
                Columns.counts("shortfall", classes.stream().mapToLong(ClassPlan::shortfall).toArray()),
                Columns.doubles("weight", classes.stream().mapToDouble(ClassPlan::weight).toArray(), Kind.SHARE)));
        if (withReserve) {
            columns.add(Columns.counts("reserve", classes.stream().mapToInt(ClassPlan::reserve).toArray()));
        }
        columns.addAll(List.of(
                Columns.counts("to_add", classes.stream().mapToLong(ClassPlan::toAdd).toArray()),
                Columns.counts("remaining", classes.stream().mapToLong(ClassPlan::remaining).toArray()),
                StringColumn.create("status", classes.stream().map(p -> p.status().name().toLowerCase()))));
        if (!outlook.toAddOverSeeds().isEmpty()) {
            columns.addAll(Interval.spreadColumns("to_add_over_seeds", outlook.toAddOverSeeds(), Kind.ITEMS));
        }
        for (int m = 0; m < outlook.modalities().size(); m++) {
            String suffix = outlook.modalities().size() == 1 ? "" : "_" + outlook.modalities().get(m);
            columns.add(Columns.doubles("recall" + suffix, outlook.recallNow()[m], Kind.SHARE));
            columns.add(Columns.doubles("recall_gain" + suffix, outlook.recallGain()[m], Kind.SIGNED_SHARE));
        }
        return new Sheet("completion plan", columns);
    }

    /** The header lines (what the shortfall means, where the budget comes from, what bounds it), then the table. */
    @Override
    public String toText(int width) {
        List<String> notes = new ArrayList<>();
        if (!outlook.meaning().isEmpty()) {
            notes.add(outlook.meaning());
        }
        notes.add(outlook.budgetReason());
        notes.add(budgetLine());
        if (outlook.hasGains()) {
            notes.add("recall_gain: the held-out recall each class's items are predicted to add (its learning curve; "
                    + "0 where the curve is flat)");
        }
        if (totalShortfall() == 0) {
            notes.add("every class is saturated: nothing to add");
        }
        long emptyReserve = classes.stream().filter(p -> p.status() == Status.RESERVE_EMPTY).count();
        if (emptyReserve > 0) {
            notes.add(emptyReserve + " class(es) need items but have an empty reserve: they are left out of T* "
                    + "(SPEC §6 literally gives T* = 0); acquire their shortfall elsewhere");
        }
        StringBuilder out = new StringBuilder("CompletionPlan: " + Format.count(classes.size(), "class", "classes")
                + ", " + saturatedClasses().size() + " saturated, total shortfall " + Format.items(totalShortfall())
                + (withReserve ? ", reserve " + Format.items(totalReserve()) + " items" : ", no reserve (items to "
                + "acquire)") + "\n");
        notes.forEach(n -> out.append(Text.wrap(n, width, "  ", "    ")));
        return out.append(toSheet().render(width)).toString();
    }

    @Override
    public String toString() {
        return toText(TextTable.WIDTH);
    }
}
