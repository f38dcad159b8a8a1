package scar.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import scar.Scar;
import scar.foundation.DatasetProfile;
import scar.report.Exports;

/** {@code scar characterize DATASET [--modality m] [--seed s] [--ratios 1,2,5] [--out dir]}. */
@Command(name = "characterize", aliases = "characterise", mixinStandardHelpOptions = true,
        description = "Run the SCAR sweep on a dataset (bundled name or folder): per-class measures, step sizes and "
                + "the foundation size of every modality (or one).")
final class CharacterizeCommand implements Callable<Integer> {

    @Mixin
    DatasetSelection selection;

    @Option(names = {"-o", "--out"}, description = "write CSV tables and profile.json into this folder")
    Path out;

    @Mixin
    SweepOptions sweep;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        var data = selection.load();
        DatasetProfile profile = Scar.characterize(data, sweep.toOptions());
        for (var p : profile.modalities()) {
            System.out.println(p.toText(output.width()));
        }
        if (profile.modalities().size() > 1) {
            System.out.println(profile.toText(output.width()));
        }
        if (out != null) {
            var files = Exports.write(profile, out);
            System.out.println("wrote " + files.size() + " files to " + out.toAbsolutePath());
        }
        return 0;
    }
}
