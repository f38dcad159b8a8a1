package scar.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import scar.Scar;
import scar.foundation.DatasetProfile;
import scar.report.Exports;
import scar.report.StagedOutput;

/** {@code scar characterize DATASET [--modality m] [--seed s] [--ratios 1,2,5] [--out dir]}. */
@Command(name = "characterize", aliases = "characterise", mixinStandardHelpOptions = true,
        description = "Run the SCAR sweep on a dataset (bundled name or folder): per-class measures, step sizes and "
                + "the foundation size of every modality (or one).")
final class CharacterizeCommand implements Callable<Integer> {

    @Mixin
    DatasetSelection selection;

    @Option(names = {"-o", "--out"}, description = "write CSV tables, profile.json and timings.json into this folder "
            + "(new, empty, or written by an earlier run, whose files are replaced)")
    Path out;

    @Mixin
    SweepOptions sweep;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        // The output folder is checked (and its staging folder made) before any work, so a bad -o costs nothing.
        selection.requireOutsidePartFolder(out);
        try (StagedOutput staged = out == null ? null : StagedOutput.folder(out)) {
            var data = selection.load(sweep.repeats);
            Main.warnIfSoftwareFma();
            DatasetProfile profile = Scar.characterize(data, sweep.toOptions());
            for (var p : profile.modalities()) {
                System.out.println(p.toText(output.width()));
            }
            if (profile.modalities().size() > 1) {
                System.out.println(profile.toText(output.width()));
            }
            if (staged != null) {
                Exports.profile(profile, staged.path());
                Exports.timings(profile, (System.nanoTime() - start) / 1e9, Map.of(Exports.PROFILE, profile),
                        staged.path().resolve(Exports.TIMINGS));
                System.out.println("wrote " + staged.commit().size() + " files to " + staged.target());
            }
        }
        return 0;
    }
}
