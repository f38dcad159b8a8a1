package scar.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import scar.foundation.ScarOptions;

/** {@code scar demo}: the whole study on the bundled Wikipedia image–text dataset. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Characterise the bundled Wikipedia image-text dataset (both modalities), plan its completion, "
                + "evaluate the plan on 3 seeds and write an HTML report.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, description = "the report file (default: ${DEFAULT-VALUE})",
            defaultValue = "scar-out/wikipedia-report.html")
    Path out;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        int seeds = 3;
        return Study.run(() -> QuickStart.read("wikipedia", null, null, 1 + seeds,
                () -> scar.Scar.dataset("wikipedia")), out, seeds, ScarOptions.defaults().withSeed(seed),
                output.width());
    }
}
