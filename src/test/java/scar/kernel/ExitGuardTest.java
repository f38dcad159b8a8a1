package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The class-file rewrite of {@link ExitGuard}, checked against javap (an independent reader of the same bytes): in
 * the listing of a rewritten class only the exits differ from the original's, so every instruction was walked
 * correctly and no operand byte was taken for a call.
 */
class ExitGuardTest {

    /** A class with exits after instructions of every length, including padded switches and wide ones. */
    private static final String EXITS = """
            public class Exits {
                public static int pick(int k, Runtime r) {
                    int v = switch (k) { case 1 -> 10; case 2 -> 20; case 3 -> 30; default -> 0; };
                    // keys whose bytes would read as long instructions (0xc8 is goto_w) if taken for code
                    switch (k) { case -926365496: v++; break; case 47802: v--; break; default: break; }
                    v += 1000; // a wide iinc
                    long[][] grid = new long[k][k];
                    Object o = grid;
                    if (o instanceof long[][] g && g.length > 5) {
                        v = ((java.util.List<?>) java.util.List.of(g)).size();
                    }
                    r.halt(v);
                    return v;
                }

                public static void quit(Runtime r) {
                    System.exit(1);
                    r.exit(2);
                    java.util.function.IntConsumer halting = r::halt;
                    Runnable later = () -> r.exit(3);
                    halting.accept(4);
                    later.run();
                }
            }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"java/lang/System", "sun/launcher/LauncherHelper"})
    void inJdkClassesOnlyTheExitsChange(String name) throws IOException {
        byte[] original = jdkClass(name);
        String before = javap(original);
        assertNotEquals(before, expected(before), name + " calls an exit, so it is worth checking");
        assertEquals(expected(before), javap(ExitGuard.rewrite(original)));
    }

    @Test
    void aCompiledClassChangesOnlyInItsExitsAndRefusesThem() throws Exception {
        byte[] original = compileExits();
        String before = javap(original);
        byte[] rewritten = ExitGuard.rewrite(original);
        assertEquals(expected(before), javap(rewritten));

        Map<String, byte[]> defined = new HashMap<>(Map.of("Exits", rewritten));
        ClassLoader loader = new ClassLoader(ExitGuard.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String className) throws ClassNotFoundException {
                byte[] bytes = defined.remove(className);
                if (bytes == null) {
                    throw new ClassNotFoundException(className);
                }
                return defineClass(className, bytes, 0, bytes.length);
            }
        };
        Class<?> exits = loader.loadClass("Exits");
        // a null Runtime: were a call left alone, it would throw a NullPointerException, not end this JVM
        InvocationTargetException halt = assertThrows(InvocationTargetException.class,
                () -> exits.getMethod("pick", int.class, Runtime.class).invoke(null, 2, null));
        assertEquals(ExitGuard.ExitRefusedException.class, halt.getCause().getClass(), halt.getCause().toString());
        assertTrue(halt.getCause().getMessage().startsWith("Runtime.halt(1020) is refused"),
                halt.getCause().getMessage());
        InvocationTargetException exit = assertThrows(InvocationTargetException.class,
                () -> exits.getMethod("quit", Runtime.class).invoke(null, (Object) null));
        assertTrue(exit.getCause().getMessage().startsWith("System.exit(1) is refused"), exit.getCause().toString());
    }

    /** The instructions {@link ClassFile} walks are javap's, method by method, switches and wide ones included. */
    @ParameterizedTest
    @ValueSource(strings = {"java/lang/System", "sun/launcher/LauncherHelper", "java/util/regex/Pattern", "Exits"})
    void theInstructionsWalkedAreJavapsOwn(String name) throws IOException {
        byte[] bytes = name.equals("Exits") ? compileExits() : jdkClass(name);
        ClassFile file = ClassFile.read(bytes);
        List<List<Integer>> walked = new ArrayList<>();
        for (int[] code : file.code()) {
            walked.add(Arrays.stream(file.instructions(code[0], code[1])).map(pc -> pc - code[0]).boxed().toList());
        }
        List<List<Integer>> listed = new ArrayList<>();
        Pattern instruction = Pattern.compile("^ *(\\d+): [a-z]");
        for (String line : javap(bytes).split("\n")) {
            Matcher m = instruction.matcher(line);
            if (line.trim().equals("Code:")) {
                listed.add(new ArrayList<>());
            } else if (m.find()) {
                listed.get(listed.size() - 1).add(Integer.parseInt(m.group(1)));
            }
        }
        assertTrue(listed.stream().mapToInt(List::size).sum() > 20, listed.toString());
        assertEquals(listed, walked);
    }

    @Test
    void aClassWithoutExitsIsReturnedAsItIs() throws IOException {
        byte[] original = jdkClass("java/util/regex/Pattern");
        assertTrue(ExitGuard.rewrite(original) == original);
    }

    private static byte[] jdkClass(String name) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
            return in.readAllBytes();
        }
    }

    private byte[] compileExits() throws IOException {
        Path src = Files.writeString(dir.resolve("Exits.java"), EXITS);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), src.toString()));
        return Files.readAllBytes(classes.resolve("Exits.class"));
    }

    /** What the javap listing of a rewritten class should read: the original's, with each exit sent to the guard. */
    private static String expected(String listing) {
        return listing
                .replace("invokevirtual // Method java/lang/Runtime.exit:(I)V",
                        "invokestatic // Method scar/kernel/ExitGuard.exit:(Ljava/lang/Runtime;I)V")
                .replace("invokevirtual // Method java/lang/Runtime.halt:(I)V",
                        "invokestatic // Method scar/kernel/ExitGuard.halt:(Ljava/lang/Runtime;I)V")
                .replace("invokestatic // Method java/lang/System.exit:(I)V",
                        "invokestatic // Method scar/kernel/ExitGuard.exit:(I)V");
    }

    /** javap's listing of every method's code, without constant-pool indices and with spaces folded. */
    private String javap(byte[] classFile) throws IOException {
        Path file = Files.createTempFile(dir, "listing", ".class");
        Files.write(file, classFile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ToolProvider.findFirst("javap").orElseThrow().run(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "-c", "-p", file.toString());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).replaceAll("#\\d+(, \\d+)?", "").replaceAll("[ \\t]+", " ");
    }
}
