package dev.gatekeeper.bench;

/** What a throughput pass runs over the same input. */
enum PhaseKind {
  /** Bytes in, bytes out: Kafka Streams with exactly_once_v2 and nothing else, the ceiling on this machine. */
  BYTES_PASSTHROUGH("bytes_passthrough", "bytes pass-through"),
  /** The run's wire-format serde on every event, decoded and encoded, and nothing else. */
  AVRO_PASSTHROUGH("avro_passthrough", "Avro pass-through"),
  /** The gatekeeper's topology. */
  GATEKEEPER("gatekeeper", "gatekeeper");

  final String key;
  final String label;

  PhaseKind(String key, String label) {
    this.key = key;
    this.label = label;
  }
}
