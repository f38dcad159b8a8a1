package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** The progress display, on a clock the test moves: no sleeping. */
class NotebookProgressTest {

    private final List<String> shown = new ArrayList<>();
    private final List<String> updated = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    private NotebookProgress progress() {
        return new NotebookProgress(new NotebookProgress.Displays() {
            @Override
            public void show(DisplayData data) {
                assertTrue(data.hasDisplayId());
                shown.add(text(data));
            }

            @Override
            public void update(DisplayData data) {
                assertTrue(data.hasDisplayId());
                updated.add(text(data));
            }
        }, clock::get);
    }

    private static String text(DisplayData data) {
        return String.valueOf(data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void outOfOrderWorkersNeverMoveItBackAndItEndsAtOneHundredPercent() {
        NotebookProgress p = progress();
        p.start("wikipedia/text", 83, "fits");
        int[] order = {2, 1, 4, 3, 6, 5, 8, 7};
        for (int done = 0; done < 80; done += 8) {
            for (int k : order) {
                clock.addAndGet(Duration.ofMillis(50).toNanos());
                p.step(Math.min(83, done + k), 83);
            }
        }
        p.step(83, 83);
        p.step(82, 83); // a slower worker reports after the last one
        p.finish();
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).startsWith("wikipedia/text: 0/83 fits (0%)"), shown.get(0));
        int previous = -1;
        for (String u : updated) {
            int from = u.indexOf(": ") + 2;
            int done = Integer.parseInt(u.substring(from, u.indexOf('/', from)));
            assertTrue(done >= previous, "went back: " + updated);
            previous = done;
        }
        String last = updated.get(updated.size() - 1);
        assertTrue(last.startsWith("wikipedia/text: 83/83 fits (100%)") && !last.contains("stopped"), last);
        assertTrue(updated.size() <= NotebookProgress.STEPS + 2, updated.size() + " updates: " + updated);
    }

    @Test
    void aFastSweepUpdatesOnlyAtTheEnd() {
        NotebookProgress p = progress();
        p.start("iris/features", 83, "fits");
        for (int i = 1; i <= 83; i++) {
            p.step(i, 83); // the clock does not move: every step is within the minimum gap
        }
        p.finish();
        assertEquals(2, updated.size(), updated.toString()); // the 100 % step and finish
        assertTrue(updated.get(1).contains("83/83 fits (100%)"), updated.toString());
    }

    @Test
    void aStoppedTaskSaysSo() {
        NotebookProgress p = progress();
        p.start("wine/features evaluation", 10, "seeds");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        p.step(4, 10);
        p.finish();
        assertTrue(updated.get(updated.size() - 1).contains("4/10 seeds (40%)")
                && updated.get(updated.size() - 1).endsWith("stopped"), updated.toString());
    }
}
