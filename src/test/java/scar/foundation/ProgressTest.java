package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aNotebookLineIsRewrittenInPlaceAndEndsWithANewline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = Progress.textLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.start("wiki/text", 4);
        for (int i = 1; i <= 4; i++) {
            p.step(i, 4);
        }
        p.step(4, 4); // a repeated percentage prints nothing
        p.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rwiki/text: 0/4 fits (0%)"), out);
        assertTrue(out.contains("\rwiki/text: 2/4 fits (50%)"), out);
        assertEquals(5, out.chars().filter(c -> c == '\r').count(), out);
        assertTrue(out.endsWith("\n") && !out.contains("\n\r"), out);
    }

    @Test
    void theKernelPropertySelectsTheNotebookLine() {
        String before = System.getProperty(Progress.NOTEBOOK_PROPERTY);
        try {
            System.clearProperty(Progress.NOTEBOOK_PROPERTY);
            Progress quiet = Progress.auto(); // tests run without a console
            System.setProperty(Progress.NOTEBOOK_PROPERTY, "true");
            Progress notebook = Progress.auto();
            assertTrue(notebook.getClass() != quiet.getClass(), "a different reporter in a notebook");
        } finally {
            if (before == null) {
                System.clearProperty(Progress.NOTEBOOK_PROPERTY);
            } else {
                System.setProperty(Progress.NOTEBOOK_PROPERTY, before);
            }
        }
    }
}
