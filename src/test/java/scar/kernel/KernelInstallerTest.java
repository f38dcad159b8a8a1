package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KernelInstallerTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesKernelJsonAndLogos(@TempDir Path dir) throws Exception {
        Path java = KernelInstaller.currentJava();
        Path kernelDir = KernelInstaller.install(dir, "my-kernel", java,
                List.of(Path.of("target/scar.jar"), Path.of("target/lib/*")), KernelInstaller.DEFAULT_JVM_FLAGS,
                Map.of("SCAR_KERNEL_TIMEOUT", "90s"));
        assertEquals(dir.resolve("kernels/my-kernel"), kernelDir);
        JsonObject spec = JsonParser.parseString(Files.readString(kernelDir.resolve("kernel.json"))).getAsJsonObject();
        JsonArray argv = spec.getAsJsonArray("argv");
        assertEquals(java.toAbsolutePath().toString(), argv.get(0).getAsString());
        assertTrue(argv.toString().contains("-Djava.awt.headless=true"), argv.toString());
        int cp = argv.asList().stream().map(e -> e.getAsString()).toList().indexOf("-cp");
        String classpath = argv.get(cp + 1).getAsString();
        assertEquals(Path.of("target/scar.jar").toAbsolutePath() + ":" + Path.of("target/lib/*").toAbsolutePath(),
                classpath);
        assertEquals("scar.kernel.ScarKernelMain", argv.get(cp + 2).getAsString());
        assertEquals("{connection_file}", argv.get(argv.size() - 1).getAsString());
        assertEquals("Java (SCAR)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("90s", spec.getAsJsonObject("env").get("SCAR_KERNEL_TIMEOUT").getAsString());
        for (String logo : List.of("logo-32x32.png", "logo-64x64.png")) {
            byte[] bytes = Files.readAllBytes(kernelDir.resolve(logo));
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), logo);
        }
    }

    @Test
    void rejectsBadNamesMissingJavaAndEmptyClasspath(@TempDir Path dir) {
        Path java = KernelInstaller.currentJava();
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> KernelInstaller.install(dir, "bad name", java, List.of(dir)));
        assertTrue(name.getMessage().contains("'bad name'"), name.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> KernelInstaller.install(dir, "k", dir.resolve("no-java"), List.of(dir)));
        assertTrue(missing.getMessage().contains("no-java"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelInstaller.install(dir, "k", java, List.of()));
    }

    @Test
    void commandInstallsIntoAPrefix(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new KernelCommand());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        int status = cli.execute("install", "--prefix", dir.toString(), "--name", "scar-cli-test");
        assertEquals(0, status);
        assertTrue(Files.isRegularFile(dir.resolve("share/jupyter/kernels/scar-cli-test/kernel.json")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("jupyter console --kernel scar-cli-test"));
        assertEquals(2, cli.execute("install", "--user", "--prefix", dir.toString()), "locations are exclusive");
        assertEquals(0, cli.execute("install", "--prefix", dir.toString(), "--name", "limited", "--timeout", "2m",
                "--output-limit", "4M", "--env", "SCAR_KERNEL_MAVEN_SETTINGS=/tmp/settings.xml"));
        JsonObject env = JsonParser.parseString(Files.readString(dir.resolve(
                "share/jupyter/kernels/limited/kernel.json"))).getAsJsonObject().getAsJsonObject("env");
        assertEquals("2m", env.get("SCAR_KERNEL_TIMEOUT").getAsString());
        assertEquals("4M", env.get("SCAR_KERNEL_OUTPUT_LIMIT").getAsString());
        assertEquals("/tmp/settings.xml", env.get("SCAR_KERNEL_MAVEN_SETTINGS").getAsString());
    }
}
