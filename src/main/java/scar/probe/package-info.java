/**
 * The linear probe of SPEC §2: {@link scar.probe.LinearProbe#fit} trains a softmax classifier on one modality's
 * embeddings, either the converged L-BFGS probe (the default) or the reference Adam probe, and returns a
 * {@link scar.probe.ProbeResult}; {@link scar.probe.ProbeBenchmark} measures the speed on
 * {@link scar.probe.SyntheticData}.
 *
 * <p>Precision: the data and the weights of each pass are float and the kernels multiply-add in float (plain Java,
 * vectorised by C2, no incubator module); losses, softmax, gradient reduction across chunks and the optimisers' state
 * are double. The converged probe therefore solves to the resolution of float weights: where max |∇| cannot go
 * below the tolerance at that resolution the search stops when a step no longer changes the loss.
 *
 * <p>Determinism: fixed-size chunks and tasks, reduced in task order, make every result bit-identical for any
 * thread count. Cancellation: interrupting the fitting thread ends the fit with a
 * {@link java.util.concurrent.CancellationException} within one iteration (epoch).
 */
package scar.probe;
