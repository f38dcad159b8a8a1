package scar.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import scar.Scar;
import scar.data.EmbeddingFile;
import scar.data.MultiModalDataset;

/**
 * The dataset argument, the single-file options and the {@code --modality} filter shared by the commands that study
 * a dataset (a mixin).
 */
final class DatasetSelection {

    @Parameters(paramLabel = "DATASET", description = "a bundled dataset name (see 'scar datasets'), a dataset folder, "
            + "or one file: .npy (with --labels), .csv, .csv.gz, .jsonl[.gz] or .parquet")
    String dataset;

    @Option(names = {"-m", "--modality"}, description = "only this modality (default: every modality)")
    String modality;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "labels of a single file, one per item: a .npy of integers or a text/CSV file")
    Path labels;

    @Option(names = "--label", paramLabel = "COL",
            description = "label column (CSV, Parquet) or key (JSON Lines) of a single file (default: label)")
    String label;

    @Option(names = "--id", paramLabel = "COL", description = "item id column or key of a single file")
    String id;

    @Option(names = "--embedding", paramLabel = "COL",
            description = "embedding column (Parquet) or key (JSON Lines) of a single file (default: embedding)")
    String embedding;

    @Option(names = "--ignore", paramLabel = "COL", split = ",",
            description = "CSV columns of a single file that are not embedding values (a caption, a URL)")
    List<String> ignore;

    MultiModalDataset load() {
        if (!isFile()) {
            // only the asked modality's file is read
            return modality == null ? Scar.dataset(dataset) : Scar.dataset(dataset, modality);
        }
        MultiModalDataset data = fileOptions().load(Path.of(dataset));
        return modality == null ? data : data.selectModalities(modality);
    }

    private boolean isFile() {
        boolean options = labels != null || label != null || id != null || embedding != null || ignore != null;
        return options || EmbeddingFile.isEmbeddingFile(Path.of(dataset)) && !Files.isDirectory(Path.of(dataset));
    }

    private EmbeddingFile fileOptions() {
        return EmbeddingFile.defaults().withLabel(label).withLabels(labels).withId(id).withEmbedding(embedding)
                .withIgnored(ignore);
    }
}
