package scar.spark;

import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import scar.measure.CoverageSums;
import scar.measure.MeasureCounts;
import scar.measure.MeasureVariant;
import scar.probe.BlockPass;
import scar.probe.ConvergedFit;
import scar.probe.Standardizer;

/**
 * The output passes of a Spark sweep: every fit's final model predicts its training rows (measure counts and the
 * first Coverage pass), the held-out rows (held-out counts) and, for the full-data fit, gives the hard items; a
 * second pass bins Coverage's values.
 */
final class SparkOutputs {
    private SparkOutputs() {
    }

    /** Per partition: one of each aggregate per fit. */
    private record First(MeasureCounts[] counts, CoverageSums[] coverage, HeldOutCounts[] heldOut,
                         HardItemsSums hard) implements java.io.Serializable {
        First merge(First o) {
            for (int j = 0; j < counts.length; j++) {
                counts[j].merge(o.counts[j]);
                coverage[j].merge(o.coverage[j]);
                heldOut[j].merge(o.heldOut[j]);
            }
            hard.merge(o.hard);
            return this;
        }
    }

    private record Model(float[][] w, float[] b) implements java.io.Serializable {
    }

    static SparkSweep.Outputs of(SparkStudy study, JavaRDD<Block> blocks, int modality, int[] fits,
                                 Standardizer[] standardizers, ConvergedFit.Result[] results) {
        int k = study.data().numClasses();
        int d = study.data().dims()[modality];
        MeasureVariant variant = study.options().variant();
        int perClass = study.options().evidence().hardItemsPerClass();
        Model[] models = new Model[results.length];
        for (int f = 0; f < results.length; f++) {
            models[f] = new Model(results[f].w(), results[f].b());
        }
        Broadcast<Draws> draws = study.sc().broadcast(study.draws());
        Broadcast<Standardizer[]> std = study.sc().broadcast(standardizers);
        Broadcast<Model[]> ms = study.sc().broadcast(models);
        First first = blocks.mapPartitions((Iterator<Block> it) -> {
            First acc = new First(new MeasureCounts[fits.length], new CoverageSums[fits.length],
                    new HeldOutCounts[fits.length], new HardItemsSums(k, perClass));
            for (int j = 0; j < fits.length; j++) {
                acc.counts[j] = new MeasureCounts(k);
                acc.coverage[j] = CoverageSums.first(k, variant);
                acc.heldOut[j] = new HeldOutCounts(k);
            }
            BlockPass pass = new BlockPass(k, d);
            while (it.hasNext()) {
                Block b = it.next();
                int[][] rows = FitRows.of(b, draws.value(), fits);
                int[] held = FitRows.heldOut(b, draws.value());
                for (int j = 0; j < fits.length; j++) {
                    int f = fits[j];
                    Model m = ms.value()[f];
                    float[] logits = predict(pass, b, modality, rows[j], std.value()[f], m, k);
                    for (int r = 0; r < rows[j].length; r++) {
                        int row = rows[j][r];
                        int y = b.labels()[row];
                        int p = argmax(logits, r * k, k);
                        acc.counts[j].add(y, p);
                        acc.coverage[j].addItem(b.first() + row, y, p, logits, r * k);
                        if (f == 0) {
                            acc.hard.add(b.first() + row, b.id(row), false, y, logits, r * k);
                        }
                    }
                    float[] heldLogits = predict(pass, b, modality, held, std.value()[f], m, k);
                    for (int r = 0; r < held.length; r++) {
                        int y = b.labels()[held[r]];
                        acc.heldOut[j].add(y, argmax(heldLogits, r * k, k));
                        if (f == 0) {
                            acc.hard.add(b.first() + held[r], b.id(held[r]), true, y, heldLogits, r * k);
                        }
                    }
                }
            }
            return java.util.Collections.singletonList(acc).iterator();
        }).treeReduce(First::merge);

        Broadcast<CoverageSums[]> firsts = study.sc().broadcast(first.coverage);
        CoverageSums[] second = blocks.mapPartitions((Iterator<Block> it) -> {
            CoverageSums[] acc = new CoverageSums[fits.length];
            for (int j = 0; j < fits.length; j++) {
                acc[j] = firsts.value()[j].second(); // a fresh second pass; the broadcast value is shared
            }
            BlockPass pass = new BlockPass(k, d);
            while (it.hasNext()) {
                Block b = it.next();
                int[][] rows = FitRows.of(b, draws.value(), fits);
                for (int j = 0; j < fits.length; j++) {
                    int f = fits[j];
                    float[] logits = predict(pass, b, modality, rows[j], std.value()[f], ms.value()[f], k);
                    for (int r = 0; r < rows[j].length; r++) {
                        int row = rows[j][r];
                        acc[j].addItem(b.first() + row, b.labels()[row], argmax(logits, r * k, k), logits, r * k);
                    }
                }
            }
            return java.util.Collections.singletonList(acc).iterator();
        }).treeReduce((a, b) -> {
            for (int j = 0; j < a.length; j++) {
                a[j].merge(b[j]);
            }
            return a;
        });
        firsts.destroy();
        ms.destroy();
        std.destroy();
        draws.destroy();
        double[][] coverage = new double[fits.length][];
        for (int j = 0; j < fits.length; j++) {
            coverage[j] = second[j].coverage();
        }
        return new SparkSweep.Outputs(first.counts, coverage, first.heldOut, first.hard);
    }

    private static float[] predict(BlockPass pass, Block b, int modality, int[] rows, Standardizer s, Model m, int k) {
        float[] logits = new float[rows.length * k];
        if (rows.length > 0) {
            float[][] x = FitRows.standardised(b.data()[modality], rows, s);
            pass.predict(x, 0, rows.length, m.w(), m.b(), logits, new int[rows.length], 0);
        }
        return logits;
    }

    /** Argmax of one logit row, ties to the lowest class (as the probe predicts). */
    private static int argmax(float[] logits, int from, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (logits[from + c] > logits[from + best]) {
                best = c;
            }
        }
        return best;
    }
}
