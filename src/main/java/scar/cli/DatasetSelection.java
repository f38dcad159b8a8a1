package scar.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import scar.Scar;
import scar.data.MultiModalDataset;

/** The dataset argument and the {@code --modality} filter shared by the commands that study a dataset (a mixin). */
final class DatasetSelection {

    @Parameters(paramLabel = "DATASET", description = "a bundled dataset name (see 'scar datasets') or a folder")
    String dataset;

    @Option(names = {"-m", "--modality"}, description = "only this modality (default: every modality)")
    String modality;

    MultiModalDataset load() {
        MultiModalDataset data = Scar.dataset(dataset);
        return modality == null ? data : data.selectModalities(modality);
    }
}
