package scar.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import scar.data.Duplicates;
import scar.evidence.HeldOutScore;
import scar.foundation.ProbeSummary;
import scar.foundation.Progress;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.foundation.SweepPlan;
import scar.measure.ClassMeasures;
import scar.measure.CoverageSums;
import scar.measure.MeasureCounts;
import scar.measure.Measures;
import scar.probe.BlockPass;
import scar.probe.ConvergedFit;
import scar.probe.FeatureStats;
import scar.probe.PassSums;
import scar.probe.Standardizer;

/**
 * The sweep of one modality as Spark jobs over the cached blocks (SPEC §4, §2.3):
 * <ol>
 *   <li>two passes for every fit's standardiser (Σx, min, max; then Σ(x − μ)²);</li>
 *   <li>L-BFGS for every fit on the driver, each gradient a pass whose per-partition {@link PassSums} are merged
 *       exactly — fits share passes ({@link PassBatcher});</li>
 *   <li>two passes for the measures, held-out counts and hard items of every fit (per-class aggregates; the
 *       second pass bins Coverage's values into the range the first found);</li>
 *   <li>SPEC §4–§5 on the driver through {@link SweepPlan#profile}, as the local sweep.</li>
 * </ol>
 * Every partial is merged exactly or is a count, minimum, maximum or top-k, so the result does not depend on the
 * order in which Spark combines partial results, nor on how the aligned runs of blocks that hold whole sum groups
 * (SPEC §2.3, {@link GroupPartitioner}) are spread over partitions.
 */
final class SparkSweep {
    private final SparkStudy study;
    private final int modality;
    private final Progress progress;
    private final int d;
    private final int k;
    private final JavaRDD<Block> blocks;

    SparkSweep(SparkStudy study, int modality, Progress progress) {
        this.study = study;
        this.modality = modality;
        this.progress = progress;
        this.d = study.data().dims()[modality];
        this.k = study.data().numClasses();
        this.blocks = study.data().blocks();
    }

    ScarProfile run() {
        long started = System.nanoTime();
        ScarOptions options = study.options();
        SweepPlan plan = study.plan();
        int fits = plan.fits().size();
        int[] all = new int[fits];
        for (int f = 0; f < fits; f++) {
            all[f] = f;
        }
        String name = study.data().modalities().get(modality);
        study.sc().setJobGroup(study.jobGroup(), "SCAR " + study.data().name() + "/" + name, true);
        Standardizer[] standardizers = standardizers(all);
        long[] rows = new long[fits];
        ConvergedFit.Result[] results = new ConvergedFit.Result[fits];
        long[] nanos = new long[fits];
        fitAll(standardizers, results, nanos, rows);

        Outputs out = outputs(all, standardizers, results);
        List<ClassMeasures> measures = new ArrayList<>();
        List<ProbeSummary.Fit> probes = new ArrayList<>();
        for (int f = 0; f < fits; f++) {
            SweepPlan.Fit fit = plan.fits().get(f);
            measures.add(Measures.of(out.counts[f], out.coverage[f], fit.ratio(), options.variant()));
            HeldOutScore held = study.testSize() == 0 ? null : out.heldOut[f].score();
            probes.add(new ProbeSummary.Fit((int) rows[f], (double) out.counts[f].correct() / rows[f],
                    held == null ? Double.NaN : held.accuracy(), held, results[f].iterations(),
                    results[f].converged(), nanos[f]));
        }
        Duplicates none = Duplicates.notChecked(name);
        return plan.profile(study.data().name(), name, study.data().classNames(), study.classCounts(),
                study.testSize(), measures, probes, out.hard.toHardItems(study.data().classNames()), none, 0,
                options, System.nanoTime() - started);
    }

    /** Two passes over every fit's rows: the first gathers Σx, min, max; the second Σ(x − μ)². */
    private Standardizer[] standardizers(int[] fits) {
        Broadcast<Draws> draws = study.sc().broadcast(study.draws());
        int dim = d;
        FeatureStats[] empty = new FeatureStats[fits.length];
        for (int j = 0; j < fits.length; j++) {
            empty[j] = FeatureStats.sums(dim);
        }
        FeatureStats[] first = statsPass(fits, draws, empty, false);
        FeatureStats[] second = statsPass(fits, draws, first, true);
        draws.destroy();
        Standardizer[] out = new Standardizer[fits.length];
        for (int j = 0; j < fits.length; j++) {
            out[j] = FeatureStats.standardizer(first[j], second[j]);
        }
        return out;
    }

    /**
     * One statistics pass: per partition, fresh statistics for every fit — copies of {@code start} (first pass) or
     * its {@link FeatureStats#squares} (second pass) — over the fit's rows of every block, merged exactly.
     */
    private FeatureStats[] statsPass(int[] fits, Broadcast<Draws> draws, FeatureStats[] start, boolean squares) {
        Broadcast<FeatureStats[]> base = study.sc().broadcast(start);
        int m = modality;
        int dim = d;
        FeatureStats[] out = blocks.mapPartitions((Iterator<Block> it) -> {
            FeatureStats[] acc = new FeatureStats[fits.length];
            for (int j = 0; j < fits.length; j++) {
                acc[j] = squares ? base.value()[j].squares() : FeatureStats.sums(dim);
            }
            while (it.hasNext()) {
                Block b = it.next();
                int[][] rows = FitRows.of(b, draws.value(), fits);
                for (int j = 0; j < fits.length; j++) {
                    acc[j].addBlock(b.data()[m], rows[j], 0, rows[j].length);
                }
            }
            return java.util.Collections.singletonList(acc).iterator();
        }).treeReduce(SparkSweep::mergeStats);
        base.destroy();
        return out;
    }

    private static FeatureStats[] mergeStats(FeatureStats[] a, FeatureStats[] b) {
        for (int j = 0; j < a.length; j++) {
            a[j].merge(b[j]);
        }
        return a;
    }

    /** L-BFGS for every fit, on up to {@link #concurrency} driver threads sharing passes. */
    private void fitAll(Standardizer[] standardizers, ConvergedFit.Result[] results, long[] nanos, long[] rows) {
        ScarOptions options = study.options();
        Broadcast<Draws> draws = study.sc().broadcast(study.draws());
        Broadcast<Standardizer[]> std = study.sc().broadcast(standardizers);
        int m = modality;
        int numClasses = k;
        int dim = d;
        String group = study.jobGroup();
        long[][] extents = fitExtents();
        long[] counts = extents[0];
        System.arraycopy(counts, 0, rows, 0, rows.length);
        double[] invN = new double[counts.length];
        int[] groupSize = new int[counts.length];
        for (int f = 0; f < counts.length; f++) {
            invN[f] = 1.0 / counts[f];
            groupSize[f] = counts[f] == 0 ? 1 : BlockPass.groupSize(counts[f], extents[1][f], extents[2][f]);
        }
        PassBatcher batcher = new PassBatcher((fits, w, b) -> {
            study.sc().setJobGroup(group, "SCAR gradient pass", true);
            Broadcast<Models> models = study.sc().broadcast(new Models(fits, w, b, invN, groupSize));
            try {
                return blocks.mapPartitions((Iterator<Block> it) -> {
                    Models ms = models.value();
                    PassSums[] acc = new PassSums[ms.fits.length];
                    for (int j = 0; j < acc.length; j++) {
                        acc[j] = new PassSums(numClasses, dim);
                    }
                    BlockPass pass = new BlockPass(numClasses, dim);
                    Spans spans = new Spans(it);
                    while (spans.hasNext()) {
                        List<Block> span = spans.next();
                        int[][][] fitRows = new int[span.size()][][];
                        for (int i = 0; i < fitRows.length; i++) {
                            fitRows[i] = FitRows.of(span.get(i), draws.value(), ms.fits);
                        }
                        for (int j = 0; j < acc.length; j++) {
                            addGroups(pass, span, fitRows, j, m, std.value()[ms.fits[j]], ms, acc[j]);
                        }
                    }
                    return java.util.Collections.singletonList(acc).iterator();
                }).treeReduce(SparkSweep::mergePasses);
            } finally {
                models.unpersist();
            }
        });
        int total = results.length;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency(total), r -> {
            Thread t = new Thread(r, "scar-spark-fit");
            t.setDaemon(true);
            return t;
        });
        progress.start(study.data().name() + "/" + study.data().modalities().get(modality), total, "fits");
        List<Future<?>> futures = new ArrayList<>();
        boolean interrupted = false;
        try {
            for (int f = 0; f < total; f++) {
                int fit = f;
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    batcher.enter();
                    try {
                        results[fit] = ConvergedFit.minimize(numClasses, dim, counts[fit], options.probe(),
                                (w, b) -> batcher.evaluate(fit, w, b), () -> {
                                    if (Thread.currentThread().isInterrupted()) {
                                        throw new CancellationException("the Spark sweep was cancelled");
                                    }
                                });
                    } finally {
                        batcher.leave();
                    }
                    nanos[fit] = System.nanoTime() - t0;
                    progress.step(done.incrementAndGet(), total);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            batcher.cancel();
            study.cancel();
            throw new CancellationException("the Spark sweep was interrupted; its jobs were cancelled");
        } catch (ExecutionException e) {
            study.cancel();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            // clean up with the interrupt flag cleared (Spark's blocking calls would throw), then restore it
            interrupted |= Thread.interrupted();
            futures.forEach(fu -> fu.cancel(true));
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted) {
                study.cancel(); // a pass submitted while the first cancel was on its way
            }
            progress.finish();
            std.unpersist();
            draws.unpersist();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Fits that share passes: all of them, unless their L-BFGS histories would crowd the driver's heap. */
    private int concurrency(int fits) {
        long perFit = (long) (4 * study.options().probe().history() + 8) * (k * (long) d + k) * 8;
        long budget = Runtime.getRuntime().maxMemory() / 4;
        return (int) Math.max(1, Math.min(fits, Math.min(64, budget / perFit)));
    }

    /**
     * Per fit (one pass over the labels): its training rows, and the first and last block holding some of them —
     * what its sum groups' size depends on ({@link BlockPass#groupSize}).
     */
    private long[][] fitExtents() {
        Broadcast<Draws> draws = study.sc().broadcast(study.draws());
        int fits = study.plan().fits().size();
        int[] all = new int[fits];
        for (int f = 0; f < fits; f++) {
            all[f] = f;
        }
        long[][] out = blocks.map(b -> {
            int[][] rows = FitRows.of(b, draws.value(), all);
            long[][] c = {new long[fits], new long[fits], new long[fits]};
            for (int f = 0; f < fits; f++) {
                c[0][f] = rows[f].length;
                c[1][f] = rows[f].length == 0 ? Long.MAX_VALUE : b.id();
                c[2][f] = rows[f].length == 0 ? Long.MIN_VALUE : b.id();
            }
            return c;
        }).treeReduce((a, b) -> {
            for (int f = 0; f < a[0].length; f++) {
                a[0][f] += b[0][f];
                a[1][f] = Math.min(a[1][f], b[1][f]);
                a[2][f] = Math.max(a[2][f], b[2][f]);
            }
            return a;
        });
        draws.destroy();
        return out;
    }

    /**
     * Adds fit j's sum groups within {@code span} (one aligned run of {@link BlockPass#MAX_GROUP} blocks, in block
     * order, with every fit's rows of each block) to {@code acc}: the fit's rows of each group's blocks, standardised
     * and put one after the other, are one group of the pass, as the local probe adds them.
     */
    static void addGroups(BlockPass pass, List<Block> span, int[][][] fitRows, int j, int m, Standardizer s, Models ms,
                          PassSums acc) {
        int size = ms.groupSizeOf[j];
        int i = 0;
        while (i < span.size()) {
            int group = span.get(i).id() / size;
            int end = i;
            int total = 0;
            while (end < span.size() && span.get(end).id() / size == group) {
                total += fitRows[end][j].length;
                end++;
            }
            if (total > 0) {
                float[][] x = new float[total][];
                int[] labels = new int[total];
                int[] starts = new int[end - i + 1];
                int blocks = 0;
                int at = 0;
                for (int e = i; e < end; e++) {
                    int[] r = fitRows[e][j];
                    if (r.length > 0) {
                        System.arraycopy(FitRows.standardised(span.get(e).data()[m], r, s), 0, x, at, r.length);
                        System.arraycopy(FitRows.labels(span.get(e), r), 0, labels, at, r.length);
                        starts[blocks++] = at;
                        at += r.length;
                    }
                }
                starts[blocks] = at;
                pass.gradient(x, labels, java.util.Arrays.copyOf(starts, blocks + 1), new int[] {0, total}, 0, 1,
                        ms.w[j], ms.b[j], ms.invNOf[j], acc);
            }
            i = end;
        }
    }

    /**
     * A partition's blocks (in increasing block order, as {@link GroupPartitioner} and the sort leave them) cut into
     * aligned runs of {@link BlockPass#MAX_GROUP} blocks.
     */
    static final class Spans implements Iterator<List<Block>> {
        private final Iterator<Block> blocks;
        private Block next;
        private int lastId = -1;

        Spans(Iterator<Block> blocks) {
            this.blocks = blocks;
            advance();
        }

        private void advance() {
            next = blocks.hasNext() ? blocks.next() : null;
            if (next != null) {
                if (next.id() <= lastId) {
                    throw new IllegalStateException("blocks out of order in a partition: " + next.id() + " after "
                            + lastId);
                }
                lastId = next.id();
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public List<Block> next() {
            if (next == null) {
                throw new java.util.NoSuchElementException();
            }
            int span = next.id() / BlockPass.MAX_GROUP;
            List<Block> out = new ArrayList<>(BlockPass.MAX_GROUP);
            while (next != null && next.id() / BlockPass.MAX_GROUP == span) {
                out.add(next);
                advance();
            }
            return out;
        }
    }

    private static PassSums[] mergePasses(PassSums[] a, PassSums[] b) {
        for (int j = 0; j < a.length; j++) {
            a[j].merge(b[j]);
        }
        return a;
    }

    /** The float models of one shared pass. */
    static final class Models implements java.io.Serializable {
        private static final long serialVersionUID = 2L;
        final int[] fits;
        final float[][][] w;
        final float[][] b;
        final double[] invNOf;
        final int[] groupSizeOf;

        Models(int[] fits, float[][][] w, float[][] b, double[] invN, int[] groupSize) {
            this.fits = fits;
            this.w = w;
            this.b = b;
            this.invNOf = new double[fits.length];
            this.groupSizeOf = new int[fits.length];
            for (int j = 0; j < fits.length; j++) {
                invNOf[j] = invN[fits[j]];
                groupSizeOf[j] = groupSize[fits[j]];
            }
        }
    }

    private Outputs outputs(int[] fits, Standardizer[] standardizers, ConvergedFit.Result[] results) {
        return SparkOutputs.of(study, blocks, modality, fits, standardizers, results);
    }

    /** What the output passes return. */
    record Outputs(MeasureCounts[] counts, double[][] coverage, HeldOutCounts[] heldOut, HardItemsSums hard) {
    }
}
