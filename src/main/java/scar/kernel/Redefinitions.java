package scar.kernel;

import java.util.Locale;
import java.util.Optional;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * What redefining a class, record or method did to the variables declared with it. When a cell declares a type
 * again with another shape, JShell declares every variable whose declaration names it anew: the variable keeps its
 * name but loses its value (it is {@code null}, {@code 0} or {@code false} again), or, if its declaration no longer
 * compiles (a {@code var} holding the old type), it cannot be used at all. JShell's own console says so; a notebook
 * has to say it too, or a variable is silently empty in the next cell.
 */
final class Redefinitions {

    private Redefinitions() {
    }

    /**
     * The note for an event that a declaration caused in another snippet ({@link SnippetEvent#causeSnippet()}), if
     * it cost a variable that had a value its value; empty for every other event.
     */
    static Optional<String> note(SnippetEvent event) {
        if (event.causeSnippet() == null || !(event.snippet() instanceof VarSnippet variable)
                || event.previousStatus() != Snippet.Status.VALID) {
            return Optional.empty();
        }
        String cause = describe(event.causeSnippet());
        return switch (event.status()) {
            case VALID -> event.isSignatureChange()
                    ? Optional.of("note: variable " + variable.name() + " was reset to "
                            + initial(variable.typeName()) + " because " + cause + " changed; run the cell that sets "
                            + "it again")
                    : Optional.empty();
            case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED, REJECTED -> Optional.of("note: variable "
                    + variable.name() + " can no longer be used because " + cause + " changed; run the cell that "
                    + "declares it again");
            default -> Optional.empty(); // OVERWRITTEN, DROPPED: the variable was declared again, or dropped
        };
    }

    /** "record Point", "class Counter", "method f", ... */
    private static String describe(Snippet snippet) {
        String name = snippet instanceof PersistentSnippet persistent ? " " + persistent.name() : "";
        String kind = switch (snippet.subKind()) {
            case CLASS_SUBKIND -> "class";
            case RECORD_SUBKIND -> "record";
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation";
            default -> snippet.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        return kind + name;
    }

    /** The value a new variable of {@code type} starts with. */
    private static String initial(String type) {
        return switch (type) {
            case "boolean" -> "false";
            case "byte", "short", "int", "long", "float", "double", "char" -> "0";
            default -> "null";
        };
    }
}
