package scar.probe;

/**
 * Heap bytes that fits may spend on keeping their rows' transposed blocks ("panels") from one pass to the next. A
 * pass must transpose every block of rows for its forward product; a fit that may keep the panels does that once,
 * the others every pass, in cache. Whether a fit keeps them changes its speed only: the panels hold the same values
 * in the same order either way.
 */
final class PanelBudget {
    private long free;

    PanelBudget(long bytes) {
        this.free = Math.max(0, bytes);
    }

    /** Takes {@code bytes} if that many are free; never waits. */
    synchronized boolean tryAcquire(long bytes) {
        if (bytes > free) {
            return false;
        }
        free -= bytes;
        return true;
    }

    synchronized void release(long bytes) {
        free += bytes;
    }
}
