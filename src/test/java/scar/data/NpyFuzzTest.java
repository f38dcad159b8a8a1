package scar.data;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@link Npy} under {@link FuzzOracle}'s contract: each input is a {@link FuzzArchive} of an embeddings file
 * and a labels file ({@code .npy}, text or CSV). Every {@code .npy} file is read both as a matrix and as labels, and
 * the pair is loaded as a dataset.
 */
class NpyFuzzTest {
    private static final FuzzOracle ORACLE = new FuzzOracle("npy");

    static Stream<Arguments> fuzz() {
        return FuzzSeeds.npy().stream().map(b -> arguments((Object) b));
    }

    @MethodSource
    @DictionaryEntries({"=== ", ".npy", ".txt", "\u0093NUMPY", "{'descr': ", "'<f4'", "'<f8'", "'<i8'", "'|u1'",
            "'fortran_order': ", "False", "True", "'shape': ", "(", ")", ", ", "L", "-", "label,class_name"})
    @FuzzTest
    void fuzz(byte[] input) {
        List<Path> paths = ORACLE.files(input).paths();
        for (Path p : paths) {
            if (p.getFileName().toString().endsWith(".npy") && Files.isRegularFile(p)) {
                ORACLE.check(p, () -> Npy.read(p));
                ORACLE.check(p, () -> Npy.readInts(p));
            }
        }
        if (paths.size() >= 2) {
            Path x = paths.get(0);
            Path labels = paths.get(1);
            ORACLE.check(x.getParent(), () -> Npy.load(x, labels));
        }
    }

    @AfterAll
    static void report() {
        ORACLE.report();
    }
}
