package scar.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import scar.bench.Bench;

/** {@code scar bench [--quick]}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the measures, the foundation size, the probe (GFLOP/s) and whole sweeps; prints "
                + "median wall times, throughput and peak heap.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "smaller synthetic data and fewer repeats (a smoke run)")
    boolean quick;

    @Override
    public Integer call() {
        Bench.run(System.out, quick);
        return 0;
    }
}
