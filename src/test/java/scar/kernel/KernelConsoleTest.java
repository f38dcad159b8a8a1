package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in {@code scar kernel console} stops the running cell and the kernel keeps its variables: the console runs
 * in a pseudo-terminal, as in a person's terminal, and the test types into it. Skipped only when
 * {@code /usr/bin/python3} cannot import jupyter_console.
 */
class KernelConsoleTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCInterruptsTheRunningCell() throws Exception {
        Jupyter.requireOrSkip("jupyter_console", KernelConsoleTest.class);
        Jupyter jupyter = Jupyter.install(dir, "scar-java-console-test");
        Path script = dir.resolve("console_ctrl_c.py");
        try (InputStream in = getClass().getResourceAsStream("console_ctrl_c.py")) {
            Files.copy(in, script);
        }
        Path out = dir.resolve("console.out");
        Process driver = jupyter.start(out, Jupyter.PYTHON, script.toString(), KernelInstaller.currentJava().toString(),
                String.join(File.pathSeparator, TestClasspath.entries()), jupyter.kernel());
        Jupyter.awaitExit(driver, out, 600);
        String json = Files.readString(out).lines().filter(l -> l.startsWith("{\"prompt\"")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no report from the terminal driver:\n" + Jupyter.readQuietly(out)));
        JsonObject report = JsonParser.parseString(json).getAsJsonObject();
        String screen = report.get("screen").getAsString();
        assertTrue(report.get("prompt").getAsBoolean(), screen);
        // the cell ran: its output was on the screen before Ctrl-C, or the console showed it interrupted (a busy
        // console sometimes shows the output only after Ctrl-C, or drops the error line)
        assertTrue(report.get("sleeping").getAsBoolean() || report.get("message").getAsBoolean(), screen);
        assertTrue(report.get("kernel_ready").getAsBoolean(), screen);
        assertTrue(report.get("interrupted").getAsBoolean(), "Ctrl-C did not stop the cell:\n" + screen);
        assertTrue(!report.get("escaped").getAsBoolean(), "Ctrl-C stopped the console, not the cell:\n" + screen);
        // the next cell is answered within a minute only if the ten-minute sleep was stopped
        assertTrue(report.get("after").getAsBoolean(), "the kernel did not answer after Ctrl-C:\n" + screen);
        System.out.printf("[console] Ctrl-C stopped Thread.sleep(600000) in %.2f s (console showed the "
                + "interruption: %s)%n", report.get("interrupt_s").getAsDouble(), report.get("message").getAsBoolean());
    }
}
