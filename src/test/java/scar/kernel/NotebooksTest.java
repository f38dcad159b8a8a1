package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook in {@code notebooks/} executed through the SCAR kernel with {@code jupyter nbconvert --execute}, as
 * a reader would run it: the kernelspec is installed under the notebooks' own kernel name ({@code scar-java}) into a
 * private Jupyter directory, with this test JVM's class path. A notebook fails on any {@code error} output, on a
 * stderr line that looks like a Java exception, on a cell tagged {@code chart} without an {@code image/png} output
 * and on a cell tagged {@code table} without a {@code text/html} output, or whose HTML tables show an N_F or step
 * size column other than as items (SPEC §11: whole, with thousands separators). The committed notebooks must have
 * their outputs cleared. Skipped only when {@code /usr/bin/python3} cannot import nbconvert.
 */
class NotebooksTest {

    static final String KERNEL = "scar-java";
    private static final int CELL_TIMEOUT_S = 180;
    private static final long NOTEBOOK_TIMEOUT_S = 600;
    /** A stack frame or an exception class name at the start of a stderr line. */
    private static final Pattern EXCEPTION_LINE = Pattern.compile(
            "^\\s*(at [\\w$.]+\\(.*\\)|([\\w$]+\\.)*[\\w$]*(Exception|Error)(: .*)?|Caused by: .*)$");
    /** A column header that names a size in items: N_F or a step size. */
    private static final Pattern ITEMS_HEADER = Pattern.compile("(?i)^(N_F|.*step[ _]sizes?.*)$");
    /** A cell as SPEC §11 prints items (or a missing value). */
    private static final Pattern ITEMS_CELL = Pattern.compile("^([-+]?\\d{1,3}(,\\d{3})*|n/a)$");
    private static final Pattern HTML_TABLE = Pattern.compile("<table.*?</table>", Pattern.DOTALL);
    private static final Pattern HTML_ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern HTML_CELL = Pattern.compile("<t([hd])[^>]*>(.*?)</t\\1>", Pattern.DOTALL);

    @TempDir
    static Path dir;

    private static Jupyter jupyter;
    private static int executedCount;
    private static long startNanos;

    /** What executing a notebook needs from Python. */
    private static final String MODULES = "nbconvert";

    @BeforeAll
    static void install() {
        // without Jupyter every notebook's test is skipped, one by one, with the reason (see check)
        if (Jupyter.available(MODULES)) {
            jupyter = Jupyter.install(dir, KERNEL);
        }
        startNanos = System.nanoTime();
    }

    @AfterAll
    static void total() {
        if (jupyter != null) {
            System.out.printf("[notebooks] %d notebooks executed in %.1f s%n", executedCount,
                    (System.nanoTime() - startNanos) / 1e9);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsClean() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(notebooksDir())) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
        assertTrue(notebooks.size() >= 5, "expected the five notebooks in " + notebooksDir() + ", got " + notebooks);
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> check(nb)));
    }

    static Path notebooksDir() {
        return Path.of(System.getProperty("user.dir"), "notebooks");
    }

    private static void check(Path source) throws Exception {
        Jupyter.requireOrSkip(MODULES, NotebooksTest.class);
        JsonObject saved = read(source);
        assertEquals(KERNEL, saved.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name")
                .getAsString(), source + ": kernelspec name");
        for (JsonElement cell : saved.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals("code")) {
                assertEquals(0, c.getAsJsonArray("outputs").size(),
                        source.getFileName() + " is committed with outputs; clear them (see notebooks/README.md)");
            }
        }
        String name = source.getFileName().toString();
        Path copy = Files.copy(source, dir.resolve(name));
        long start = System.nanoTime();
        Path executed = jupyter.executeNotebook(copy, name.replace(".ipynb", ".out.ipynb"), CELL_TIMEOUT_S,
                NOTEBOOK_TIMEOUT_S, dir.resolve(name + ".log"));
        System.out.printf("[notebooks] %s: %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        JsonObject result = read(executed);
        JsonArray cells = result.getAsJsonArray("cells");
        int charts = 0;
        int tables = 0;
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            String where = name + " cell " + i + " (" + firstLine(cell) + ")";
            List<JsonObject> outputs = new ArrayList<>();
            cell.getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject()));
            for (JsonObject o : outputs) {
                String type = o.get("output_type").getAsString();
                assertFalse(type.equals("error"), where + " failed: " + o);
                if (type.equals("stream") && o.get("name").getAsString().equals("stderr")) {
                    for (String line : Jupyter.text(o.get("text")).split("\n")) {
                        assertFalse(EXCEPTION_LINE.matcher(line).matches(), where + " printed an exception: " + line);
                    }
                }
            }
            Set<String> tags = tags(cell);
            if (tags.contains("chart")) {
                charts++;
                assertTrue(hasData(outputs, "image/png"), where + " is tagged chart but shows no image/png");
            }
            if (tags.contains("table")) {
                tables++;
                assertTrue(hasData(outputs, "text/html"), where + " is tagged table but shows no text/html");
                outputs.stream().filter(o -> o.has("data") && o.getAsJsonObject("data").has("text/html"))
                        .forEach(o -> assertItemsColumns(where,
                                Jupyter.text(o.getAsJsonObject("data").get("text/html"))));
            }
        }
        assertTrue(charts + tables > 0, name + " has no cell tagged chart or table: nothing of its output is checked");
        assertNoKernelLeft(name);
        executedCount++;
    }

    /**
     * Waits up to 20 s for the kernels started from this test's Jupyter directory (their connection files live in
     * it) to exit; kills any that remain and fails.
     */
    private static void assertNoKernelLeft(String name) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<ProcessHandle> left = ourKernels();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = ourKernels();
        }
        left.forEach(ProcessHandle::destroyForcibly);
        assertTrue(left.isEmpty(), "the kernel of " + name + " was still running after nbconvert exited: " + left);
    }

    private static List<ProcessHandle> ourKernels() {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(ScarKernelMain.class.getName())
                        && c.contains(dir.toString())).orElse(false))
                .collect(Collectors.toList());
    }

    /** Fails when a column of an HTML table in {@code html} headed N_F or step size has a cell not read as items. */
    static void assertItemsColumns(String where, String html) {
        var tables = HTML_TABLE.matcher(html);
        while (tables.find()) {
            List<String> headers = List.of();
            var rows = HTML_ROW.matcher(tables.group());
            while (rows.find()) {
                List<String> cells = new ArrayList<>();
                boolean header = false;
                var cell = HTML_CELL.matcher(rows.group(1));
                while (cell.find()) {
                    header = cell.group(1).equals("h");
                    cells.add(cell.group(2).replaceAll("<[^>]*>", "").trim());
                }
                if (header) {
                    headers = cells;
                    continue;
                }
                for (int c = 0; c < Math.min(headers.size(), cells.size()); c++) {
                    if (ITEMS_HEADER.matcher(headers.get(c)).matches()) {
                        assertTrue(ITEMS_CELL.matcher(cells.get(c)).matches(), where + ": column '" + headers.get(c)
                                + "' shows " + cells.get(c) + "; SPEC §11 shows sizes in items as whole numbers with"
                                + " thousands separators");
                    }
                }
            }
        }
    }

    private static boolean hasData(List<JsonObject> outputs, String mime) {
        return outputs.stream().anyMatch(o -> o.has("data") && o.getAsJsonObject("data").has(mime)
                && !Jupyter.text(o.getAsJsonObject("data").get(mime)).isBlank());
    }

    private static Set<String> tags(JsonObject cell) {
        JsonObject metadata = cell.getAsJsonObject("metadata");
        if (metadata == null || !metadata.has("tags")) {
            return Set.of();
        }
        return metadata.getAsJsonArray("tags").asList().stream().map(JsonElement::getAsString)
                .collect(Collectors.toSet());
    }

    private static String firstLine(JsonObject cell) {
        String source = Jupyter.text(cell.get("source"));
        int nl = source.indexOf('\n');
        return nl < 0 ? source : source.substring(0, nl);
    }

    private static JsonObject read(Path notebook) throws IOException {
        return JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
    }
}
