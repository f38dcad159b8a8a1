package scar.spark;

import java.io.Serializable;

import scar.foundation.Subsampling;

/**
 * The keyed draws of one study (SPEC §4.1) in the form a partition evaluates alone: per class, the held-out items
 * are those whose key in the hold-out draw is at most a threshold; per fit and class, the fit's items are the
 * training items whose key in the fit's draw is at most a threshold. A threshold is the key of the ⌊n_c / r⌋-th item
 * of the class (keys of one draw never tie: {@code i ↦ key(s, t, i)} is a bijection), found by
 * {@link KeyedSelection}; so membership here equals {@link Subsampling#keyedDraw} on all items at once.
 */
final class Draws implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Threshold meaning "no item". */
    static final long NONE = Long.MIN_VALUE;
    /** Marker meaning "every item" (checked before the key). */
    static final long ALL_MARK = 1;

    final long seed;
    final int numClasses;
    /** Hold-out threshold per class, or null when nothing is held out. */
    final long[] holdOut;
    final boolean[] holdAll;
    /** Per fit: its draw number (unused for r = 1) and per class its threshold; null entries: every training item. */
    final long[] fitDraw;
    final long[][] fitThreshold;
    final boolean[][] fitAll;
    private final long holdMix;
    private final long[] fitMix;

    Draws(long seed, int numClasses, long[] holdOut, boolean[] holdAll, long[] fitDraw, long[][] fitThreshold,
          boolean[][] fitAll) {
        this.seed = seed;
        this.numClasses = numClasses;
        this.holdOut = holdOut;
        this.holdAll = holdAll;
        this.fitDraw = fitDraw;
        this.fitThreshold = fitThreshold;
        this.fitAll = fitAll;
        this.holdMix = drawMix(seed, Subsampling.HOLD_OUT_DRAW);
        this.fitMix = new long[fitDraw.length];
        for (int f = 0; f < fitDraw.length; f++) {
            fitMix[f] = drawMix(seed, fitDraw[f]);
        }
    }

    /** mix(mix(s) ^ t): the part of {@code key(s, t, i)} shared by every item of draw t. */
    static long drawMix(long seed, long draw) {
        return mix(mix(seed) ^ draw);
    }

    /** {@code key(s, t, i)} from {@link #drawMix}. */
    static long key(long drawMix, long item) {
        return mix(drawMix ^ item);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    boolean heldOut(int item, int label) {
        if (holdOut == null) {
            return false;
        }
        return holdAll[label] || (holdOut[label] != NONE && key(holdMix, item) <= holdOut[label]);
    }

    int fits() {
        return fitDraw.length;
    }

    /** Whether training item {@code item} of class {@code label} is in fit f. */
    boolean inFit(int f, int item, int label) {
        if (fitThreshold[f] == null || fitAll[f][label]) {
            return true;
        }
        long t = fitThreshold[f][label];
        return t != NONE && key(fitMix[f], item) <= t;
    }
}
