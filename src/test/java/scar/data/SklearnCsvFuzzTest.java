package scar.data;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzzes {@link SklearnCsv} (scikit-learn's bundled CSV layout, plain and gzip) under {@link FuzzOracle}'s contract. */
class SklearnCsvFuzzTest {
    private static final FuzzOracle ORACLE = new FuzzOracle("sklearn-csv");

    static Stream<Arguments> fuzz() {
        return FuzzSeeds.sklearn().stream().map(b -> arguments((Object) b));
    }

    @MethodSource
    @DictionaryEntries({",", "\"", "setosa", "150", "4", ".", "e-", "NaN"})
    @FuzzTest
    void fuzz(byte[] input) {
        Path file = ORACLE.file("classic.csv", input);
        ORACLE.check(file, () -> SklearnCsv.load(file));
    }

    @AfterAll
    static void report() {
        ORACLE.report();
    }
}
