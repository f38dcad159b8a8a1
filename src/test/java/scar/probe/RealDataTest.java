package scar.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import scar.data.Datasets;
import scar.data.Matrix;
import scar.data.MultiModalDataset;

/** Sanity of the default probe on the shared real datasets (SPEC §2.1's motivation, the datasets' SOURCE.md). */
class RealDataTest {

    private static double testAccuracy(MultiModalDataset data, String view, int[] trainRows, int[] testRows,
                                       int[] labels) {
        Matrix x = data.modality(view).embeddings();
        int[] yTrain = Arrays.stream(trainRows).map(i -> labels[i]).toArray();
        int[] yTest = Arrays.stream(testRows).map(i -> labels[i]).toArray();
        ProbeResult r = LinearProbe.fit(x.selectRows(trainRows), yTrain, 10, ProbeOptions.defaults(), 0,
                x.selectRows(testRows), yTest);
        System.out.println(data.name() + "/" + view + ": " + r);
        return r.testAccuracy();
    }

    @Test
    void wikipediaTextViewBeatsTheImageViewClearly() {
        MultiModalDataset dir = Datasets.bundled("wikipedia");
        int[] labels = dir.labels();
        int[] train = dir.trainIndices();
        int[] test = dir.testIndices();
        double text = testAccuracy(dir, "text", train, test, labels);
        double image = testAccuracy(dir, "image", train, test, labels);
        assertTrue(text >= 0.55, "text view test accuracy " + text);
        assertTrue(image >= 0.15 && image <= 0.40, "image view test accuracy " + image);
        assertTrue(text - image >= 0.2, "text " + text + " vs image " + image);
    }

    @Test
    void mfeatViewsRankAsExpected() {
        // no published split: even rows train, odd rows test (the rows are grouped by class, 200 each)
        MultiModalDataset dir = Datasets.bundled("mfeat");
        int[] labels = dir.labels();
        int[] train = IntStream.range(0, labels.length).filter(i -> i % 2 == 0).toArray();
        int[] test = IntStream.range(0, labels.length).filter(i -> i % 2 == 1).toArray();
        double fac = testAccuracy(dir, "fac", train, test, labels);
        double pix = testAccuracy(dir, "pix", train, test, labels);
        double kar = testAccuracy(dir, "kar", train, test, labels);
        double zer = testAccuracy(dir, "zer", train, test, labels);
        double fou = testAccuracy(dir, "fou", train, test, labels);
        double mor = testAccuracy(dir, "mor", train, test, labels);
        String all = "fac " + fac + ", pix " + pix + ", kar " + kar + ", zer " + zer + ", fou " + fou + ", mor " + mor;
        // roughly fac > pix ≈ kar > zer ≈ fou > mor
        assertTrue(fac >= Math.max(pix, kar) - 0.02, all);
        assertTrue(Math.min(pix, kar) > Math.max(zer, fou), all);
        assertTrue(Math.min(zer, fou) > mor, all);
    }
}
