package scar.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import scar.golden.Golden;

/**
 * SPEC §5.5 against foundation_sizes.csv with the hs_lists files (1e-8 relative, SPEC §9), and against the small
 * {@code foundation_cases} of step_cases.json wherever the reference computed them without random sampling.
 */
class FoundationGoldenTest {
    static final double REL = 1e-8;

    static Stream<Arguments> sizeRows() {
        List<String> header = List.of(Golden.csvHeader("foundation_sizes.csv"));
        return Golden.csvRows("foundation_sizes.csv").stream().map(row -> Arguments.of(row[header.indexOf("file")],
                Integer.parseInt(row[header.indexOf("k")]), Double.parseDouble(row[header.indexOf("rho")]),
                Double.parseDouble(row[header.indexOf("expected_exact_m3")]),
                Double.parseDouble(row[header.indexOf("reference_value")]),
                Boolean.parseBoolean(row[header.indexOf("reference_is_exact")].toLowerCase())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizeRows")
    void foundationSizeOfReferenceExperiments(String file, int k, double rho, double expectedExactM3,
                                              double referenceValue, boolean referenceIsExact) {
        Golden.HsList list = Golden.hsList(file);
        assertEquals(k, list.hs().length, file + ": K");
        assertEquals(rho, list.rho(), 0.0, file + ": ρ in the csv and in the hs_lists file");
        FoundationEstimate est = FoundationSize.estimate(list.hs(), list.rho(), FoundationOptions.defaults());
        assertFalse(est.fallback(), file + " should have a bracketed root");
        assertEquals(expectedExactM3, est.size(), REL * expectedExactM3, file);
        if (referenceIsExact) {
            assertEquals(referenceValue, est.size(), REL * referenceValue, file + " vs the reference's own value");
        }
    }

    static Stream<Arguments> smallCases() {
        return Golden.json("step_cases.json").getAsJsonArray("foundation_cases").asList().stream()
                .map(JsonElement::getAsJsonObject).map(o -> Arguments.of(o.get("name").getAsString(), o));
    }

    /** Whether the reference enumerated every subset of every order up to m (it samples 200 when there are more). */
    static boolean referenceExact(int k, int m) {
        long choose = 1;
        for (int o = 1; o <= Math.min(m, k); o++) {
            choose = choose * (k - o + 1) / o;
            if (choose > 200) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallCases")
    void smallHLists(String name, JsonObject c) {
        double[] h = Golden.doubles(c.get("H"));
        int k = c.get("k").getAsInt();
        assertEquals(k, h.length);
        FoundationOptions m3 = FoundationOptions.defaults();
        if (c.get("fast_deterministic_max3").getAsBoolean()) {
            assertTrue(referenceExact(k, 3), name);
            check(c, "fast_max3_ratio_2.71828", FoundationSize.estimate(h, Math.E, m3));
            check(c, "fast_max3_ratio_5", FoundationSize.estimate(h, 5, m3));
        }
        if (referenceExact(k, 5)) {
            check(c, "fast_default_max5_ratio_e", FoundationSize.estimate(h, Math.E, m3.withOrder(5)));
        }
        // the reference's "general" solver keeps all K orders and has N = x*/ε², i.e. ρ = e
        check(c, "general", FoundationSize.estimate(h, Math.E, m3.withOrder(k)));
        // ρ < 1 made the reference's sizes negative; the library refuses it
        assertThrows(IllegalArgumentException.class, () -> FoundationSize.estimate(h, 0.5, m3));
    }

    private static void check(JsonObject c, String key, FoundationEstimate est) {
        double expected = c.get(key).getAsDouble();
        assertFalse(est.fallback(), key);
        assertEquals(expected, est.size(), REL * Math.abs(expected), c.get("name").getAsString() + " " + key);
    }

    /** Every hs_lists file, K from 4 to 1000, gives a finite positive size; prints the K = 1000 timings. */
    @Test
    void everyReferenceHListSolves() {
        for (String file : Golden.hsListFiles()) {
            Golden.HsList list = Golden.hsList(file);
            double rho = Math.max(list.rho(), Math.E);
            FoundationEstimate est = FoundationSize.estimate(list.hs(), rho, FoundationOptions.defaults());
            assertTrue(est.size() > 0 && Double.isFinite(est.size()), file + ": " + est.size());
            // deterministic (its time at K = 1000 is measured by ./scar bench)
            assertEquals(est, FoundationSize.estimate(list.hs(), rho, FoundationOptions.defaults()), file);
        }
    }
}
