package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without Jupyter, the kernel and notebook tests are skipped — counted, with one line saying why. */
class JupyterSkipTest {

    @Test
    void aMissingModuleSkipsEveryTestAndSaysWhyOnce() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            for (int test = 0; test < 2; test++) {
                var skipped = assertThrows(TestAbortedException.class,
                        () -> Jupyter.requireOrSkip("scar_no_such_module", JupyterSkipTest.class));
                assertTrue(skipped.getMessage().contains("cannot import scar_no_such_module")
                        && skipped.getMessage().contains("jupyter-nbconvert"), skipped.getMessage());
            }
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.startsWith("[skipped] JupyterSkipTest: " + Jupyter.PYTHON
                + " cannot import scar_no_such_module"), printed);
    }
}
