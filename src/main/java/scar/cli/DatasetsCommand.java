package scar.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import scar.Scar;

/** {@code scar datasets [name-or-folder-or-file]}: lists the bundled datasets, or summarises one. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the bundled datasets, or print the summary of one (a bundled name, a dataset folder or "
                + "one file, read as the other commands read it).")
final class DatasetsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DATASET", description = "a bundled dataset name, a dataset folder, or "
            + "one file: .npy (with --labels), .csv, .csv.gz, .jsonl[.gz] or .parquet, or a folder of .parquet part "
            + "files")
    String dataset;

    @Mixin
    FileOptions file;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (dataset == null && file.given() != null) {
            throw new IllegalArgumentException(file.given() + " applies to a dataset of one file; expected the file"
                    + " too: scar datasets FILE " + file.given() + " ...");
        }
        if (dataset == null) {
            System.out.println("bundled datasets: " + String.join(", ", Scar.datasets()));
            System.out.println("summary of one:   scar datasets <name-or-folder-or-file>");
        } else {
            // The summary already lists every modality with its rows and dimension.
            QuickStart.beforeReading(dataset, null, 0); // a large file is read with the default JIT
            System.out.println(file.load(dataset, null).toText(output.width()));
        }
        return 0;
    }
}
