/**
 * JMH microbenchmarks of the gatekeeper's per-record work, single-threaded: the pure policy
 * ({@link dev.gatekeeper.benchmarks.PolicyBenchmark}), the free-text scrubber
 * ({@link dev.gatekeeper.benchmarks.ScrubberBenchmark}) and the whole de-identification of a
 * contributed event ({@link dev.gatekeeper.benchmarks.DeidentifyBenchmark}). Inputs are built
 * with the production classes and a fixed seed, so every run measures the same work.
 */
package dev.gatekeeper.benchmarks;
