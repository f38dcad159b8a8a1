package scar.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;

/**
 * Types declared in a notebook against the session's single-type imports ({@code import scar.Scar;}). JShell accepts
 * a class named like a type a single-type import brings in, and an import of a type named like a declared class, and
 * from then on rejects every snippet, whatever it says ("a type with the same simple name is already defined by the
 * single-type-import of ..."), until the kernel restarts. So the kernel settles the clash at once: a declared type
 * takes the name from the import (which is dropped, as a later declaration replaces an earlier one in JShell), and an
 * import of a name that a declared type holds is refused.
 */
final class ImportClashes {

    private ImportClashes() {
    }

    /** Drops the single-type imports of types named as {@code declared} is; returns a note for each. */
    static List<String> dropImportsNamedAs(JShell shell, TypeDeclSnippet declared) {
        List<String> notes = new ArrayList<>();
        shell.imports()
                .filter(i -> i.subKind() == Snippet.SubKind.SINGLE_TYPE_IMPORT_SUBKIND
                        && i.name().equals(declared.name()) && shell.status(i).isActive())
                .toList()
                .forEach(i -> {
                    shell.drop(i);
                    notes.add("note: import " + i.fullname() + " was dropped: " + kind(declared) + " "
                            + declared.name() + " now has that name (write " + i.fullname() + " for the other one)");
                });
        return notes;
    }

    /**
     * If {@code imported} is a single-type import of a name a type declared in the session holds: drops the import
     * and returns why.
     */
    static Optional<String> refuse(JShell shell, ImportSnippet imported) {
        if (imported.subKind() != Snippet.SubKind.SINGLE_TYPE_IMPORT_SUBKIND) {
            return Optional.empty();
        }
        Optional<TypeDeclSnippet> holder = shell.types()
                .filter(t -> t.name().equals(imported.name()) && shell.status(t).isActive())
                .findFirst();
        holder.ifPresent(t -> shell.drop(imported));
        return holder.map(t -> "import " + imported.fullname() + " is refused: " + kind(t) + " " + t.name()
                + " declared in this notebook has that name; write " + imported.fullname()
                + " in full, or rename the " + kind(t));
    }

    private static String kind(TypeDeclSnippet type) {
        return switch (type.subKind()) {
            case RECORD_SUBKIND -> "record";
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation";
            default -> "class";
        };
    }
}
