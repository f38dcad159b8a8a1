package scar.probe;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Exact sums of a vector of doubles: each element's running sum is held as a fixed-point integer wide enough for any
 * finite double, so the sum does not depend on the order of the additions, nor on how they were split between
 * threads, partitions or machines and merged (SPEC §2.3). {@link #get} rounds the exact sum to the nearest double.
 *
 * <p>Representation: a double is m·2^q with m a 53-bit integer and q ≥ −1074; bit position p = q + 1074 of a common
 * fixed-point frame. The frame is cut into 32-bit digits; digit t of every element is a {@code long}, so about 2³⁰
 * additions fit before carries must be propagated (done automatically). All elements share one window of digits,
 * widened when a value falls outside it: typical gradients need 5–7 digits per element.
 *
 * <p>Not thread-safe: use one per thread and {@link #merge} them.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long MASK = 0xFFFF_FFFFL;
    /** Additions (or merged additions) after which carries are propagated. */
    private static final long CARRY_LIMIT = 1L << 29;
    /** Spare digits kept above the highest digit a value has touched, for carries and the sign. */
    private static final int HEADROOM = 2;

    private final int length;
    private int lo;
    private int width;
    private long[] digits;
    private long pending;

    /** A vector of {@code length} zeros. */
    public ExactSum(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        this.length = length;
        this.digits = new long[0];
    }

    public int length() {
        return length;
    }

    /**
     * Sets every element back to zero, keeping the window of digits (and its array), so that a sum reused for the
     * next pass of the same fit, whose values have much the same exponents, rarely has to widen it again.
     */
    public void clear() {
        Arrays.fill(digits, 0L);
        pending = 0;
    }

    /** Adds {@code value} to element {@code e} exactly. @throws IllegalArgumentException for NaN or infinity */
    public void add(int e, double value) {
        long bits = Double.doubleToRawLongBits(value);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long m = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exp == 0x7FF) {
            throw new IllegalArgumentException("cannot sum " + value + " (element " + e + ")");
        }
        int p;
        if (exp == 0) {
            if (m == 0) {
                return;
            }
            p = 0;
        } else {
            m |= 1L << 52;
            p = exp - 1;
        }
        int t = p >>> 5;
        int s = p & 31;
        long d0 = (m << s) & MASK;
        long d1 = s == 0 ? m >>> 32 : (m >>> (32 - s)) & MASK;
        long d2 = s == 0 ? 0 : m >>> (64 - s);
        cover(t, t + 2 + HEADROOM);
        if (pending >= CARRY_LIMIT) {
            normalise();
        }
        pending++;
        int at = e * width + (t - lo);
        if (bits < 0) {
            digits[at] -= d0;
            digits[at + 1] -= d1;
            digits[at + 2] -= d2;
        } else {
            digits[at] += d0;
            digits[at + 1] += d1;
            digits[at + 2] += d2;
        }
    }

    /**
     * Adds {@code values[e]} to element {@code e} for every e. One call is one addition per digit, however many
     * elements it touches, so carries are checked once; the window is widened at most once, to the exponents of all
     * the values, when one falls outside it: a sum group's partial of K·d gradient terms costs a few nanoseconds per
     * term.
     * A NaN or an infinity leaves the sum as it was.
     *
     * @throws IllegalArgumentException for NaN or infinity, naming the element
     */
    public void addAll(double[] values) {
        if (values.length != length) {
            throw new IllegalArgumentException(values.length + " values for " + length + " sums");
        }
        if (pending >= CARRY_LIMIT) {
            normalise();
        }
        pending++;
        addRange(values, length, 0L);
    }

    /**
     * Adds {@code values[0 .. to)}, each negated when {@code flip} is −1, widening the window when a value falls
     * outside it; zeros are skipped wherever they fall.
     */
    private void addRange(double[] values, int to, long flip) {
        int e = addInWindow(values, 0, to, flip);
        while (e < to) {
            if (values[e] == 0) {
                e = addInWindow(values, e + 1, to, flip);
            } else {
                widen(values, e, to);
                e = addInWindow(values, e, to, flip);
            }
        }
    }

    /**
     * Adds {@code values[from .. to)} (each negated when {@code flip} is −1) while their digits lie in the window;
     * returns the index of the first value that does not fit — zero or subnormal below the window, finite outside it,
     * NaN or infinite — or {@code to}. One pass without a branch per value on its sign or its kind.
     */
    private int addInWindow(double[] values, int from, int to, long flip) {
        long[] digits = this.digits;
        int width = this.width;
        int lo = this.lo;
        // a value's three digits and the headroom above them must lie in the window: t - lo in [0, span)
        int span = Math.max(width - 2 - HEADROOM, 0);
        for (int e = from; e < to; e++) {
            long bits = Double.doubleToRawLongBits(values[e]);
            int exp = (int) ((bits >>> 52) & 0x7FF);
            int p = Math.max(exp - 1, 0);
            int rel = (p >>> 5) - lo;
            if (Integer.compareUnsigned(rel, span) >= 0 || exp == 0x7FF) {
                return e;
            }
            // the implicit leading bit of a normal value (exp > 0 makes −exp negative, so its top bit is 1)
            long m = (bits & 0xF_FFFF_FFFF_FFFFL) | (((long) (-exp >>> 31)) << 52);
            int s = p & 31;
            long low = m << s;
            long d0 = low & MASK;
            long d1 = low >>> 32;
            long d2 = (m >>> 1) >>> (63 - s);
            int at = e * width + rel;
            // the sign without a branch (gradient signs are random): (d ^ neg) − neg is −d when neg = −1
            long neg = (bits >> 63) ^ flip;
            digits[at] += (d0 ^ neg) - neg;
            digits[at + 1] += (d1 ^ neg) - neg;
            digits[at + 2] += (d2 ^ neg) - neg;
        }
        return to;
    }

    /**
     * Widens the window to the digits of {@code values[from .. to)}, skipping zeros; a NaN or an infinity first
     * takes back what {@link #addAll} added of {@code values[0 .. from)} and throws.
     */
    private void widen(double[] values, int from, int to) {
        int low = Integer.MAX_VALUE;
        int high = -1;
        for (int e = from; e < to; e++) {
            double v = values[e];
            if (v == 0) {
                continue;
            }
            long bits = Double.doubleToRawLongBits(v);
            int exp = (int) ((bits >>> 52) & 0x7FF);
            if (exp == 0x7FF) {
                addRange(values, from, -1L);
                throw new IllegalArgumentException("cannot sum " + v + " (element " + e + ")");
            }
            int t = (exp == 0 ? 0 : exp - 1) >>> 5;
            low = Math.min(low, t);
            high = Math.max(high, t);
        }
        if (high >= 0) {
            cover(low, high + 2 + HEADROOM);
        }
    }

    /** Adds {@code other} into this sum exactly; {@code other} is left unchanged. */
    public void merge(ExactSum other) {
        if (other.length != length) {
            throw new IllegalArgumentException("cannot merge sums of " + other.length + " and " + length + " elements");
        }
        if (other.width == 0) {
            return;
        }
        cover(other.lo, other.lo + other.width - 1);
        if (pending + other.pending >= CARRY_LIMIT) {
            normalise();
        }
        long[] theirs = other.pending >= CARRY_LIMIT ? other.normalisedCopy() : other.digits;
        pending += Math.max(other.pending, 1);
        int shift = other.lo - lo;
        for (int e = 0; e < length; e++) {
            int mine = e * width + shift;
            int from = e * other.width;
            for (int t = 0; t < other.width; t++) {
                digits[mine + t] += theirs[from + t];
            }
        }
    }

    /** Element {@code e}'s exact sum rounded to the nearest double (ties to even; below 2⁻¹⁰²² rounded twice). */
    public double get(int e) {
        return width == 0 ? 0.0 : round(e, new long[width]);
    }

    /** Writes every element's sum, rounded as {@link #get}, into {@code out[from ..]}; one scratch buffer for all. */
    public void getAll(double[] out, int from) {
        long[] scratch = new long[width];
        for (int e = 0; e < length; e++) {
            out[from + e] = width == 0 ? 0.0 : round(e, scratch);
        }
    }

    /** Element {@code e}'s sum rounded to a double, using {@code d} (width digits) as scratch. */
    private double round(int e, long[] d) {
        System.arraycopy(digits, e * width, d, 0, width);
        carry(d, 0);
        boolean negative = d[width - 1] < 0;
        if (negative) {
            negate(d);
        }
        int h = width - 1;
        while (h >= 0 && d[h] == 0) {
            h--;
        }
        if (h < 0) {
            return 0.0;
        }
        // gather the top 62 bits into a long; the bits below them only as a sticky bit
        int top = 64 - Long.numberOfLeadingZeros(d[h]);
        long acc = d[h];
        int bits = top;
        int t = h - 1;
        while (t >= 0 && bits + 32 <= 62) {
            acc = (acc << 32) | d[t];
            bits += 32;
            t--;
        }
        int lsb = 32 * (t + 1);
        if (t >= 0 && bits < 62) {
            int need = 62 - bits;
            acc = (acc << need) | (d[t] >>> (32 - need));
            boolean sticky = (d[t] & ((1L << (32 - need)) - 1)) != 0;
            lsb = 32 * t + (32 - need);
            for (int u = t - 1; u >= 0 && !sticky; u--) {
                sticky = d[u] != 0;
            }
            if (sticky) {
                acc |= 1;
            }
        } else if (t >= 0) {
            boolean sticky = false;
            for (int u = t; u >= 0 && !sticky; u--) {
                sticky = d[u] != 0;
            }
            if (sticky) {
                acc |= 1;
            }
        }
        double v = scale((double) acc, lsb + 32 * lo - 1074);
        return negative ? -v : v;
    }

    /**
     * {@code Math.scalb(v, n)}: v·2ⁿ in one correctly rounded multiplication. While 2ⁿ is a normal double that
     * multiplication is written out, which gives the same bits at a fraction of {@code scalb}'s cost (a tenth of a
     * K = 100 pass's rounding of its 76,900 sums went to {@code scalb}).
     */
    static double scale(double v, int n) {
        if (n >= Double.MIN_EXPONENT && n <= Double.MAX_EXPONENT) {
            return v * Double.longBitsToDouble((long) (n + 1023) << 52);
        }
        return Math.scalb(v, n);
    }

    /** Every element's sum, rounded as {@link #get}. */
    public double[] toArray() {
        double[] out = new double[length];
        getAll(out, 0);
        return out;
    }

    /** Widens the window so that digits {@code from..to} exist. */
    private void cover(int from, int to) {
        if (width > 0 && from >= lo && to < lo + width) {
            return;
        }
        int newLo = width == 0 ? from : Math.min(lo, from);
        int newHi = width == 0 ? to : Math.max(lo + width - 1, to);
        int newWidth = newHi - newLo + 1;
        long[] grown = new long[Math.multiplyExact(length, newWidth)];
        int shift = lo - newLo;
        for (int e = 0; e < length && width > 0; e++) {
            System.arraycopy(digits, e * width, grown, e * newWidth + shift, width);
        }
        digits = grown;
        lo = newLo;
        width = newWidth;
    }

    private void normalise() {
        for (int e = 0; e < length && width > 0; e++) {
            carry(digits, e * width);
        }
        pending = 1;
    }

    private long[] normalisedCopy() {
        long[] copy = digits.clone();
        for (int e = 0; e < length; e++) {
            carry(copy, e * width);
        }
        return copy;
    }

    /** Propagates carries so that every digit but the top one lies in [0, 2³²); the top one keeps the sign. */
    private void carry(long[] d, int from) {
        long c = 0;
        int last = from + width - 1;
        for (int i = from; i < last; i++) {
            long v = d[i] + c;
            d[i] = v & MASK;
            c = v >> 32;
        }
        d[last] += c;
    }

    /** Two's-complement negation of a carried digit string (all digits but the top in [0, 2³²)). */
    private static void negate(long[] d) {
        long c = 1;
        for (int i = 0; i < d.length - 1; i++) {
            long v = (~d[i] & MASK) + c;
            d[i] = v & MASK;
            c = v >>> 32;
        }
        d[d.length - 1] = -d[d.length - 1] - 1 + c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExactSum s) || s.length != length) {
            return false;
        }
        for (int e = 0; e < length; e++) {
            if (Double.doubleToLongBits(get(e)) != Double.doubleToLongBits(s.get(e))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return "ExactSum" + (length <= 8 ? Arrays.toString(toArray()) : "[" + length + " elements]");
    }
}
