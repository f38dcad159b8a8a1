package scar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** {@link Json#runFields} lists a result's run facts in the order the result writes them. */
class JsonRunFieldsTest {

    record Fit(long nanos, double loss, int threads) {
    }

    record Run(long nanos, List<Fit> fits, int threads) {
    }

    /**
     * The list went through a {@code Set.copyOf} of each object's names, whose order changes from one JVM start to
     * the next: two runs wrote {@code timings.json} with its {@code run_fields} in other orders.
     */
    @Test
    void runFactsAreListedInTheOrderWritten() {
        Run run = new Run(1, IntStream.range(0, 4).mapToObj(i -> new Fit(10 + i, 0.5, 2)).toList(), 2);
        List<String> expected = new ArrayList<>(List.of("/nanos"));
        for (int i = 0; i < 4; i++) {
            expected.add("/fits/" + i + "/nanos");
            expected.add("/fits/" + i + "/threads");
        }
        expected.add("/threads");
        assertEquals(expected, List.copyOf(Json.runFields(run).keySet()));
    }
}
