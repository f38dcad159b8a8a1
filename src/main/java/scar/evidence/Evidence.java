package scar.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import scar.data.Duplicates;
import scar.probe.Workers;
import scar.text.Stored;

/**
 * The held-out evidence of one modality's profile: its learning curve from the sweep's fits, the extrapolation of
 * its accuracy and of every class's recall, and the items the full-data probe gets wrong or nearly wrong.
 *
 * @param curve     the held-out learning curve, or null when no item was held out
 * @param accuracy  the extrapolated held-out accuracy, or null when no item was held out
 * @param recalls   per class the extrapolated held-out recall against the class's own training items (empty when no
 *                  item was held out)
 * @param hardItems the items the full-data probe gets wrong or nearly wrong
 * @param duplicates exact duplicate rows among the studied items, and held-out items that leak
 * @param dropped   items dropped before the study because they repeated another item ({@code --dedup})
 */
public record Evidence(LearningCurve curve, Extrapolation accuracy, List<Extrapolation> recalls,
                       HardItems hardItems, Duplicates duplicates, @Stored(min = 0) int dropped) {

    public Evidence {
        recalls = List.copyOf(recalls);
        Objects.requireNonNull(hardItems, "hardItems");
        Objects.requireNonNull(duplicates, "duplicates");
        // held-out items give all three, none give none: a plan and the sentences read them together
        int classes = curve == null ? 0 : curve.classNames().length;
        if ((curve == null) != (accuracy == null) || recalls.size() != classes) {
            throw new IllegalArgumentException("the evidence has " + (curve == null ? "no" : "a") + " learning "
                    + "curve, " + (accuracy == null ? "no" : "an") + " accuracy extrapolation and " + recalls.size()
                    + " recall extrapolations; expected all three with one recall per class (" + classes
                    + "), or none when no item was held out");
        }
    }

    /** Whether items were held out, so that the curves exist. */
    public boolean hasCurve() {
        return curve != null;
    }

    /**
     * The evidence of a sweep.
     *
     * @param classNames  the K class names
     * @param ratios      the sweep's ratios, increasing
     * @param classCounts training items per class
     * @param perFit      every fit's held-out counts, in sweep order (ratio by ratio, r fits at ratio r), or null
     *                    when nothing was held out
     * @param hardItems   the full-data fit's hard items
     * @param duplicates  exact duplicates among the studied items
     * @param dropped     items dropped as duplicates before the study
     * @param options     bootstrap replicates and tolerance
     * @param seed        the study's seed; every bootstrap derives its own from it
     * @param threads     threads for the extrapolations, ≥ 1; each has its own bootstrap seed, so the result does not
     *                    depend on it
     */
    public static Evidence of(String[] classNames, int[] ratios, int[] classCounts, List<HeldOutScore> perFit,
                              HardItems hardItems, Duplicates duplicates, int dropped, EvidenceOptions options,
                              long seed, int threads) {
        if (perFit == null || perFit.isEmpty() || perFit.get(0) == null) {
            return new Evidence(null, null, List.of(), hardItems, duplicates, dropped);
        }
        List<List<HeldOutScore>> grouped = new ArrayList<>();
        int f = 0;
        for (int r : ratios) {
            grouped.add(perFit.subList(f, f + r));
            f += r;
        }
        if (f != perFit.size()) {
            throw new IllegalArgumentException(perFit.size() + " fits, but the ratios " + java.util.Arrays.toString(
                    ratios) + " make " + f);
        }
        LearningCurve curve = new LearningCurve(classNames, ratios, classCounts, grouped);
        int points = ratios.length;
        double[] sizes = new double[points];
        double[][] acc = new double[points][];
        for (int j = 0; j < points; j++) {
            sizes[j] = curve.size(j);
            acc[j] = curve.values(j, LearningCurve.ACCURACY);
        }
        // the held-out accuracy (task 0) and every class's recall: 200-replicate bootstraps of their own
        Extrapolation[] out = new Extrapolation[classNames.length + 1];
        Workers.run(out.length, threads, (task, worker) -> {
            if (task == 0) {
                out[0] = Extrapolation.of("held-out accuracy", sizes, acc, curve.heldOutSize(), options.tolerance(),
                        options.bootstrap(), bootstrapSeed(seed, 0));
                return;
            }
            int c = task - 1;
            double[] classSizes = new double[points];
            double[][] recall = new double[points][];
            for (int j = 0; j < points; j++) {
                classSizes[j] = curve.classSize(j, c);
                recall[j] = curve.values(j, LearningCurve.recall(c));
            }
            out[task] = Extrapolation.of("recall of '" + classNames[c] + "'", classSizes, recall,
                    curve.heldOutSupport(c), options.tolerance(), options.bootstrap(), bootstrapSeed(seed, task));
        });
        Extrapolation accuracy = out[0];
        List<Extrapolation> recalls = List.of(out).subList(1, out.length);
        return new Evidence(curve, accuracy, recalls, hardItems, duplicates, dropped);
    }

    /** The seed of bootstrap {@code stream} (0 for accuracy, c + 1 for class c's recall): a SplitMix64 step. */
    static long bootstrapSeed(long seed, int stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
