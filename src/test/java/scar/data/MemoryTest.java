package scar.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The memory claim: a 1,000,000 × 768 float32 modality fits a 4 GiB heap (surefire runs with -Xmx4g). */
class MemoryTest {

    @Test
    void millionBy768ModalityFitsWithoutCopies() {
        int n = 1_000_000;
        int d = 768;
        assertTrue(Runtime.getRuntime().maxMemory() <= 4L << 30, "the test must run in at most a 4 GiB heap");
        float[] values = new float[n * d];
        values[values.length - 1] = 3f;
        Modality m = Modality.of("clip", Matrix.wrap(n, d, values));
        int[] labels = new int[n];
        labels[n - 1] = 9;
        MultiModalDataset ds = MultiModalDataset.of("big", labels, ClassLabels.defaultNames(10), m);
        assertSame(values, ds.modality("clip").embeddings().data());
        assertEquals(3f, ds.modality("clip").embeddings().get(n - 1, d - 1));
        assertEquals("999999", ds.id(n - 1));
        assertTrue(ds.toString().matches("(?s).*\\nclip\\s+1,000,000\\s+768\\n.*"), ds.toString());
        assertEquals(n - 1, ds.classCounts()[0]);
    }

    @Test
    void anAllocationThatFailsAfterItsCheckIsTheOneLineAnswerNamingWhatItWasFor() {
        // a heap can pass the check (enough free bytes) and still fail the array (not in one piece)
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
                () -> Memory.allocate(16L << 20, "reading narrow.csv.gz (4194304 values so far)", () -> {
                    throw new OutOfMemoryError("Java heap space");
                }));
        assertTrue(e.getMessage().startsWith("not enough memory: reading narrow.csv.gz (4194304 values so far) needs "
                + "16.0 MiB in one piece"), e.getMessage());
        assertTrue(e.getMessage().contains("SCAR_JAVA_OPTS=-Xmx"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        int[] made = Memory.allocate(16L << 20, "a small array", () -> new int[3]);
        assertEquals(3, made.length);
    }
}
