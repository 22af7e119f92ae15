package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.schema.Plan.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The gatekeeper in a child process is killed with SIGKILL at random points while events and
 * settings changes flow, and restarted each time. After draining, what read_committed consumers
 * see must match POLICY.md exactly: one decision per event, and the live contributions equal to
 * those contributed and still allowed by each org's latest settings — 0 leaked, 0 missing.
 * {@code -Dcrashloop.kills=N} runs a longer variant (default 5).
 */
class CrashLoopIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int ORGS = 20;
  private static final int AGGREGATE_K = 5;

  @Test
  void survivesRepeatedKillsWithoutLeakingLosingOrDuplicating() throws Exception {
    int kills = Integer.getInteger("crashloop.kills", 5);
    Random random = new Random(Long.getLong("crashloop.seed", System.nanoTime()));
    Path log = Files.createTempFile("crashloop-gatekeeper-", ".log");
    Map<String, DataEvent> sent = new ConcurrentHashMap<>();
    Map<String, OrgSettings> latest = new ConcurrentHashMap<>();
    long now = System.currentTimeMillis();
    try (TestKafka broker = TestKafka.start()) {
      // Aggregates too: k small enough for 20 orgs to reach, grace (and so the horizon) wide enough that every event counts.
      RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 2,
          Map.of(ConfigKey.AGGREGATES_K.key(), Integer.toString(AGGREGATE_K), ConfigKey.AGGREGATES_GRACE.key(), "3650d",
              ConfigKey.AGGREGATES_RETENTION.key(), "3650d"));
      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
        for (int o = 0; o < ORGS; o++) {
          OrgSettings s = Fixtures.settings("org-" + o, Instant.ofEpochMilli(now - 3_600_000 + o).toString())
              .product("s1", "jira", FREE).product("s1", "confluence", STANDARD).build();
          latest.put(s.getOrgId(), s);
          in.settings(s);
        }
        in.flush();
        Process child = GatekeeperProcess.start(gk.config, log);
        int batch = 0;
        for (int k = 0; k < kills; k++) {
          long decidedBefore = out.poll().eventDecisions();
          // Keep records flowing, then kill at a random point once this incarnation made progress.
          int sendBatches = 1 + random.nextInt(3);
          for (int b = 0; b < sendBatches; b++) {
            sendBatch(in, sent, latest, batch++, now, random);
          }
          long progress = 1 + random.nextInt(600); // a random point in this incarnation's work
          await("incarnation " + k + " decides " + progress + " events").atMost(WAIT)
              .until(() -> out.poll().eventDecisions() >= Math.min(sent.size(), decidedBefore + progress));
          sendBatch(in, sent, latest, batch++, now, random);
          child.destroyForcibly().waitFor(); // SIGKILL, mid-stream
          long inFlight = sent.size() - out.poll().eventDecisions();
          System.out.printf("kill %d: %d events sent, %d decided, %d in flight%n", k + 1, sent.size(), out.eventDecisions(), inFlight);
          child = GatekeeperProcess.start(gk.config, log);
        }
        sendBatch(in, sent, latest, batch, now, random);
        try {
          await("every event decided after the last restart").atMost(Duration.ofSeconds(180))
              .until(() -> out.poll().eventDecisions() >= sent.size());
          await("the invariant over the committed outputs").atMost(WAIT)
              .untilAsserted(() -> {
                Invariant.assertHolds(out.poll(), sent, latest);
                Invariant.assertAggregatesHold(out, sent, AGGREGATE_K);
              });
        } finally {
          child.destroy();
          child.waitFor();
        }
        System.out.printf("crash loop: %d kills, %d events, %d decisions compared, %d live contributions, %d aggregates%n",
            kills, sent.size(), out.decisions.size(), out.liveContributionIds().size(), out.aggregates.size());
      }
    }
  }

  private static void sendBatch(Inputs in, Map<String, DataEvent> sent, Map<String, OrgSettings> latest, int batch, long now, Random random) {
    List<String> apps = List.of("jira", "confluence", "rovo", "loom");
    for (int i = 0; i < 400; i++) {
      DataEvent e = Fixtures.event("b" + batch + "-" + i, "org-" + random.nextInt(ORGS), Instant.ofEpochMilli(now).toString())
          .app(apps.get(random.nextInt(apps.size())))
          .container(random.nextInt(4) == 0 ? "ENG" : null)
          .build();
      if (random.nextBoolean()) {
        e.setDataType(DataType.METADATA);
        e.setAttributes(Map.of("issueType", List.of("Bug", "Task", "Story").get(random.nextInt(3))));
      }
      sent.put(e.getEventId(), e);
      in.event(e);
    }
    // Restrictions only (opt-outs, exclusions, app deletions): the exact live set then follows.
    String orgId = "org-" + random.nextInt(ORGS);
    long at = now - 3_000_000 + batch * 1_000L;
    Fixtures.SettingsBuilder s = Fixtures.settings(orgId, Instant.ofEpochMilli(at).toString()).product("s1", "jira", FREE);
    OrgSettings previous = latest.get(orgId);
    if (previous.getInAppContribution() == ContributionSetting.OFF || random.nextBoolean()) {
      s.inApp(ContributionSetting.OFF);
    }
    previous.getInAppExcluded().forEach(s::exclude);
    if (random.nextBoolean()) {
      s.exclude("container:ENG");
    }
    OrgSettings next = s.build();
    latest.put(orgId, next);
    in.settings(next);
    in.flush();
  }

}
