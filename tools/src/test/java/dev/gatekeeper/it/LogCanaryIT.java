package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A workload full of canary names, emails, text and identifiers, plus undecodable and stale
 * settings and garbage events, through a gatekeeper process: none of it, nor the HMAC secret,
 * appears in the process's logs.
 */
class LogCanaryIT {
  private static final List<String> CANARIES = List.of(
      "Quentin Canarywood", "Canarywood", "quentin.canary@example.org", "canary-text-7f3a",
      "canary-account-91", "+44 20 7946 0111", "garbage-canary-payload",
      new String(TestConfigs.TEST_SECRET, StandardCharsets.UTF_8));

  @Test
  void logsCarryNoPayloadNamesEmailsOrSecrets() throws Exception {
    Path log = Files.createTempFile("canary-gatekeeper-", ".log");
    try (TestKafka broker = TestKafka.start()) {
      RealGatekeeper gk = new RealGatekeeper(broker, 1);
      long now = System.currentTimeMillis();
      Process child = GatekeeperProcess.start(gk.config, log);
      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
        in.settings(Fixtures.settings("canary-org", Instant.ofEpochMilli(now - 60_000).toString()).product("s1", "jira", FREE).build());
        for (int i = 0; i < 200; i++) {
          in.event(Fixtures.event("canary-event-" + i, "canary-org", Instant.ofEpochMilli(now).toString())
              .actor("canary-account-91", "Quentin Canarywood", "quentin.canary@example.org")
              .text("canary-text-7f3a from Quentin Canarywood, quentin.canary@example.org, +44 20 7946 0111")
              .attribute("status", "Quentin Canarywood")
              .build());
        }
        in.rawEvent("canary-org", "garbage-canary-payload".getBytes(StandardCharsets.UTF_8), now);
        // A stale record (older than the current version) and an undecodable one: both are logged.
        in.settings(Fixtures.settings("canary-org", Instant.ofEpochMilli(now - 120_000).toString()).product("s1", "jira", FREE).build());
        in.flush();
        await("every event decided").atMost(Duration.ofSeconds(90)).until(() -> out.poll().eventDecisions() == 200);
        in.rawSettings("canary-org", "garbage-canary-payload Quentin Canarywood".getBytes(StandardCharsets.UTF_8), now);
        in.flush();
        await("the undecodable settings revoke everything").atMost(Duration.ofSeconds(60))
            .until(() -> out.poll().liveContributionIds().isEmpty() && out.deadLetters.size() == 2);
      } finally {
        child.destroy(); // SIGTERM: a clean stop logs too
        child.waitFor();
      }
    }
    String logs = Files.readString(log);
    assertThat(logs).contains("Streams state").contains("stale settings record").contains("Undecidable settings record");
    for (String canary : CANARIES) {
      assertThat(logs).as("logs mention %s", canary).doesNotContainIgnoringCase(canary);
    }
  }
}
