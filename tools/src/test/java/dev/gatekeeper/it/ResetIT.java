package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.deid.Pseudonyms;
import dev.gatekeeper.ops.Reprocessing;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * {@code reset} then reprocessing from the start: no contribution of an org whose current
 * settings forbid it appears, not even uncommitted, while allowed ones are re-decided.
 */
class ResetIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void reprocessingNeverContributesWhatCurrentSettingsForbid() throws Exception {
    try (TestKafka broker = TestKafka.start()) {
      RealGatekeeper gk = new RealGatekeeper(broker, 2);
      long now = System.currentTimeMillis();
      Pseudonyms ids = new Pseudonyms(TestConfigs.TEST_SECRET);
      Set<String> forbidden = new HashSet<>();
      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics());
          Admin admin = Admin.create(gk.config.clientProperties())) {
        try (GatekeeperService first = gk.startInstance()) {
          assertThat(first.awaitRunning(WAIT)).isTrue();
          for (String org : List.of("opted-out", "allowed")) {
            in.settings(Fixtures.settings(org, Instant.ofEpochMilli(now - 60_000).toString()).product("s1", "jira", FREE).build());
          }
          in.flush();
          for (int i = 0; i < 100; i++) {
            for (String org : List.of("opted-out", "allowed")) {
              in.event(Fixtures.event(org + "-" + i, org, Instant.ofEpochMilli(now).toString()).build());
            }
            forbidden.add(ids.contributionId("opted-out", "opted-out-" + i));
          }
          in.flush();
          await("200 contributions").atMost(WAIT).until(() -> out.poll().liveContributionIds().size() == 200);
          in.settings(Fixtures.settings("opted-out", Instant.ofEpochMilli(now - 30_000).toString())
              .product("s1", "jira", FREE).inApp(ContributionSetting.OFF).build());
          in.flush();
          await("the opted-out org revoked").atMost(WAIT)
              .until(() -> out.poll().decisions.stream().filter(d -> d.getOutcome() == Outcome.REVOKED).count() == 100);

          Reprocessing reset = new Reprocessing(admin, Duration.ofSeconds(10));
          assertThatThrownBy(() -> reset.rewind(gk.config.applicationId(), gk.config.topics()))
              .isInstanceOf(Reprocessing.InstanceAlive.class).hasMessageContaining("stop every instance");
        }
        Reprocessing reset = new Reprocessing(admin, Duration.ofSeconds(10));
        await("the stopped instance has left the group").atMost(WAIT).ignoreExceptionsInstanceOf(Reprocessing.InstanceAlive.class)
            .until(() -> !reset.rewind(gk.config.applicationId(), gk.config.topics()).isEmpty());

        try (Watcher uncommitted = new Watcher(gk, "read_uncommitted"); Watcher committed = new Watcher(gk, "read_committed");
            GatekeeperService second = gk.startInstance()) {
          assertThat(second.awaitRunning(WAIT)).isTrue();
          Map<TopicPartition, Long> ends = ends(admin, gk.config.topics().inputTopics().get(0));
          await("every event reprocessed").atMost(WAIT).until(() -> {
            uncommitted.poll();
            committed.poll();
            var done = admin.listConsumerGroupOffsets(gk.config.applicationId()).partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(e -> done.get(e.getKey()) != null && done.get(e.getKey()).offset() >= e.getValue());
          });
          await("the allowed org re-decided and seen by both watchers").atMost(WAIT)
              .until(() -> uncommitted.poll().contributed.size() >= 100 && committed.poll().contributed.size() >= 100);
          assertThat(uncommitted.contributed).as("read_uncommitted").doesNotContainAnyElementsOf(forbidden);
          assertThat(committed.contributed).as("read_committed").doesNotContainAnyElementsOf(forbidden);
        }
      }
    }
  }

  private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> spec = new java.util.HashMap<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
        .forEach(p -> spec.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> out = new java.util.HashMap<>();
    admin.listOffsets(spec).all().get().forEach((tp, i) -> out.put(tp, i.offset()));
    return out;
  }

  /** Keys of non-null contributions written from now on, at one isolation level. */
  private static final class Watcher implements AutoCloseable {
    final Set<String> contributed = new HashSet<>();
    private final KafkaConsumer<byte[], byte[]> consumer;

    Watcher(RealGatekeeper gk, String isolation) {
      Properties p = new Properties();
      p.putAll(gk.config.clientProperties());
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
      consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> tps = new ArrayList<>();
      consumer.partitionsFor(gk.config.topics().contributions(), Duration.ofSeconds(10))
          .forEach(i -> tps.add(new TopicPartition(i.topic(), i.partition())));
      consumer.assign(tps);
      consumer.seekToEnd(tps);
      tps.forEach(consumer::position);
    }

    Watcher poll() {
      consumer.poll(Duration.ofMillis(100)).forEach(r -> {
        if (r.value() != null) {
          contributed.add(new String(r.key(), StandardCharsets.UTF_8));
        }
      });
      return this;
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
