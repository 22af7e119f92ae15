package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.broker.BrokerOptions;
import dev.gatekeeper.broker.EmbeddedBroker;
import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.state.IndexEntry;
import dev.gatekeeper.state.IndexKeys;
import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.topology.GatekeeperSerdes;
import dev.gatekeeper.topology.StoreNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * One org with a million live contributions opts out (README "Large revocations"). The whole
 * revocation — a million tombstones, REVOKED decisions and index deletions — is one transaction,
 * which under Streams' own 10 s transaction time-out the coordinator aborted, the thread fenced
 * and the settings record processed again. Here it must commit, and at its first attempt: a
 * read_uncommitted reader sees each tombstone written exactly once (an aborted attempt leaves its
 * records in the log), and a read_committed reader sees the org go from all live to none live.
 *
 * <p>The index is seeded through its changelog, as a restore would find it, so that the test
 * spends its time on the revocation rather than on deciding a million events. The broker checks
 * transaction time-outs every second instead of every 10 s, so a time-out too short for the
 * revocation shows in every run. {@code -Drevocation.size=N} changes the size.
 */
class LargeRevocationIT {
  private static final int N = Integer.getInteger("revocation.size", 1_000_000);
  private static final String ORG = "org-large";
  /** Generous for the size: restoring, revoking and reading take about 10–30 s per million here. */
  private static final Duration WAIT = Duration.ofSeconds(60 + N / 10_000);

  @Test
  void aMillionContributionOptOutCommitsOnceAndLeavesNothingLive() throws Exception {
    long now = System.currentTimeMillis();
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults().withMaxHeap("1g")
        .withBrokerProperty("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"))) {
      RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 1, Map.of());
      String changelog = gk.config.applicationId() + "-" + StoreNames.CONTRIBUTION_INDEX + "-changelog";
      try (Admin admin = Admin.create(gk.config.clientProperties())) {
        admin.createTopics(List.of(new NewTopic(changelog, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();
      }
      long t = System.nanoTime();
      seed(gk, changelog, now, N);
      System.out.printf("large revocation: seeded %,d index entries and live contributions in %.1f s%n", N, (System.nanoTime() - t) / 1e9);

      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          Outputs out = new Outputs(gk.config.clientProperties(), gk, "read_committed");
          GatekeeperService service = gk.startInstance()) {
        in.settings(Fixtures.settings(ORG, Instant.ofEpochMilli(now - 60_000).toString()).product("s1", "jira", FREE).build());
        in.flush();
        await("the index restored and the first settings applied, revoking nothing").atMost(WAIT)
            .until(() -> settingsCommitted(gk) >= 1);
        await("every seeded contribution live").atMost(WAIT).until(() -> out.poll().live.cardinality() == N);
        assertThat(out.tombstones).isZero();

        long t0 = System.nanoTime();
        in.settings(Fixtures.settings(ORG, Instant.ofEpochMilli(now).toString()).product("s1", "jira", FREE)
            .inApp(ContributionSetting.OFF).build());
        in.flush();
        await("every contribution revoked, visible to read_committed").atMost(WAIT).pollInterval(Duration.ofMillis(10))
            .until(() -> out.poll().revoked.cardinality() == N && out.tombstones == N && out.receipts.size() == 1);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("large revocation: %,d contributions revoked, visible to read_committed %.1f s after the opt-out: %,.0f/s%n",
            N, secs, N / secs);
        long heap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("large revocation: test JVM heap pools' peaks summed (gatekeeper and readers; an upper bound of the peak heap) %,d MiB%n", heap >> 20);

        assertThat(out.live.cardinality()).as("contributions still live after the opt-out").isZero();
        assertThat(out.receipts.get(0).getContributionsRevoked()).isEqualTo(N);
        assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
        try (Outputs all = new Outputs(gk.config.clientProperties(), gk, "read_uncommitted")) {
          all.readToEnd();
          assertThat(all.tombstones).as("tombstones in the log, aborted attempts included: one attempt, committed").isEqualTo(N);
          assertThat(all.revokedDecisions).as("REVOKED decisions in the log, aborted attempts included").isEqualTo(N);
        }
      }
    }
  }

  /**
   * A gatekeeper killed (SIGKILL) part-way through a large revocation leaves it uncommitted:
   * read_committed readers still see the whole org live, not part of it revoked. Restarted on
   * its state directory, it re-uses its transactional id, which aborts the open transaction at
   * once rather than after the 15-minute time-out, and the revocation is done again and committed.
   */
  @Test
  void aKillPartWayThroughLeavesTheOrgWhollyLiveUntilTheRestartRevokesItWhole() throws Exception {
    int count = Math.max(4, N / 4);
    long now = System.currentTimeMillis();
    java.nio.file.Path log = java.nio.file.Files.createTempFile("large-revocation-gatekeeper-", ".log");
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults().withMaxHeap("1g"))) {
      RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 1, Map.of());
      String changelog = gk.config.applicationId() + "-" + StoreNames.CONTRIBUTION_INDEX + "-changelog";
      try (Admin admin = Admin.create(gk.config.clientProperties())) {
        admin.createTopics(List.of(new NewTopic(changelog, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();
      }
      seed(gk, changelog, now, count);
      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          Outputs committed = new Outputs(gk.config.clientProperties(), gk, "read_committed");
          Outputs written = new Outputs(gk.config.clientProperties(), gk, "read_uncommitted")) {
        Process child = GatekeeperProcess.start(gk.config, log);
        try {
          in.settings(Fixtures.settings(ORG, Instant.ofEpochMilli(now - 60_000).toString()).product("s1", "jira", FREE).build());
          in.flush();
          await("the index restored and the first settings applied").atMost(WAIT).until(() -> settingsCommitted(gk) >= 1);
          await("every seeded contribution live").atMost(WAIT).until(() -> committed.poll().live.cardinality() == count);

          in.settings(Fixtures.settings(ORG, Instant.ofEpochMilli(now).toString()).product("s1", "jira", FREE)
              .inApp(ContributionSetting.OFF).build());
          in.flush();
          await("a quarter of the tombstones written, uncommitted").atMost(WAIT).pollInterval(Duration.ofMillis(10))
              .until(() -> written.poll().tombstones >= count / 4);
          child.destroyForcibly().waitFor();
          long writtenAtKill = written.tombstones;
          System.out.printf("large revocation: killed after %,d of %,d tombstones written%n", writtenAtKill, count);
          assertThat(writtenAtKill).as("killed part-way").isLessThan(count);

          await("read_committed sees the org wholly live while the transaction is open").during(Duration.ofSeconds(3)).atMost(WAIT)
              .until(() -> committed.poll().tombstones == 0 && committed.revokedDecisions == 0 && committed.live.cardinality() == count);

          long t0 = System.nanoTime();
          child = GatekeeperProcess.start(gk.config, log);
          await("the restart revokes every contribution, visible to read_committed").atMost(WAIT)
              .until(() -> committed.poll().revoked.cardinality() == count && committed.tombstones == count && committed.receipts.size() == 1);
          System.out.printf("large revocation: restarted and %,d revoked, visible to read_committed %.1f s after the restart%n",
              count, (System.nanoTime() - t0) / 1e9);
          assertThat(committed.live.cardinality()).isZero();
          written.readToEnd();
          assertThat(written.tombstones).as("the aborted attempt's tombstones stay in the log, invisible").isGreaterThanOrEqualTo(count + writtenAtKill);
        } finally {
          child.destroy();
          child.waitFor();
        }
      }
    }
  }

  /**
   * A broker that caps transactions below the gatekeeper's time-out refuses its producers: the
   * gatekeeper stops with that cause instead of running with a shorter budget.
   */
  @Test
  void stopsOnABrokerWhoseMaximumTransactionTimeOutIsLower() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults()
        .withBrokerProperty("transaction.max.timeout.ms", "600000"))) {
      RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 1, Map.of());
      try (GatekeeperService service = gk.startInstance()) {
        Throwable failure = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return service.awaitStop();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }).get(90, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(failure).hasMessageContaining("initialize transactions")
            .rootCause().hasMessageContaining("larger than the maximum value allowed by the broker (as configured by transaction.max.timeout.ms)");
        assertThat(service.state()).isIn(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_SHUTDOWN,
            KafkaStreams.State.NOT_RUNNING);
      }
    }
  }

  /** The index's changelog and the contributions topic as a million contributed events leave them. */
  private static void seed(RealGatekeeper gk, String changelog, long now, int count) {
    DataEvent event = Fixtures.event("template", ORG, Instant.ofEpochMilli(now - 120_000).toString()).build();
    EventFacts facts = EventFacts.of(event);
    var entries = new GatekeeperSerdes().indexEntry.serializer();
    Properties p = new Properties();
    p.putAll(gk.config.clientProperties());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    byte[] contribution = "seeded".getBytes(StandardCharsets.UTF_8);
    String contributions = gk.config.topics().contributions();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        String id = contributionId(i);
        byte[] entry = entries.serialize(changelog, new IndexEntry("event-" + i, facts, null));
        producer.send(new ProducerRecord<>(changelog, bytes(IndexKeys.key(ORG, id)), entry));
        producer.send(new ProducerRecord<>(contributions, null, now, bytes(id), contribution));
      }
      producer.flush();
    }
  }

  private static long settingsCommitted(RealGatekeeper gk) throws Exception {
    try (Admin admin = Admin.create(gk.config.clientProperties())) {
      OffsetAndMetadata o = admin.listConsumerGroupOffsets(gk.config.applicationId()).partitionsToOffsetAndMetadata().get()
          .get(new TopicPartition(gk.config.topics().settings(), 0));
      return o == null ? 0 : o.offset();
    }
  }

  private static String contributionId(int i) {
    return "large-" + i;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The org's contributions, decisions and receipts at one isolation level, in bit sets (a million ids). */
  private static final class Outputs implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final String contributions;
    private final String decisions;
    private final WireSerde<ContributionDecision> decisionSerde;
    private final WireSerde<RevocationReceipt> receiptSerde;
    final BitSet live = new BitSet(N);
    final BitSet revoked = new BitSet(N);
    final List<RevocationReceipt> receipts = new ArrayList<>();
    long tombstones;
    long revokedDecisions;

    Outputs(Properties client, RealGatekeeper gk, String isolation) {
      Properties p = new Properties();
      p.putAll(client);
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
      p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20000");
      this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      this.contributions = gk.config.topics().contributions();
      this.decisions = gk.config.topics().decisions();
      GatekeeperSerdes serdes = new GatekeeperSerdes();
      this.decisionSerde = serdes.decision;
      this.receiptSerde = serdes.receipt;
      for (String topic : List.of(contributions, decisions, gk.config.topics().receipts())) {
        partitions.add(new TopicPartition(topic, 0));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    Outputs poll() {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.topic().equals(contributions)) {
          int i = index(new String(r.key(), StandardCharsets.UTF_8));
          live.set(i, r.value() != null);
          if (r.value() == null) {
            tombstones++;
          }
        } else if (r.topic().equals(decisions)) {
          ContributionDecision d = decisionSerde.decode(r.value());
          if (d.getOutcome() == Outcome.REVOKED) {
            revokedDecisions++;
            revoked.set(index(d.getContributionId()));
          }
        } else {
          receipts.add(receiptSerde.decode(r.value()));
        }
      }
      return this;
    }

    void readToEnd() {
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await("read to the end of the log").atMost(WAIT)
          .until(() -> poll() != null && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue()));
    }

    private static int index(String contributionId) {
      return Integer.parseInt(contributionId.substring("large-".length()));
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
