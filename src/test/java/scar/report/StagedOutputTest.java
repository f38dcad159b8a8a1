package scar.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs appear whole or not at all, and two runs into one folder never mix. */
class StagedOutputTest {
    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileAppearsOnlyWhenCommitted() throws IOException {
        Path report = dir.resolve("sub/report.html");
        try (StagedOutput out = StagedOutput.file(report)) {
            Files.writeString(out.path(), "<html>half");
            assertFalse(Files.exists(report), "not under its final name while being written");
            assertTrue(out.path().getFileName().toString().startsWith(".report.html.scar-partial-"));
        }
        assertEquals(List.of(), names(dir.resolve("sub")), "an abandoned file leaves nothing");
        try (StagedOutput out = StagedOutput.file(report)) {
            Files.writeString(out.path(), "<html>whole</html>");
            out.commit();
        }
        assertEquals("<html>whole</html>", Files.readString(report));
        assertEquals(List.of("report.html"), names(dir.resolve("sub")));
    }

    @Test
    void aFolderOrAFileInTheWayIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("a.html"));
        UncheckedIOException folder = assertThrows(UncheckedIOException.class,
                () -> StagedOutput.file(dir.resolve("a.html")));
        assertTrue(folder.getMessage().contains("a.html is a folder"), folder.getMessage());
        Files.writeString(dir.resolve("f"), "x");
        UncheckedIOException file = assertThrows(UncheckedIOException.class, () -> StagedOutput.folder(dir.resolve("f")));
        assertTrue(file.getMessage().contains("f is a file"), file.getMessage());
        UncheckedIOException under = assertThrows(UncheckedIOException.class,
                () -> StagedOutput.file(dir.resolve("f/report.html")));
        assertTrue(under.getMessage().startsWith("cannot create the folder"), under.getMessage());
        assertFalse(under.getMessage().contains("java.io"), "no exception class names: " + under.getMessage());
        UncheckedIOException deeper = assertThrows(UncheckedIOException.class,
                () -> StagedOutput.folder(dir.resolve("f/sub")));
        assertTrue(deeper.getMessage().endsWith(dir.resolve("f") + " is a file; expected a folder"),
                deeper.getMessage());
    }

    @Test
    void runsIntoOneFolderReplaceEachOtherWhole() throws IOException {
        Path out = dir.resolve("out");
        try (StagedOutput first = StagedOutput.folder(out)) {
            Files.writeString(first.path().resolve("image.csv"), "1");
            Files.writeString(first.path().resolve("text.csv"), "1");
            first.commit();
        }
        // two runs prepared side by side; the one that commits last wins whole
        StagedOutput a = StagedOutput.folder(out);
        StagedOutput b = StagedOutput.folder(out);
        Files.writeString(a.path().resolve("text.csv"), "a");
        Files.writeString(b.path().resolve("text.csv"), "b");
        Files.writeString(b.path().resolve("other.csv"), "b");
        b.commit();
        assertEquals(List.of(".scar-output", ".scar-output.lock", "other.csv", "text.csv"),
                names(out).stream().filter(n -> !n.startsWith(".scar-partial-")).toList(), "a is still staged");
        a.commit();
        assertEquals(List.of(".scar-output", ".scar-output.lock", "text.csv"), names(out));
        assertEquals("a", Files.readString(out.resolve("text.csv")));
        assertEquals("text.csv\n", Files.readString(out.resolve(StagedOutput.LISTING)));
    }

    @Test
    void filesNoRunWroteAreNeverTouched() throws IOException {
        Path out = dir.resolve("out");
        try (StagedOutput run = StagedOutput.folder(out)) {
            Files.writeString(run.path().resolve("t.csv"), "1");
            run.commit();
        }
        Files.writeString(out.resolve("notes.txt"), "mine");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> StagedOutput.folder(out));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("no scar run wrote"),
                e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }
}
