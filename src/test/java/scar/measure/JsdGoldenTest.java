package scar.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import scar.golden.Golden;

/** SPEC §3.1 against every {@code estimate_jsd_fast_cases} entry of measure_cases.json, at 1e-9 (SPEC §9). */
class JsdGoldenTest {

    static Stream<Arguments> cases() {
        return Golden.json("measure_cases.json").getAsJsonArray("estimate_jsd_fast_cases").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .map(o -> Arguments.of(o.get("name").getAsString(), o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(String name, JsonObject c) {
        double[] samples = Golden.doubles(c.get("samples"));
        double expected = Golden.num(c.get("jsd"));
        assertEquals(expected, Jsd.of(samples), 1e-9, name);
    }
}
