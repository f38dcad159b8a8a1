package scar.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columns a command line names, checked against the Parquet schema before the data is read: each refusal is one
 * line that names the path, the column and what was expected, exit code 2.
 */
class ColumnsTest {
    @TempDir
    static Path dir;

    /** label (int), emb (array of float), score (float), tag (array of int). */
    private static String parquet;

    @BeforeAll
    static void write() {
        parquet = dir.resolve("items.parquet").toString();
        Sessions.twoClasses(Sessions.local(), 40)
                .selectExpr("label", "emb", "cast(label as float) as score", "array(label) as tag")
                .write().parquet(parquet);
    }

    private static void refused(String expected, String... options) throws Exception {
        String[] args = new String[options.length + 3];
        args[0] = "characterize";
        args[1] = parquet;
        System.arraycopy(options, 0, args, 2, options.length);
        args[args.length - 1] = "--quiet";
        Sessions.Run run = Sessions.main(args);
        assertEquals(2, run.code(), run.message());
        assertEquals("scar-spark: " + expected, run.message());
    }

    @Test
    void aColumnOfTheWrongTypeOrAMissingOneIsNamedWithThePath() throws Exception {
        refused(parquet + ": embedding column 'score' has type float, expected an array of float or double",
                "--embedding", "score", "--label", "label");
        refused(parquet + ": label column 'tag' has type array<int>, expected integers or strings",
                "--embedding", "emb", "--label", "tag");
        refused(parquet + ": embedding column 'nope' not found; the columns are label, emb, score, tag",
                "--embedding", "nope", "--label", "label");
    }

    /**
     * A column given two roles: it used to be Spark's "[AMBIGUOUS_REFERENCE] Reference `label` is ambiguous" for an
     * id that is the label or an embedding, and a study of two identical modalities for an embedding named twice.
     */
    @Test
    void aColumnNamedForTwoRolesIsRefused() throws Exception {
        refused(parquet + ": column 'label' is named as the label and as the id; expected a column of its own for each",
                "--embedding", "emb", "--label", "label", "--id", "label");
        refused(parquet + ": column 'emb' is named as an embedding and as the id; expected a column of its own for "
                + "each", "--embedding", "emb", "--label", "label", "--id", "emb");
        refused(parquet + ": column 'emb' is named twice as an embedding; expected each modality's column once",
                "--embedding", "emb", "--embedding", "emb", "--label", "label");
    }

    /**
     * An id column of floats or lists: Spark cast it to text ("1.0", "[0]") and the study ran, where the local
     * loaders take one integer or string id per row.
     */
    @Test
    void anIdColumnThatHoldsNeitherIntegersNorTextIsRefused() throws Exception {
        refused(parquet + ": id column 'score' has type float, expected integers or strings",
                "--embedding", "emb", "--label", "label", "--id", "score");
        refused(parquet + ": id column 'tag' has type array<int>, expected integers or strings",
                "--embedding", "emb", "--label", "label", "--id", "tag");
    }

    /** In a notebook, {@code characterize(df, null, "label")} was a NullPointerException without a message. */
    @Test
    void aNullEmbeddingColumnIsNamedAsTheNullLabelColumnIs() {
        var df = Sessions.local().read().parquet(parquet);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> ScarSpark.characterize(df, (String) null, "label"));
        assertEquals("embedding column", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> ScarSpark.characterize(df, "emb", null));
        assertEquals("label column", e.getMessage());
    }
}
