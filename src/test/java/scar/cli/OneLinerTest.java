package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import scar.data.MultiModalDataset;
import scar.foundation.DatasetProfile;

class OneLinerTest {

    @Test
    void verbsReturnTheirResults() {
        assertTrue(((String) OneLiner.run()).contains("%scar VERB"));
        assertEquals(List.of("wikipedia", "mfeat", "iris", "wine", "breast_cancer", "digits"),
                OneLiner.run("datasets"));
        assertInstanceOf(MultiModalDataset.class, OneLiner.run("dataset", "iris"));
        Object p = OneLiner.run("characterize", "wikipedia", "--modality", "text", "--ratios", "1,2,5");
        DatasetProfile profile = assertInstanceOf(DatasetProfile.class, p);
        assertEquals(List.of("text"), profile.modalityNames());
    }

    @Test
    void mistakesSayWhatWasExpected() {
        assertMessage("unknown verb 'fly'", "fly", "iris");
        assertMessage("needs a dataset", "characterize");
        assertMessage("unknown option '--colour'", "characterize", "iris", "--colour", "red");
        assertMessage("expects a whole number, got 'x'", "characterize", "iris", "--seed", "x");
        assertMessage("needs a value", "characterize", "iris", "--seed");
    }

    private static void assertMessage(String words, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneLiner.run(args));
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
