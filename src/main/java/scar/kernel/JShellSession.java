package scar.kernel;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.ImportSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;

/**
 * One JShell, run in this JVM: evaluates Java code snippet by snippet, keeps each value as an object, and answers
 * completion, documentation and completeness questions about a cell.
 *
 * <p>Positions given to the question methods are offsets into the cell with magic lines masked
 * ({@link CellParts#maskMagics(String)}); the snippet holding the cursor is found by letting JShell cut the cell.
 * Not thread-safe, except {@link #stop()}, which is meant to be called from another thread.
 */
final class JShellSession implements AutoCloseable {

    private static final Set<Snippet.SubKind> VALUE_KINDS = Set.of(
            Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND,
            Snippet.SubKind.VAR_VALUE_SUBKIND,
            Snippet.SubKind.OTHER_EXPRESSION_SUBKIND,
            Snippet.SubKind.ASSIGNMENT_SUBKIND);

    private final CellExecutionControl control = new CellExecutionControl();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Consumer<String> notes;
    private boolean lastWasExpression;
    /** Per variable, the note that a redefinition in this cell emptied it ({@link Redefinitions}). */
    private final Map<String, String> emptied = new java.util.LinkedHashMap<>();
    private final SourceDocs sourceDocs = new SourceDocs();
    /** A class path entry the session has, added again to give JShell a fresh compiler ({@link #freshCompiler}). */
    private String knownEntry;

    /**
     * @param classpath entries the snippets compile against (the kernel's own classpath); each may be a directory,
     *                  a jar or a {@code dir/*} wildcard
     * @param notes     where warnings about half-defined snippets and variables a redefinition emptied go (the
     *                  cell's stderr)
     */
    JShellSession(List<String> classpath, Consumer<String> notes) {
        this.shell = JShell.builder()
                .executionEngine(new CellExecutionControl.Provider(control), Map.of())
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        this.notes = notes;
        classpath.forEach(this::addToClasspath);
    }

    /** Makes a jar or class folder visible to the following snippets (compile and run time). */
    void addToClasspath(String entry) {
        shell.addToClasspath(entry);
        knownEntry = entry;
    }

    /** The class loader the snippets run in. */
    ClassLoader snippetLoader() {
        return control.snippetLoader();
    }

    /**
     * What a piece of code evaluated to: the value of its last snippet, and whether a notebook shows it (the last
     * snippet is an expression not ended by the user's own {@code ;}, IPython's way of saying "no output").
     */
    record Result(Object value, boolean shown) {
        static final Result NONE = new Result(null, false);
    }

    /**
     * Evaluates every snippet of {@code code} in order and returns the value of the last one if it is an expression,
     * else null ({@link #evalCode} also says whether to show it).
     *
     * @param code       Java source, possibly several statements and declarations
     * @param cell       the whole cell, for error messages
     * @param cellOffset where {@code code} starts in the cell
     * @throws CompilationException  for code that does not compile or refers to something undefined
     * @throws CancellationException when the cell was interrupted
     */
    Object eval(String code, String cell, int cellOffset) {
        return evalCode(code, cell, cellOffset).value();
    }

    /** {@link #eval}, with whether the value is to be shown. */
    Result evalCode(String code, String cell, int cellOffset) {
        Result last = Result.NONE;
        String rest = code;
        int restOffset = cellOffset;
        try {
            while (true) {
                String remaining = rest;
                SourceCodeAnalysis.CompletionInfo info =
                        JavacOutput.whileIn(() -> analysis.analyzeCompletion(remaining));
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    return last;
                }
                if (!info.completeness().isComplete()) {
                    throw new CompilationException(Positions.describe(cell, restOffset + leadingBlanks(rest),
                            "unfinished statement (missing ';', ')' or '}'?)"));
                }
                int consumed = rest.length() - info.remaining().length();
                String raw = rest.substring(0, consumed);
                String source = info.source();
                String bare = info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI
                        ? source.substring(0, source.length() - 1) : source;
                int start = restOffset + Math.max(0, raw.indexOf(bare));
                Object value = evalSnippet(source, cell, start);
                last = new Result(value, lastWasExpression && !endsWithSemicolon(source));
                rest = info.remaining();
                restOffset += consumed;
            }
        } catch (StackOverflowError | InternalError e) {
            // the cell's own code runs on a cell thread: this is JShell's parser or javac, which recurse per nesting
            // (JShell wraps what its analysis throws: InternalError, caused by IllegalStateException, caused by it)
            if (!overflowed(e)) {
                throw e;
            }
            throw new CompilationException(Positions.describe(cell, restOffset + leadingBlanks(rest),
                    "too deeply nested for the Java compiler, which ran out of stack on this statement; split the "
                            + "expression into several statements"));
        } finally {
            control.clearValues();
            emptied.values().forEach(notes);
            emptied.clear();
        }
    }

    /** True if a stack overflow is the throwable or one of its causes. */
    private static boolean overflowed(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    private Object evalSnippet(String source, String cell, int start) {
        if (control.stopRequested()) {
            throw new CancellationException(control.stopMessage());
        }
        lastWasExpression = false;
        Optional<StringLiterals.OverLimit> tooLong = StringLiterals.firstOverLimit(source);
        if (tooLong.isPresent()) {
            throw new CompilationException(Positions.describe(cell, start + tooLong.get().offset(),
                    tooLong.get().message()));
        }
        List<SnippetEvent> events = JavacOutput.whileIn(() -> shell.eval(source));
        if (events.stream().anyMatch(event -> refusedWhileWritten(event.snippet()))) {
            freshCompiler();
        }
        if (control.stopRequested()) {
            throw new CancellationException(control.stopMessage());
        }
        Object value = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                Redefinitions.note(event).ifPresent(note -> emptied.put(((VarSnippet) event.snippet()).name(), note));
                continue;
            }
            Snippet snippet = event.snippet();
            if (snippet instanceof VarSnippet declared) {
                emptied.remove(declared.name()); // declared again later in the same cell: nothing to say
            }
            Object taken = control.takeValue(event.value());
            if (event.status() == Snippet.Status.REJECTED) {
                throw new CompilationException(compileErrors(snippet, cell, start));
            }
            if (event.exception() != null) {
                throw failure(event);
            }
            if (snippet instanceof TypeDeclSnippet type && event.status().isDefined()) {
                JavacOutput.whileIn(() -> ImportClashes.dropImportsNamedAs(shell, type)).forEach(notes);
            }
            if (snippet instanceof ImportSnippet imported && event.status().isActive()) {
                Optional<String> refused = JavacOutput.whileIn(() -> ImportClashes.refuse(shell, imported));
                if (refused.isPresent()) {
                    throw new CompilationException(Positions.describe(cell,
                            start + leadingBlanks(cell.substring(start)), refused.get()));
                }
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                if (unresolvedNames(snippet).isEmpty() && shell.diagnostics(snippet).anyMatch(Diag::isError)) {
                    // nothing missing that a later cell could declare: javac refused the class it made of the
                    // snippet ("code too large", "constant string too long")
                    throw new CompilationException(compileErrors(snippet, cell, start));
                }
                notes.accept("note: " + describe(snippet) + " was created but cannot be used until "
                        + unresolved(snippet) + " is declared");
            }
            lastWasExpression = VALUE_KINDS.contains(snippet.subKind());
            value = lastWasExpression ? taken : null;
        }
        return value;
    }

    /**
     * True if javac refused to write the snippet's class ({@code compiler.err.limit.*}: code too large, a constant
     * string too long, too many constants...). It refuses after it has filled the class's constant pool, and keeps
     * that pool in the compiler context JShell reuses: a string constant over the limit left there fails every later
     * snippet ({@link StringLiterals}).
     */
    private boolean refusedWhileWritten(Snippet snippet) {
        return shell.diagnostics(snippet).anyMatch(d -> d.getCode().startsWith("compiler.err.limit."));
    }

    /**
     * Makes JShell drop its compiler contexts: JShell 17 makes a new pool of them whenever the class path grows, and
     * adding an entry it already has changes nothing else (the snippets' class loader skips a known URL).
     */
    private void freshCompiler() {
        if (knownEntry != null) {
            shell.addToClasspath(knownEntry);
        }
    }

    private RuntimeException failure(SnippetEvent event) {
        Throwable thrown = control.takeFailure();
        if (event.exception() instanceof UnresolvedReferenceException unresolved) {
            Snippet declaration = unresolved.getSnippet();
            return new CompilationException(describe(declaration) + " cannot be invoked until "
                    + unresolved(declaration) + " is declared");
        }
        if (thrown != null) {
            return Failures.unchecked(thrown);
        }
        if (event.exception() instanceof EvalException eval) {
            return new IllegalStateException(eval.getExceptionClassName() + ": " + eval.getMessage(), eval);
        }
        return new IllegalStateException(event.exception().getMessage(), event.exception());
    }

    private String compileErrors(Snippet snippet, String cell, int start) {
        List<String> messages = shell.diagnostics(snippet)
                .filter(Diag::isError)
                .map(d -> Positions.describe(cell, start + (int) Math.max(0, d.getPosition()), message(d)))
                .collect(Collectors.toList());
        return messages.isEmpty() ? "the snippet does not compile: " + snippet.source().strip()
                : String.join("\n", messages);
    }

    private static String message(Diag diag) {
        return diag.getMessage(Locale.ROOT).lines()
                .filter(line -> !line.strip().startsWith("location: class"))
                .collect(Collectors.joining("\n"));
    }

    private String unresolved(Snippet snippet) {
        List<String> names = unresolvedNames(snippet);
        return names.isEmpty() ? "a missing declaration" : String.join(", ", names);
    }

    private List<String> unresolvedNames(Snippet snippet) {
        return snippet instanceof jdk.jshell.DeclarationSnippet declaration
                ? shell.unresolvedDependencies(declaration).collect(Collectors.toList()) : List.of();
    }

    private static String describe(Snippet snippet) {
        String kind = snippet.kind().name().toLowerCase(Locale.ROOT).replace("_", " ");
        if (snippet instanceof jdk.jshell.DeclarationSnippet declaration) {
            return kind + " " + declaration.name();
        }
        return kind;
    }

    /**
     * Runs a magic (or any kernel-side work) on a cell thread so that an interrupt can stop it.
     *
     * @throws CancellationException when interrupted
     */
    Object runInterruptibly(Callable<Object> body) {
        try {
            Object value = control.runCell(body, snippetLoader());
            if (control.stopRequested()) {
                throw new CancellationException(control.stopMessage());
            }
            return value;
        } catch (InvocationTargetException e) {
            if (control.stopRequested()) {
                throw new CancellationException(control.stopMessage());
            }
            throw Failures.unchecked(e.getCause());
        }
    }

    /** Starts a cell: an interrupt that arrived while idle is forgotten. */
    void beginCell() {
        control.beginCell();
    }

    /** Stops the running cell, if any; safe to call from any thread. */
    void stop() {
        control.stop();
    }

    /** Completion candidates for the cursor at {@code at}; replacing from the anchor up to the cursor. */
    ReplacementOptions complete(String masked, int at) {
        return JavacOutput.whileIn(() -> completions(masked, at));
    }

    private ReplacementOptions completions(String masked, int at) {
        int start = snippetStart(masked, at);
        String input = masked.substring(start, at);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(input, input.length(), anchor);
        Set<String> ordered = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> ordered.add(s.continuation()));
        suggestions.forEach(s -> ordered.add(s.continuation()));
        return new ReplacementOptions(new ArrayList<>(ordered), start + anchor[0], at);
    }

    /**
     * Signatures and Javadoc of what is at the cursor: the method whose argument list holds the cursor, or the
     * method, type or variable named under the cursor. Null when nothing is known.
     */
    String inspect(String masked, int at) {
        return JavacOutput.whileIn(() -> inspection(masked, at));
    }

    private String inspection(String masked, int at) {
        int start = snippetStart(masked, at);
        String text = documentation(masked.substring(start, at));
        int end = at;
        while (end < masked.length() && Character.isJavaIdentifierPart(masked.charAt(end))) {
            end++;
        }
        if (text == null) {
            text = documentation(masked.substring(start, end) + "(");
        }
        if (text == null) {
            text = documentation(masked.substring(start, end));
        }
        if (text == null) {
            int begin = at;
            while (begin > 0 && Character.isJavaIdentifierPart(masked.charAt(begin - 1))) {
                begin--;
            }
            String word = masked.substring(begin, end);
            text = shell.variables().filter(v -> v.name().equals(word) && shell.status(v).isActive())
                    .map(v -> v.typeName() + " " + v.name()).findFirst().orElse(null);
        }
        return text;
    }

    private String documentation(String input) {
        if (input.isBlank()) {
            return null;
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(input, input.length(), true);
        if (docs.isEmpty()) {
            return null;
        }
        return docs.stream()
                .map(d -> {
                    String javadoc = d.javadoc() == null || d.javadoc().isBlank() ? sourceDocs.javadoc(d.signature())
                            : d.javadoc().strip();
                    return javadoc == null ? d.signature() : d.signature() + "\n\n" + javadoc;
                })
                .distinct()
                .collect(Collectors.joining("\n\n"));
    }

    /**
     * Jupyter's answer to "is this cell complete": {@code complete}, {@code invalid}, or the indentation for the
     * next line of an unfinished statement.
     */
    String isComplete(String masked) {
        return JavacOutput.whileIn(() -> completeness(masked));
    }

    private String completeness(String masked) {
        String rest = masked;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return "complete";
                case UNKNOWN:
                    return "invalid";
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return Positions.nextIndent(rest);
                default:
                    if (info.remaining().length() >= rest.length()) {
                        return "complete";
                    }
                    rest = info.remaining();
            }
        }
    }

    /** True if the code ends in an unfinished statement (an open brace, a dangling operator...). */
    boolean isUnfinished(String code) {
        if (code.isBlank()) {
            return false;
        }
        String verdict = isComplete(code);
        return !verdict.equals("complete") && !verdict.equals("invalid");
    }

    /** Offset of the start of the snippet that holds the cursor. */
    private int snippetStart(String masked, int at) {
        int start = 0;
        String rest = masked.substring(0, Math.min(at, masked.length()));
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete() || info.remaining().isBlank()
                    || info.remaining().length() >= rest.length()) {
                return start;
            }
            start += rest.length() - info.remaining().length();
            rest = info.remaining();
        }
    }

    /** True if the code, without trailing comments and blanks, ends with {@code ;}. */
    static boolean endsWithSemicolon(String code) {
        String text = code.strip();
        while (true) {
            if (text.endsWith("*/") && text.lastIndexOf("/*") >= 0) {
                text = text.substring(0, text.lastIndexOf("/*")).strip();
                continue;
            }
            int lineStart = text.lastIndexOf('\n') + 1;
            int comment = lineComment(text, lineStart);
            if (comment < 0) {
                return text.endsWith(";");
            }
            text = text.substring(0, comment).strip();
        }
    }

    /** Where a {@code //} comment starts on the line from {@code from}, outside string and char literals; or -1. */
    private static int lineComment(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    private static int leadingBlanks(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    @Override
    public void close() {
        control.stop();
        shell.close();
    }
}
