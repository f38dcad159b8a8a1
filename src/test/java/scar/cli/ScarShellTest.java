package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import scar.Scar;
import scar.foundation.ScarOptions;

/** {@code scar jshell}: a real JShell session, driven through its input, as a user would type it. */
class ScarShellTest {

    @Test
    void resultsPrintWholeAndLongCallsShowTheirProgress() throws Exception {
        String input = String.join("\n",
                "var p = characterize(dataset(\"iris\").modality(\"features\"), options().withRatios(1, 2, 5))",
                "p",
                "/exit", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
        int code = ScarShell.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), classPath, new HashMap<>());
        String session = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, session);
        String expected = Scar.characterize(Scar.dataset("iris").modality("features"), ScarOptions.defaults()
                .withProgress(false).withRatios(1, 2, 5)).toString();
        assertTrue(expected.length() > 1000, "long enough for JShell's own modes to cut it");
        for (String line : expected.split("\n")) {
            if (!line.contains("time")) {
                assertTrue(session.contains(line), "missing from the session: '" + line + "'\n" + session);
            }
        }
        assertFalse(session.contains(" ... "), "JShell did not cut the value:\n" + session);
        assertTrue(session.contains("iris/features: 8/8 fits (100%)"), "the sweep showed its progress:\n" + session);
    }
}
