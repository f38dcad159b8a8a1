import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step (run by the pom after the runtime jars are copied to target/lib): rewrites the class files of a jar
 * that are older than Java 6 (class file version 49, as picocli ships for Java 5) as Java 8 class files with stack
 * map frames computed by ASM. The JVM's class-data archive (AppCDS, made by ./scar) takes no class older than Java 6,
 * so without this every start loaded picocli's ~180 classes from its jar and ran the old inferencing verifier over
 * them: about 0.05 s of `./scar --version` and 0.1 s of a short characterize. The bytecode itself is unchanged.
 * Leaves a jar with nothing to rewrite untouched (so running it again changes nothing, not even the file's time).
 *
 * <p>Usage: {@code java -cp asm.jar src/build/UpgradeClassFiles.java JAR...}
 */
public final class UpgradeClassFiles {
    private static final int JAVA_6 = 50;

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            Path jar = Path.of(arg);
            int rewritten = upgrade(jar);
            if (rewritten > 0) {
                System.out.println(jar.getFileName() + ": " + rewritten + " class files rewritten as Java 8 class files");
            }
        }
    }

    /** Rewrites {@code jar} in place (through a temporary file); returns how many class files changed. */
    static int upgrade(Path jar) throws IOException {
        if (!needsUpgrade(jar)) {
            return 0;
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int count = 0;
        // frames need the common superclass of two types, which ASM finds by loading the jar's own classes
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                UpgradeClassFiles.class.getClassLoader());
             ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             OutputStream file = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (isOldClass(entry, bytes)) {
                    bytes = rewrite(bytes, loader);
                    count++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (Throwable e) { // an Error too (a class ASM could not load): no half-written file is left behind
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return count;
    }

    private static boolean needsUpgrade(Path jar) throws IOException {
        try (InputStream raw = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (isOldClass(entry, in.readNBytes(8))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A class file (outside META-INF) whose major version is below Java 6's; {@code head} is at least 8 bytes. */
    private static boolean isOldClass(ZipEntry entry, byte[] head) {
        if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/") || head.length < 8) {
            return false;
        }
        int major = ((head[6] & 0xFF) << 8) | (head[7] & 0xFF);
        return major < JAVA_6;
    }

    private static byte[] rewrite(byte[] bytes, ClassLoader loader) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
