package scar.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import scar.data.Datasets;
import scar.data.MultiModalDataset;
import scar.foundation.Progress;
import scar.foundation.ScarOptions;

/**
 * What a notebook interrupt does: the calling thread is interrupted while fits run; the sweep stops with a
 * CancellationException, its Spark job group is cancelled (no job of it is left running) and the session keeps
 * working. Progress reports fits done, up to the total.
 */
class CancelTest {

    @Test
    void interruptingTheCallerCancelsTheJobGroupAndLeavesTheSessionUsable() throws Exception {
        SparkSession spark = Sessions.local();
        MultiModalDataset wiki = Datasets.bundled("wikipedia");
        var df = Sessions.frame(spark, wiki.labels(), List.of("image"), List.of(wiki.modality("image").embeddings()),
                2);
        SparkData data = SparkData.dataset(spark, "wikipedia", df, List.of("image"), "label", null);
        ScarOptions options = ScarOptions.defaults().withRatios(1, 2, 5, 10).withProgress(false);
        SparkStudy study = SparkStudy.of(data, options);
        GroupJobs jobs = new GroupJobs(study.jobGroup());
        spark.sparkContext().addSparkListener(jobs);
        CountDownLatch firstFitDone = new CountDownLatch(1);
        AtomicReference<String> started = new AtomicReference<>();
        Progress progress = new Progress() {
            @Override
            public void start(String task, int total, String units) {
                started.set(task + " " + total);
            }

            @Override
            public void step(int done, int total) {
                firstFitDone.countDown();
            }

            @Override
            public void finish() {
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                ScarSpark.run(study, s -> s.modality("image", progress));
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "cell");
        cell.start();
        assertTrue(firstFitDone.await(10, TimeUnit.MINUTES), "no fit finished");
        cell.interrupt();
        cell.join(TimeUnit.MINUTES.toMillis(2));
        assertTrue(!cell.isAlive(), "the sweep did not stop");
        assertTrue(thrown.get() instanceof java.util.concurrent.CancellationException, String.valueOf(thrown.get()));
        assertEquals("wikipedia/image " + study.plan().fits().size(), started.get(), "progress counts every fit");
        // cancellation is asynchronous in Spark: wait (bounded) until every job the study started has ended
        assertTrue(jobs.awaitAllEnded(2, TimeUnit.MINUTES), "a job of the cancelled study is still running: "
                + jobs);
        assertTrue(jobs.started() > 0, "the study ran its passes in its job group");
        assertEquals(wiki.labels().length, data.blocks().map(Block::rows).fold(0, Integer::sum));
        spark.sparkContext().removeSparkListener(jobs);
        data.release();
    }

    /** Counts the jobs of one job group that started and ended; a monitor the test waits on. */
    static final class GroupJobs extends org.apache.spark.scheduler.SparkListener {
        private final String group;
        private final java.util.Set<Integer> running = new java.util.HashSet<>();
        private int started;

        GroupJobs(String group) {
            this.group = group;
        }

        @Override
        public synchronized void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart e) {
            if (e.properties() != null && group.equals(e.properties().getProperty("spark.jobGroup.id"))) {
                running.add(e.jobId());
                started++;
            }
        }

        @Override
        public synchronized void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd e) {
            running.remove(e.jobId());
            notifyAll();
        }

        synchronized int started() {
            return started;
        }

        synchronized boolean awaitAllEnded(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(time);
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        @Override
        public synchronized String toString() {
            return started + " started, running " + running;
        }
    }
}
