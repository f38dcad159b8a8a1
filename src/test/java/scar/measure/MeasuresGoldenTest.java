package scar.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import scar.golden.Golden;

/**
 * SPEC §3 against every case of measure_cases.json, HEAD ({@code expected}) and V1 ({@code expected_v1}), at the
 * tolerances of SPEC §9: 1e-12 absolute for scale, authenticity and richness, 1e-9 for coverage.
 */
class MeasuresGoldenTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonElement e : Golden.json("measure_cases.json").getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            out.add(Arguments.of(c.get("name").getAsString(), MeasureVariant.HEAD, c));
            out.add(Arguments.of(c.get("name").getAsString(), MeasureVariant.V1, c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesReference(String name, MeasureVariant variant, JsonObject c) {
        int n = c.get("n").getAsInt();
        int k = c.get("num_classes").getAsInt();
        // the reference's num_samples argument is always the training-set row count, which the library takes from
        // the logits; every fixture was produced that way
        assertEquals(n, c.get("num_samples_arg").getAsInt(), "num_samples_arg differs from n in " + name);
        float[] logits = toFloats(Golden.rowMajor(c.get("logits")));
        ClassMeasures m = Measures.compute(Logits.of(logits, n, k), Golden.ints(c.get("preds")),
                Golden.ints(c.get("labels")), k, c.get("ratio").getAsDouble(), variant);

        assertEquals(k, m.numClasses());
        assertEquals(c.get("accuracy").getAsDouble(), m.accuracy(), 1e-12, "accuracy");
        JsonObject expected = c.getAsJsonObject(variant == MeasureVariant.HEAD ? "expected" : "expected_v1");
        assertEquals(k, expected.size());
        for (int cls = 0; cls < k; cls++) {
            JsonObject e = expected.getAsJsonObject(Integer.toString(cls));
            String where = name + " " + variant + " class " + cls;
            assertEquals(Golden.num(e.get("scale")), m.scale(cls), 1e-12, where + " scale");
            assertEquals(Golden.num(e.get("authenticity")), m.authenticity(cls), 1e-12, where + " authenticity");
            assertEquals(Golden.num(e.get("richness")), m.richness(cls), 1e-12, where + " richness");
            double cov = Golden.num(e.get("coverage"));
            if (Double.isNaN(cov)) {
                assertTrue(Double.isNaN(m.coverage(cls)), where + " coverage should be NaN, got " + m.coverage(cls));
            } else {
                assertEquals(cov, m.coverage(cls), 1e-9, where + " coverage");
            }
        }
    }

    /** The fixture stores float32 logits exactly as doubles; narrowing them back is lossless. */
    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
            assertEquals(d[i], f[i], 0.0, "fixture logit " + i + " is not a float32 value");
        }
        return f;
    }
}
