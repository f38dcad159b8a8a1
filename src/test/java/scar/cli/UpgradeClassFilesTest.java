package scar.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The build step {@code src/build/UpgradeClassFiles.java} that rewrites picocli's Java 5 class files in target/lib
 * as Java 8 ones: afterwards no class file is older than Java 6, a second run changes nothing, the classes pass the
 * JVM's verifier when the command line runs from them, and the class-data archive takes them (the reason for it).
 */
class UpgradeClassFilesTest {

    private record Run(int code, String out) {
    }

    private static Path jarOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Run java(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "java did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs the build step with the ASM the test class path has (a runtime dependency of the resolver, 9.10.x). */
    private static Run upgrade(Path jar) throws Exception {
        return java(List.of("-cp", jarOf(org.objectweb.asm.ClassReader.class).toString(),
                Path.of("src", "build", "UpgradeClassFiles.java").toString(), jar.toString()));
    }

    /** Class file major versions by entry name (class files outside META-INF only). */
    private static TreeMap<String, Integer> versions(Path jar) throws IOException {
        TreeMap<String, Integer> out = new TreeMap<>();
        try (InputStream raw = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    byte[] head = in.readNBytes(8);
                    out.put(e.getName(), ((head[6] & 0xFF) << 8) | (head[7] & 0xFF));
                }
            }
        }
        return out;
    }

    @Test
    void picocliBecomesJava8ClassFilesThatVerifyAndGoIntoTheArchive(@TempDir Path dir) throws Exception {
        Path original = jarOf(CommandLine.class);
        Path jar = Files.copy(original, dir.resolve(original.getFileName()));
        TreeMap<String, Integer> before = versions(jar);
        assertTrue(before.values().stream().anyMatch(v -> v < 50), "picocli no longer ships Java 5 class files: "
                + "the build step and this test can go");

        Run first = upgrade(jar);
        assertEquals(0, first.code(), first.out());
        TreeMap<String, Integer> after = versions(jar);
        assertEquals(before.keySet(), after.keySet());
        assertTrue(after.values().stream().allMatch(v -> v >= 50), after.toString());
        long old = before.values().stream().filter(v -> v < 50).count();
        assertTrue(first.out().contains(jar.getFileName() + ": " + old + " class files rewritten as Java 8 class files"),
                first.out());

        byte[] once = Files.readAllBytes(jar);
        Run second = upgrade(jar);
        assertEquals(0, second.code(), second.out());
        assertFalse(second.out().contains("rewritten"), second.out());
        assertArrayEquals(once, Files.readAllBytes(jar), "a second run must leave the jar as it is");

        // the command line on the rewritten picocli: its classes load and pass the verifier
        String classpath = System.getProperty("java.class.path").replace(original.toString(), jar.toString());
        assertTrue(classpath.contains(jar.toString()), classpath);
        Run help = java(List.of("-cp", classpath, "scar.cli.Main", "characterize", "--help"));
        assertEquals(0, help.code(), help.out());
        assertTrue(help.out().startsWith("Usage: scar characterize"), help.out());
        // and a class-data archive takes them (only jars may be on a dumping JVM's class path: picocli's own main)
        Path archive = dir.resolve("picocli.jsa");
        Run dump = java(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", jar.toString(), "picocli.AutoComplete", "--help"));
        assertEquals(0, dump.code(), dump.out());
        Run mapped = java(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load", "-cp", jar.toString(),
                "picocli.AutoComplete", "--help"));
        assertEquals(0, mapped.code(), mapped.out());
        assertTrue(mapped.out().contains("picocli.CommandLine source: shared objects file"), mapped.out()
                .lines().filter(l -> l.contains("picocli.CommandLine ")).toList().toString());
    }
}
