package scar.data;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@link Parquet} (and so {@link ParquetFile}, {@link ParquetPages} and the parquet-java decoders and
 * decompressors under them) under {@link FuzzOracle}'s contract: each input is one Parquet file, loaded with the
 * default columns and again with the id and split columns.
 */
class ParquetFuzzTest {
    private static final FuzzOracle ORACLE = new FuzzOracle("parquet");

    static Stream<Arguments> fuzz() {
        return FuzzSeeds.parquet().stream().map(b -> arguments((Object) b));
    }

    @MethodSource
    @DictionaryEntries({"PAR1", "PARE", "embedding", "label", "id", "split", "train", "test", "element", "list",
            "array", "\u0000\u0000\u0000\u0000"})
    @FuzzTest
    void fuzz(byte[] input) {
        Path file = ORACLE.file("emb.parquet", input);
        ORACLE.check(file, () -> Parquet.loader().load(file));
        ORACLE.check(file, () -> Parquet.loader().id("id").split("split").load(file));
    }

    @AfterAll
    static void report() {
        ORACLE.report();
    }
}
