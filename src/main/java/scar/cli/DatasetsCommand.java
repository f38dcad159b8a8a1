package scar.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import scar.Scar;

/** {@code scar datasets [name-or-folder]}: lists the bundled datasets, or summarises one. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the bundled datasets, or print the summary of one (a bundled name or a dataset folder).")
final class DatasetsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DATASET", description = "a bundled dataset name or a dataset folder")
    String dataset;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (dataset == null) {
            System.out.println("bundled datasets: " + String.join(", ", Scar.datasets()));
            System.out.println("summary of one:   scar datasets <name-or-folder>");
        } else {
            // The summary already lists every modality with its rows and dimension.
            System.out.println(Scar.dataset(dataset).toText(output.width()));
        }
        return 0;
    }
}
