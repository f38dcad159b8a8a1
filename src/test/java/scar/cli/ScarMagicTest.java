package scar.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The {@code %scar} magic's messages tell the user what to type in the notebook: {@code %scar}, not {@code scar}. */
class ScarMagicTest {

    @Test
    void picocliSuggestionsAndHelpPointersNameTheMagic() {
        String typo = assertThrows(IllegalArgumentException.class, () -> ScarMagic.run(List.of("bnch")))
                .getMessage();
        assertTrue(typo.contains("Did you mean: %scar bench"), typo);
        assertTrue(typo.contains("(see '%scar --help')"), typo);

        String option = assertThrows(IllegalArgumentException.class,
                () -> ScarMagic.run(List.of("characterize", "iris", "--colour"))).getMessage();
        assertTrue(option.startsWith("Unknown option: '--colour'"), option);
        assertTrue(option.contains("(see '%scar characterize --help')"), option);
        assertTrue(!option.contains("'scar "), option);
    }

    @Test
    void theUsageShownInACellIsTheMagicsAndTheCommandLineKeepsItsOwnName() {
        PrintStream old = System.out;
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
            ScarMagic.run(List.of("plan", "--help"));
        } finally {
            System.setOut(old);
        }
        String usage = shown.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Usage: %scar plan "), usage);
        Cli.Run terminal = Cli.run("bnch");
        assertTrue(terminal.err().contains("Did you mean: scar bench") && terminal.err().contains("(see 'scar --help')"),
                terminal.err());
    }
}
