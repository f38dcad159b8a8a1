package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The kernel's evaluation, completion and inspection, driven directly (no Jupyter client). */
class ScarKernelTest {

    private static ScarKernel kernel;

    @BeforeAll
    static void startKernel() {
        kernel = new ScarKernel(TestClasspath.entries());
        kernel.onStartup(); // extensions (renderers, %scar), the notebook functions, start-up snippets
        kernel.awaitReady();
    }

    @AfterAll
    static void stopKernel() {
        kernel.onShutdown(false);
    }

    @Test
    void lastExpressionOfSeveralSnippetsIsTheValueAndKeepsItsType() {
        Object value = kernel.evalRaw("int a = 20;\nint b = 22;\na + b");
        assertEquals(42, value);
        assertNull(kernel.evalRaw("int c = 1;"), "a declaration shows no value");
    }

    @Test
    void valuesAreTheSameObjectsNotCopies() {
        kernel.evalRaw("var shared = new java.util.ArrayList<String>();");
        Object first = kernel.evalRaw("shared");
        Object second = kernel.evalRaw("shared.add(\"x\"); shared");
        assertSame(first, second);
        assertEquals(List.of("x"), second);
    }

    @Test
    void startupImportsMakeTablesawAvailable() {
        Object table = kernel.evalRaw("Table.create(\"t\", IntColumn.create(\"n\", 1, 2, 3))");
        assertInstanceOf(Table.class, table);
        assertEquals(3, ((Table) table).rowCount());
    }

    @Test
    void compileErrorNamesTheCellLine() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> kernel.evalRaw("int ok = 1;\nint bad = undefinedThing + 1;"));
        assertTrue(e.getMessage().startsWith("line 2: cannot find symbol"), e.getMessage());
        assertTrue(e.getMessage().contains("undefinedThing"), e.getMessage());
        assertTrue(e.getMessage().contains("^"), e.getMessage());
    }

    @Test
    void runtimeExceptionIsTheCellsOwnException() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> kernel.evalRaw("throw new IllegalStateException(\"boom 7\");"));
        assertEquals("boom 7", e.getMessage());
        List<String> lines = Failures.traceback(e);
        assertEquals("java.lang.IllegalStateException: boom 7", lines.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.contains("jdk.internal.reflect")), lines.toString());
        assertEquals(3, kernel.evalRaw("1 + 2"), "the kernel still evaluates after a failure");
    }

    @Test
    void aCauseChainThatLoopsIsTheCellsOwnExceptionShownOnce() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw(
                "var first = new RuntimeException(\"first\");\nvar second = new RuntimeException(\"second\", first);\n"
                        + "first.initCause(second);\nthrow first;"));
        assertEquals("first", e.getMessage(), "the cell's exception, not a compiler that ran out of stack");
        List<String> lines = Failures.traceback(e);
        assertTrue(lines.contains("Caused by: java.lang.RuntimeException: second"), lines.toString());
        assertEquals("Caused by: [circular reference: java.lang.RuntimeException: first]",
                lines.get(lines.size() - 1));
        assertEquals(3, kernel.evalRaw("1 + 2"));
    }

    @Test
    void anExceptionWhoseMessageCannotBeReadIsNamedAndAnswered() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kernel.eval(
                "class Unreadable extends RuntimeException {\n"
                        + "  public String getMessage() { throw new IllegalStateException(\"no\"); }\n}\n"
                        + "throw new Unreadable();"));
        assertTrue(e.getMessage().contains("Unreadable (its message cannot be read: getMessage() threw "
                + "java.lang.IllegalStateException)"), e.getMessage());
        assertTrue(kernel.formatError(e).get(0).contains("Unreadable"), kernel.formatError(e).toString());
    }

    @Test
    void anExceptionWhoseMessageOverflowsTheStackIsNamedAndAnswered() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kernel.eval(
                "class Loop extends RuntimeException { public String getMessage() { return getMessage(); } }\n"
                        + "throw new Loop();"));
        assertTrue(e.getMessage().contains("Loop (its message cannot be read: getMessage() threw "
                + "java.lang.StackOverflowError)"), e.getMessage());
    }

    @Test
    void checkedExceptionKeepsItsClass() {
        assertThrows(IOException.class, () -> kernel.evalRaw("throw new java.io.IOException(\"disk\");"));
    }

    @Test
    void errorIsWrappedSoTheKernelSurvives() {
        kernel.evalRaw("int down(int n) { return down(n + 1) + 1; }");
        Failures.JavaError e = assertThrows(Failures.JavaError.class, () -> kernel.evalRaw("down(0)"));
        assertTrue(e.getMessage().contains("StackOverflowError"), e.getMessage());
    }

    @Test
    void aValueWhoseToStringOverflowsFailsTheCellNotTheKernel() {
        // rendering runs on the request's thread, not the cell's: an Error there would end jjava's shell thread
        Failures.JavaError e = assertThrows(Failures.JavaError.class, () -> kernel.eval(
                "class Loop { public String toString() { return \"loop \" + this; } }\nnew Loop()"));
        assertTrue(e.getMessage().contains("StackOverflowError"), e.getMessage());
        assertEquals(3, kernel.evalRaw("1 + 2"));
    }

    @Test
    void aValueLongerThanTheOutputLimitIsCutWithANote() {
        DisplayData shown = kernel.eval("\"y\".repeat(3 << 20)");
        String text = String.valueOf(shown.getData(MIMEType.TEXT_PLAIN));
        assertTrue(text.startsWith("y".repeat(1 << 20) + System.lineSeparator() + "[value truncated: its text has "
                + String.format(java.util.Locale.ROOT, "%,d", 2 << 20) + " more characters"),
                "a text of " + text.length() + " characters ending " + text.substring(text.length() - 200));
        assertTrue(text.length() < (1 << 20) + 300, "length " + text.length());
        DisplayData own = kernel.eval("var bundle = new DisplayData(\"z\".repeat(3 << 20));\nbundle");
        assertTrue(String.valueOf(own.getData(MIMEType.TEXT_PLAIN)).length() < (1 << 20) + 300);
        assertEquals(3 << 20, kernel.evalRaw("bundle.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType"
                + ".TEXT_PLAIN).toString().length()"), "the cell's own DisplayData keeps its text");
        assertEquals("short", kernel.eval("\"short\"").getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aDeclarationJavacRefusesIsACompileErrorNotAMissingDeclaration() {
        // more than 64 KiB of bytecode in the initializer; after this one JShell still declares variables
        CompilationException e = assertThrows(CompilationException.class,
                () -> kernel.evalRaw("double[] pasted = {" + "1.5, ".repeat(20_000) + "2};"));
        assertTrue(e.getMessage().startsWith("line 1: code too large"), e.getMessage());
        String notes = notesOf("int later() { return notYetDeclared(); }");
        assertTrue(notes.contains("cannot be invoked until method notYetDeclared() is declared")
                || notes.contains("cannot be used until method notYetDeclared() is declared"), notes);
    }

    @Test
    void aStringLiteralOverTheClassFileLimitFailsItsCellOnlyAndSaysWhy() {
        kernel.evalRaw("int keptBeforeLiteral = 40;");
        // 40,000 × 'é' (two bytes each in modified UTF-8) = 80,000 bytes in 40,000 characters: javac's own check
        // counts characters and lets it pass to the class writer
        CompilationException e = assertThrows(CompilationException.class, () -> kernel.evalRaw(
                "int besideLiteral = 1;\nString pasted = \"" + "é".repeat(40_000) + "\";"));
        assertTrue(e.getMessage().startsWith("line 2: a string literal of 80,000 bytes is over the class file's limit "
                + "of 65,535 bytes"), e.getMessage().lines().findFirst().orElse(""));
        assertEquals(41, kernel.evalRaw("keptBeforeLiteral + besideLiteral"), "the session goes on");
        // the same text written as Unicode escapes, which javac reads before anything else
        e = assertThrows(CompilationException.class, () -> kernel.evalRaw(
                "String escaped = \"" + "\\u00e9".repeat(40_000) + "\";"));
        assertTrue(e.getMessage().startsWith("line 1: a string literal of 80,000 bytes"),
                e.getMessage().lines().findFirst().orElse(""));
        // a text block behind a comment holding a quote and a character literal '"': 21,844 × '€' (three bytes each)
        // + "abc" + the line end before the closing delimiter = 65,532 + 3 + 1 = 65,536 bytes, one over
        String block = "String t = /* \" */ \"\"\"\n    " + "€".repeat(21_844) + "abc\n    \"\"\";";
        e = assertThrows(CompilationException.class, () -> kernel.evalRaw("char q = '\"';\n" + block));
        assertTrue(e.getMessage().startsWith("line 2: a string literal of 65,536 bytes"),
                e.getMessage().lines().findFirst().orElse(""));
        assertEquals("ok", kernel.evalRaw(block.replace("abc", "ab") + "\n\"ok\""),
                "65,535 bytes are within the limit");
        // two literals within the limit that javac folds into one over it: refused by javac, and JShell recovers
        assertThrows(CompilationException.class, () -> kernel.evalRaw(
                "String joined = \"" + "x".repeat(40_000) + "\" + \"" + "y".repeat(40_000) + "\";"));
        assertEquals(42, kernel.evalRaw("keptBeforeLiteral + 2"), "the session goes on after javac's refusal too");
    }

    @Test
    void aCompileErrorInAVeryLongLineShowsThePartAroundIt() {
        String line = "int[] pasted = {" + "1, ".repeat(2_000) + "missingName, " + "2, ".repeat(2_000) + "3};";
        CompilationException e = assertThrows(CompilationException.class, () -> kernel.evalRaw(line));
        List<String> shown = e.getMessage().lines().toList();
        assertEquals("line 1: cannot find symbol", shown.get(0));
        String code = shown.stream().filter(l -> l.contains("missingName, ")).findFirst().orElseThrow();
        assertTrue(code.startsWith("    ...") && code.endsWith("...") && code.length() < 120, code);
        String caret = shown.get(shown.indexOf(code) + 1);
        assertEquals(code.indexOf("missingName"), caret.indexOf('^'), "the caret is under the name");
    }

    @Test
    void anExpressionTooDeepForTheCompilerIsACompileError() {
        String deep = "int deep = 1" + " + 1".repeat(50_000) + ";";
        CompilationException e = assertThrows(CompilationException.class,
                () -> kernel.evalRaw("int shallow = 2;\n" + deep));
        assertTrue(e.getMessage().startsWith("line 2: too deeply nested for the Java compiler"), e.getMessage());
        assertEquals(2, kernel.evalRaw("shallow"), "the statement before it ran, and JShell still compiles");
    }

    @Test
    void aBackgroundThreadsFailurePrintsAShortTraceback() {
        String shown = notesOf("void deeper() { deeper(); }\nThread worker = new Thread(() -> deeper(), \"worker\");\n"
                + "worker.start();\nworker.join();");
        assertTrue(shown.startsWith("Exception in thread \"worker\" java.lang.StackOverflowError\n\tat "), shown);
        assertTrue(shown.lines().count() < 20, "not the JDK's 1,024 frames: " + shown.lines().count() + " lines");
    }

    @Test
    void interruptStopsABusyLoopAndTheKernelStaysUsable() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(kernel::interrupt, 500, TimeUnit.MILLISECONDS);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(CancellationException.class,
                    () -> kernel.evalRaw("long spins = 0;\nwhile (true) { spins++; }")));
            assertEquals(5, kernel.evalRaw("5"));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aCellThatSwallowsTheStopIsLeftBehindAndTheKernelGoesOn() throws Exception {
        // the cell counts this down once it runs; a latch in the system properties is one object both sides see
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        System.getProperties().put("scar.test.swallower", running);
        java.util.concurrent.ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            kernel.evalRaw("class Swallower { static volatile boolean done; }");
            // the kill (a ThreadDeath) may land anywhere in the inner loop: the outer one catches what it misses
            java.util.concurrent.Future<Object> cell = caller.submit(() -> kernel.evalRaw(
                    "var started = (java.util.concurrent.CountDownLatch) System.getProperties()"
                            + ".get(\"scar.test.swallower\");\n"
                            + "while (!Swallower.done) {\n  try {\n    while (!Swallower.done) {\n"
                            + "      try { started.countDown(); Thread.sleep(5); } catch (Throwable stopped) { }\n"
                            + "    }\n  } catch (Throwable stopped) { }\n}"));
            assertTrue(running.await(120, TimeUnit.SECONDS), "the cell did not start");
            kernel.interrupt();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> cell.get(120, TimeUnit.SECONDS));
            CancellationException stopped = assertInstanceOf(CancellationException.class, e.getCause());
            assertTrue(stopped.getMessage().contains("goes on running in the background")
                    && stopped.getMessage().contains("restart the kernel"), stopped.getMessage());
            assertEquals(5, kernel.evalRaw("5"), "the kernel answers the next cell");
        } finally {
            kernel.evalRaw("Swallower.done = true;");
            caller.shutdownNow();
            System.getProperties().remove("scar.test.swallower");
        }
    }

    @Test
    void printedLinesGoToSystemOut() {
        assertEquals("hello 42", printedBy("System.out.println(\"hello \" + (40 + 2));"));
    }

    /** What a cell with no value printed on System.out. */
    private static String printedBy(String cell) {
        return captured(cell, System.out, System::setOut);
    }

    /** What a cell with no value printed on System.err (the kernel's notes go there). */
    private static String notesOf(String cell) {
        return captured(cell, System.err, System::setErr);
    }

    private static String captured(String cell, PrintStream original, java.util.function.Consumer<PrintStream> set) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        set.accept(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertNull(kernel.evalRaw(cell));
        } finally {
            set.accept(original);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void aFailingMagicShowsItsMessageAloneACellItsTrace(@TempDir Path dir) {
        Path missing = dir.resolve("no-pom.xml");
        java.io.UncheckedIOException pom = assertThrows(java.io.UncheckedIOException.class,
                () -> kernel.evalRaw("%loadFromPOM " + missing));
        List<String> shown = kernel.formatError(pom);
        assertEquals(1, shown.size(), "no 'Caused by' and frames of the JDK's file system: " + shown);
        assertTrue(shown.get(0).contains("%loadFromPOM: no such file: " + missing), shown.get(0));
        IllegalArgumentException scar = assertThrows(IllegalArgumentException.class,
                () -> kernel.evalRaw("int before = 1;\n%scar characterize " + dir.resolve("nothing.csv")));
        assertEquals(1, kernel.formatError(scar).size(), "the command's one line: " + kernel.formatError(scar));
        IllegalStateException own = assertThrows(IllegalStateException.class,
                () -> kernel.evalRaw("throw new IllegalStateException(\"outer\", new RuntimeException(\"inner\"));"));
        assertTrue(kernel.formatError(own).size() > 2, "a cell's own failure keeps its frames and causes: "
                + kernel.formatError(own));
    }

    @Test
    void redefiningARecordSaysWhichVariablesLostTheirValues() {
        kernel.evalRaw("record Shape(int w) {}\nShape kept = new Shape(2);\nvar guessed = new Shape(3);\n"
                + "List<Shape> shapes = List.of(kept);\nint width = 4;");
        assertEquals("", notesOf("record Shape(int w) {}"), "the same definition again changes nothing");
        assertEquals(2, kernel.evalRaw("kept.w()"));
        String notes = notesOf("record Shape(int w) { int twice() { return 2 * w; } }");
        assertTrue(notes.contains("variable kept was reset to null because record Shape changed"), notes);
        assertTrue(notes.contains("variable shapes was reset to null because record Shape changed"), notes);
        assertTrue(notes.contains("variable guessed can no longer be used because record Shape changed"), notes);
        assertTrue(!notes.contains("width"), "a variable that does not name the record keeps its value: " + notes);
        assertNull(kernel.evalRaw("kept"), "JShell did reset it");
        assertEquals(4, kernel.evalRaw("width"));
        kernel.evalRaw("record Mark(int v) {}\nMark mark = new Mark(1);");
        assertEquals("", notesOf("record Mark(int v) { int twice() { return 2 * v; } }\nMark mark = new Mark(5);"),
                "a cell that declares the variable again after the record has nothing to say");
        assertEquals(10, kernel.evalRaw("mark.twice()"));
    }

    @Test
    void aClassNamedLikeAnImportTakesTheNameAndTheSessionGoesOn() {
        kernel.evalRaw("int beforeClash = 8;");
        String notes = notesOf("class ProbeKind { static String kind() { return \"mine\"; } }");
        assertTrue(notes.contains("import scar.probe.ProbeKind was dropped: class ProbeKind now has that name"),
                notes);
        assertEquals("mine", kernel.evalRaw("ProbeKind.kind()"));
        assertEquals(8, kernel.evalRaw("beforeClash"), "JShell still compiles every other snippet");
        kernel.evalRaw("record Point(int x) {}");
        CompilationException e = assertThrows(CompilationException.class,
                () -> kernel.evalRaw("int beforeImport = 1;\nimport java.awt.Point;"));
        assertTrue(e.getMessage().startsWith("line 2: import java.awt.Point is refused: record Point declared in "
                + "this notebook has that name"), e.getMessage());
        assertEquals(3, kernel.evalRaw("new Point(3).x()"));
        assertEquals(8, kernel.evalRaw("beforeClash"));
    }

    @Test
    void magicsRunInOrderWithCode(@TempDir Path dir) {
        Object help = kernel.evalRaw("int before = 1;\n%help classpath\n");
        assertTrue(help.toString().startsWith("%classpath"), help.toString());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> kernel.evalRaw("%nosuchmagic 1"));
        assertTrue(unknown.getMessage().contains("%nosuchmagic") && unknown.getMessage().contains("%jars"),
                unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> kernel.evalRaw("%classpath " + dir.resolve("missing.jar")));
        assertTrue(missing.getMessage().contains("missing.jar"), missing.getMessage());
        assertEquals(7, kernel.evalRaw("int m = 17\n% 10;\nm"), "a % line continuing an expression is code");
    }

    @Test
    void completionOffersMembersOfTheSnippetAtTheCursor() {
        String cell = "int x = 1;\nMath.ma";
        ReplacementOptions options = kernel.complete(cell, cell.length());
        assertTrue(options.getReplacements().contains("max("), options.getReplacements().toString());
        assertEquals(cell.length() - 2, options.getSourceStart());
        assertEquals(cell.length(), options.getSourceEnd());
        ReplacementOptions magics = kernel.complete("%cla", 4);
        assertEquals(List.of("classpath"), magics.getReplacements());
        assertEquals(1, magics.getSourceStart());
    }

    @Test
    void cursorPositionsAreCountedInCodePointsAsJupyterCountsThem() {
        // Jupyter's cursor_pos and the reply's cursor_start/end count code points; Java strings count UTF-16 units,
        // two for 😀: the cursor at the end of this cell fell one unit short ("Math.m") and the replacement range
        // was one off, so accepting a completion garbled the text
        String cell = "String s = \"é😀\"; Math.ma";
        int end = cell.codePointCount(0, cell.length());
        ReplacementOptions options = kernel.complete(cell, end);
        assertTrue(options.getReplacements().contains("max("), options.getReplacements().toString());
        assertEquals(end - 2, options.getSourceStart());
        assertEquals(end, options.getSourceEnd());
        String call = "String s = \"😀\"; Math.max(1, 2)";
        DisplayData doc = kernel.inspect(call, call.codePointCount(0, call.indexOf("max")) + 2, false);
        assertTrue(String.valueOf(doc.getData(MIMEType.TEXT_PLAIN)).contains("max("),
                String.valueOf(doc.getData(MIMEType.TEXT_PLAIN)));
    }

    @Test
    void inspectionShowsSignatureAndJavadoc() {
        String cell = "Math.max(1, 2)";
        DisplayData doc = kernel.inspect(cell, "Math.ma".length(), false);
        String text = String.valueOf(doc.getData(MIMEType.TEXT_PLAIN));
        assertTrue(text.contains("max(int a, int b)"), text);
        kernel.evalRaw("String greeting = \"hi\";");
        String variable = String.valueOf(kernel.inspect("greeting", 3, false).getData(MIMEType.TEXT_PLAIN));
        assertTrue(variable.contains("String"), variable);
    }

    @Test
    void isCompleteTellsUnfinishedFromInvalid() {
        assertEquals("complete", kernel.isComplete("int y = 2;\ny * 2"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("complete", kernel.isComplete("%help\nint z = 1;"));
    }

    @Test
    void aTrailingSemicolonHidesTheValueAsInIPython() {
        assertEquals(42, kernel.evalRaw("6 * 7"));
        assertNull(kernel.evalRaw("6 * 7;"));
        assertNull(kernel.evalRaw("6 * 7; // the answer"));
        assertEquals(42, kernel.evalRaw("int h = 6 * 7;\nh"));
    }

    @Test
    void printfShowsNoPrintStreamValue() {
        assertEquals("3 items", printedBy("System.out.printf(\"%d items%n\", 3)"));
    }

    @Test
    void aLineMagicIsAlsoAnExpression(@TempDir Path dir) throws IOException {
        Path jar = Files.write(dir.resolve("empty.jar"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0});
        Object added = kernel.evalRaw("List<String> added = %jars " + dir + "/*.jar\nadded");
        assertEquals(List.of(jar.toString()), added);
        assertEquals(List.of(jar.toString()), kernel.evalRaw("List<String> again = lineMagic(\"jars\", List.of(\""
                + jar + "\"));\nagain"));
        assertEquals(7, kernel.evalRaw("int m = 17\n% 10;\nm"), "a % line continuing an expression is code");
        assertEquals("100%", kernel.evalRaw("String pct = \"100\" + \"%\";\npct"), "no magic inside a string");
    }

    @Test
    void theIJavaNotebookFunctionsAreThere() {
        Object rendered = kernel.evalRaw("render(\"**bold**\", \"text/markdown\")");
        DisplayData data = assertInstanceOf(DisplayData.class, rendered);
        assertEquals("**bold**", data.getData(MIMEType.parse("text/markdown")));
        Object same = kernel.evalRaw("var d = new DisplayData(\"plain\");\nrender(d) == d");
        assertEquals(true, same);
        assertTrue(kernel.evalRaw("Scar.datasets()").toString().contains("wikipedia"), "Scar is imported as a class");
        assertTrue(String.valueOf(kernel.evalRaw("display(\"x\")")).length() > 0, "display returns its id");
    }

    @Test
    void nullIsShownAsNullAndAnUpdateWithoutAnIdIsOneLine() {
        DisplayData shown = assertInstanceOf(DisplayData.class, kernel.evalRaw("render(null)"));
        assertEquals("null", shown.getData(MIMEType.TEXT_PLAIN));
        DisplayData asHtml = assertInstanceOf(DisplayData.class, kernel.evalRaw("render(null, \"text/html\")"));
        assertEquals("null", asHtml.getData(MIMEType.TEXT_PLAIN));
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class,
                () -> kernel.evalRaw("updateDisplay(null, \"x\")"));
        List<String> lines = Failures.traceback(noId);
        assertEquals(List.of("java.lang.IllegalArgumentException: updateDisplay needs the id that display(...) "
                + "returned; got null"), lines.subList(0, 1));
        assertTrue(lines.stream().noneMatch(l -> l.contains("jjava")), lines.toString());
    }

    @Test
    void aWrongMimeTypeIsOneLineNamingIt() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> kernel.evalRaw("display(\"x\", \"text/html\", \"not a mime\")"));
        assertEquals(List.of("java.lang.IllegalArgumentException: 'not a mime' is not a MIME type; expected "
                + "type/subtype such as \"text/html\" or \"image/png\""), Failures.traceback(wrong));
        assertInstanceOf(DisplayData.class, kernel.evalRaw("render(\"x\", \"text/plain\")"));
    }

    @Test
    void completionKnowsMagicsCellMagicsAndScarCommands() {
        assertEquals(List.of("loadFromPOM"), kernel.complete("%%lo", 4).getReplacements());
        assertEquals(List.of("maven", "mavenRepo"), kernel.complete("%mav", 4).getReplacements());
        assertEquals(List.of("characterize", "characterise"), kernel.complete("%scar char", 10).getReplacements()
                .stream().sorted(java.util.Comparator.reverseOrder()).toList());
        assertTrue(kernel.complete("Scar.char", 9).getReplacements().contains("characterize("),
                kernel.complete("Scar.char", 9).getReplacements().toString());
    }

    @Test
    void aPomCellIsCompleteWhenItsXmlIs() {
        assertEquals("", kernel.isComplete("%%loadFromPOM"));
        assertEquals("", kernel.isComplete("%%loadFromPOM\n<dependency>\n  <groupId>a</groupId>"));
        assertEquals("complete", kernel.isComplete("%%loadFromPOM\n<dependency><groupId>a</groupId>"
                + "<artifactId>b</artifactId><version>1</version></dependency>"));
        assertEquals("complete", kernel.isComplete("%%loadFromPOM\n<dependency>\n\n"), "a blank line ends it");
    }

    @Test
    void inspectionShowsTheFacadesJavadoc() {
        String cell = "characterize(dataset(\"iris\"))";
        String text = String.valueOf(kernel.inspect(cell, "charac".length(), false).getData(MIMEType.TEXT_PLAIN));
        assertTrue(text.contains("characterize(MultiModalDataset dataset)"), text);
        assertTrue(text.contains("The SCAR profiles of every modality of a dataset"), text);
    }

    @Test
    void aCellLongerThanTheTimeoutIsStoppedAndTheKernelLives() {
        ScarKernel limited = new ScarKernel(TestClasspath.entries(), new KernelOptions(
                java.util.Optional.of(Duration.ofMillis(500)), java.util.Optional.empty(), 1 << 20,
                java.util.Optional.empty(), java.util.Optional.empty(), List.of()));
        try {
            limited.runStartupSnippets();
            limited.evalRaw("int kept = 9;");
            CellTimeoutException e = assertThrows(CellTimeoutException.class,
                    () -> limited.evalRaw("while (true) { }"));
            assertTrue(e.getMessage().contains("500 ms") && e.getMessage().contains("SCAR_KERNEL_TIMEOUT"),
                    e.getMessage());
            assertEquals(9, limited.evalRaw("kept"));
        } finally {
            limited.onShutdown(false);
        }
    }

    /**
     * A kernelspec's {@value KernelOptions#IMPORTS} resource runs after the kernel's own imports, so a single-type
     * import there settles a name that two of those bring (Date: java.util's here, as in the Spark kernel Row is
     * Tablesaw's until its resource names Spark's); a resource the class path lacks is one line on the kernel's
     * stderr and the kernel starts with its own imports.
     */
    @Test
    void aKernelspecsImportsResourceRunsAfterTheKernelsOwnImports() {
        assertEquals("java.util.Date", kernel.evalRaw("Date.class.getName()"), "the plain kernel's Date");
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        ScarKernel more = withImports("scar/kernel/more-imports.jsh");
        ScarKernel missing = withImports("scar/kernel/no-such-imports.jsh");
        System.setErr(err);
        try {
            more.runStartupSnippets();
            assertEquals("java.sql.Date", more.evalRaw("Date.class.getName()"));
            assertEquals("tech.tablesaw.api.Table", more.evalRaw("Table.class.getName()"), "the kernel's own kept");
            missing.runStartupSnippets();
            assertEquals("java.util.Date", missing.evalRaw("Date.class.getName()"));
            assertEquals("scar kernel: SCAR_KERNEL_IMPORTS: no class-path resource scar/kernel/no-such-imports.jsh;"
                    + " starting with the kernel's own imports only", stderr.toString(StandardCharsets.UTF_8).strip());
        } finally {
            more.onShutdown(false);
            missing.onShutdown(false);
        }
    }

    private static ScarKernel withImports(String resource) {
        return new ScarKernel(TestClasspath.entries(), KernelOptions.from(Map.of(KernelOptions.IMPORTS, resource)));
    }

    @Test
    void aCellThatClosesOrDropsSystemOutSilencesOnlyItself() {
        ScarKernel own = new ScarKernel(TestClasspath.entries());
        PrintStream out = System.out;
        PrintStream err = System.err;
        try {
            own.runStartupSnippets();
            own.installStreams();
            own.evalRaw("System.out.close();\nSystem.err.close();");
            assertEquals(false, own.evalRaw("System.out.checkError() || System.err.checkError()"),
                    "closing them closed nothing");
            own.evalRaw("System.setOut(null);\nSystem.setErr(null);");
            assertEquals(false, own.evalRaw("System.out.checkError() || System.err.checkError()"),
                    "the next cell has them back");
        } finally {
            System.setOut(out);
            System.setErr(err);
            own.onShutdown(false);
        }
    }

    @Test
    void systemExitInACellIsRefusedAndTheKernelKeepsItsVariables() {
        kernel.evalRaw("int survivor = 11;");
        ExitGuard.ExitRefusedException e = assertThrows(ExitGuard.ExitRefusedException.class,
                () -> kernel.evalRaw("System.exit(3);"));
        assertTrue(e.getMessage().startsWith("System.exit(3) is refused"), e.getMessage());
        assertThrows(ExitGuard.ExitRefusedException.class,
                () -> kernel.evalRaw("void leave() { System.exit(0); }\nleave();"));
        assertThrows(ExitGuard.ExitRefusedException.class,
                () -> kernel.evalRaw("java.util.function.IntConsumer quit = System::exit;\nquit.accept(1);"));
        assertEquals(11, kernel.evalRaw("survivor"));
    }

    @Test
    void runtimeExitAndHaltInACellAreRefusedToo() {
        kernel.evalRaw("int stayer = 12;");
        // a null Runtime first: unguarded, these calls throw a NullPointerException instead of ending this JVM
        for (String call : List.of("exit", "halt")) {
            ExitGuard.ExitRefusedException e = assertThrows(ExitGuard.ExitRefusedException.class,
                    () -> kernel.evalRaw("Runtime no" + call + " = null;\nno" + call + "." + call + "(4);"));
            assertTrue(e.getMessage().startsWith("Runtime." + call + "(4) is refused"), e.getMessage());
        }
        assertThrows(ExitGuard.ExitRefusedException.class, () -> kernel.evalRaw("Runtime.getRuntime().halt(5);"));
        assertThrows(ExitGuard.ExitRefusedException.class, () -> kernel.evalRaw("Runtime.getRuntime().exit(5);"));
        assertThrows(ExitGuard.ExitRefusedException.class,
                () -> kernel.evalRaw("void stop() { Runtime.getRuntime().halt(0); }\nstop();"));
        assertThrows(ExitGuard.ExitRefusedException.class, () -> kernel.evalRaw(
                "java.util.function.IntConsumer halting = Runtime.getRuntime()::halt;\nhalting.accept(1);"));
        assertThrows(ExitGuard.ExitRefusedException.class, () -> kernel.evalRaw(
                "java.util.function.ObjIntConsumer<Runtime> ending = Runtime::exit;\n"
                        + "ending.accept(Runtime.getRuntime(), 1);"));
        assertEquals(12, kernel.evalRaw("stayer"));
    }
}
