package scar.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.data.MultiModalDataset;
import scar.data.Npy;

/** The bench's pieces: the original code's generator (in the heap and streamed to .npy) and how runs are reported. */
class BenchTest {

    @Test
    void cifarLikeHasBalancedClassesASplitAndTheSameValuesOnDiskAsInTheHeap(@TempDir Path dir) {
        CifarLike set = new CifarLike(300, 60, 16, 3, 0.5, 1.0, 0);
        MultiModalDataset heap = set.dataset();
        assertEquals(360, heap.size());
        assertEquals(300, heap.trainIndices().length);
        int[] counts = new int[3];
        for (int i : heap.trainIndices()) {
            counts[heap.labels()[i]]++;
        }
        assertArrayEquals(new int[] {100, 100, 100}, counts, "permutation(repeat(arange(K), n // K))");
        Path x = set.writeNpy(dir);
        assertArrayEquals(heap.modality("x").embeddings().data(), Npy.read(x).data());
        assertArrayEquals(heap.labels(), Npy.readInts(CifarLike.labelsFile(x)));
        assertEquals(x, set.writeNpy(dir), "a second call reuses the files");
        // the class means are mean_scale apart per feature: the class averages of a feature differ
        float[] mean0 = new float[16];
        float[] mean1 = new float[16];
        for (int i : heap.trainIndices()) {
            float[] row = heap.modality("x").embeddings().row(i);
            float[] into = heap.labels()[i] == 0 ? mean0 : heap.labels()[i] == 1 ? mean1 : null;
            for (int j = 0; into != null && j < 16; j++) {
                into[j] += row[j] / 100f;
            }
        }
        double distance = 0;
        for (int j = 0; j < 16; j++) {
            distance += (mean0[j] - mean1[j]) * (mean0[j] - mean1[j]);
        }
        assertTrue(Math.sqrt(distance) > 0.5 && Math.sqrt(distance) < 6, "class means 0.5 * sqrt(2 d) = 2.8 apart");
    }

    @Test
    void aSingleRunIsNeverCalledAMedian() {
        assertEquals("1.50 s (1 run)", new Timings(new double[] {1.5}).inSeconds());
        assertEquals("min 1.00 s, median 2.00 s (3 runs)", new Timings(new double[] {3, 1, 2}).inSeconds());
        assertEquals("min 1000.0 ms, median 1500.0 ms (2 runs)", new Timings(new double[] {1, 2}).inMillis());
    }
}
