package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static scar.data.TestFiles.assertFails;
import static scar.data.TestFiles.write;
import static scar.data.TestFiles.writeGzip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import scar.text.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetsTest {
    private static final Path CLASSICS = Path.of("datasets", "sklearn-classics");

    @TempDir
    Path dir;

    @Test
    void namesAndClasspathLoading() {
        assertEquals(List.of("wikipedia", "mfeat", "iris", "wine", "breast_cancer", "digits"), Datasets.bundledNames());
        // the bundled copy (a classpath resource) and the project folder read from disk are the same data
        MultiModalDataset fromJar = Datasets.bundled("wikipedia");
        MultiModalDataset fromDisk = DatasetFolder.load(Path.of("datasets", "wikipedia"));
        assertArrayEquals(fromDisk.labels(), fromJar.labels());
        assertArrayEquals(fromDisk.modality("image").embeddings().data(), fromJar.modality("image").embeddings().data());
        assertEquals(fromDisk.split(), fromJar.split());
    }

    @Test
    void declaredSizesAreWhatLoadingGives() throws IOException {
        for (String name : List.of("wikipedia", "mfeat")) {
            MultiModalDataset data = Datasets.bundled(name);
            Datasets.Declared d = Datasets.declared(name).orElseThrow();
            assertEquals(data.size(), d.items(), name);
            assertEquals(data.numClasses(), d.classes(), name);
            assertEquals(data.modalityNames(), List.copyOf(d.dims().keySet()), name);
            for (Modality m : data.modalities()) {
                assertEquals(m.dim(), d.dims().get(m.name()), name + " " + m.name());
            }
        }
        assertEquals(Datasets.declared("wikipedia"), Datasets.declared(Path.of("datasets", "wikipedia").toString()),
                "the folder on disk");
        // what a manifest does not declare is not guessed; a table or a missing folder declares nothing
        Path folder = Files.createDirectories(dir.resolve("nodims"));
        write(folder.resolve("manifest.properties"), "samples=2\nclasses=2\nviews=a\n");
        assertTrue(Datasets.declared(folder.toString()).isEmpty());
        assertTrue(Datasets.declared(dir.resolve("none").toString()).isEmpty());
        assertTrue(Datasets.declared("iris").isEmpty());
    }

    @Test
    void summaryIsReadable() {
        MultiModalDataset wiki = Datasets.bundled("wikipedia");
        String s = wiki.toString();
        int[] counts = wiki.classCounts();
        assertTrue(s.contains("wikipedia: 2,866 items, 10 classes, 2 modalities"), s);
        assertTrue(s.contains("split: " + Format.items(wiki.trainIndices().length) + " train / "
                + Format.items(wiki.testIndices().length) + " test"), s);
        // every modality has a row per item, so the rows are named once below the table of dimensions
        assertTrue(s.matches("(?s).*image\\s+128\\n.*"), s);
        assertTrue(s.matches("(?s).*text\\s+10\\n.*"), s);
        assertTrue(s.contains("same in every row: rows 2,866"), s);
        for (int k = 0; k < wiki.numClasses(); k++) {
            assertTrue(s.matches("(?s).*" + wiki.classNames()[k] + "\\s+" + counts[k] + "\\s.*"), wiki.classNames()[k]);
        }
    }

    @ParameterizedTest
    @CsvSource({"iris,iris.csv", "wine,wine_data.csv", "breast_cancer,breast_cancer.csv"})
    void sklearnClassicsFollowTheirHeader(String name, String file) throws IOException {
        MultiModalDataset ds = Datasets.bundled(name);
        List<String> lines = Files.readAllLines(CLASSICS.resolve(file));
        String[] header = lines.get(0).split(",");
        assertEquals(Integer.parseInt(header[0]), ds.size());
        assertEquals(Integer.parseInt(header[1]), ds.modality(SklearnCsv.MODALITY).dim());
        assertEquals(List.of(header).subList(2, header.length), List.of(ds.classNames()));
        String[] last = lines.get(lines.size() - 1).split(",");
        int n = ds.size() - 1;
        assertEquals(Integer.parseInt(last[last.length - 1]), ds.classLabels().label(n));
        assertEquals((float) Double.parseDouble(last[0]), ds.modality(SklearnCsv.MODALITY).embeddings().get(n, 0));
        assertEquals(name, ds.name());
    }

    @Test
    void digitsHasNoHeader() throws IOException {
        MultiModalDataset digits = Datasets.bundled("digits");
        String first;
        long rows;
        try (var r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(CLASSICS.resolve("digits.csv.gz")))))) {
            first = r.readLine();
            rows = 1 + r.lines().count();
        }
        String[] f = first.split(",");
        assertEquals(rows, digits.size());
        assertEquals(f.length - 1, digits.modality(SklearnCsv.MODALITY).dim());
        assertEquals(Integer.parseInt(f[f.length - 1]), digits.classLabels().label(0));
        assertEquals(10, digits.numClasses());
        assertEquals(Float.parseFloat(f[2]), digits.modality(SklearnCsv.MODALITY).embeddings().get(0, 2));
    }

    @Test
    void folderPathFallbackAndUnknownName() {
        MultiModalDataset mfeat = Datasets.bundled(Path.of("datasets", "mfeat").toString());
        assertEquals(6, mfeat.modalityNames().size());
        assertFails(IllegalArgumentException.class, () -> Datasets.bundled("wikipedi"),
                "'wikipedi'", "wikipedia", "mfeat", "iris", "digits");
        String file = Path.of("datasets", "mfeat", "manifest.properties").toString();
        assertFails(IllegalArgumentException.class, () -> Datasets.bundled(file),
                file, "is a file of unknown format", "dataset folder", ".npy", ".parquet");
    }

    @Test
    void sklearnFileErrors() {
        Path ragged = write(dir.resolve("r.csv"), "3,2,a,b\n1,2,0\n3,4\n5,6,1\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(ragged), "r.csv", "line 3", "ragged", "2 fields", "'label' is missing");
        Path count = write(dir.resolve("c.csv"), "4,2,a,b\n1,2,0\n3,4,1\n5,6,1\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(count), "c.csv", "n_samples", "'4'", "3");
        Path label = write(dir.resolve("l.csv"), "3,2,a,b\n1,2,0\n3,4,2\n5,6,1\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(label),
                "l.csv", "line 3", "column 'label'", "'2'", "0..1");
        Path noHeader = writeGzip(dir.resolve("n.csv.gz"), "1,2,0\n3,x,1\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(noHeader),
                "n.csv.gz", "line 2", "column 'f1'", "'x'");
        Path fraction = writeGzip(dir.resolve("f.csv.gz"), "1,2,0.5\n3,4,1\n");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(fraction),
                "f.csv.gz", "line 1", "column 'label'", "'0.5'", "integer");
        Path empty = write(dir.resolve("e.csv"), "");
        assertFails(IllegalArgumentException.class, () -> SklearnCsv.load(empty), "e.csv", "empty");
    }
}
