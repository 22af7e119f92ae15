package dev.gatekeeper.bench;

/**
 * One throughput pass, from its app reaching RUNNING to its group having committed the whole input.
 *
 * @param eventsPerS events over wall-clock seconds
 * @param jvmCpuUsPerEvent CPU time of this JVM (stream threads, GC, JIT, the benchmark's polling) per event
 * @param brokerCpuUsPerEvent CPU time of the broker process per event
 */
record PassFigures(double eventsPerS, double jvmCpuUsPerEvent, double brokerCpuUsPerEvent) {}
