package scar.data;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@link CsvEmbeddings} (plain and gzip CSV) under {@link FuzzOracle}'s contract, with two loader settings:
 * the default (every column but the label is the embedding) and id/label/split named with a text column ignored.
 * A default load of plain text must also agree with a naive reading of the same text: the same rows and columns,
 * every embedding cell a plain decimal, every value the float that decimal denotes.
 */
class CsvFuzzTest {
    private static final FuzzOracle ORACLE = new FuzzOracle("csv");
    private static final Pattern DECIMAL = Pattern.compile("[ \t]*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?[ \t]*");

    static Stream<Arguments> fuzz() {
        return FuzzSeeds.csv().stream().map(b -> arguments((Object) b));
    }

    @MethodSource
    @DictionaryEntries({",", "\"", "\"\"", "label", "id", "split", "train", "test", "class_name", "e-",
            "E+", ".", "-", "NaN", "inf", "0x1p3", "\uFEFF"})
    @FuzzTest
    void fuzz(byte[] input) {
        Path file = ORACLE.file("emb.csv", input);
        MultiModalDataset plain = ORACLE.check(file, () -> CsvEmbeddings.loader().load(file));
        if (plain != null) {
            agreesWithANaiveReading(input, plain);
        }
        ORACLE.check(file, () -> CsvEmbeddings.loader().id("id").split("split").ignore("class_name").load(file));
    }

    @AfterAll
    static void report() {
        ORACLE.report();
    }

    /** For plain UTF-8 text without quotes, what the default load must be: checked cell by cell. */
    private static void agreesWithANaiveReading(byte[] input, MultiModalDataset ds) {
        if (input.length > 1 && input[0] == 0x1f && (input[1] & 0xff) == 0x8b) {
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("loaded text that is not UTF-8", e);
        }
        if (text.indexOf('"') >= 0) {
            return;
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = Arrays.stream(text.split("\r\n|\r|\n", -1)).filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).split(",", -1);
        List<Integer> embedding = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            if (!CsvReader.trim(header[j]).equals("label")) {
                embedding.add(j);
            }
        }
        Matrix x = ds.modality("emb").embeddings();
        FuzzOracle.require(x.rows() == lines.size() - 1, x.rows() + " rows from " + (lines.size() - 1) + " lines");
        FuzzOracle.require(x.cols() == embedding.size(), x.cols() + " columns, the header has " + embedding.size());
        for (int i = 0; i < x.rows(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            for (int j = 0; j < x.cols(); j++) {
                String cell = cells[embedding.get(j)];
                FuzzOracle.require(DECIMAL.matcher(cell).matches(), "'" + cell + "' loaded as a number");
                float expected = (float) Double.parseDouble(cell.strip());
                FuzzOracle.require(Float.compare(expected, x.get(i, j)) == 0,
                        "'" + cell + "' loaded as " + x.get(i, j) + ", expected " + expected);
            }
        }
    }
}
