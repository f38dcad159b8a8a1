/**
 * The linear probe of SPEC §2: {@link scar.probe.LinearProbe#fit} trains a softmax classifier on one modality's
 * embeddings, either the converged L-BFGS probe (the default) or the reference Adam probe, and returns a
 * {@link scar.probe.ProbeResult}. The matrix kernels are vectorised float code, multi-threaded and deterministic
 * across thread counts; {@link scar.probe.ProbeBenchmark} measures them.
 */
package scar.probe;
