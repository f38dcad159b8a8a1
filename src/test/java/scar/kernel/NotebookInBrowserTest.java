package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart notebook in a real browser: Debian's Jupyter Notebook server on the loopback address with the
 * kernelspec installed (this test JVM's class path), Debian's {@code chromium} headless, driven by
 * {@code playwright-core} ({@code src/test/browser/run-notebook.mjs}, installed with {@code npm ci} from the
 * committed lock file). Cell > Run All; then the page must show the profile table, at least one decoded chart
 * image, no error output and no stderr, and a prompt number on every code cell. The screenshot is kept as
 * {@value #SCREENSHOT}. The server's log must show no output of the kernel at shutdown.
 *
 * <p>Skipped, with a line saying why in the Maven log, only when Chromium is not installed and cannot be
 * ({@code .ci/run} installs it).
 */
class NotebookInBrowserTest {

    static final String SCREENSHOT = "target/browser/01-quickstart.png";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path BROWSER_DIR = Path.of("src/test/browser");
    private static final long RUN_TIMEOUT_S = 900;

    @TempDir
    Path dir;

    @Test
    void quickstartRunsInChromium() throws Exception {
        requireChromium();
        Assumptions.assumeTrue(Jupyter.pythonCanImport("notebook, jupyter_client"),
                () -> skip("/usr/bin/python3 cannot import notebook (apt-get install jupyter-notebook)"));
        installNodeModules();
        Jupyter jupyter = Jupyter.install(dir, NotebooksTest.KERNEL);
        Path notebooks = Files.createDirectories(dir.resolve("notebooks"));
        Files.copy(NotebooksTest.notebooksDir().resolve("01-quickstart.ipynb"), notebooks.resolve("01-quickstart.ipynb"));
        int port = freePort();
        String token = UUID.randomUUID().toString().replace("-", "");
        Path serverLog = dir.resolve("server.log");
        Process server = jupyter.start(serverLog, Jupyter.PYTHON, "-m", "notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebooks);
        Path screenshot = Path.of(SCREENSHOT).toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        JsonObject page;
        try {
            awaitServer(server, port, token, serverLog);
            Path out = dir.resolve("browser.out");
            Process node = new ProcessBuilder("node", "run-notebook.mjs", "http://127.0.0.1:" + port, token,
                    "01-quickstart.ipynb", screenshot.toString(), String.valueOf(RUN_TIMEOUT_S - 60))
                    .directory(BROWSER_DIR.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            node.getOutputStream().close();
            Jupyter.awaitExit(node, out, RUN_TIMEOUT_S);
            String json = Files.readString(out).lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no report from the browser:\n" + Jupyter.readQuietly(out)));
            page = JsonParser.parseString(json).getAsJsonObject();
        } finally {
            server.destroy(); // SIGTERM: the server shuts its kernels down, as when a person stops it
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
        System.out.printf("[browser] ran %d cells of 01-quickstart.ipynb in Chromium in %.1f s: %d tables, %d chart "
                        + "images, %d errors; screenshot %s%n", page.get("codeCells").getAsInt(),
                page.get("seconds").getAsDouble(), page.get("tables").getAsInt(), page.get("decodedImages").getAsInt(),
                page.getAsJsonArray("errors").size(), screenshot);
        assertEquals(NotebooksTest.KERNEL, page.get("kernelName").getAsString());
        JsonArray prompts = page.getAsJsonArray("prompts");
        assertEquals(page.get("codeCells").getAsInt(), prompts.size());
        for (JsonElement p : prompts) {
            assertTrue(p.isJsonPrimitive() && p.getAsInt() > 0, "a cell did not run: " + prompts);
        }
        assertEquals(0, page.getAsJsonArray("errors").size(), "error output on the page: " + page.get("errors"));
        assertEquals(0, page.getAsJsonArray("stderr").size(), "stderr on the page: " + page.get("stderr"));
        List<String> headers = new ArrayList<>();
        page.getAsJsonArray("tableHeaders").forEach(h -> headers.add(h.getAsString()));
        assertTrue(headers.containsAll(List.of("class", "scale", "coverage", "authenticity", "richness", "step_size")),
                "the profile table is not on the page: " + headers);
        assertTrue(page.get("decodedImages").getAsInt() >= 1, "no chart image rendered: " + page);
        assertTrue(Files.size(screenshot) > 50_000, "screenshot " + screenshot + " is nearly empty");
        String log = Files.readString(serverLog);
        // the server's own lines start with "[I 11:00:01.123 NotebookApp]" or are its URLs; Debian's python adds
        // "0.01s - Debugger warning" lines about frozen modules. Anything else came from the kernel.
        List<String> noise = log.lines().filter(l -> !l.startsWith("[") && !l.isBlank() && !l.startsWith("    ")
                && !l.contains("http://") && !l.startsWith("To access") && !l.matches("\\d+\\.\\d+s - .*"))
                .collect(Collectors.toList());
        assertTrue(noise.isEmpty(), "the kernel wrote to the server console:\n" + String.join("\n", noise));
    }

    /** Chromium, installed with apt-get when missing; the test is skipped only when that fails. */
    private static void requireChromium() throws InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            System.out.println("[browser] /usr/bin/chromium is missing; trying apt-get install -y chromium");
            try {
                Process apt = new ProcessBuilder("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive "
                        + "apt-get install -y -qq chromium").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                apt.waitFor(15, TimeUnit.MINUTES);
            } catch (IOException e) {
                System.out.println("[browser] cannot run apt-get: " + e.getMessage());
            }
        }
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                () -> skip("Chromium is not installed and apt-get could not install it"));
    }

    /** {@code npm ci} in src/test/browser when playwright-core is not there yet. */
    private static void installNodeModules() throws IOException, InterruptedException {
        if (Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            return;
        }
        Path log = Files.createTempFile("scar-npm-", ".log");
        ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(BROWSER_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        npm.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Jupyter.awaitExit(npm.start(), log, 600);
    }

    private static String skip(String why) {
        String line = "[browser] SKIPPED the browser test: " + why;
        System.out.println(line);
        return line;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitServer(Process server, int port, String token, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the notebook server stopped:\n" + Jupyter.readQuietly(log));
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api?token=" + token)
                        .toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the notebook server did not answer in 120 s:\n" + Jupyter.readQuietly(log));
    }
}
