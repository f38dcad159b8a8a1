package scar.data;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@link DatasetFolder} under {@link FuzzOracle}'s contract: each input is a whole folder written from a
 * {@link FuzzArchive} (manifest, labels.csv, views, plain or gzip; a name ending in / becomes a folder).
 */
class DatasetFolderFuzzTest {
    private static final FuzzOracle ORACLE = new FuzzOracle("dataset-folder");

    static Stream<Arguments> fuzz() {
        return FuzzSeeds.folder().stream().map(b -> arguments((Object) b));
    }

    @MethodSource
    @DictionaryEntries({"=== ", "manifest.properties", "labels.csv", "view_a.csv", ".gz", "/", "views=", "view.",
            ".file=", ".dim=", ".type=", ".description=", "name=", "title=", "classes=", "class_names=", "samples=",
            "labels.file=", "x.", "views=te\\,xt", "view.te\\,xt.", "\\,", "\\u", "id,label", "class_name",
            "split", "train", "test", ","})
    @FuzzTest
    void fuzz(byte[] input) {
        FuzzOracle.Archive files = ORACLE.files(input);
        ORACLE.check(files.folder(), () -> DatasetFolder.load(files.folder()));
    }

    @AfterAll
    static void report() {
        ORACLE.report();
    }
}
