package scar.plan;

import scar.text.Format;

import scar.evidence.Extrapolation;
import scar.foundation.ScarProfile;

/**
 * The default budget of a plan made from a profile (docs/SPEC.md §10.7): not SCAR's whole shortfall (set mostly by
 * the constant 1/(2ε²), tens of thousands of items per class whatever the data), but what the held-out learning
 * curve supports — the items needed to bring the training set to the size at which the curve comes within the
 * tolerance of its asymptote, capped at {@value #CAP} times the current size. A flat curve gives 0. Without held-out
 * items, or with too few sizes to fit a curve, the default stays the whole shortfall, and the reason says so.
 *
 * @param budget the budget, or −1 for "the whole shortfall"
 * @param reason one sentence for the plan's header
 */
record EvidenceBudget(long budget, String reason) {
    /** The largest training set a default budget aims at, as a multiple of the current one. */
    static final int CAP = 10;

    static EvidenceBudget of(ScarProfile profile) {
        if (!profile.evidence().hasCurve()) {
            return new EvidenceBudget(-1, "default budget: the whole shortfall (no held-out items, so no learning "
                    + "curve to size a realistic budget)");
        }
        Extrapolation acc = profile.evidence().accuracy();
        double n = acc.currentSize();
        String tol = Format.points(acc.tolerance());
        return switch (acc.status()) {
            case TOO_FEW_POINTS -> new EvidenceBudget(-1, "default budget: the whole shortfall (too few training "
                    + "sizes to fit a learning curve)");
            case FLAT -> new EvidenceBudget(0, "default budget 0: held-out accuracy (" + Format.share(acc.measured())
                    + ") is flat between " + Format.items(acc.smallestSize()) + " and " + Format.items(n)
                    + " training items, so more data of this kind is not predicted to help; give a budget to plan "
                    + "anyway");
            case FITTED -> {
                double target = acc.plateau().estimate();
                if (target <= n) {
                    yield new EvidenceBudget(0, "default budget 0: held-out accuracy (" + Format.share(acc.measured())
                            + ") is already within " + tol + " of its asymptote " + Format.share(acc.asymptote()));
                }
                boolean capped = target > CAP * n;
                long budget = (long) Math.ceil(Math.min(target, CAP * n) - n);
                yield new EvidenceBudget(budget, capped
                        ? "default budget " + Format.items(budget) + " items: held-out accuracy is still rising at "
                        + CAP + "× the current " + Format.items(n) + " items, so the budget is capped there"
                        : "default budget " + Format.items(budget) + " items: held-out accuracy comes within " + tol
                        + " of its asymptote " + Format.share(acc.asymptote()) + " at about " + Format.items(target)
                        + " training items");
            }
        };
    }
}
