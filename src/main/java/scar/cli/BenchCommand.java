package scar.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import scar.bench.Bench;

/** {@code scar bench [--quick] [--scale] [--big] [--repeats N] [--data DIR]}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark memory bandwidth, the probe pass, the original code's synthetic set, whole CLI runs "
                + "on the bundled data, the measures and the foundation size; prints min and median wall times, "
                + "throughput, peak heap and RSS, and the machine's load.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "smaller data and single runs (a smoke run, not a measurement)")
    boolean quick;

    @Option(names = "--scale", description = "also characterise 100,000 and 1,000,000 items from mapped .npy files")
    boolean scale;

    @Option(names = "--big", description = "also 1,300,000 x 768 with 100 classes under -Xmx4g (about 4 GB of disk)")
    boolean big;

    @Option(names = "--repeats", description = "measured runs per figure (default: ${DEFAULT-VALUE})",
            defaultValue = "3")
    int repeats;

    @Option(names = "--data", paramLabel = "DIR", description = "where the --scale data files are written and reused "
            + "(default: the temporary folder's scar-bench)")
    Path data;

    @Override
    public Integer call() {
        QuickStart.requireFullJit(); // it measures the default JIT
        Main.warnIfSoftwareFma();
        Path dir = data != null ? data : Path.of(System.getProperty("java.io.tmpdir"), "scar-bench");
        Bench.run(System.out, new Bench.Options(quick, Math.max(1, repeats), scale, big, dir));
        return 0;
    }
}
