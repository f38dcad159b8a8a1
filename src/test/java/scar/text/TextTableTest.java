package scar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TextTableTest {

    private static int longest(String text) {
        return Arrays.stream(text.split("\n")).mapToInt(String::length).max().orElse(0);
    }

    private static Table perClass(int rows, int extraColumns) {
        String[] names = IntStream.range(0, rows).mapToObj(i -> "class_number_" + i).toArray(String[]::new);
        Table t = Table.create("demo / image: per class", StringColumn.create("class", names),
                Columns.counts("items", IntStream.range(0, rows).map(i -> 100 + 37 * i).toArray()),
                Columns.doubles("scale", new double[rows], Columns.Kind.SHARE),
                BooleanColumn.create("saturated", new boolean[rows]));
        for (int c = 0; c < extraColumns; c++) {
            final int col = c;
            t.addColumns(Columns.doubles("step_size_number_" + c, IntStream.range(0, rows)
                    .mapToDouble(i -> 60_000 + 1234.5 * i + col).toArray(), Columns.Kind.ITEMS));
        }
        return t;
    }

    @Test
    void constantColumnsLeaveTheTableAndAreNamedOnceBelowIt() {
        String text = TextTable.render(perClass(4, 1), TextTable.WIDTH);
        String[] lines = text.split("\n");
        assertEquals("demo / image: per class", lines[0]);
        assertTrue(lines[1].startsWith("class") && lines[1].contains("items") && !lines[1].contains("scale"), text);
        assertTrue(lines[2].matches("[- ]+"), text);
        assertTrue(text.contains("same in every row: scale 0.000, saturated false"), text);
        // 60,000 + 1,234.5 x 3 = 63,703.5, printed as whole items
        assertTrue(text.contains("class_number_3") && text.contains("63,704"), text);
    }

    @Test
    void wideKeepsEveryColumnOnOneLine() {
        String text = TextTable.render(perClass(4, 12), TextTable.WIDE);
        assertTrue(text.contains("scale") && text.contains("saturated"), text);
        assertEquals(1 + 2 + 4, text.split("\n").length, text);
        assertTrue(longest(text) > TextTable.WIDTH, text);
    }

    @Test
    void manyRowsSplitIntoBlocksThatRepeatTheFirstColumn() {
        Table t = perClass(12, 14);
        String text = TextTable.render(t, TextTable.WIDTH);
        assertTrue(longest(text) <= TextTable.WIDTH, text);
        assertTrue(text.contains("(continued: "), text);
        assertEquals(12 * 2, text.split("class_number_").length - 1 - 0, "every row in both blocks:\n" + text);
        for (int c = 0; c < 14; c++) {
            assertTrue(text.contains("number_" + c), "column " + c + " is printed:\n" + text);
        }
    }

    @Test
    void fewRowsAreTransposedInsteadOfSplit() {
        String text = TextTable.render(perClass(2, 14), TextTable.WIDTH);
        assertTrue(longest(text) <= TextTable.WIDTH, text);
        assertTrue(text.startsWith("demo / image: per class (one column per class)\n"), text);
        assertTrue(text.contains("step_size_number_13"), text);
        assertFalse(text.contains("continued"), text);
    }

    @Test
    void longHeadersBreakAfterUnderscores() {
        Table t = Table.create("t", StringColumn.create("modality", "image", "text"));
        for (int c = 0; c < 9; c++) {
            t.addColumns(Columns.counts("saturated_classes_in_group_" + c, new int[] {c, c + 1}));
        }
        String text = TextTable.render(t, 120);
        assertTrue(longest(text) <= 120, text);
        assertTrue(text.contains("saturated_") && text.contains("classes_"), text);
        assertFalse(text.contains("one column per"), text);
    }

    @Test
    void longCellsWrap() {
        Table t = Table.create("summary", StringColumn.create("what", "a"), StringColumn.create("text",
                "word ".repeat(80).strip()));
        String text = TextTable.render(t, 60);
        assertTrue(longest(text) <= 60, text);
        assertEquals(80, text.split("word", -1).length - 1, text);
    }

    @Test
    void widthBelowTwentyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TextTable.render(perClass(2, 0), 10));
    }

    @Test
    void keyValuesWrapUnderTheirValue() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("foundation size N_F", "118,198");
        m.put("what N_F means", "a sentence that goes on ".repeat(12).strip());
        String text = Text.keyValues(m, "  ", 80);
        assertTrue(longest(text) <= 80, text);
        String[] lines = text.split("\n");
        assertEquals("  foundation size N_F  118,198", lines[0]);
        int column = lines[1].indexOf("a sentence");
        assertEquals(column, lines[2].length() - lines[2].stripLeading().length(), text);
    }

    @Test
    void anIntervalsThreeColumnsReadAsOneCell() {
        Table t = Table.create("intervals", StringColumn.create("class", "a", "b"),
                Columns.doubles("recall", new double[] {0.51234, 0.2}, Columns.Kind.SHARE),
                Columns.doubles("recall_low", new double[] {0.40001, Double.NaN}, Columns.Kind.SHARE),
                Columns.doubles("recall_high", new double[] {0.6, Double.NaN}, Columns.Kind.SHARE),
                Columns.doubles("gap_low", new double[] {1, 2}, Columns.Kind.ITEMS));
        String text = TextTable.render(t, TextTable.WIDE);
        String[] lines = text.split("\n");
        assertEquals(java.util.List.of("class", "recall", "gap_low"), Arrays.asList(lines[1].split(" +")), text);
        assertTrue(lines[3].contains(Format.shareInterval(0.51234, 0.40001, 0.6)), text);
        assertTrue(lines[4].matches("b +0\\.200 +2"), text);
        assertEquals(0.40001, t.doubleColumn("recall_low").get(0), "the table keeps its columns and digits");
    }
}
