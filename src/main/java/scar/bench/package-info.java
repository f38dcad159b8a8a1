/**
 * Benchmarks behind {@code ./scar bench}: measures, foundation size, probe throughput (GFLOP/s), whole sweeps on
 * synthetic and bundled data, with median wall times and peak heap. Figures are printed, never asserted.
 */
package scar.bench;
