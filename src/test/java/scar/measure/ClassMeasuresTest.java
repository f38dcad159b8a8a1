package scar.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scar.Checks;
import tech.tablesaw.api.Table;

/** The {@link ClassMeasures} value type and {@link Measures#average}. */
class ClassMeasuresTest {

    static ClassMeasures sample() {
        return new ClassMeasures(2, new double[] {0.5, 0.5}, new double[] {0.25, 0.75},
                new double[] {0.9, 0.8}, new double[] {0.95, 0.85}, 0.7);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] scale = {0.5, 0.5};
        ClassMeasures m = new ClassMeasures(2, scale, new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0}, 0);
        scale[0] = 0.1;
        assertEquals(0.5, m.scale(0), 0.0, "constructor must copy");
        m.scale()[1] = 0.2;
        assertEquals(0.5, m.scale(1), 0.0, "accessor must copy");
        assertEquals(2, m.numClasses());
    }

    @Test
    void tableHasOneRowPerClass() {
        Table t = sample().toTable();
        assertEquals(List.of("class", "scale", "coverage", "authenticity", "richness"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(0.75, t.doubleColumn("coverage").get(1), 0.0);
        assertEquals(1, t.intColumn("class").get(1));
        String s = sample().toString();
        assertTrue(s.startsWith("ClassMeasures[K=2, ratio=2, accuracy=0.700]"), s);
        assertEquals("measures at ratio 2", t.name(), "a ratio reads as in the header line, not 2.0");
        assertTrue(s.contains("\nmeasures at ratio 2\n"), s);
        assertTrue(s.contains("authenticity") && s.contains("0.85"), s);
    }

    @Test
    void valueEquality() {
        assertEquals(sample(), sample());
        assertEquals(sample().hashCode(), sample().hashCode());
        ClassMeasures other = new ClassMeasures(2, new double[] {0.5, 0.5}, new double[] {0.25, 0.7},
                new double[] {0.9, 0.8}, new double[] {0.95, 0.85}, 0.7);
        assertNotEquals(sample(), other);
    }

    @Test
    void validatesRanges() {
        Checks.assertMessage(() -> new ClassMeasures(1, new double[] {1.5}, new double[] {0}, new double[] {0},
                new double[] {0}, 0), "scale of class 0 must lie in [0, 1], got 1.5");
        Checks.assertMessage(() -> new ClassMeasures(1, new double[] {1}, new double[] {0, 0}, new double[] {0},
                new double[] {0}, 0), "coverage has 2 classes, expected 1");
        Checks.assertMessage(() -> new ClassMeasures(0.5, new double[] {1}, new double[] {0}, new double[] {0},
                new double[] {0}, 0), "ratio must be finite and >= 1");
        // a V1 Coverage may be NaN
        assertTrue(Double.isNaN(new ClassMeasures(1, new double[] {1}, new double[] {Double.NaN}, new double[] {0},
                new double[] {0}, 0).coverage(0)));
    }

    /** Means of (0.25, 0.5, 0.9) and friends: each class and measure separately. */
    @Test
    void averageIsPerClassMean() {
        ClassMeasures a = new ClassMeasures(3, new double[] {1 / 3.0, 1 / 3.0}, new double[] {0.25, 0.5},
                new double[] {0.5, 1}, new double[] {1, 0}, 0.5);
        ClassMeasures b = new ClassMeasures(3, new double[] {1 / 3.0, 1 / 3.0}, new double[] {0.5, Double.NaN},
                new double[] {0.75, 1}, new double[] {0.5, 0}, 0.75);
        ClassMeasures c = new ClassMeasures(3, new double[] {1 / 3.0, 1 / 3.0}, new double[] {0.9, 0.5},
                new double[] {1, 1}, new double[] {0, 0}, 1);
        ClassMeasures mean = Measures.average(List.of(a, b, c));
        assertEquals(3, mean.ratio(), 0.0);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0}, mean.scale(), 1e-16);
        assertEquals((0.25 + 0.5 + 0.9) / 3, mean.coverage(0), 1e-16);
        assertTrue(Double.isNaN(mean.coverage(1)), "a NaN repeat makes the mean NaN");
        assertArrayEquals(new double[] {0.75, 1}, mean.authenticity(), 1e-16);
        assertArrayEquals(new double[] {0.5, 0}, mean.richness(), 1e-16);
        assertEquals(0.75, mean.accuracy(), 1e-16);
        assertEquals(a, Measures.average(List.of(a)), "a single repeat is its own mean");
    }

    @Test
    void averageRejectsMixedRuns() {
        Checks.assertMessage(() -> Measures.average(List.of()), "empty");
        ClassMeasures other = new ClassMeasures(5, new double[] {0.2, 0.2}, new double[] {0, 0}, new double[] {0, 0},
                new double[] {0, 0}, 0);
        Checks.assertMessage(() -> Measures.average(List.of(sample(), other)),
                "repeat 1 has K = 2 at ratio 5.0, expected K = 2 at ratio 2.0");
    }
}
