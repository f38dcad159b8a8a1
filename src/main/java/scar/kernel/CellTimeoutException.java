package scar.kernel;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/** A cell that ran longer than the kernel's per-cell timeout ({@value KernelOptions#TIMEOUT}) and was stopped. */
final class CellTimeoutException extends CancellationException {
    private static final long serialVersionUID = 1L;

    CellTimeoutException(Duration limit) {
        super("the cell ran longer than " + describe(limit) + " (" + KernelOptions.TIMEOUT
                + " in the kernelspec) and was stopped; the kernel keeps its variables");
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
