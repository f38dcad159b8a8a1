package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the start of a command does not do: a command that only prints or writes CSV and JSON files never initialises
 * Tablesaw's {@code Table} (whose static initialiser scans the whole class path with ClassGraph), and a command line
 * that names a subcommand builds only that one, with help, aliases and suggestions unchanged.
 */
class StartUpTest {

    @Test
    void printingAProfileNeverScansTheClassPath(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xlog:class+load=info:file=" + log, "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "scar.cli.Main", "characterize", "iris", "--ratios", "1,2",
                "--quiet"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the CLI did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("SCAR profile") && out.contains("per class"), out);
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" tech.tablesaw.api.StringColumn ")),
                "the printed tables are made of Tablesaw columns");
        assertTrue(loaded.stream().noneMatch(l -> l.contains(" tech.tablesaw.api.Table ")
                || l.contains("io.github.classgraph")), "Table (and its ClassGraph scan) stays untouched");
    }

    /**
     * Writing the results files (CSV from {@link scar.text.Sheet}s, JSON) or a report (HTML tables from sheets) needs
     * no {@code Table} either. The class is loaded — JSON's reflection over a result's methods meets
     * {@code toTable()}'s return type — but never initialised, so ClassGraph never runs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"characterize", "plan", "evaluate", "report"})
    void writingFilesNeverScansTheClassPath(String verb, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xlog:class+load=info,class+init=info:file=" + log, "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "scar.cli.Main", verb, "iris", "--ratios", "1,2", "--quiet",
                "-o", dir.resolve("out").resolve(verb.equals("report") ? "report.html" : "").toString()));
        if (verb.equals("evaluate") || verb.equals("report")) {
            command.addAll(List.of("--seeds", "1"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the CLI did not finish");
        assertEquals(0, p.exitValue(), out);
        try (var files = Files.list(dir.resolve("out"))) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(verb.equals("report") ? ".html" : ".csv")),
                    "the files were written");
        }
        List<String> trace = Files.readAllLines(log);
        assertTrue(trace.stream().anyMatch(l -> l.contains("Initializing 'tech/tablesaw/api/StringColumn'")),
                "the trace shows the initialisation of the columns the files are written from");
        assertTrue(trace.stream().noneMatch(l -> l.contains("Initializing 'tech/tablesaw/api/Table'")
                || l.contains("io.github.classgraph")), "Table is not initialised, ClassGraph never loaded");
    }

    /**
     * A class that is not in the class-data archive is looked up jar by jar along the class path, and each jar opened
     * is indexed whole. picocli is first among the dependencies, and its default factory is told not to look for
     * Groovy (a class no jar holds, so the lookup used to open all 68 jars at every start).
     */
    @Test
    void theStartOpensNoJarButPicocli() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.misc.URLClassPath.debug=true", "-cp", System.getProperty("java.class.path"), "scar.cli.Main",
                "characterize", "--help");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the CLI did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> opened = out.lines().filter(l -> l.startsWith("Opening ") && l.endsWith(".jar")).toList();
        assertTrue(opened.stream().anyMatch(l -> l.contains("picocli")),
                "the JDK's class-path trace shows picocli's jar being opened: " + opened);
        assertEquals(List.of(), opened.stream().filter(l -> !l.contains("picocli")).toList(),
                "no other jar is opened to start the command line");
    }

    @Test
    void aNamedSubcommandAloneStillHasItsHelpAliasesAndSuggestions() {
        Cli.Run help = Cli.run("help", "characterize");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: scar characterize "), help.out());
        Cli.Run alias = Cli.run("characterise", "--help");
        assertEquals(0, alias.code(), alias.err());
        assertEquals(help.out(), alias.out(), "the alias builds the same command");
        Cli.Run typo = Cli.run("charactrize", "wikipedia");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Did you mean: scar characterize"), typo.err());
        Cli.Run usage = Cli.run();
        for (String c : new String[] {"demo", "datasets", "characterize", "plan", "evaluate", "report", "bench",
                "kernel", "jshell", "help"}) {
            assertTrue(usage.out().lines().anyMatch(l -> l.startsWith("  " + c + " ") || l.startsWith("  " + c + ",")),
                    c + " in " + usage.out());
        }
    }
}
