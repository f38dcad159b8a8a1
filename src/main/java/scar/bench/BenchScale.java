package scar.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import scar.data.Memory;

/**
 * {@code ./scar bench --scale}: the whole CLI {@code characterize} (default ratios) on the original code's synthetic
 * set at 100,000 and 1,000,000 items (d = 768, K = 10), and with {@code --big} 1,300,000 items and 100 classes
 * under {@code -Xmx4g}, each from a memory-mapped float32 {@code .npy} (written once into the data folder, then
 * reused): wall time and peak RSS of the process, one run each.
 */
final class BenchScale {
    private final PrintStream out;
    private final Bench.Options options;

    BenchScale(PrintStream out, Bench.Options options) {
        this.out = out;
        this.options = options;
    }

    void run() {
        out.printf(Locale.ROOT, "%nscale (java -Xmx4g ... scar.cli.Main characterize X.npy --labels Y.npy --quiet; "
                + "the data stays on disk, mapped; 1 run each; data in %s):%n", options.dataDir());
        List<CifarLike> sets = new ArrayList<>();
        CifarLike base = CifarLike.standard();
        if (options.scale()) {
            sets.add(base.withSize(100_000, 0, 10));
            sets.add(base.withSize(1_000_000, 0, 10));
        }
        if (options.big()) {
            sets.add(base.withSize(1_300_000, 0, 100));
        }
        double bigSeconds = Double.NaN;
        for (CifarLike set : sets) {
            long start = System.nanoTime();
            Path x = set.writeNpy(options.dataDir());
            double written = (System.nanoTime() - start) / 1e9;
            ChildRun run = ChildRun.of(List.of("-Xmx4g"), "scar.cli.Main", "characterize", x.toString(), "--labels",
                    CifarLike.labelsFile(x).toString(), "--quiet");
            long size = size(x);
            out.printf(Locale.ROOT, "  %,9d x %d, K = %3d (%s file%s): %s in %.1f s, peak RSS %s%s%n",
                    set.nTrain(), set.d(), set.k(), Memory.size(size),
                    written > 1 ? String.format(Locale.ROOT, ", written in %.0f s", written) : ", reused",
                    run.exitCode() == 0 ? "completes" : "FAILS (" + run.output().replace('\n', ' ') + ")",
                    run.seconds(), Memory.size(run.peakRss()),
                    set.k() == 100 ? " (target <= 15 min under -Xmx4g)" : "");
            if (set.k() == 100 && run.exitCode() == 0) {
                bigSeconds = run.seconds();
            }
        }
        if (!Double.isNaN(bigSeconds)) {
            out.printf(Locale.ROOT, "  10,000,000 x 768, K = 100, extrapolated linearly in n (not measured): about "
                    + "%.0f min, 30 GB mapped, and about 4 GB of heap for the full fit's logits (-Xmx8g)%n",
                    bigSeconds * 10 / 1.3 / 60);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
