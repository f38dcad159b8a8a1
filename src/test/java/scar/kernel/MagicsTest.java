package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code %classpath} and {@code %jars} accept. */
class MagicsTest {

    @Test
    void aFileThatIsNotAJarIsRefusedNotSilentlyAdded(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a jar");
        IllegalArgumentException classpath = assertThrows(IllegalArgumentException.class,
                () -> Magics.classpathEntries(List.of(text.toString())));
        assertEquals("%classpath: " + text + " is not a jar: it is not a zip file", classpath.getMessage());
        IllegalArgumentException jars = assertThrows(IllegalArgumentException.class,
                () -> Magics.jars(List.of(dir + "/*")));
        assertEquals("%jars: " + text + " is not a jar: it is not a zip file", jars.getMessage());

        Path jar = Files.write(dir.resolve("empty.jar"), new byte[] {'P', 'K', 5, 6});
        assertEquals(List.of(dir, jar), Magics.classpathEntries(List.of(dir + java.io.File.pathSeparator + jar)),
                "a class folder and a jar are taken");
        assertEquals(List.of(jar), Magics.jars(List.of(dir + "/*.jar")));
    }
}
