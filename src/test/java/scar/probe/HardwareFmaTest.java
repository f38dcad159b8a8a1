package scar.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The quick look of {@link HardwareFma} is only a shortcut: whatever it sees on this machine (and however loaded the
 * machine is), the answer is the JVM's own flag. The software side is {@code scar.cli.SoftwareFmaTest}, in a JVM
 * started with {@code -XX:-UseFMA}.
 */
class HardwareFmaTest {

    @Test
    void theAnswerIsTheJvmsFlagWhateverTheQuickLookSees() {
        assertEquals(HardwareFma.flagSaysHardware(), HardwareFma.available());
    }
}
