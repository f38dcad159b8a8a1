package scar.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import scar.data.MultiModalDataset;

/**
 * The dataset argument, the single-file options and the {@code --modality} filter shared by the commands that study
 * a dataset (a mixin).
 */
final class DatasetSelection {

    @Parameters(paramLabel = "DATASET", description = "a bundled dataset name (see 'scar datasets'), a dataset folder, "
            + "or one file: .npy (with --labels), .csv, .csv.gz, .jsonl[.gz] or .parquet, or a folder of .parquet part "
            + "files")
    String dataset;

    @Option(names = {"-m", "--modality"}, description = "only this modality (default: every modality)")
    String modality;

    @Mixin
    FileOptions file;

    /**
     * The dataset, of which only the asked modality's file is read, for a command that runs {@code sweeps} sweeps
     * over it (a quick start ends here when that is too much work for C1 alone: {@link QuickStart}).
     */
    MultiModalDataset load(int sweeps) {
        return QuickStart.read(dataset, file.labels, modality, sweeps, () -> file.load(dataset, modality));
    }

    /** Refuses an output folder in the dataset's folder of part files ({@link FileOptions#requireOutsidePartFolder}). */
    void requireOutsidePartFolder(Path out) {
        file.requireOutsidePartFolder(dataset, out);
    }

    /** Refuses an output file that is one of the inputs (see {@link FileOptions#requireNotAnInput}). */
    void requireNotAnInput(Path out) {
        file.requireNotAnInput(dataset, out);
    }
}
