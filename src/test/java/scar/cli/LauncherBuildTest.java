package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./scar} launcher's decision to build: it runs {@code mvn package} when a watched file is newer than the
 * last build, and Maven leaves the jar as it is when nothing the jar holds changed (kernel/README.md, kernel/install).
 * Run in a copy of the launcher with a stand-in {@code mvn} that only counts its calls and a stand-in {@code java}.
 */
class LauncherBuildTest {

    @Test
    void aChangeMavenDoesNotPackBuildsOnceNotOnEveryRun(@TempDir Path tree) throws Exception {
        Path launcher = Files.copy(Path.of(System.getProperty("user.dir"), "scar"), tree.resolve("scar"));
        Instant before = Instant.now().minusSeconds(3600);
        for (String file : List.of("pom.xml", "src/main/java/A.java", "datasets/index.properties",
                "kernel/startup.jsh", "kernel/README.md")) {
            touch(tree.resolve(file), before);
        }
        touch(tree.resolve("target/scar.jar"), before.plusSeconds(60));
        Files.createDirectories(tree.resolve("target/lib"));
        Path calls = tree.resolve("mvn-calls");
        Path bin = Files.createDirectories(tree.resolve("bin"));
        script(bin.resolve("mvn"), "echo called >> '" + calls + "'");
        script(bin.resolve("java"), "exit 0");

        touch(tree.resolve("kernel/README.md"), before.plusSeconds(120)); // edited after the build; not in the jar
        run(launcher, bin);
        assertEquals(1, builds(calls), "a file newer than the jar builds");
        run(launcher, bin);
        run(launcher, bin);
        assertEquals(1, builds(calls), "the same change builds again on every run although Maven kept the jar");

        touch(tree.resolve("kernel/startup.jsh"), Instant.now().plusSeconds(60)); // a later change
        run(launcher, bin);
        assertEquals(2, builds(calls), "a change after the last build builds");
    }

    private static void run(Path launcher, Path bin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "--version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA", bin.resolve("java").toString());
        pb.environment().put("SCAR_CDS", "off");
        pb.environment().remove("SCAR_NO_BUILD");
        assertEquals(0, pb.start().waitFor(), "the launcher's exit code");
    }

    private static int builds(Path calls) throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    private static void touch(Path file, Instant time) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "x");
        }
        Files.setLastModifiedTime(file, FileTime.from(time));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
