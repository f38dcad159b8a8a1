package scar.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hash that buckets rows before {@link Duplicates} compares them value by value. */
class RowHashTest {

    @Test
    void everyValueOfARowCountsWhateverItsPositionAndTheRowsLength() {
        Random random = new Random(2);
        for (int d : new int[] {1, 2, 3, 4, 5, 7, 8, 13, 768}) {
            float[] row = new float[d];
            for (int j = 0; j < d; j++) {
                row[j] = random.nextFloat();
            }
            long hash = Duplicates.rowHash(row);
            assertEquals(hash, Duplicates.rowHash(row.clone()), "d = " + d);
            for (int j = 0; j < d; j++) {
                float[] other = row.clone();
                other[j] = Math.nextUp(other[j]);
                assertNotEquals(hash, Duplicates.rowHash(other), "d = " + d + ", value " + j + " changed");
            }
            if (d > 1) {
                float[] swapped = row.clone();
                swapped[0] = row[d - 1];
                swapped[d - 1] = row[0];
                assertNotEquals(hash, Duplicates.rowHash(swapped), "d = " + d + ", first and last swapped");
            }
        }
    }

    @Test
    void rowsThatCompareEqualHashEqualAndZerosOfTwoSignsDoNot() {
        // Duplicates compares Float.floatToIntBits: every NaN is one value there, +0 and -0 are two
        float[] a = {1f, Float.intBitsToFloat(0x7fc00001), 0f, 2f, 3f};
        float[] b = {1f, Float.intBitsToFloat(0x7fa00000), 0f, 2f, 3f};
        assertEquals(Duplicates.rowHash(a), Duplicates.rowHash(b));
        float[] c = {1f, Float.NaN, -0f, 2f, 3f};
        assertNotEquals(Duplicates.rowHash(a), Duplicates.rowHash(c));
        assertNotEquals(Duplicates.rowHash(new float[3]), Duplicates.rowHash(new float[4]), "rows of other lengths");
    }
}
