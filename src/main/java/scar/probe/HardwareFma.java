package scar.probe;

import java.lang.management.ManagementFactory;

/**
 * Whether this JVM computes {@link Math#fma} with a machine instruction. Every multiply-add of the probe's kernels
 * and of its standardiser is a {@code Math.fma} (one rounding, so the same bits on every machine). A JVM without a
 * fused multiply-add instruction to use — a CPU or a virtual CPU without FMA, or a JVM started with
 * {@code -XX:-UseFMA} — computes each one with {@link java.math.BigDecimal} instead: the same results, about 10,000
 * times more slowly (a 768-value row took a millisecond instead of a tenth of a microsecond), so a sweep that takes
 * seconds would take hours. The command line and the notebook kernel say so before a probe runs.
 */
public final class HardwareFma {
    /** What the command line and the kernel print when {@link #available()} is false. */
    public static final String WARNING = "this JVM computes fused multiply-adds in software (its UseFMA is off: a "
            + "CPU or virtual CPU without FMA, or -XX:-UseFMA), so the probe gives the same numbers about 10,000 "
            + "times more slowly; run it on a CPU with FMA (x86-64 since Haswell or Piledriver, ARMv8), or let the "
            + "virtual machine pass the host's CPU features through (QEMU: -cpu host)";

    private static final java.util.concurrent.atomic.AtomicBoolean WARNED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private HardwareFma() {
    }

    /**
     * Prints {@code prefix} and {@link #WARNING} on {@code err} when {@link #available()} is false — once per process,
     * whoever asks: a notebook kernel that said it at start-up does not say it again for a {@code %scar} command.
     */
    public static void warnOnce(java.io.PrintStream err, String prefix) {
        if (!WARNED.get() && !available() && !WARNED.getAndSet(true)) {
            err.println(prefix + WARNING);
        }
    }

    /**
     * False when the JVM reports that it does not use the FMA instruction (HotSpot's {@code UseFMA} flag, which
     * HotSpot clears on a CPU without FMA); true when it does, and when this JVM has no such flag to ask (another
     * JVM, or a runtime without the {@code jdk.management} module), since nothing can be said then.
     *
     * <p>Asking the flag loads the management classes, some 20 ms of a short command's start, so a quick look comes
     * first: 5,000 multiply-adds take well under a millisecond with the instruction, even interpreted, and several
     * milliseconds without it even once compiled (each one makes BigDecimals; 7–15 ms after a warm-up of 200,000,
     * 115 ms cold). Software is never that fast, so a fast look means hardware; a slow one — software, or a thread
     * that lost the processor for a moment — asks the flag. A loaded machine can only make the answer 20 ms slower.
     */
    public static boolean available() {
        return quickLookIsFast() || flagSaysHardware();
    }

    /** Whether 5,000 dependent {@code Math.fma} calls took less than a millisecond. */
    static boolean quickLookIsFast() {
        float acc = 1f;
        long start = System.nanoTime();
        for (int i = 0; i < 5_000; i++) {
            acc = Math.fma(acc, 0.999f, 0.5f); // operands never 0, which Math.fma would short-cut in software
        }
        long elapsed = System.nanoTime() - start;
        sink = acc;
        return elapsed < 1_000_000L;
    }

    /** The JVM's own answer: false only when its {@code UseFMA} flag is off. */
    static boolean flagSaysHardware() {
        try {
            var diagnostics = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return diagnostics == null || !"false".equals(diagnostics.getVMOption("UseFMA").getValue());
        } catch (IllegalArgumentException | LinkageError | SecurityException e) {
            return true;
        }
    }

    /** Keeps the quick look's loop from being optimised away. */
    private static volatile float sink;
}
