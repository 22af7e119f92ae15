package dev.gatekeeper.registry;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.DataType;
import java.time.Instant;
import java.util.Map;

/** A contribution with every optional field set, for the registry round trip. */
final class ConfluentAvroSerdeFixtures {
  private ConfluentAvroSerdeFixtures() {}

  static Contribution contribution() {
    return Contribution.newBuilder()
        .setContributionId("c-1")
        .setOrgToken("org-token")
        .setActorToken("actor-token")
        .setApp("jira")
        .setDataType(DataType.IN_APP)
        .setOccurredAt(Instant.parse("2026-09-01T10:00:00Z"))
        .setAttributes(Map.of("status", "done"))
        .setText("a scrubbed text")
        .setRegion("eu")
        .setPolicyVersion("v1")
        .build();
  }
}
