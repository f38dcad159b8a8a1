package scar.kernel;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The test JVM's real class path (Surefire may hide it behind a manifest-only jar). */
final class TestClasspath {
    private TestClasspath() {
    }

    static List<String> entries() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator)).filter(e -> !e.isBlank()).collect(Collectors.toList());
    }
}
