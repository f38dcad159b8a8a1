package scar.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import scar.data.Datasets;
import scar.data.MultiModalDataset;
import scar.foundation.Progress;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.foundation.Subsampling;
import scar.foundation.Sweep;
import scar.foundation.SweepInput;
import scar.measure.ClassMeasures;

/**
 * Spark in local mode on the bundled datasets gives the local library's numbers (SPEC §2.3): the same foundation
 * size, step sizes and per-class measures — to 1e-9 relative as the issue asks; in fact every number but Coverage
 * (whose mean and σ are exact sums on Spark, numpy-order sums locally) is bit for bit the same.
 */
class BundledDataTest {

    static ScarProfile local(MultiModalDataset data, String modality, ScarOptions options) {
        int[] labels = data.labels();
        int[][] restHeld = Subsampling.keyedHoldOut(labels, data.numClasses(), options.testFraction(),
                options.seed());
        SweepInput input = new SweepInput(data.name(), data.modality(modality), labels, data.classNames(),
                restHeld[0], restHeld[1], new int[0]);
        return Sweep.run(input, options, Progress.none());
    }

    static ScarProfile spark(SparkSession spark, MultiModalDataset data, String modality, ScarOptions options,
                             int partitions) {
        Dataset<Row> df = Sessions.frame(spark, data.labels(), List.of(modality),
                List.of(data.modality(modality).embeddings()), partitions);
        SparkData sd = SparkData.dataset(spark, data.name(), df, List.of(modality), "label", null);
        try {
            return SparkStudy.of(sd, options).modality(modality, Progress.none());
        } finally {
            sd.release();
        }
    }

    /** Relative difference, 0 for equal values (NaN equal to NaN). */
    static void close(double expected, double actual, String what) {
        if (Double.compare(expected, actual) == 0) {
            return;
        }
        double rel = Math.abs(expected - actual) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertEquals(0.0, rel, 1e-9, what + ": local " + expected + ", spark " + actual);
    }

    static void sameNumbers(ScarProfile local, ScarProfile spark) {
        assertArrayEquals(local.ratios(), spark.ratios());
        assertArrayEquals(local.classCounts(), spark.classCounts());
        assertEquals(local.testSize(), spark.testSize());
        close(local.foundationSize(), spark.foundationSize(), "N_F");
        for (int c = 0; c < local.numClasses(); c++) {
            close(local.stepSizes()[c], spark.stepSizes()[c], "step size of class " + c);
        }
        for (int j = 0; j < local.measures().size(); j++) {
            ClassMeasures a = local.measures().get(j);
            ClassMeasures b = spark.measures().get(j);
            String at = " at r = " + local.ratios()[j];
            // Scale, Authenticity and Richness are counts: identical predictions give identical bits
            assertArrayEquals(a.scale(), b.scale(), "scale" + at);
            assertArrayEquals(a.authenticity(), b.authenticity(), "authenticity" + at);
            assertArrayEquals(a.richness(), b.richness(), "richness" + at);
            assertEquals(a.accuracy(), b.accuracy(), "accuracy" + at);
            for (int c = 0; c < a.numClasses(); c++) {
                close(a.coverage(c), b.coverage(c), "coverage of class " + c + at);
            }
        }
        for (int f = 0; f < local.probe().fits().size(); f++) {
            var lf = local.probe().fits().get(f);
            var sf = spark.probe().fits().get(f);
            assertEquals(lf.trainSize(), sf.trainSize(), "rows of fit " + f);
            assertEquals(lf.iterations(), sf.iterations(), "L-BFGS iterations of fit " + f);
            assertEquals(lf.trainAccuracy(), sf.trainAccuracy(), "training accuracy of fit " + f);
            assertEquals(lf.heldOut(), sf.heldOut(), "held-out counts of fit " + f);
        }
        assertEquals(local.evidence().hardItems().items().stream().map(i -> i.item() + "/" + i.margin()).toList(),
                spark.evidence().hardItems().items().stream().map(i -> i.item() + "/" + i.margin()).toList());
    }

    @Test
    void wikipediaTextMatchesTheLocalLibrary() {
        MultiModalDataset wiki = Datasets.bundled("wikipedia");
        ScarOptions options = ScarOptions.defaults().withSeed(7).withRatios(1, 2, 5).withProgress(false);
        ScarProfile local = local(wiki, "text", options);
        ScarProfile spark = spark(Sessions.local(), wiki, "text", options, 3);
        sameNumbers(local, spark);
    }

    /** Every number of the two profiles, bit for bit. */
    static void identical(ScarProfile a, ScarProfile b) {
        assertEquals(Double.doubleToLongBits(a.foundationSize()), Double.doubleToLongBits(b.foundationSize()));
        assertArrayEquals(a.stepSizes(), b.stepSizes());
        for (int j = 0; j < a.measures().size(); j++) {
            ClassMeasures x = a.measures().get(j);
            ClassMeasures y = b.measures().get(j);
            assertArrayEquals(x.scale(), y.scale());
            assertArrayEquals(x.coverage(), y.coverage());
            assertArrayEquals(x.authenticity(), y.authenticity());
            assertArrayEquals(x.richness(), y.richness());
        }
        for (int f = 0; f < a.probe().fits().size(); f++) {
            assertEquals(a.probe().fits().get(f).iterations(), b.probe().fits().get(f).iterations());
            assertEquals(a.probe().fits().get(f).heldOut(), b.probe().fits().get(f).heldOut());
        }
        assertEquals(a.evidence().hardItems(), b.evidence().hardItems());
    }

    @Test
    void mfeatRunsAreBitIdenticalWithTheSameOrAnotherPartitioning() {
        MultiModalDataset mfeat = Datasets.bundled("mfeat");
        ScarOptions options = ScarOptions.defaults().withSeed(5).withRatios(1, 2).withProgress(false);
        SparkSession session = Sessions.local();
        ScarProfile first = spark(session, mfeat, "mor", options, 4);
        ScarProfile again = spark(session, mfeat, "mor", options, 4);
        ScarProfile other = spark(session, mfeat, "mor", options, 7);
        identical(first, again);
        identical(first, other);
        sameNumbers(local(mfeat, "mor", options), first);
    }
}
