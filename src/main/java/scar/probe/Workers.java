package scar.probe;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the tasks of one pass on the calling thread plus up to {@code threads − 1} helpers from one shared pool of
 * daemon threads (created once, never per iteration). Tasks are claimed from a counter, so which thread runs a
 * task varies; callers make every task write only its own output slot, which keeps results independent of the
 * thread count. The calling thread works too and waits only for tasks already claimed by a running helper, so a
 * pass completes even when the pool is busy with other fits' helpers. Besides the probe's passes, the evidence's
 * independent extrapolations run on it.
 */
public final class Workers {
    /** Per-task code; {@code worker} is in {@code [0, threads)}, distinct among the threads of one pass. */
    public interface Task {
        void run(int task, int worker);
    }

    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("scar-probe-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            }, null, false);

    private Workers() {
    }

    /** The shared pool (for tests: it must fall quiet after a cancelled fit). */
    static ForkJoinPool pool() {
        return POOL;
    }

    /** Runs tasks {@code 0 .. tasks − 1} with at most {@code threads} threads and returns when all are done. */
    public static void run(int tasks, int threads, Task body) {
        int parallel = Math.min(threads, tasks);
        if (parallel <= 1) {
            for (int t = 0; t < tasks; t++) {
                body.run(t, 0);
            }
            return;
        }
        Pass pass = new Pass(tasks, body);
        for (int h = 1; h < parallel; h++) {
            int worker = h;
            POOL.execute(() -> pass.work(worker));
        }
        pass.work(0);
        pass.await();
    }

    private static final class Pass {
        private final int tasks;
        private final Task body;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Pass(int tasks, Task body) {
            this.tasks = tasks;
            this.body = body;
            this.done = new CountDownLatch(tasks);
        }

        void work(int worker) {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        body.run(t, worker);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        }

        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable e = failure.get();
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e instanceof Error) {
                throw (Error) e;
            }
        }
    }
}
