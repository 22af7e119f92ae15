package dev.gatekeeper.export;

import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.serde.AvroSerde;
import java.time.Instant;
import java.util.Map;

/** Contributions and log records for the export tests. */
final class Records {
  static final AvroSerde<Contribution> SERDE = AvroSerde.of(Contribution.class);

  private Records() {}

  static Contribution contribution(String id, String policyVersion) {
    return Fixtures.contribution(id, policyVersion).setRegion(null).build();
  }

  /** A value record of {@code key} at {@code offset}, with policy version v1. */
  static LogRecord value(int partition, long offset, String key) {
    return new LogRecord(partition, offset, key, SERDE.encode(contribution(key, "v1")), 1_000L + offset);
  }

  static LogRecord tombstone(int partition, long offset, String key, long timestamp) {
    return new LogRecord(partition, offset, key, null, timestamp);
  }
}
