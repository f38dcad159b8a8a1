package scar.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import scar.plan.CompletionPlan.ClassPlan;
import scar.plan.CompletionPlan.Status;
import tech.tablesaw.api.Table;

class CompletionPlanTest {
    private static final String[] ABC = {"a", "b", "c"};
    private static final double[] STEPS = {110.2, 60, 45.5};
    private static final int[] PRESENT = {100, 40, 50};
    private static final int[] RESERVE = {20, 5, 7};

    /*
     * Hand-checked example (SPEC §6 steps 3-6):
     *   shortfalls d = ceil(max(0, n - |P|)): a = ceil(10.2) = 11, b = 20, c = 0 (45.5 <= 50, saturated); sum d = 31
     *   weights w_a = 11/31, w_b = 20/31
     *   default budget B = whole reserve = 20 + 5 + 7 = 32
     *   bounds min(|Q|, d) / w: a = 11 * 31/11 = 31, b = 5 * 31/20 = 7.75  ->  T* = min(32, 31, 7.75) = 7.75
     *   add: a = floor(7.75 * 11/31) = floor(2.75) = 2, b = floor(7.75 * 20/31) = floor(5) = 5, c = 0; total 7
     *   (b's product is exactly 5: floating point gives 4.999..., which must not be floored to 4)
     */
    @Test
    void handCheckedExampleWithReserve() {
        CompletionPlan plan = CompletionPlan.of(ABC, STEPS, PRESENT, RESERVE, null);
        assertArrayEquals(new long[] {11, 20, 0}, plan.classes().stream().mapToLong(ClassPlan::shortfall).toArray());
        assertEquals(11.0 / 31, plan.classes().get(0).weight(), 1e-15);
        assertEquals(20.0 / 31, plan.classes().get(1).weight(), 1e-15);
        assertEquals(32, plan.budget());
        assertTrue(plan.defaultBudget());
        assertEquals(7.75, plan.feasibleTotal(), 1e-12);
        assertEquals("reserve of class 'b'", plan.limit());
        assertArrayEquals(new int[] {2, 5, 0}, plan.toAdd());
        assertEquals(7, plan.budgetUsed());
        assertEquals(31, plan.totalShortfall());
        assertEquals(32, plan.totalReserve());
        assertEquals(List.of("c"), plan.saturatedClasses());
        assertEquals(List.of(Status.PARTIAL, Status.PARTIAL, Status.SATURATED),
                plan.classes().stream().map(ClassPlan::status).toList());
        assertEquals(9, plan.classes().get(0).remaining());
        assertEquals(15, plan.classes().get(1).remaining());
    }

    /* Same classes, budget 6: T* = min(6, 31, 7.75) = 6; a = floor(6*11/31) = floor(2.13) = 2, b = floor(120/31) = 3. */
    @Test
    void givenBudgetBoundsTheFill() {
        CompletionPlan plan = CompletionPlan.of(ABC, STEPS, PRESENT, RESERVE, 6);
        assertEquals("budget", plan.limit());
        assertFalse(plan.defaultBudget());
        assertEquals(6.0, plan.feasibleTotal());
        assertArrayEquals(new int[] {2, 3, 0}, plan.toAdd());
        assertEquals(5, plan.budgetUsed());
    }

    /* Without a reserve the default budget is the total shortfall 31 and every class gets exactly its shortfall. */
    @Test
    void withoutReserveThePlanIsTheShortfall() {
        CompletionPlan plan = CompletionPlan.of(ABC, STEPS, PRESENT, null, null);
        assertFalse(plan.withReserve());
        assertEquals(31, plan.budget());
        assertEquals("shortfall", plan.limit());
        assertArrayEquals(new int[] {11, 20, 0}, plan.toAdd());
        assertEquals(List.of(Status.FILLED, Status.FILLED, Status.SATURATED),
                plan.classes().stream().map(ClassPlan::status).toList());
        assertEquals(-1, plan.totalReserve());
        assertFalse(plan.toTable().columnNames().contains("reserve"));
    }

    /* Without a reserve, budget 10: a = floor(10*11/31) = floor(3.55) = 3, b = floor(200/31) = floor(6.45) = 6. */
    @Test
    void withoutReserveABudgetIsSplitInProportion() {
        CompletionPlan plan = CompletionPlan.of(ABC, STEPS, PRESENT, null, 10);
        assertArrayEquals(new int[] {3, 6, 0}, plan.toAdd());
        assertEquals("budget", plan.limit());
    }

    @Test
    void nothingToAddWhenEveryClassIsSaturated() {
        CompletionPlan plan = CompletionPlan.of(ABC, new double[] {10, 40, -3}, PRESENT, RESERVE, null);
        assertTrue(plan.isEmpty());
        assertEquals(0, plan.totalShortfall());
        assertEquals(List.of("a", "b", "c"), plan.saturatedClasses());
        assertEquals("nothing needed", plan.limit());
        assertEquals(0.0, plan.feasibleTotal());
        assertTrue(plan.toString().contains("every class is saturated: nothing to add"), plan.toString());
    }

    @Test
    void budgetZeroAddsNothingAndKeepsTheShortfall() {
        CompletionPlan plan = CompletionPlan.of(ABC, STEPS, PRESENT, RESERVE, 0);
        assertTrue(plan.isEmpty());
        assertEquals("budget", plan.limit());
        assertEquals(List.of(Status.UNFILLED, Status.UNFILLED, Status.SATURATED),
                plan.classes().stream().map(ClassPlan::status).toList());
        assertEquals(11, plan.classes().get(0).remaining());
        assertEquals(0, plan.budgetUsed());
    }

    /*
     * Class b has a shortfall of 20 but an empty reserve. Literally T* = min(..., min(0, 20) / w_b) = 0 and nothing
     * would be added at all. Here b is RESERVE_EMPTY and the others are planned: receiving shortfall = 11 (a only),
     * w_a = 1, B = 20 + 0 + 7 = 27, bound a = min(20, 11) / 1 = 11, T* = 11, add a = 11.
     */
    @Test
    void classWithEmptyReserveIsReportedAndTheOthersArePlanned() {
        CompletionPlan plan = CompletionPlan.of(ABC, STEPS, PRESENT, new int[] {20, 0, 7}, null);
        assertEquals(Status.FILLED, plan.classes().get(0).status());
        assertEquals(Status.RESERVE_EMPTY, plan.classes().get(1).status());
        assertArrayEquals(new int[] {11, 0, 0}, plan.toAdd());
        assertEquals(20, plan.classes().get(1).remaining());
        assertEquals(0.0, plan.classes().get(1).weight());
        assertEquals(1.0, plan.classes().get(0).weight());
        assertTrue(plan.toString().contains("empty reserve"), plan.toString());
    }

    @Test
    void noReceivingClassMeansNothingToAdd() {
        CompletionPlan plan = CompletionPlan.of(ABC, STEPS, PRESENT, new int[] {0, 0, 7}, null);
        assertTrue(plan.isEmpty());
        assertEquals("no class can receive items", plan.limit());
        assertEquals(31, plan.totalShortfall());
    }

    /* A class absent from the primary split (|P| = 0) needs ceil(n) items: here ceil(12.5) = 13, reserve 4. */
    @Test
    void classAbsentFromThePrimarySplit() {
        CompletionPlan plan = CompletionPlan.of(new String[] {"x", "y"}, new double[] {12.5, 3}, new int[] {0, 5},
                new int[] {4, 9}, null);
        assertEquals(13, plan.classes().get(0).shortfall());
        assertArrayEquals(new int[] {4, 0}, plan.toAdd());
        assertEquals("reserve of class 'x'", plan.limit());
    }

    /*
     * Properties on random inputs: every class takes at most min(|Q|, d); the total stays within B; the class that
     * bounds T* takes exactly its cap (T* w_j = cap_j is an integer, so flooring must not lose an item); when the
     * budget bounds T*, flooring loses fewer items than there are receiving classes.
     */
    @Test
    void allocationPropertiesOnRandomInputs() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 2000; trial++) {
            int k = 1 + rng.nextInt(8);
            String[] names = new String[k];
            double[] steps = new double[k];
            int[] present = new int[k];
            int[] reserve = new int[k];
            for (int c = 0; c < k; c++) {
                names[c] = "c" + c;
                present[c] = rng.nextInt(50);
                steps[c] = rng.nextInt(4) == 0 ? rng.nextDouble() * 80 : rng.nextInt(120);
                reserve[c] = rng.nextInt(5) == 0 ? 0 : rng.nextInt(40);
            }
            Integer budget = rng.nextBoolean() ? null : rng.nextInt(100);
            CompletionPlan plan = CompletionPlan.of(names, steps, present, reserve, budget);
            assertTrue(plan.budgetUsed() <= plan.budget());
            long receiving = 0;
            for (int c = 0; c < k; c++) {
                ClassPlan p = plan.classes().get(c);
                assertTrue(p.toAdd() >= 0 && p.toAdd() <= Math.min(reserve[c], p.shortfall()), p.toString());
                receiving += p.weight() > 0 ? 1 : 0;
                if (plan.limit().equals("reserve of class '" + names[c] + "'")) {
                    assertEquals(Math.min(reserve[c], p.shortfall()), p.toAdd(), plan.toString());
                }
                if (plan.limit().equals("shortfall") && p.weight() > 0) {
                    assertEquals(p.shortfall(), p.toAdd(), plan.toString());
                }
            }
            if (plan.limit().equals("budget")) {
                assertTrue(plan.budget() - plan.budgetUsed() < Math.max(1, receiving), plan.toString());
            }
        }
    }

    @Test
    void tableHasOneRowPerClass() {
        Table table = CompletionPlan.of(ABC, STEPS, PRESENT, RESERVE, null).toTable();
        assertEquals(3, table.rowCount());
        assertEquals(List.of("class", "step_size", "present", "shortfall", "weight", "reserve", "to_add", "remaining",
                "status"), table.columnNames());
        assertEquals(5L, table.longColumn("to_add").get(1));
        assertEquals("saturated", table.stringColumn("status").get(2));
    }

    @Test
    void toStringSummarisesThePlan() {
        String text = CompletionPlan.of(ABC, STEPS, PRESENT, RESERVE, null).toString();
        assertTrue(text.startsWith("CompletionPlan: 3 classes, 1 saturated, total shortfall 31, reserve 32 items"),
                text);
        assertTrue(text.contains("default budget: the whole reserve\n  budget 32, used 7"), text);
        assertTrue(text.contains("limited by reserve of class 'b'"), text);
    }

    @Test
    void largeCountsPrintWithThousandsSeparatorsLikeTheStepSizes() {
        CompletionPlan plan = CompletionPlan.of(ABC, new double[] {64497.5, 60, 45.5}, PRESENT, null, null);
        String text = plan.toString();
        assertTrue(text.matches("(?s)CompletionPlan: .*total shortfall \\d{2},\\d{3}.*"), text);
        Table table = plan.toTable();
        for (String column : List.of("shortfall", "to_add")) {
            String printed = table.column(column).getString(0);
            assertTrue(printed.matches("\\d{2},\\d{3}"), column + " prints as " + printed);
        }
        String csv = table.write().toString("csv");
        assertTrue(csv.contains("," + table.longColumn("shortfall").get(0) + ","), "CSV keeps plain numbers: " + csv);
    }

    @Test
    void invalidInputsAreRejectedWithTheBadValue() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> CompletionPlan.of(ABC, new double[] {1, 2}, PRESENT, null, null));
        assertTrue(e.getMessage().contains("stepSizes has 2 entries, expected 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CompletionPlan.of(ABC, new double[] {1, Double.NaN, 3}, PRESENT, null, null));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CompletionPlan.of(ABC, STEPS, new int[] {1, -2, 3}, null, null));
        assertTrue(e.getMessage().contains("class 'b'") && e.getMessage().contains("-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CompletionPlan.of(ABC, STEPS, PRESENT, RESERVE, -1));
        assertTrue(e.getMessage().contains("-1") && e.getMessage().contains(">= 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CompletionPlan.of(new String[0], new double[0], new int[0], null, null));
    }
}
