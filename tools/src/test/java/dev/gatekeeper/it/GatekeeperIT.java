package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.schema.Plan.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gatekeeper on a real broker through real topics with exactly_once_v2: what a
 * {@code read_committed} consumer (an ML pipeline) sees.
 */
class GatekeeperIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static TestKafka broker;

  /**
   * Started by the first test rather than in {@code @BeforeAll}, so that a skip (containers asked
   * for, no Docker) is reported for each test; {@code @AfterAll} stops it.
   */
  @BeforeEach
  void startBroker() {
    if (broker == null) {
      broker = TestKafka.start();
    }
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  private static String at(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  private static Fixtures.SettingsBuilder org(String orgId, long updatedAt) {
    return Fixtures.settings(orgId, at(updatedAt)).product("s1", "jira", FREE).product("s1", "confluence", STANDARD);
  }

  private static void awaitRunning(GatekeeperService service) throws InterruptedException {
    assertThat(service.awaitRunning(WAIT)).as("gatekeeper reaches RUNNING").isTrue();
  }

  @Test
  void contributesThenTombstonesAfterAnOptOutForReadCommittedConsumers() throws Exception {
    RealGatekeeper gk = new RealGatekeeper(broker, 2);
    long now = System.currentTimeMillis();
    try (GatekeeperService service = gk.startInstance();
        Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
        CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
      awaitRunning(service);
      in.settings(org("o1", now - 60_000).build());
      in.flush();
      in.event(Fixtures.event("in-app", "o1", at(now)).text("Ada wrote ada@example.com").actor("u1", "Ada Byron", null).build());
      in.event(Fixtures.event("meta", "o1", at(now)).metadata().build());
      in.event(Fixtures.event("loom", "o1", at(now)).app("loom").build());
      in.flush();
      await("three decisions committed").atMost(WAIT).until(() -> out.poll().eventDecisions() == 3);
      assertThat(out.liveContributionIds()).hasSize(2);
      assertThat(out.decisions).extracting(ContributionDecision::getReason)
          .containsExactlyInAnyOrder("CONTRIBUTED", "CONTRIBUTED", "APP_NOT_IN_SCOPE");

      in.settings(org("o1", now - 30_000).inApp(ContributionSetting.OFF).build());
      in.flush();
      await("the in-app contribution tombstoned").atMost(WAIT).until(() -> out.poll().tombstones == 1);
      assertThat(out.decisions).filteredOn(d -> d.getOutcome() == Outcome.REVOKED)
          .extracting(ContributionDecision::getEventId, ContributionDecision::getReason)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("in-app", "IN_APP_OFF"));
      assertThat(out.liveContributionIds()).hasSize(1);
    }
  }

  /**
   * A producer with another partitioner than murmur2 (librdkafka's default) puts an org's
   * records in the wrong partition; the opt-out must still reach the task that holds the org's
   * contributions.
   */
  @Test
  void revokesAfterAnOptOutPublishedOutsideItsKeysPartition() throws Exception {
    RealGatekeeper gk = new RealGatekeeper(broker, 2);
    long now = System.currentTimeMillis();
    int home = org.apache.kafka.common.utils.Utils.toPositive(
        org.apache.kafka.common.utils.Utils.murmur2("o1".getBytes(StandardCharsets.UTF_8))) % 2;
    try (GatekeeperService service = gk.startInstance();
        Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
        CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
      awaitRunning(service);
      in.settingsIn(1 - home, org("o1", now - 60_000).build());
      in.flush();
      // The moved record takes a repartition hop (one commit); events decided before it arrives
      // would find no settings (NO_SETTINGS, fail closed). The store's changelog shows its arrival.
      String changelog = gk.config.applicationId() + "-" + dev.gatekeeper.topology.StoreNames.SETTINGS_HISTORY + "-changelog";
      await("the moved settings reach the org's task").atMost(WAIT).until(() -> keysIn(gk, changelog).contains("o1"));
      in.eventIn(home, Fixtures.event("placed", "o1", at(now)).build());
      in.eventIn(1 - home, Fixtures.event("misplaced", "o1", at(now)).build());
      in.flush();
      await("both events contributed").atMost(WAIT).until(() -> out.poll().liveContributionIds().size() == 2);

      in.settingsIn(1 - home, org("o1", now - 30_000).inApp(ContributionSetting.OFF).build());
      in.flush();
      await("both tombstoned").atMost(WAIT).until(() -> out.poll().tombstones == 2);
      assertThat(out.liveContributionIds()).isEmpty();
      assertThat(out.decisions).filteredOn(d -> d.getOutcome() == Outcome.REVOKED)
          .extracting(ContributionDecision::getReason).containsExactly("IN_APP_OFF", "IN_APP_OFF");
    }
  }

  /** The keys committed to {@code topic} so far. */
  private static java.util.Set<String> keysIn(RealGatekeeper gk, String topic) {
    java.util.Properties p = new java.util.Properties();
    p.putAll(gk.config.clientProperties());
    p.put("isolation.level", "read_committed");
    java.util.Set<String> keys = new java.util.HashSet<>();
    try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(p,
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(topic, java.time.Duration.ofSeconds(5)).stream()
          .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer.poll(java.time.Duration.ofMillis(100)).forEach(r -> keys.add(new String(r.key(), StandardCharsets.UTF_8)));
      }
    } catch (org.apache.kafka.common.KafkaException e) {
      // the changelog topic is created by the application when it starts: not there yet
    }
    return keys;
  }

  @Test
  void deadLettersGarbageWhileProcessingGoesOn() throws Exception {
    RealGatekeeper gk = new RealGatekeeper(broker, 1);
    long now = System.currentTimeMillis();
    try (GatekeeperService service = gk.startInstance();
        Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
        CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
      awaitRunning(service);
      in.settings(org("o1", now - 60_000).build());
      in.event(Fixtures.event("before", "o1", at(now)).build());
      in.rawEvent("o1", "garbage".getBytes(StandardCharsets.UTF_8), now);
      in.event(Fixtures.event("after", "o1", at(now)).build());
      in.flush();
      await("both good events decided and one dead letter").atMost(WAIT)
          .until(() -> out.poll().eventDecisions() == 2 && out.deadLetters.size() == 1);
      assertThat(out.deadLetters.get(0).value()).isNull();
      assertThat(new String(out.deadLetters.get(0).headers().lastHeader("gatekeeper.source.topic").value(), StandardCharsets.UTF_8))
          .isEqualTo(gk.config.topics().inputTopics().get(0));
      assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  @Test
  void twoInstancesKeepTheInvariantThroughRebalances() throws Exception {
    RealGatekeeper gk = new RealGatekeeper(broker, 4);
    long now = System.currentTimeMillis();
    int orgs = 24;
    Map<String, OrgSettings> latest = new HashMap<>();
    Map<String, DataEvent> sent = new HashMap<>();
    try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
        CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
      GatekeeperService a = gk.startInstance();
      GatekeeperService b = null;
      try {
        awaitRunning(a);
        for (int o = 0; o < orgs; o++) {
          OrgSettings s = org("org-" + o, now - 600_000 + o).build();
          latest.put(s.getOrgId(), s);
          in.settings(s);
        }
        in.flush();
        sendEvents(in, sent, "a", orgs, 300, now);
        b = gk.startInstance(); // rebalance: partitions move to the second instance
        sendEvents(in, sent, "b", orgs, 300, now + 1);
        for (int o = 0; o < orgs; o += 3) { // opt-outs and app deletions while both run
          OrgSettings s = (o % 2 == 0 ? org("org-" + o, now - 300_000).inApp(ContributionSetting.OFF)
              : Fixtures.settings("org-" + o, at(now - 300_000)).product("s1", "confluence", STANDARD)).build();
          latest.put(s.getOrgId(), s);
          in.settings(s);
        }
        sendEvents(in, sent, "c", orgs, 300, now + 2);
        awaitRunning(b);
        a.close(); // rebalance again: everything moves to b
        a = null;
        sendEvents(in, sent, "d", orgs, 300, now + 3);
        in.flush();
        int total = sent.size();
        await("every event decided").atMost(Duration.ofSeconds(120)).until(() -> out.poll().eventDecisions() >= total);
      } finally {
        if (a != null) {
          a.close();
        }
        if (b != null) {
          b.close();
        }
      }
      // Revocations commit with the settings record that caused them, which may be processed
      // after the last event: wait until everything committed satisfies the invariant.
      await("live = contributed and still allowed by the org's latest settings").atMost(WAIT)
          .untilAsserted(() -> Invariant.assertHolds(out.poll(), sent, latest));
    }
  }

  private static void sendEvents(Inputs in, Map<String, DataEvent> sent, String batch, int orgs, int n, long ts) {
    List<String> apps = List.of("jira", "confluence", "rovo", "loom");
    for (int i = 0; i < n; i++) {
      DataEvent e = Fixtures.event(batch + "-" + i, "org-" + (i % orgs), at(ts))
          .app(apps.get(i % apps.size()))
          .container(i % 5 == 0 ? "ENG" : null)
          .build();
      if (i % 2 == 1) {
        e.setDataType(dev.gatekeeper.schema.DataType.METADATA);
      }
      sent.put(e.getEventId(), e);
      in.event(e);
    }
    in.flush();
  }
}
