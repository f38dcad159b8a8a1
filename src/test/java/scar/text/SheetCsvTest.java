package scar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * {@link SheetCsv} writes what Tablesaw's {@code table.write().csv(writer)} writes for the same columns, byte for
 * byte: on text made of the characters that decide quoting and trimming, on column names, and on every kind of
 * number and missing value. (The files the CLI writes are compared in
 * {@code scar.cli.CsvExportsTest}.)
 */
class SheetCsvTest {

    /** The characters the format treats specially, and a few it does not. */
    private static final char[] TRICKY = {'a', 'b', ' ', '\t', '\n', '\r', '"', ',', '#', '\'', '\0', '\u001f',
        '\u00a0', 'é', '\u2028', ';'};

    @Test
    void randomTextIsWrittenAsTablesawWritesIt() {
        Random random = new Random(20261205L);
        for (int round = 0; round < 300; round++) {
            int columns = 1 + random.nextInt(4);
            int rows = random.nextInt(6);
            List<Column<?>> cols = new ArrayList<>();
            Set<String> names = new HashSet<>();
            while (cols.size() < columns) {
                String name = text(random, 1 + random.nextInt(6));
                // a column trims its name, and Tablesaw refuses names equal but for case
                if (names.add(name.trim().toLowerCase(Locale.ROOT))) {
                    StringColumn c = StringColumn.create(name);
                    for (int r = 0; r < rows; r++) {
                        c.append(text(random, random.nextInt(8)));
                    }
                    cols.add(c);
                }
            }
            assertSameAsTablesaw(new Sheet("random " + round, cols));
        }
    }

    @Test
    void namesAreQuotedAsValuesAre() {
        assertSameAsTablesaw(Sheet.of("names", StringColumn.create(" x ", "1"), StringColumn.create("step_a,b", "2"),
                StringColumn.create("y\"", "3"), StringColumn.create(" 'z' ", "4"), StringColumn.create("#not first", "5"),
                StringColumn.create("\t", "6"), StringColumn.create("\"q\" ", "7")));
        assertSameAsTablesaw(Sheet.of("first", StringColumn.create("#class", "#a", " #b", "#", "a#"),
                StringColumn.create("#name", "#a", " #b", "#", "a#")));
    }

    @Test
    void numbersAndMissingValuesKeepEveryDigit() {
        DoubleColumn d = Columns.doubles("d", new double[] {0.1 + 0.2, -0.0, 1e-300, 1e21, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1 / 3.0,
            Double.longBitsToDouble(0x43870d8ad544e07fL)}, Columns.Kind.SHARE);
        IntColumn i = IntColumn.create("i", 0, -1, Integer.MAX_VALUE, 7, 8, 9, 10, 11, 12, 13);
        i.setMissing(3);
        LongColumn l = Columns.counts("l", new long[] {Long.MAX_VALUE, -5, 0, 1, 2, 3, 4, 5, 6, 7});
        l.setMissing(8);
        BooleanColumn b = BooleanColumn.create("b", new boolean[] {true, false, true, false, true, false, true, false,
            true, false});
        b.setMissing(0);
        StringColumn s = StringColumn.create("s", "", " ", "plain", "a,b", "say \"hi\"", "\"q\"", "x\ny", " pad ",
                "tail\r", "last");
        assertSameAsTablesaw(Sheet.of("numbers", d, i, l, b, s));
        assertSameAsTablesaw(Sheet.of("no rows", IntColumn.create("n"), StringColumn.create("s")));
    }

    @Test
    void longValuesBeyondTheWritersFirstBuffer() {
        String big = "x".repeat(20_000) + ",\"" + " ".repeat(5_000);
        assertSameAsTablesaw(Sheet.of("big", StringColumn.create("a", big, "b".repeat(9_000)),
                StringColumn.create("b", "c", big)));
    }

    private static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(TRICKY[random.nextInt(TRICKY.length)]);
        }
        return sb.toString();
    }

    /**
     * Tablesaw writes doubles with {@code String.valueOf}, which JDK 17 and JDK 19 write differently for some values;
     * {@link SheetCsv} writes JDK 19's text on every JDK ({@link Shortest}). So Tablesaw is given the doubles as
     * that text.
     */
    static void assertSameAsTablesaw(Sheet sheet) {
        StringWriter tablesaw = new StringWriter();
        new Sheet(sheet.title(), sheet.columns().stream().<Column<?>>map(c -> c instanceof DoubleColumn d
                ? StringColumn.create(d.name(), java.util.stream.IntStream.range(0, d.size())
                        .mapToObj(r -> d.isMissing(r) ? "" : Shortest.of(d.getDouble(r))))
                : c).toList()).toTable().write().csv(tablesaw);
        StringWriter ours = new StringWriter();
        try {
            SheetCsv.write(sheet, ours);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(escaped(tablesaw.toString()), escaped(ours.toString()), sheet.title());
    }

    /** The text with control characters visible, so that a failure shows where the two differ. */
    private static String escaped(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> {
            if (c < ' ' && c != '\n' || c == 0x2028) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                sb.append((char) c);
            }
        });
        return sb.toString();
    }
}
