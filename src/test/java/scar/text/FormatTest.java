package scar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;

class FormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "118198.4|118,198", "118198.5|118,199", "535.7|536", "64|64", "0|0", "-0.2|0", "-1663.3|-1,663",
        "NaN|n/a", "Infinity|∞", "-Infinity|−∞"
    })
    void itemsAreWholeWithThousandsSeparators(double value, String expected) {
        assertEquals(expected, Format.items(value));
    }

    /**
     * Large whole numbers read as {@code String.format("%,.0f")} writes them on JDK 19 and later (the expectations
     * are Temurin 25's), also on JDK 17, which writes the first {@code 207,642,060,769,726,432}.
     */
    @Test
    void largeNumbersReadTheSameOnEveryJdk() {
        double large = Double.longBitsToDouble(0x43870d8ad544e07fL);
        assertEquals("207,642,060,769,726,430", Format.items(large));
        assertEquals("-207,642,060,769,726,430", Format.items(-large));
        assertEquals("+207,642,060,769,726,430", Format.signedItems(large));
        assertEquals("1,152,921,504,606,847,000", Format.ratio(Math.scalb(1.0, 60)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "54.39|54.4", "2.718281828|2.72", "1|1.00", "0.0123456|0.0123", "9.996|10.0", "999.6|1,000",
        "4208.66|4,209", "0|0.00", "-0.5|-0.500", "NaN|n/a"
    })
    void ratiosHaveThreeSignificantDigits(double value, String expected) {
        assertEquals(expected, Format.ratio(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.01|1 point", "0.02|2 points", "0.015|1.5 points", "0.005|0.5 points",
        "0.07|7 points", "0.1234|12.34 points"})
    void tolerancesReadInPointsAsParameters(double share, String expected) {
        assertEquals(expected, Format.points(share));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.26118|0.261", "1.36e-16|0.000", "-1e-9|0.000", "1|1.000", "NaN|n/a"
    })
    void sharesHaveThreeDecimals(double value, String expected) {
        assertEquals(expected, Format.share(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.0123|+0.012", "-0.0041|-0.004", "1e-9|0.000", "-1e-9|0.000"})
    void signedSharesShowTheirSign(double value, String expected) {
        assertEquals(expected, Format.signedShare(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "3|3", "52840|52840", "0.123456|0.1235", "1234.5678|1235", "0.30000000000000004|0.3",
        "-2.5|-2.5", "0.0001234|1.234e-04", "25000000|2.5e+07", "NaN|n/a", "Infinity|∞"
    })
    void parametersHaveAtMostFourSignificantDigits(double value, String expected) {
        assertEquals(expected, Format.number(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"35000|35,000", "100|100", "0.25|0.25", "-1000|-1,000"})
    void ticksGroupThousands(double value, String expected) {
        assertEquals(expected, Format.tick(value));
    }

    @Test
    void durations() {
        assertEquals("350 ms", Format.duration(Duration.ofMillis(350)));
        assertEquals("26.1 s", Format.duration(Duration.ofMillis(26_149)));
        assertEquals("2 min 05 s", Format.duration(Duration.ofSeconds(125)));
        assertEquals("1 h 02 min", Format.duration(Duration.ofMinutes(62)));
        assertEquals("6.6 s", Format.nanos(6_620_000_000L));
    }

    @Test
    void intervalsAndRanges() {
        assertEquals("0.873 [0.851–0.890]", Format.shareInterval(0.8731, 0.8512, 0.89));
        assertEquals("118,198 (117,920–118,431)", Format.itemsRange(118198, 117920, 118431));
        assertEquals("1 seed", Format.count(1, "seed", "seeds"));
        assertEquals("3 seeds", Format.count(3, "seed", "seeds"));
    }

    @Test
    void columnsPrintTheirKindButKeepEveryDigit() {
        DoubleColumn nf = Columns.doubles("foundation_size", new double[] {118198.4, Double.NaN}, Columns.Kind.ITEMS);
        assertEquals("118,198", nf.getString(0));
        assertEquals("n/a", nf.getString(1));
        assertEquals(118198.4, nf.getDouble(0));
        DoubleColumn acc = Columns.doubles("accuracy", new double[] {0.26118}, Columns.Kind.SHARE);
        assertEquals("0.261", acc.getString(0));
        IntColumn items = Columns.counts("items", new int[] {2173});
        assertEquals("2,173", items.getString(0));
    }
}
