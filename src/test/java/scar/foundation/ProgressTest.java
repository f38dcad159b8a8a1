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
        p.start("wiki/text", 4, "fits");
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
    void workersReportingOutOfOrderNeverMoveTheLineBack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = Progress.textLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.start("wiki/text", 83, "fits");
        p.step(21, 83);
        p.step(20, 83); // a slower worker reports after a faster one
        p.step(83, 83);
        p.step(82, 83);
        p.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(!out.contains("20/83") && !out.contains("82/83"), out);
        assertTrue(out.substring(out.lastIndexOf('\r')).contains("83/83 fits (100%)"), out);
    }

    @Test
    void aRegisteredNotebookReporterIsWhatAutoReturns() {
        Progress mine = Progress.none();
        try {
            Progress.useNotebook(() -> mine);
            assertTrue(Progress.auto() == mine);
        } finally {
            Progress.useNotebook(null);
        }
        assertTrue(Progress.auto() != mine, "unregistered: the terminal bar or nothing");
    }
}
