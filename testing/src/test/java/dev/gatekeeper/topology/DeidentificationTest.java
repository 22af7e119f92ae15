package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.testing.GateHarness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canary personal data never reaches a contribution; what does is pseudonymous and coarse. */
class DeidentificationTest {
  private static final List<String> CANARIES =
      List.of(
          "canary-org-7", "canary-event-7", "canary-site-7", "CANARYSPACE", "canary-conn-7",
          "557058:canary-account", "Zelda", "Quixotic", "zelda.quixotic@example.com",
          "+44 20 7946 0958", "4111 1111 1111 1111", "AKIAIOSFODNN7EXAMPLE", "192.168.13.37",
          "canary-secret-attr");

  private static Contribution contributeCanaryEvent(GateHarness gate) {
    gate.settings(settings("canary-org-7", "2026-09-01T00:00:00Z").product("canary-site-7", "confluence", FREE).build());
    gate.event(
        event("canary-event-7", "canary-org-7", "2026-09-02T10:47:13.123Z")
            .site("canary-site-7")
            .app("confluence")
            .container("CANARYSPACE")
            .actor("557058:canary-account", "Zelda Quixotic", "zelda.quixotic@example.com")
            .attribute("status", "Reviewed by zelda quixotic")
            .attribute("assigneeEmail", "canary-secret-attr")
            .text("Zelda Quixotic (zelda.quixotic@example.com, +44 20 7946 0958) paid with 4111 1111 1111 1111;"
                + " key AKIAIOSFODNN7EXAMPLE from 192.168.13.37. Ask @zelda or ZELDA about the release plan.")
            .build());
    assertThat(gate.live()).hasSize(1);
    return gate.live().values().iterator().next();
  }

  @Test
  void noCanaryIdentifierOrPersonalDataReachesAContribution() {
    try (GateHarness gate = new GateHarness()) {
      Contribution c = contributeCanaryEvent(gate);
      String everything = c.toString();
      for (String canary : CANARIES) {
        assertThat(everything).doesNotContainIgnoringCase(canary);
      }
      assertThat(c.getText()).contains("[NAME]", "[EMAIL]", "[PHONE]", "[CARD]", "[SECRET]", "[IP]");
      assertThat(c.getText()).contains("release plan");
    }
  }

  @Test
  void keepsOnlyAllowListedAttributesScrubbed() {
    try (GateHarness gate = new GateHarness()) {
      Contribution c = contributeCanaryEvent(gate);
      assertThat(c.getAttributes()).containsOnlyKeys("status");
      assertThat(c.getAttributes().get("status")).startsWith("Reviewed by").doesNotContainIgnoringCase("zelda");
    }
  }

  @Test
  void coarsensTimesToTheHourAndPseudonymisesIdentifiers() {
    try (GateHarness gate = new GateHarness()) {
      Contribution c = contributeCanaryEvent(gate);
      assertThat(c.getOccurredAt()).isEqualTo(Instant.parse("2026-09-02T10:00:00Z"));
      assertThat(gate.contributionRecords().get(0).timestamp())
          .as("the record timestamp is coarse too")
          .isEqualTo(Instant.parse("2026-09-02T10:00:00Z").toEpochMilli());
      assertThat(c.getOrgToken()).hasSize(64).isNotEqualTo(c.getActorToken());
      assertThat(c.getContainerToken()).hasSize(64);
      assertThat(c.getApp()).isEqualTo("confluence");
    }
  }

  @Test
  void pseudonymsAreStableAcrossEventsOfOneOrgAndDifferAcrossOrgs() {
    try (GateHarness gate = new GateHarness()) {
      gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
      gate.settings(settings("o2", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
      gate.event(event("a", "o1", "2026-09-02T00:00:00Z").container("ENG").actor("u1", null, null).build());
      gate.event(event("b", "o1", "2026-09-02T00:00:00Z").container("ENG").actor("u1", null, null).build());
      gate.event(event("c", "o2", "2026-09-02T00:00:00Z").container("ENG").actor("u1", null, null).build());
      List<Contribution> cs = List.copyOf(gate.live().values());
      assertThat(cs).hasSize(3);
      assertThat(cs.get(0).getOrgToken()).isEqualTo(cs.get(1).getOrgToken()).isNotEqualTo(cs.get(2).getOrgToken());
      assertThat(cs.get(0).getContainerToken()).isEqualTo(cs.get(1).getContainerToken()).isNotEqualTo(cs.get(2).getContainerToken());
      assertThat(cs.get(0).getActorToken()).isEqualTo(cs.get(1).getActorToken()).isNotEqualTo(cs.get(2).getActorToken());
    }
  }

  @Test
  void connectorIdsNeverAppear() {
    try (GateHarness gate = new GateHarness()) {
      gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
      gate.event(event("a", "o1", "2026-09-02T00:00:00Z").app("connector").connector("canary-conn-7", ConnectorKind.SYNCED).build());
      assertThat(gate.live().values().iterator().next().toString()).doesNotContain("canary-conn-7");
    }
  }
}
