package scar.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "3|3", "52840|52840", "0.123456|0.1235", "1234.5678|1235", "0.30000000000000004|0.3",
        "-2.5|-2.5", "0.0001234|1.234e-04", "25000000|2.5e+07", "NaN|NaN", "Infinity|∞"
    })
    void formatsWithFourSignificantDigits(double value, String expected) {
        assertEquals(expected, Numbers.format(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"35000|35,000", "100|100", "0.25|0.25", "-1000|-1,000"})
    void ticksGroupThousands(double value, String expected) {
        assertEquals(expected, Numbers.tick(value));
    }
}
