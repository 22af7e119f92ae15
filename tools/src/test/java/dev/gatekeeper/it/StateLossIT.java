package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contribution index comes back from its changelog: a wiped instance still revokes. */
class StateLossIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void revokesEverythingAfterTheStateDirectoryIsWiped() throws Exception {
    try (TestKafka broker = TestKafka.start()) {
      RealGatekeeper gk = new RealGatekeeper(broker, 2);
      long now = System.currentTimeMillis();
      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
        try (GatekeeperService first = gk.startInstance()) {
          assertThat(first.awaitRunning(WAIT)).isTrue();
          in.settings(Fixtures.settings("o1", Instant.ofEpochMilli(now - 60_000).toString()).product("s1", "jira", FREE).build());
          in.flush();
          for (int i = 0; i < 50; i++) {
            in.event(Fixtures.event("e" + i, "o1", Instant.ofEpochMilli(now).toString()).build());
          }
          in.flush();
          await("50 contributions committed").atMost(WAIT).until(() -> out.poll().liveContributionIds().size() == 50);
        }
        // A new instance with an empty state directory of its own: the index must be restored.
        try (GatekeeperService second = gk.startInstance()) {
          assertThat(second.awaitRunning(WAIT)).isTrue();
          in.settings(Fixtures.settings("o1", Instant.ofEpochMilli(now - 30_000).toString())
              .product("s1", "jira", FREE).inApp(ContributionSetting.OFF).build());
          in.flush();
          await("every contribution tombstoned").atMost(WAIT).until(() -> out.poll().liveContributionIds().isEmpty());
          assertThat(out.decisions).filteredOn(d -> d.getOutcome() == Outcome.REVOKED).hasSize(50);
        }
      }
    }
  }

  @Test
  void keepsAggregateCountsAfterTheStateDirectoryIsWiped() throws Exception {
    try (TestKafka broker = TestKafka.start()) {
      RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 2, Map.of(ConfigKey.AGGREGATES_K.key(), "3"));
      String now = Instant.now().toString();
      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
        try (GatekeeperService first = gk.startInstance()) {
          assertThat(first.awaitRunning(WAIT)).isTrue();
          orgContributesABug(in, "o1", now);
          orgContributesABug(in, "o2", now);
          await("both contributions committed").atMost(WAIT).until(() -> out.poll().liveContributionIds().size() == 2);
        }
        // Two orgs counted so far, in stores this new instance must restore from their changelogs.
        try (GatekeeperService second = gk.startInstance()) {
          assertThat(second.awaitRunning(WAIT)).isTrue();
          orgContributesABug(in, "o3", now);
          await("the bucket published with all three orgs").atMost(WAIT)
              .until(() -> out.poll().aggregates.values().stream().anyMatch(a -> a.getDistinctOrgs() == 3));
          assertThat(out.aggregateRecords).allSatisfy(a -> assertThat(a.getDistinctOrgs()).isGreaterThanOrEqualTo(3));
        }
      }
    }
  }

  private static void orgContributesABug(Inputs in, String orgId, String at) {
    in.settings(Fixtures.settings(orgId, Instant.parse(at).minusSeconds(60).toString()).product("s1", "jira", FREE).build());
    in.flush();
    in.event(Fixtures.event(orgId + "-e", orgId, at).metadata().attribute("issueType", "Bug").build());
    in.flush();
  }
}
