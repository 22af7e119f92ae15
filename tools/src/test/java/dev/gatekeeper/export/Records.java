package dev.gatekeeper.export;

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
    return Contribution.newBuilder()
        .setContributionId(id)
        .setOrgToken("org-token")
        .setApp("jira")
        .setDataType(DataType.IN_APP)
        .setOccurredAt(Instant.parse("2026-09-01T10:00:00Z"))
        .setAttributes(Map.of("status", "done"))
        .setText("a scrubbed text")
        .setPolicyVersion(policyVersion)
        .build();
  }

  /** A value record of {@code key} at {@code offset}, with policy version v1. */
  static LogRecord value(int partition, long offset, String key) {
    return new LogRecord(partition, offset, key, SERDE.encode(contribution(key, "v1")), 1_000L + offset);
  }

  static LogRecord tombstone(int partition, long offset, String key, long timestamp) {
    return new LogRecord(partition, offset, key, null, timestamp);
  }
}
