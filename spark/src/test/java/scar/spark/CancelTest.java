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
        CountDownLatch firstFitDone = new CountDownLatch(1);
        AtomicReference<String> started = new AtomicReference<>();
        Progress progress = new Progress() {
            @Override
            public void start(String task, int total) {
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
        assertEquals("wikipedia/image 20", started.get(), "progress counts every fit");
        var tracker = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .statusTracker();
        int[] jobs = tracker.getJobIdsForGroup(study.jobGroup());
        assertTrue(jobs.length > 0, "the study ran its passes in its job group");
        for (int job : jobs) {
            var info = tracker.getJobInfo(job);
            assertTrue(info == null || info.status() != org.apache.spark.JobExecutionStatus.RUNNING,
                    "job " + job + " of the cancelled study is still running");
        }
        assertEquals(wiki.labels().length, data.blocks().map(Block::rows).fold(0, Integer::sum));
        data.release();
    }
}
