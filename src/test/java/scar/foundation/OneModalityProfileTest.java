package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import scar.Scar;
import scar.data.Datasets;
import scar.data.MultiModalDataset;
import tech.tablesaw.api.Table;

/** Issue 15: a one-modality dataset characterises to a profile used like that modality's own profile. */
class OneModalityProfileTest {
    private static final ScarOptions QUICK = ScarOptions.defaults().withProgress(false).withRatios(1, 2, 5);

    @Test
    void aOneModalityDatasetProfileAnswersLikeItsModality() {
        MultiModalDataset iris = Datasets.bundled("iris");
        DatasetProfile all = Scar.characterize(iris, QUICK);
        ScarProfile one = Scar.characterize(iris.modality(iris.modalityNames().get(0)), QUICK);
        assertSame(all.modalities().get(0), all.only());
        assertEquals(one.foundationSize(), all.foundationSize());
        assertArrayEquals(one.stepSizes(), all.stepSizes());
        assertArrayEquals(one.shortfalls(), all.shortfalls());
        assertEquals(one.testAccuracy(), all.testAccuracy());
        assertEquals(one.meaning(), all.meaning());
        assertEquals(withoutTime(one.summaryTable()).printAll(), withoutTime(all.summaryTable()).printAll(),
                "the same summary but for the time each run took");
        assertEquals(one.measuresTable().printAll(), all.measuresTable().printAll());
        assertEquals(one.stepsTable().printAll(), all.stepsTable().printAll());
        assertEquals(one.learningCurve().printAll(), all.learningCurve().printAll());
        assertEquals(one.evidenceTable().printAll(), all.evidenceTable().printAll());
        assertEquals(one.hardItems().printAll(), all.hardItems().printAll());
    }

    private static Table withoutTime(Table summary) {
        return summary.where(summary.stringColumn("what").isNotEqualTo("time"));
    }

    @Test
    void aSeveralModalityProfileSaysWhichToChoose() {
        DatasetProfile wiki = Scar.characterize(Datasets.bundled("wikipedia"), QUICK);
        var e = assertThrows(IllegalStateException.class, wiki::summaryTable);
        assertTrue(e.getMessage().contains("2 modalities") && e.getMessage().contains("modality(\"image\")"),
                e.getMessage());
    }
}
