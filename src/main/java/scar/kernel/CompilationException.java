package scar.kernel;

/**
 * A cell that does not compile, or calls something not yet declared. Its message holds one entry per error: the cell
 * line number, the compiler's message, the line and a caret. Jupyter shows the simple class name as the error name.
 */
final class CompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CompilationException(String message) {
        super(message);
    }
}
