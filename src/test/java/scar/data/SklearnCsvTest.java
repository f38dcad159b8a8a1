package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static scar.data.TestFiles.assertFails;
import static scar.data.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scikit-learn's CSV layout with and without its header line, and the bad headers the fuzzer found. */
class SklearnCsvTest {
    @TempDir
    Path dir;

    @Test
    void headerGivesCountsAndClassNames() {
        MultiModalDataset ds = SklearnCsv.load(write(dir.resolve("tiny.csv"), "3,2,cat,dog\n1,2,0\n3,4,1\n5,6,1\n"));
        assertEquals(3, ds.size());
        assertArrayEquals(new String[] {"cat", "dog"}, ds.classNames());
        assertEquals(2, ds.modality(SklearnCsv.MODALITY).dim());
        MultiModalDataset bare = SklearnCsv.load(write(dir.resolve("bare.csv"), "1,2,0\n3,4,1\n"));
        assertArrayEquals(new int[] {0, 1}, bare.labels());
    }

    /** Found by SklearnCsvFuzzTest (kept in SklearnCsvFuzzTestInputs/fuzz/header-of-one-field): "2 > 1". */
    @Test
    void aHeaderLineOfOneFieldIsNamed() {
        Path file = write(dir.resolve("one.csv"), "56(Input\n16.99,10.38,0\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(file),
                "one.csv", "line 1", "a header of 1 field", "n_samples,n_features");
        Path two = write(dir.resolve("two.csv"), "150,4\n1,2,3,0\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(two), "two.csv", "a header of 2 fields");
    }

    @Test
    void countsThatDisagreeWithTheRowsAreNamed() {
        Path file = write(dir.resolve("iris.csv"), "150,2,a,b\n1,2,0\n3,4,1\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(file),
                "iris.csv", "line 1", "'n_samples'", "'150'", "2 data rows");
    }

    /**
     * A class name in the header that is empty, white space or a repeat (the fuzzer's find, {@code 1,1,+141,}: it
     * failed later as "class name 1 is null or blank", naming no file) is refused where the header is read.
     */
    @Test
    void anEmptyOrRepeatedClassNameInTheHeaderIsNamed() {
        Path empty = write(dir.resolve("empty.csv"), "1,1,+141,\n5,0\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(empty), "empty.csv", "line 1",
                "column 'class name 1'", "value ''", "is not a class name (it is empty or only white space)");
        Path blank = write(dir.resolve("blank.csv"), "1,1,a,\u001c\n5,0\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(blank), "blank.csv", "line 1",
                "column 'class name 1'", "value '\\u001c'", "is not a class name");
        Path twice = write(dir.resolve("twice.csv"), "2,1,cat,cat\n5,0\n6,1\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(twice), "twice.csv", "line 1",
                "column 'class name 1'", "value 'cat'", "is not a new class name: class 0 has it too");
    }
}
