package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel under a real Jupyter client: the kernelspec is installed into a temporary Jupyter path with this test
 * JVM's class path, then Debian's jupyter_client (through {@code /usr/bin/python3}) runs cells against it, and
 * {@code jupyter nbconvert --execute} runs a notebook. Skipped only if jupyter_client cannot be imported.
 */
class KernelIntegrationTest {

    private static final String PYTHON = Jupyter.PYTHON;
    private static final String KERNEL = "scar-java-test";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final long PROCESS_TIMEOUT_S = 600;

    @TempDir
    static Path jupyterDir;

    private static Jupyter jupyter;

    /** Every kernel JVM the tests saw; none may be alive at the end. */
    private static final List<Long> KERNEL_PIDS = new ArrayList<>();

    /** What talking to the kernel through a real client needs from Python. */
    private static final String MODULES = "jupyter_client, nbconvert";

    @BeforeAll
    static void installKernelspec() {
        if (!Jupyter.available(MODULES)) {
            return; // every test is skipped, with the reason (see needsJupyter)
        }
        Path settings = MavenTestRepository.create(jupyterDir.resolve("maven"));
        Path script = jupyterDir.resolve("init.jsh");
        try {
            Files.writeString(script, "String fromTheStartupScript() { return \"defined at start-up\"; }\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        jupyter = Jupyter.install(jupyterDir, KERNEL, Map.of(KernelOptions.MAVEN_SETTINGS, settings.toString(),
                KernelOptions.STARTUP_SCRIPT, script.toString()));
    }

    /** Without Jupyter, every test here is counted as skipped, with the reason in the Maven log. */
    @BeforeEach
    void needsJupyter() {
        Jupyter.requireOrSkip(MODULES, KernelIntegrationTest.class);
    }

    @AfterAll
    static void noKernelOutlivesTheTests() throws InterruptedException {
        for (long pid : KERNEL_PIDS) {
            assertTrue(Jupyter.waitUntilGone(pid, 10), "kernel JVM " + pid + " is still running after the tests");
        }
        System.out.println("[kernel] checked " + KERNEL_PIDS.size() + " kernel JVMs: none left running");
    }

    @Test
    void cellsRunThroughJupyterClient() throws Exception {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("value", "int a = 6;\nint b = 7;\na * b");
        cells.put("printed", "System.out.println(\"hello from java\");\nSystem.err.println(\"to stderr\");");
        cells.put("compileError", "int ok = 1;\nint bad = notDeclared + 1;");
        cells.put("exception", "throw new IllegalArgumentException(\"bad value 3\");");
        cells.put("table", "Table.create(\"numbers\", IntColumn.create(\"n\", IntStream.range(0, 50).toArray()))");
        cells.put("chart", "var chart = new XYChartBuilder().width(300).height(200).title(\"squares\").build();\n"
                + "chart.addSeries(\"s\", new double[] {1, 2, 3}, new double[] {1, 4, 9});\nchart");
        cells.put("profile", "record Profile(String name, double scale) implements scar.data.Tabular {\n"
                + "  public Table toTable() { return Table.create(name, DoubleColumn.create(\"scale\", scale)); }\n"
                + "}\nnew Profile(\"text\", 0.75)");
        cells.put("scarMagic", "%scar characterize wikipedia --modality text");
        cells.put("scarMagicBadOption", "%scar characterize wikipedia --colour red");
        cells.put("help", "%help");
        Path cellsFile = jupyterDir.resolve("cells.json");
        Files.writeString(cellsFile, new Gson().toJson(cells));

        JsonObject report = runPython("session", KERNEL, cellsFile.toString(), jupyterDir.toString());
        JsonArray pids = report.getAsJsonArray("pids");
        pids.forEach(p -> KERNEL_PIDS.add(p.getAsLong()));

        double startup = report.get("start_to_first_result_s").getAsDouble();
        double roundTrip = report.get("round_trip_median_s").getAsDouble();
        System.out.printf("[kernel] start to first result: %.2f s; simple cell round trip: median %.1f ms, max %.1f ms;"
                        + " interrupt took %.2f s%n", startup, roundTrip * 1000,
                report.get("round_trip_max_s").getAsDouble() * 1000, report.get("interrupt_s").getAsDouble());
        assertEquals("2", resultText(report.getAsJsonObject("first")));

        JsonObject c = report.getAsJsonObject("cells");
        assertEquals("42", resultText(c.getAsJsonObject("value")));

        JsonObject printed = c.getAsJsonObject("printed");
        assertEquals("ok", printed.get("status").getAsString());
        assertEquals("hello from java\n", streamText(printed, "stdout"));
        assertEquals("to stderr\n", streamText(printed, "stderr"));

        JsonObject compile = c.getAsJsonObject("compileError");
        assertEquals("error", compile.get("status").getAsString());
        assertEquals("CompilationException", compile.get("ename").getAsString());
        String compileMessage = compile.get("evalue").getAsString();
        assertTrue(compileMessage.startsWith("line 2: cannot find symbol") && compileMessage.contains("notDeclared"),
                compileMessage);
        assertEquals("error", firstOutput(compile, "error").get("type").getAsString());

        JsonObject exception = c.getAsJsonObject("exception");
        assertEquals("error", exception.get("status").getAsString());
        assertEquals("IllegalArgumentException", exception.get("ename").getAsString());
        assertEquals("bad value 3", exception.get("evalue").getAsString());
        String traceback = firstOutput(exception, "error").getAsJsonArray("traceback").toString();
        assertTrue(traceback.contains("java.lang.IllegalArgumentException: bad value 3"), traceback);

        JsonObject table = data(c.getAsJsonObject("table"));
        assertTrue(table.get("text/html").getAsString().contains("showing 20 of 50 rows"), table.toString());
        assertTrue(table.has("text/plain"));

        JsonObject chart = data(c.getAsJsonObject("chart"));
        byte[] png = Base64.getDecoder().decode(chart.get("image/png").getAsString().strip());
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
        assertTrue(chart.get("text/plain").getAsString().contains("squares"));

        JsonObject profile = data(c.getAsJsonObject("profile"));
        assertTrue(profile.get("text/html").getAsString().contains("<th>scale</th>"), profile.toString());
        assertTrue(profile.get("text/plain").getAsString().contains("Profile[name=text, scale=0.75]"));

        checkScarMagic(c.getAsJsonObject("scarMagic"), c.getAsJsonObject("scarMagicBadOption"));
        assertTrue(resultText(c.getAsJsonObject("help")).contains("%classpath"));

        JsonArray matches = report.getAsJsonObject("complete").getAsJsonArray("matches");
        assertTrue(matches.toString().contains("\"max(\""), matches.toString());
        String doc = report.getAsJsonObject("inspect").getAsJsonObject("data").get("text/plain").getAsString();
        assertTrue(doc.contains("max(int a, int b)"), doc);
        assertEquals("incomplete", report.getAsJsonObject("is_complete_open").get("status").getAsString());
        assertEquals("complete", report.getAsJsonObject("is_complete_done").get("status").getAsString());

        JsonObject interrupted = report.getAsJsonObject("interrupt_reply");
        assertEquals("error", interrupted.get("status").getAsString());
        assertEquals("CancellationException", interrupted.get("ename").getAsString());
        assertEquals("42", resultText(report.getAsJsonObject("after_interrupt")));
        assertTrue(report.get("same_kernel_after_interrupt").getAsBoolean());

        assertEquals("10", resultText(report.getAsJsonObject("after_restart")));
        assertNotEquals(pids.get(0).getAsLong(), pids.get(1).getAsLong(), "restart starts a new kernel JVM");
        assertFalse(report.get("alive_after_shutdown").getAsBoolean());
        for (JsonElement pid : pids) {
            assertTrue(Jupyter.waitUntilGone(pid.getAsLong(), 10), "kernel " + pid + " survived shutdown/restart");
        }
        assertTrue(startup < 60, "start to first result took " + startup + " s");

        checkOutput(report.getAsJsonObject("flood"), report.getAsJsonObject("progress"));
        checkGuardRails(report.getAsJsonObject("guard_rails"));
        checkNotebookFunctions(report.getAsJsonObject("notebook_functions"));
        checkMaven(report.getAsJsonObject("maven"));
        checkHelp(report);
        String kernelStderr = Files.readString(jupyterDir.resolve("kernel-stderr.txt"));
        assertEquals("", kernelStderr.strip(), "the kernel wrote to its own stdout/stderr (the server console)");
    }

    /** The flood cell ends promptly with a few messages; characterize's progress is one display, monotone, 100 %. */
    private static void checkOutput(JsonObject flood, JsonObject progress) {
        System.out.printf("[kernel] flood of 100,000 println: idle after %.2f s, %d messages (%d stream, %,d bytes "
                        + "of stdout)%n", flood.get("idle_s").getAsDouble(), flood.get("messages").getAsInt(),
                flood.get("stream_messages").getAsInt(), flood.get("stdout_bytes").getAsLong());
        assertEquals("ok", flood.get("status").getAsString());
        assertTrue(flood.get("starts_right").getAsBoolean());
        String note = flood.get("note").getAsString();
        assertTrue(flood.get("all_lines").getAsBoolean() || note.startsWith("[output truncated:"), note);
        assertTrue(flood.get("messages").getAsInt() < 100, flood.toString());
        assertTrue(flood.get("streams_before_reply").getAsBoolean(), "output arrived after the reply");

        System.out.printf("[kernel] characterize(dataset(\"wikipedia\")): %d messages in %.1f s; displays %s%n",
                progress.get("messages").getAsInt(), progress.get("seconds").getAsDouble(), progress.get("displays"));
        assertEquals("ok", progress.get("status").getAsString(), progress.toString());
        assertTrue(progress.get("messages").getAsInt() < 100, progress.toString());
        assertEquals("", progress.get("stdout").getAsString(), "progress is a display, not \\r-fragments on stdout");
        JsonArray displays = progress.getAsJsonArray("displays");
        JsonArray updates = progress.getAsJsonArray("updates");
        assertEquals(2, displays.size(), "one display per modality: " + displays);
        assertEquals(2, updates.size(), updates.toString());
        for (JsonElement perDisplay : updates) {
            int previous = -1;
            for (JsonElement u : perDisplay.getAsJsonArray()) {
                String text = u.getAsString();
                int from = text.indexOf(": ") + 2;
                int done = Integer.parseInt(text.substring(from, text.indexOf('/', from)));
                assertTrue(done >= previous, "progress went back: " + perDisplay);
                previous = done;
            }
            String last = perDisplay.getAsJsonArray().get(perDisplay.getAsJsonArray().size() - 1).getAsString();
            assertTrue(last.contains("83/83 fits (100%)"), last);
        }
    }

    /** System.exit is refused and the kernel keeps its variables; threads' output reaches the right cell. */
    private static void checkGuardRails(JsonObject g) {
        JsonObject exit = g.getAsJsonObject("exit");
        assertEquals("error", exit.get("status").getAsString(), exit.toString());
        assertEquals("ExitRefusedException", exit.get("ename").getAsString());
        assertTrue(exit.get("evalue").getAsString().contains("System.exit(0) is refused"), exit.toString());
        assertEquals("5", resultText(g.getAsJsonObject("after_exit")));
        assertTrue(g.get("same_kernel_after_exit").getAsBoolean());
        assertFalse(streamText(g.getAsJsonObject("starter"), "stdout").contains("late line"));
        assertEquals("", streamText(g.getAsJsonObject("next_cell"), "stdout"),
                "what a thread prints between cells goes to the last cell, not the next (the threads test sees it)");
        assertEquals(List.of(), texts(g.getAsJsonObject("next_cell"), "display_data"), "nor what it displays");
        assertEquals("worker says hi\n", streamText(g.getAsJsonObject("worker"), "stdout"));
    }

    /** display, updateDisplay, render and display(DisplayData), in the order the cell made them. */
    private static void checkNotebookFunctions(JsonObject n) {
        assertEquals("ok", n.get("status").getAsString(), n.toString());
        JsonArray seq = n.getAsJsonArray("sequence");
        assertEquals(4, seq.size(), seq.toString());
        JsonArray first = seq.get(0).getAsJsonArray();
        assertEquals("display_data", first.get(0).getAsString());
        assertEquals("<b>step 1</b>", first.get(1).getAsJsonObject().get("text/html").getAsString());
        String id = first.get(2).getAsJsonObject().get("display_id").getAsString();
        JsonArray second = seq.get(1).getAsJsonArray();
        assertEquals("update_display_data", second.get(0).getAsString());
        assertEquals(id, second.get(2).getAsJsonObject().get("display_id").getAsString());
        assertEquals("<b>step 2</b>", second.get(1).getAsJsonObject().get("text/html").getAsString());
        JsonArray third = seq.get(2).getAsJsonArray();
        assertEquals("**markdown**", third.get(1).getAsJsonObject().get("text/markdown").getAsString(),
                "display(DisplayData) passes its bundle through");
        JsonArray fourth = seq.get(3).getAsJsonArray();
        assertEquals("stream", fourth.get(0).getAsString(), "printf shows no PrintStream value: " + seq);
        assertEquals("3 printed\n", fourth.get(3).getAsString());
    }

    /** %maven from a temporary local repository (no network), its transitive dependency, errors, the POM magic. */
    private static void checkMaven(JsonObject m) {
        String added = streamText(m.getAsJsonObject("maven"), "stdout");
        assertTrue(added.startsWith("added 2 jars for scar.test:greeter:1.0: greeter-1.0.jar, names-1.0.jar"), added);
        assertEquals("Hello, dear Ada / dear Bob", resultText(m.getAsJsonObject("use")));
        JsonObject missing = m.getAsJsonObject("missing");
        assertEquals("IllegalArgumentException", missing.get("ename").getAsString(), missing.toString());
        assertTrue(missing.get("evalue").getAsString().startsWith("cannot reach a Maven repository"), missing.toString());
        assertEquals("ok", m.getAsJsonObject("pom").get("status").getAsString(), m.toString());
        assertTrue(streamText(m.getAsJsonObject("pom"), "stdout").contains("names-1.0.jar"), m.toString());
        assertEquals("defined at start-up", resultText(m.getAsJsonObject("startup_script")));
    }

    private static void checkHelp(JsonObject report) {
        assertEquals("complete", report.getAsJsonObject("is_complete_pom").get("status").getAsString());
        assertEquals("[\"maven\",\"mavenRepo\"]", report.getAsJsonObject("complete_magic").getAsJsonArray("matches")
                .toString());
        assertTrue(report.getAsJsonObject("complete_scar").getAsJsonArray("matches").toString()
                .contains("characterize("), report.getAsJsonObject("complete_scar").toString());
        String doc = report.getAsJsonObject("inspect_scar").getAsJsonObject("data").get("text/plain").getAsString();
        assertTrue(doc.contains("The SCAR profiles of every modality of a dataset"), doc);
    }

    /** %scar prints what ./scar prints; progress is a display; a bad option fails the cell with picocli's line. */
    private static void checkScarMagic(JsonObject magic, JsonObject bad) {
        assertEquals("ok", magic.get("status").getAsString(), magic.toString());
        String out = streamText(magic, "stdout");
        assertTrue(out.contains("dataset / modality       wikipedia / text") && out.contains("foundation size N_F"),
                out);
        assertTrue(magic.getAsJsonArray("outputs").toString().contains("83/83 fits (100%)"), magic.toString());
        assertEquals("error", bad.get("status").getAsString(), bad.toString());
        assertTrue(bad.get("evalue").getAsString().contains("--colour"), bad.toString());
    }

    @Test
    void anExpressionTooDeepForTheCompilerShowsOneLineAndNoCompilerCrashReport() throws Exception {
        // javac runs out of stack in its attribution at 2,000 terms (and prints its report), in its parser at 50,000
        Map<String, String> run = new LinkedHashMap<>();
        for (int terms : new int[] {2_000, 50_000}) {
            run.put("deep" + terms, "int deep = 1" + " + 1".repeat(terms) + ";");
        }
        run.put("after", "40 + 2");
        JsonObject cells = runCells(run);
        for (String name : List.of("deep2000", "deep50000")) {
            JsonObject deep = cells.getAsJsonObject(name);
            assertEquals("CompilationException", deep.get("ename").getAsString(), deep.toString());
            assertTrue(deep.get("evalue").getAsString().startsWith("line 1: too deeply nested for the Java compiler"),
                    deep.get("evalue").getAsString());
            String outputs = deep.getAsJsonArray("outputs").toString();
            assertEquals(1, deep.getAsJsonArray("outputs").size(), "the error alone, not javac's report on stderr: "
                    + outputs.substring(0, Math.min(400, outputs.length())));
        }
        assertEquals("42", resultText(cells.getAsJsonObject("after")));
        String kernelStderr = Files.readString(jupyterDir.resolve("cells-kernel-stderr.txt"));
        assertFalse(kernelStderr.contains("An exception has occurred in the compiler"),
                "javac's report reached the kernel's stderr");
    }

    @Test
    void anUnknownScarCommandIsOneMessageShownOnce() throws Exception {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("unknown", "%scar nosuch");
        run.put("typo", "%scar charactrize");
        JsonObject cells = runCells(run);
        for (String name : run.keySet()) {
            JsonObject cell = cells.getAsJsonObject(name);
            assertEquals("error", cell.get("status").getAsString(), cell.toString());
            String shown = shownText(cell);
            String message = "Unmatched argument at index 0: '" + run.get(name).split(" ")[1] + "'";
            assertEquals(1, shown.split(java.util.regex.Pattern.quote(message), -1).length - 1, shown);
        }
        assertTrue(shownText(cells.getAsJsonObject("typo")).contains("Did you mean: %scar characterize"),
                "picocli's suggestion is part of the one message");
    }

    /** What a notebook shows of a cell: its streams' text and its error's traceback. */
    private static String shownText(JsonObject cell) {
        StringBuilder shown = new StringBuilder();
        for (JsonElement output : cell.getAsJsonArray("outputs")) {
            JsonObject o = output.getAsJsonObject();
            shown.append(o.has("text") ? o.get("text").getAsString() : "");
            shown.append(o.has("traceback") ? o.getAsJsonArray("traceback").toString() : "");
        }
        return shown.toString();
    }

    /**
     * A client slower than the kernel (a Python loop reading message by message) gets 1,000 displays, the first
     * update of each, and the cell's idle status: ZeroMQ used to drop what was beyond 1,000 waiting messages. A loop
     * of 20,000 updates of one display is a few messages that end with its last: a notebook server drops what a
     * kernel sends beyond 1,000 messages a second (over 3 s), and the display was left showing one from the middle.
     */
    @Test
    void displayUpdatesReachASlowClientAndALoopOfThemEndsWithItsLast() throws Exception {
        int displays = CellOutput.DISPLAY_LIMIT;
        int count = 20_000;
        JsonObject report = runPython("updates", KERNEL, "String[] ids = new String[" + displays + "];\n"
                + "for (int i = 0; i < ids.length; i++) ids[i] = display(\"display \" + i);\n"
                + "for (int i = 0; i < ids.length; i++) updateDisplay(ids[i], \"once \" + i);\n"
                + "for (int i = 0; i < " + count + "; i++) updateDisplay(ids[0], \"update \" + i);");
        KERNEL_PIDS.add(report.get("pid").getAsLong());
        String brief = report.toString().substring(0, Math.min(300, report.toString().length()));
        assertEquals("[\"busy\",\"idle\"]", report.getAsJsonArray("states").toString(),
                "the idle status arrived: " + brief);
        assertEquals(displays, report.get("displays").getAsInt(), brief);
        List<String> updates = new ArrayList<>();
        report.getAsJsonArray("updates").forEach(u -> updates.add(u.getAsString()));
        for (int i = 0; i < displays; i++) {
            assertEquals("once " + i, updates.get(i));
        }
        assertEquals("update " + (count - 1), updates.get(updates.size() - 1));
        int loop = updates.size() - displays;
        System.out.printf("[kernel] %,d updates of one display: %d messages%n", count, loop);
        assertTrue(displays + updates.size() < 3_000, loop + " messages for the loop: over the server's 3,000 in 3 s");
    }

    /**
     * An exception whose message is 20 million characters: the reply and the error message keep the cell's own
     * exception class as the error's name, and carry the message cut at the output limit with a note (jjava sent it
     * whole, twice, plus the reply: over 40 MB to the browser); the next cell runs.
     */
    @Test
    void anExceptionWithAHugeMessageIsCutAtTheOutputLimit() throws Exception {
        int length = 20_000_000;
        long limit = KernelOptions.DEFAULT_OUTPUT_LIMIT;
        Map<String, String> run = new LinkedHashMap<>();
        run.put("huge", "throw new RuntimeException(\"x\".repeat(" + length + "));");
        run.put("wrapped", "class Boom extends Exception { Boom(Throwable cause) { super(cause); } }\n"
                + "throw new Boom(new IllegalStateException(\"y\".repeat(" + length + ")));");
        run.put("after", "40 + 2");
        JsonObject cells = runCells(run);
        Map<String, String> names = Map.of("huge", "RuntimeException", "wrapped", "Boom");
        for (Map.Entry<String, String> cell : names.entrySet()) {
            JsonObject shown = cells.getAsJsonObject(cell.getKey());
            String brief = shown.toString().substring(0, 300);
            assertEquals("error", shown.get("status").getAsString(), brief);
            assertEquals(cell.getValue(), shown.get("ename").getAsString(), brief);
            JsonObject error = firstOutput(shown, "error");
            assertEquals(cell.getValue(), error.get("ename").getAsString(), brief);
            for (String message : List.of(shown.get("evalue").getAsString(), error.get("evalue").getAsString())) {
                assertTrue(message.length() < limit + 400, message.length() + " characters");
                assertTrue(message.contains("[message truncated: "), message.substring(message.length() - 300));
            }
            String traceback = error.getAsJsonArray("traceback").toString();
            assertTrue(traceback.length() < limit + 20_000, traceback.length() + " characters of traceback");
            assertTrue(shown.get("reply_chars").getAsLong() < 2 * limit + 20_000,
                    shown.get("reply_chars") + " characters of reply");
            assertEquals(1, shown.getAsJsonArray("outputs").size(), brief);
        }
        String huge = cells.getAsJsonObject("huge").get("evalue").getAsString();
        assertTrue(huge.startsWith("x".repeat((int) limit) + System.lineSeparator() + "[message truncated: "
                + String.format("%,d", length - limit) + " more characters after the first "), huge.substring(
                (int) limit));
        String wrapped = firstOutput(cells.getAsJsonObject("wrapped"), "error").getAsJsonArray("traceback")
                .toString();
        assertTrue(wrapped.contains("Caused by: java.lang.IllegalStateException"), "the cause is still named");
        assertEquals("42", resultText(cells.getAsJsonObject("after")));
    }

    /**
     * An exception whose own methods overflow the stack when the kernel reads them to answer ({@code getMessage()} or
     * {@code getCause()} calling itself) is answered as an error, and the next cell runs: the StackOverflowError ended
     * the thread that answers requests, and no cell was answered again.
     */
    @Test
    void anExceptionThatCannotBeReadIsAnsweredAndTheKernelGoesOn() throws Exception {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("message", "class Loop extends RuntimeException { public String getMessage() { return getMessage(); } }"
                + "\nthrow new Loop();");
        run.put("cause", "class Cyclic extends RuntimeException { public Throwable getCause() { return getCause(); } }"
                + "\nthrow new Cyclic();");
        run.put("after", "40 + 2");
        JsonObject cells = runCells(run);
        JsonObject message = cells.getAsJsonObject("message");
        assertEquals("error", message.get("status").getAsString(), message.toString());
        assertTrue(message.get("evalue").getAsString().contains("Loop (its message cannot be read: getMessage() "
                + "threw java.lang.StackOverflowError)"), message.toString());
        JsonObject cause = cells.getAsJsonObject("cause");
        assertEquals("error", cause.get("status").getAsString(), cause.toString());
        assertEquals("Cyclic", cause.get("ename").getAsString(), cause.toString());
        assertTrue(cause.get("evalue").getAsString().contains("java.lang.StackOverflowError"), cause.toString());
        assertEquals("42", resultText(cells.getAsJsonObject("after")));
    }

    /**
     * An {@link Error} a cell throws, or runs into, is named as itself, with its own message, not as the exception
     * the kernel carries it in ({@code JavaError}).
     */
    @Test
    void anErrorIsNamedAsItself() throws Exception {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("assertion", "throw new AssertionError(\"assumed wrong\");");
        run.put("overflow", "int down(int n) { return down(n + 1) + 1; }\ndown(0)");
        run.put("after", "40 + 2");
        JsonObject cells = runCells(run);
        JsonObject assertion = cells.getAsJsonObject("assertion");
        assertEquals("AssertionError", assertion.get("ename").getAsString(), assertion.toString());
        assertEquals("assumed wrong", assertion.get("evalue").getAsString(), assertion.toString());
        JsonObject error = firstOutput(assertion, "error");
        assertEquals("AssertionError", error.get("ename").getAsString(), error.toString());
        assertTrue(error.getAsJsonArray("traceback").toString().contains("java.lang.AssertionError: assumed wrong"),
                error.toString());
        JsonObject overflow = cells.getAsJsonObject("overflow");
        assertEquals("StackOverflowError", overflow.get("ename").getAsString(), overflow.get("ename").toString());
        assertEquals("StackOverflowError", firstOutput(overflow, "error").get("ename").getAsString());
        assertEquals("42", resultText(cells.getAsJsonObject("after")));
    }

    /**
     * A cell that calls {@code display} 20,000 times shows the first {@link CellOutput#DISPLAY_LIMIT} and one note
     * saying how many were left out, as its printed text is capped; updating a display it showed still works, in the
     * cell and in the next one, and an update of one that was left out sends nothing.
     */
    @Test
    void displaysBeyondTheLimitOfACellAreLeftOutWithOneNote() throws Exception {
        int count = 20_000;
        Map<String, String> run = new LinkedHashMap<>();
        run.put("displays", "String first = display(\"display 0\");\nString last = first;\n"
                + "for (int i = 1; i < " + count + "; i++) last = display(\"display \" + i);\n"
                + "updateDisplay(first, \"first, updated\");\nupdateDisplay(last, \"last, updated\");");
        run.put("next", "display(\"in the next cell\");\nupdateDisplay(first, \"first, updated again\");\n40 + 2");
        JsonObject cells = runCells(run);
        JsonObject displays = cells.getAsJsonObject("displays");
        assertEquals("ok", displays.get("status").getAsString());
        List<String> shown = texts(displays, "display_data");
        assertEquals(CellOutput.DISPLAY_LIMIT, shown.size());
        assertEquals("display " + (CellOutput.DISPLAY_LIMIT - 1), shown.get(shown.size() - 1));
        assertEquals(List.of("first, updated"), texts(displays, "update_display_data"));
        String note = streamText(displays, "stderr");
        assertTrue(note.contains("[displays left out: this cell asked for " + String.format("%,d", count
                - CellOutput.DISPLAY_LIMIT) + " more displays after the first "), note);
        assertEquals(CellOutput.DISPLAY_LIMIT + 2, displays.getAsJsonArray("outputs").size(),
                "the displays, one update and one note");
        JsonObject next = cells.getAsJsonObject("next");
        assertEquals(List.of("in the next cell"), texts(next, "display_data"));
        assertEquals(List.of("first, updated again"), texts(next, "update_display_data"));
        assertEquals("42", resultText(next));
    }

    /**
     * What any thread prints, displays or updates goes to the running cell, and while no cell runs, at once to the
     * cell that ran last, under its request, as ipykernel does by default (ipykernel 6.29 sent it to the cell that
     * started the thread, and went back on that in 7: a pool's or an I/O thread's output then went to the old cell
     * that made the thread). A task made by {@code inThisCell} prints in the cell that made it. A thread that floods
     * fills each cell at most once with its limits, with one note for each, and the kernel answers the cells that run
     * meanwhile.
     */
    @Test
    void outputOfAThreadGoesToTheRunningCellOrBetweenCellsToTheLastOne() throws Exception {
        JsonObject report = runPython("threads", KERNEL);
        KERNEL_PIDS.add(report.get("pid").getAsLong());
        JsonArray log = report.getAsJsonArray("log");
        assertEquals("[display: progress 0][value: started]", transcript(log, "starter"));
        assertTrue(report.get("between_arrived").getAsBoolean(), "nothing between cells: " + log);
        assertEquals("[display: display while the waiter runs]text while the waiter runs\n[update: progress 1]"
                + "the waiter's own text\n[value: waited]"
                + "[display: display between cells]text between cells\n[update: progress 2]",
                transcript(log, "waiter"));
        List<String> between = entries(log, "waiter").stream().filter(e -> e.get("running").isJsonNull())
                .map(e -> e.get("type").getAsString()).toList();
        assertEquals(List.of("display_data", "stream", "update_display_data"), between,
                "sent while no cell ran, before the next cell: " + log);
        assertEquals("[value: after]", transcript(log, "after"));
        assertTrue(report.get("pinned_arrived").getAsBoolean(), "inThisCell: " + log);
        assertEquals("[value: pinned]pinned text\n", transcript(log, "pinner"), "a task made by inThisCell prints in its cell");
        assertEquals("unpinned text\n[value: true]", transcript(log, "unpinner"), "the pool's next task does not");

        assertTrue(report.get("flood_note_arrived").getAsBoolean(), "no note: " + transcript(log, "flooder"));
        assertTrue(report.get("flood_display_note_arrived").getAsBoolean(), transcript(log, "flooder"));
        long limit = KernelOptions.defaults().outputLimit();
        assertEquals(limit, stdoutChars(log, "flooder"), "the cell's limit, in bytes of ASCII");
        assertEquals(CellOutput.DISPLAY_LIMIT, count(log, "flooder", "display_data"));
        List<String> notes = entries(log, "flooder").stream().filter(e -> e.get("name").getAsString().equals("stderr"))
                .map(e -> e.get("text").getAsString().strip()).toList();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("[output truncated: with what threads printed after")),
                notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("[displays left out: with what threads displayed")),
                notes.toString());
        for (String cell : List.of("while_flooding", "stopper")) {
            assertTrue(stdoutChars(log, cell) <= limit, cell);
            assertTrue(count(log, cell, "display_data") <= CellOutput.DISPLAY_LIMIT, cell);
            assertTrue(count(log, cell, "stream") - count(log, cell, "stdout") <= 2, transcript(log, cell));
        }
        assertTrue(transcript(log, "while_flooding").endsWith("[value: still answering]"), "answered while flooding");
        assertTrue(transcript(log, "stopper").endsWith("[value: 2]"));
        assertEquals("[value: 42]", transcript(log, "last"));
    }

    /** The characters of one cell's stdout messages. */
    private static long stdoutChars(JsonArray log, String cell) {
        return entries(log, cell).stream().filter(e -> e.get("type").getAsString().equals("stream")
                && e.get("name").getAsString().equals("stdout")).mapToLong(e -> e.get("chars").getAsLong()).sum();
    }

    /** How many of one cell's messages are of {@code type}, or, for "stdout", stdout stream messages. */
    private static long count(JsonArray log, String cell, String type) {
        return entries(log, cell).stream().filter(e -> type.equals("stdout")
                ? e.get("type").getAsString().equals("stream") && e.get("name").getAsString().equals("stdout")
                : e.get("type").getAsString().equals(type)).count();
    }

    /** The IOPub messages of one cell (its parent header), in the order they arrived. */
    private static List<JsonObject> entries(JsonArray log, String cell) {
        List<JsonObject> entries = new ArrayList<>();
        log.forEach(e -> {
            if (e.getAsJsonObject().get("cell").getAsString().equals(cell)) {
                entries.add(e.getAsJsonObject());
            }
        });
        return entries;
    }

    /** What a notebook shows of one cell: its stdout text, and its values, displays and stderr marked in brackets. */
    private static String transcript(JsonArray log, String cell) {
        StringBuilder shown = new StringBuilder();
        for (JsonObject e : entries(log, cell)) {
            String text = e.get("text").getAsString();
            switch (e.get("type").getAsString()) {
                case "stream" -> shown.append(e.get("name").getAsString().equals("stdout") ? text
                        : "[stderr: " + text + "]");
                case "execute_result" -> shown.append("[value: ").append(text).append(']');
                case "display_data" -> shown.append("[display: ").append(text).append(']');
                case "update_display_data" -> shown.append("[update: ").append(text).append(']');
                case "error" -> shown.append("[error: ").append(text).append(']');
                default -> { }
            }
        }
        return shown.toString();
    }

    /** The plain text of a cell's outputs of one type ({@code display_data}, {@code update_display_data}). */
    private static List<String> texts(JsonObject cell, String type) {
        List<String> texts = new ArrayList<>();
        for (JsonElement output : cell.getAsJsonArray("outputs")) {
            JsonObject o = output.getAsJsonObject();
            if (o.get("type").getAsString().equals(type)) {
                texts.add(o.getAsJsonObject("data").get("text/plain").getAsString());
            }
        }
        return texts;
    }

    /** Runs {@code cells} (name to code, in order) in a kernel of their own; returns what each cell showed. */
    private static JsonObject runCells(Map<String, String> cells) throws Exception {
        Path cellsFile = jupyterDir.resolve("cells-only.json");
        Files.writeString(cellsFile, new Gson().toJson(cells));
        JsonObject report = runPython("cells", KERNEL, cellsFile.toString(), jupyterDir.toString());
        KERNEL_PIDS.add(report.get("pid").getAsLong());
        return report.getAsJsonObject("cells");
    }

    @Test
    void kernelExitsWhenItsClientIsKilled() throws Exception {
        Path out = jupyterDir.resolve("orphan.out");
        Process client = startPython(out, "orphan", KERNEL);
        long pid = -1;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (pid < 0 && System.nanoTime() < deadline && client.isAlive()) {
                String line = Files.exists(out) ? Files.readString(out).lines()
                        .filter(l -> l.startsWith("{\"pid\"")).findFirst().orElse("") : "";
                if (!line.isEmpty()) {
                    pid = JsonParser.parseString(line).getAsJsonObject().get("pid").getAsLong();
                } else {
                    Thread.sleep(200);
                }
            }
            assertTrue(pid > 0, "the client did not report a kernel pid: " + Jupyter.readQuietly(out));
            KERNEL_PIDS.add(pid);
            assertTrue(ProcessHandle.of(pid).isPresent(), "kernel " + pid + " should be running");
        } finally {
            client.destroyForcibly();
            client.waitFor(30, TimeUnit.SECONDS);
        }
        long killed = System.nanoTime();
        boolean gone = Jupyter.waitUntilGone(pid, 20);
        System.out.printf("[kernel] after its client was killed the kernel exited in %.1f s%n",
                (System.nanoTime() - killed) / 1e9);
        assertTrue(gone, "kernel " + pid + " outlived its killed client");
    }

    @Test
    void notebookExecutesWithNbconvert() throws Exception {
        Path notebook = jupyterDir.resolve("smoke.ipynb");
        try (InputStream in = getClass().getResourceAsStream("smoke.ipynb")) {
            Files.copy(in, notebook);
        }
        Path executedFile = jupyter.executeNotebook(notebook, "smoke.out.ipynb", 300, PROCESS_TIMEOUT_S,
                jupyterDir.resolve("nbconvert.log"));
        JsonObject executed = JsonParser.parseString(Files.readString(executedFile)).getAsJsonObject();
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonElement cell : executed.getAsJsonArray("cells")) {
            for (JsonElement output : cell.getAsJsonObject().getAsJsonArray("outputs")) {
                outputs.add(output.getAsJsonObject());
            }
        }
        assertTrue(outputs.stream().noneMatch(o -> o.get("output_type").getAsString().equals("error")),
                outputs.toString());
        String all = outputs.toString();
        assertTrue(all.contains("42") && all.contains("printed from a notebook") && all.contains("image/png")
                && all.contains("showing 20 of 30 rows") && all.contains("%scar"), all);
        JsonObject last = outputs.get(outputs.size() - 1);
        long pid = Long.parseLong(Jupyter.text(last.getAsJsonObject("data").get("text/plain")));
        KERNEL_PIDS.add(pid);
        assertTrue(Jupyter.waitUntilGone(pid, 20), "nbconvert's kernel " + pid + " is still running");
    }

    /** A notebook written for IJava, with IJava's kernelspec and only IJava's API, runs unchanged. */
    @Test
    void anIJavaNotebookRunsUnchanged() throws Exception {
        Path folder = Files.createDirectories(jupyterDir.resolve("ijava"));
        Path notebook = folder.resolve("ijava-style.ipynb");
        try (InputStream in = getClass().getResourceAsStream("ijava-style.ipynb")) {
            Files.copy(in, notebook);
        }
        Files.createDirectories(folder.resolve("lib"));
        Files.copy(jupyterDir.resolve("maven/build/names-1.0.jar"), folder.resolve("lib/names.jar"));
        JsonObject saved = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        assertEquals("java", saved.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString(),
                "the notebook keeps IJava's kernelspec");
        Path executedFile = jupyter.executeNotebook(notebook, "ijava-style.out.ipynb", 300, PROCESS_TIMEOUT_S,
                jupyterDir.resolve("ijava.log"));
        JsonArray cells = JsonParser.parseString(Files.readString(executedFile)).getAsJsonObject()
                .getAsJsonArray("cells");
        List<JsonArray> outputs = new ArrayList<>();
        for (JsonElement cell : cells) {
            if (cell.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                outputs.add(cell.getAsJsonObject().getAsJsonArray("outputs"));
            }
        }
        assertTrue(outputs.stream().flatMap(o -> o.asList().stream())
                .noneMatch(o -> o.getAsJsonObject().get("output_type").getAsString().equals("error")), outputs.toString());
        assertEquals("Hello, dear IJava", result(outputs.get(1), "text/plain"));
        assertEquals("1", result(outputs.get(3), "text/plain"), "%jars as an expression");
        String countdown = outputs.get(4).toString();
        assertTrue(countdown.contains("<b>Countdown:</b> 0") && !countdown.contains("<b>Countdown:</b> 3"),
                "updateDisplay replaced the display: " + countdown);
        assertEquals("<b>Liftoff!</b>", result(outputs.get(4), "text/html"));
        assertEquals("Hello from **IJava**", result(outputs.get(5), "text/markdown"));
        assertTrue(outputs.get(6).toString().contains("<i>rendered, then displayed</i>"), outputs.get(6).toString());
        assertEquals("1", result(outputs.get(7), "text/plain"), "lineMagic and cellMagic");
        assertEquals(0, outputs.get(8).size(), "a trailing ; shows nothing: " + outputs.get(8));
    }

    private static String result(JsonArray outputs, String mime) {
        for (JsonElement o : outputs) {
            JsonObject output = o.getAsJsonObject();
            if (output.get("output_type").getAsString().equals("execute_result")) {
                return Jupyter.text(output.getAsJsonObject("data").get(mime));
            }
        }
        throw new AssertionError("no execute_result in " + outputs);
    }

    private static JsonObject firstOutput(JsonObject cell, String type) {
        for (JsonElement output : cell.getAsJsonArray("outputs")) {
            if (output.getAsJsonObject().get("type").getAsString().equals(type)) {
                return output.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + type + " output in " + cell);
    }

    private static JsonObject data(JsonObject cell) {
        assertEquals("ok", cell.get("status").getAsString(), cell.toString());
        return firstOutput(cell, "execute_result").getAsJsonObject("data");
    }

    private static String resultText(JsonObject cell) {
        return data(cell).get("text/plain").getAsString();
    }

    private static String streamText(JsonObject cell, String name) {
        StringBuilder text = new StringBuilder();
        for (JsonElement output : cell.getAsJsonArray("outputs")) {
            JsonObject o = output.getAsJsonObject();
            if (o.get("type").getAsString().equals("stream") && o.get("name").getAsString().equals(name)) {
                text.append(o.get("text").getAsString());
            }
        }
        return text.toString();
    }

    private static JsonObject runPython(String... args) throws Exception {
        Path out = jupyterDir.resolve(args[0] + ".out");
        Process process = startPython(out, args);
        Jupyter.awaitExit(process, out, PROCESS_TIMEOUT_S);
        String text = Files.readString(out);
        String json = text.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no JSON report from the client:\n" + text));
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static Process startPython(Path out, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, script().toString()));
        command.addAll(List.of(args));
        return jupyter.start(out, command.toArray(String[]::new));
    }

    private static Path script() throws IOException {
        Path script = jupyterDir.resolve("kernel_client.py");
        if (!Files.exists(script)) {
            try (InputStream in = KernelIntegrationTest.class.getResourceAsStream("kernel_client.py")) {
                Files.copy(in, script);
            }
        }
        return script;
    }
}
