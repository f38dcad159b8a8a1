package scar.data;

/**
 * A computation needs more memory than the Java heap can give: the message says how much, for what, and how to raise
 * the limit. Thrown before the allocation ({@link Memory#require}), or when the allocation it checked fails for want of
 * one piece of that size ({@link Memory#allocate}), so nothing is half done.
 */
public final class InsufficientMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InsufficientMemoryException(String message) {
        super(message);
    }
}
