package scar.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;

import scar.probe.PassSums;

/**
 * Lets many L-BFGS fits, each on its own driver thread, share passes over the data: a fit that needs its gradient
 * waits until every running fit is waiting too, and the last one to arrive runs one Spark job that evaluates all of
 * them. A fit's numbers do not depend on which other fits shared its jobs, since each fit's sums are computed from
 * its own rows only, and exactly.
 */
final class PassBatcher {
    /** One job over the data: the pass sums of fit {@code fits[j]} at model {@code (w[j], b[j])}. */
    interface Job {
        PassSums[] run(int[] fits, float[][][] w, float[][] b);
    }

    private static final class Request {
        final int fit;
        final float[][] w;
        final float[] b;
        final CountDownLatch done = new CountDownLatch(1);
        PassSums result;
        RuntimeException failure;

        Request(int fit, float[][] w, float[] b) {
            this.fit = fit;
            this.w = w;
            this.b = b;
        }
    }

    private final Job job;
    private final List<Request> waiting = new ArrayList<>();
    private int running;
    private long jobs;
    private volatile boolean cancelled;

    PassBatcher(Job job) {
        this.job = job;
    }

    /** A fit starts (call on its thread before its first {@link #evaluate}). */
    synchronized void enter() {
        running++;
    }

    /** A fit ended, normally or not; if every other running fit is waiting, their pass runs now. */
    void leave() {
        List<Request> batch;
        synchronized (this) {
            running--;
            batch = takeBatchIfComplete();
        }
        if (batch != null) {
            runBatch(batch);
        }
    }

    /** No pass starts after this; fits waiting for one fail with a CancellationException. */
    void cancel() {
        cancelled = true;
    }

    /** Passes run so far. */
    synchronized long jobs() {
        return jobs;
    }

    /** The pass sums of {@code fit} at {@code (w, b)}; blocks until the shared pass has run. */
    PassSums evaluate(int fit, float[][] w, float[] b) {
        Request mine = new Request(fit, w, b);
        List<Request> batch;
        synchronized (this) {
            waiting.add(mine);
            batch = takeBatchIfComplete();
        }
        if (batch != null) {
            runBatch(batch);
        }
        try {
            mine.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("fit " + fit + " was cancelled");
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    private List<Request> takeBatchIfComplete() {
        if (waiting.isEmpty() || waiting.size() < running) {
            return null;
        }
        List<Request> batch = new ArrayList<>(waiting);
        waiting.clear();
        jobs++;
        return batch;
    }

    private void runBatch(List<Request> batch) {
        int n = batch.size();
        int[] fits = new int[n];
        float[][][] w = new float[n][][];
        float[][] b = new float[n][];
        for (int j = 0; j < n; j++) {
            fits[j] = batch.get(j).fit;
            w[j] = batch.get(j).w;
            b[j] = batch.get(j).b;
        }
        try {
            if (cancelled) {
                throw new CancellationException("the sweep was cancelled");
            }
            PassSums[] out = job.run(fits, w, b);
            for (int j = 0; j < n; j++) {
                batch.get(j).result = out[j];
            }
        } catch (RuntimeException e) {
            batch.forEach(r -> r.failure = e);
        } catch (Error e) {
            batch.forEach(r -> r.failure = new IllegalStateException(e));
            throw e;
        } finally {
            batch.forEach(r -> r.done.countDown());
        }
    }
}
