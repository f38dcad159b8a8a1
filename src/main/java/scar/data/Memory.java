package scar.data;

import java.util.Locale;

/**
 * Checks a large allocation against the heap before making it, so that running out of memory is an answer (how
 * much is needed, and how to raise the limit) rather than an {@link OutOfMemoryError} halfway through.
 *
 * <p>The test: {@code need ≤ max − used}, with {@code max = Runtime.maxMemory()} and {@code used = total − free}.
 * Garbage not yet collected counts as used, so the test errs towards refusing only when the need is close to the
 * limit; it is meant for allocations of many megabytes, where it is decisive.
 */
public final class Memory {
    /** Below this, an allocation is not checked. */
    private static final long SMALL = 8L << 20;

    private Memory() {
    }

    /**
     * Throws {@link InsufficientMemoryException} if {@code bytes} for {@code what} cannot fit the heap.
     *
     * @param what what the memory is for, e.g. "the embeddings of 'image' (1,300,000 x 768 floats)"
     */
    public static void require(long bytes, String what) {
        if (bytes < SMALL) {
            return;
        }
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        long used = rt.totalMemory() - rt.freeMemory();
        if (bytes <= max - used) {
            return;
        }
        // Garbage may be most of "used": collect once before refusing.
        System.gc();
        used = rt.totalMemory() - rt.freeMemory();
        if (bytes <= max - used) {
            return;
        }
        throw new InsufficientMemoryException(message(bytes, what, max, used));
    }

    /**
     * {@link #require} and then {@code make}, the allocation it checked. The check sees free bytes, but a large array
     * needs them in one piece (G1 places it in contiguous regions and does not move such arrays to make room), so the
     * allocation can still fail in a small heap; it then gets the same one-line answer naming {@code what}, not an
     * {@link OutOfMemoryError}. Safe to catch here: the allocation failed, nothing was half done.
     */
    public static <T> T allocate(long bytes, String what, java.util.function.Supplier<T> make) {
        require(bytes, what);
        try {
            return make.get();
        } catch (OutOfMemoryError e) {
            Runtime rt = Runtime.getRuntime();
            long max = rt.maxMemory();
            long used = rt.totalMemory() - rt.freeMemory();
            throw new InsufficientMemoryException(String.format(Locale.ROOT, "not enough memory: %s needs %s in one "
                    + "piece, which the Java heap of %s (%s in use) did not have; raise the limit, e.g. "
                    + "SCAR_JAVA_OPTS=-Xmx%s ./scar ... (java -Xmx%s in other launchers)", what, size(bytes),
                    size(max), size(used), suggest(2 * max), suggest(2 * max)));
        }
    }

    /** The one-line message for {@code bytes} needed with {@code used} of {@code max} taken. */
    static String message(long bytes, String what, long max, long used) {
        return String.format(Locale.ROOT, "not enough memory: %s needs %s but the Java heap is limited to %s (%s "
                + "in use); raise the limit, e.g. SCAR_JAVA_OPTS=-Xmx%s ./scar ... (java -Xmx%s in other launchers)",
                what, size(bytes), size(max), size(used), suggest(bytes + used), suggest(bytes + used));
    }

    /** The message for an {@link OutOfMemoryError} that escaped every check. */
    public static String outOfMemory(OutOfMemoryError e) {
        long max = Runtime.getRuntime().maxMemory();
        return String.format(Locale.ROOT, "out of memory (%s) with a Java heap of %s; raise the limit, e.g. "
                + "SCAR_JAVA_OPTS=-Xmx%s, or memory-map the embeddings by saving them as a float32 .npy file",
                e.getMessage() == null ? "java.lang.OutOfMemoryError" : e.getMessage(), size(max), suggest(2 * max));
    }

    /** A heap size to suggest: at least {@code bytes} plus a quarter, in whole GiB (or 256 MiB steps below 1 GiB). */
    static String suggest(long bytes) {
        double want = bytes * 1.25 + (64L << 20);
        if (want < (1L << 30)) {
            long mib = (long) Math.ceil(want / (256.0 * (1 << 20))) * 256;
            return mib + "m";
        }
        return (long) Math.ceil(want / (1L << 30)) + "g";
    }

    /** Bytes in a readable unit: 512 B, 3.4 MiB, 12.0 GiB. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < (1L << 30)) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
