package scar.data;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzzes {@link JsonLines} (plain and gzip) under {@link FuzzOracle}'s contract. */
class JsonLinesFuzzTest {
    private static final FuzzOracle ORACLE = new FuzzOracle("json-lines");

    static Stream<Arguments> fuzz() {
        return FuzzSeeds.jsonLines().stream().map(b -> arguments((Object) b));
    }

    @MethodSource
    @DictionaryEntries({"{", "}", "[", "]", ":", ",", "\"embedding\"", "\"label\"", "\"id\"", "NaN", "-Infinity",
            "null", "true", "1e-3", "\\u0000"})
    @FuzzTest
    void fuzz(byte[] input) {
        Path file = ORACLE.file("emb.jsonl", input);
        ORACLE.check(file, () -> JsonLines.load(file));
    }

    @AfterAll
    static void report() {
        ORACLE.report();
    }
}
