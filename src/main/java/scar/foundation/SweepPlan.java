package scar.foundation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import scar.data.Duplicates;
import scar.evidence.HardItems;
import scar.measure.ClassMeasures;
import scar.measure.Measures;

/**
 * The fits of one sweep (SPEC §4), decided from the training items per class alone: which requested ratios are
 * used (every class keeps at least 2 items) and, per ratio r, r fits with their keyed draws. The local
 * {@link Sweep} and a distributed runner plan with it and {@link #profile assemble} their per-fit outcomes with it,
 * so both produce their {@link ScarProfile} the same way.
 *
 * @param ratios        the ratios used, in the requested order
 * @param skippedRatios requested ratios skipped because a class would keep fewer than 2 items
 * @param fits          every fit, ratio by ratio (the first is the r = 1 fit on every training item)
 */
public record SweepPlan(int[] ratios, int[] skippedRatios, List<Fit> fits) {

    /**
     * One fit: repeat {@code repeat} of ratio {@code ratio} (the {@code ratioIndex}-th used ratio), drawing with
     * {@code draw} ({@link Subsampling#fitDraw}); {@code seed} seeds the reference probe's initial weights.
     */
    public record Fit(int ratioIndex, int ratio, int repeat, long draw, long seed) {
        /** ⌊n_c / r⌋ of every class. */
        public int[] take(int[] classCounts) {
            int[] out = new int[classCounts.length];
            for (int c = 0; c < out.length; c++) {
                out[c] = classCounts[c] / ratio;
            }
            return out;
        }
    }

    public SweepPlan {
        ratios = ratios.clone();
        skippedRatios = skippedRatios.clone();
        fits = List.copyOf(fits);
    }

    /**
     * The plan for a modality with {@code classCounts} training items per class.
     *
     * @throws IllegalArgumentException when fewer than two classes are present, a class has fewer than 2 items, or
     *                                  fewer than two ratios leave every class at least two items (the message
     *                                  names the classes)
     */
    public static SweepPlan of(String modality, int[] classCounts, String[] classNames, ScarOptions options) {
        Objects.requireNonNull(options, "options");
        checkClasses(modality, classCounts, classNames);
        int[] requested = options.ratios();
        List<Integer> used = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int r : requested) {
            if (Arrays.stream(classCounts).allMatch(n -> n / r >= 2)) {
                used.add(r);
            } else {
                skipped.add(r);
            }
        }
        if (used.size() < 2) {
            String start = "modality '" + modality + "': only " + used.size() + " of the ratios "
                    + Arrays.toString(requested) + " leave every class at least 2 items; too small: ";
            // ratio 2 is the smallest above 1: a class below 2·2 items fails every ratio, so none is worth suggesting
            if (Arrays.stream(classCounts).min().orElse(0) < 2 * 2) {
                throw new IllegalArgumentException(start + smallClasses(classCounts, classNames, 2) + ". A sweep "
                        + "needs at least 4 training items in every class (2 at ratio 2, its smallest subsample); "
                        + "add items to these classes");
            }
            throw new IllegalArgumentException(start + smallClasses(classCounts, classNames,
                    requested.length > 1 ? requested[1] : 2) + ". Add items to these classes or use smaller ratios "
                    + "(--ratios 1,2 on the command line or in %scar; withRatios(1, 2) in Java)");
        }
        int[] ratios = used.stream().mapToInt(Integer::intValue).toArray();
        List<Fit> fits = new ArrayList<>();
        for (int ri = 0; ri < ratios.length; ri++) {
            int r = ratios[ri];
            for (int rep = 0; rep < r; rep++) {
                long draw = Subsampling.fitDraw(r, rep);
                fits.add(new Fit(ri, r, rep, draw, Subsampling.fitSeed(options.seed(), draw)));
            }
        }
        return new SweepPlan(ratios, skipped.stream().mapToInt(Integer::intValue).toArray(), fits);
    }

    @Override
    public int[] ratios() {
        return ratios.clone();
    }

    @Override
    public int[] skippedRatios() {
        return skippedRatios.clone();
    }

    /**
     * The profile from every fit's outcome (in plan order): measures averaged per ratio (SPEC §4), then steps, ρ and
     * N_F (SPEC §5) by {@link ScarProfile}'s one path.
     *
     * @param measures  the measures of every fit
     * @param probes    what every fit's probe did (held-out counts included when items were held out)
     * @param hardItems  the hard items of the r = 1 fit
     * @param duplicates exact duplicate rows of the modality
     * @param dropped    items dropped as redundant duplicates before the sweep
     */
    public ScarProfile profile(String dataset, String modality, String[] classNames, int[] classCounts, int testSize,
                               List<ClassMeasures> measures, List<ProbeSummary.Fit> probes, HardItems hardItems,
                               Duplicates duplicates, int dropped, ScarOptions options, long nanos) {
        if (measures.size() != fits.size() || probes.size() != fits.size()) {
            throw new IllegalArgumentException("the plan has " + fits.size() + " fits, got " + measures.size()
                    + " measures and " + probes.size() + " probe summaries");
        }
        List<ClassMeasures> perRatio = new ArrayList<>();
        for (int ri = 0; ri < ratios.length; ri++) {
            List<ClassMeasures> group = new ArrayList<>();
            for (int f = 0; f < fits.size(); f++) {
                if (fits.get(f).ratioIndex() == ri) {
                    group.add(measures.get(f));
                }
            }
            perRatio.add(Measures.average(group));
        }
        ProbeSummary probeSummary = new ProbeSummary(options.probe().kind(), probes);
        return ScarProfile.build(dataset, modality, classNames, classCounts, testSize, ratios, skippedRatios, perRatio,
                probeSummary, hardItems, duplicates, dropped, options, nanos);
    }

    private static void checkClasses(String modality, int[] counts, String[] classNames) {
        if (counts.length < 2) {
            throw new IllegalArgumentException("modality '" + modality + "' has " + counts.length
                    + " class; SCAR needs at least 2 classes");
        }
        List<String> small = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 2) {
                small.add(c + " '" + classNames[c] + "' (" + counts[c] + (counts[c] == 1 ? " item)" : " items)"));
            }
        }
        if (!small.isEmpty()) {
            boolean one = small.size() == 1;
            throw new IllegalArgumentException("modality '" + modality + "': " + (one ? "class " : "classes ")
                    + String.join(", ", small) + (one ? " has" : " have") + " fewer than 2 training items; every "
                    + "class needs at least 2 (drop the class or add items)");
        }
    }

    private static String smallClasses(int[] counts, String[] names, int ratio) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] / ratio < 2) {
                out.add(names[c] + " (" + counts[c] + " items)");
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
