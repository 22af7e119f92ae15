package dev.gatekeeper.it;

import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.topology.GatekeeperSerdes;
import dev.gatekeeper.topology.TopicCatalog;
import dev.gatekeeper.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What a {@code read_committed} consumer sees on the gatekeeper's outputs, accumulated. */
final class CommittedOutputs implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final TopicNames topics;
  private final WireSerde<ContributionDecision> decisionSerde;
  final List<ContributionDecision> decisions = new ArrayList<>();
  final Map<String, Boolean> contributionLive = new HashMap<>();
  final List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
  private final WireSerde<ContributionAggregate> aggregateSerde;
  private final WireSerde<RevocationReceipt> receiptSerde;
  private final List<TopicPartition> assigned = new ArrayList<>();
  /** Revocation receipts, in order. */
  final List<RevocationReceipt> receipts = new ArrayList<>();
  /** Every contribution record as written, tombstones included. */
  final List<ConsumerRecord<byte[], byte[]>> contributionRecords = new ArrayList<>();
  /** Published buckets by key, tombstones applied; every aggregate record is also kept in order. */
  final Map<String, ContributionAggregate> aggregates = new HashMap<>();
  final List<ContributionAggregate> aggregateRecords = new ArrayList<>();
  long tombstones;

  /** Reading single-object records only (no registry). */
  CommittedOutputs(Properties client, TopicNames topics) {
    this(client, topics, new GatekeeperSerdes());
  }

  /** Reading with the serdes of {@code catalog}: both wire formats when it has a registry. */
  CommittedOutputs(Properties client, TopicCatalog catalog) {
    this(client, catalog.names(), catalog.serdes());
  }

  private CommittedOutputs(Properties client, TopicNames topics, GatekeeperSerdes serdes) {
    this.decisionSerde = serdes.decision;
    this.aggregateSerde = serdes.aggregate;
    this.receiptSerde = serdes.receipt;
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.topics = topics;
    List<TopicPartition> all = new ArrayList<>();
    for (String t : List.of(topics.decisions(), topics.contributions(), topics.deadLetters(), topics.aggregates(), topics.receipts())) {
      consumer.partitionsFor(t, Duration.ofSeconds(10)).forEach(i -> all.add(new TopicPartition(t, i.partition())));
    }
    assigned.addAll(all);
    consumer.assign(all);
    consumer.seekToBeginning(all);
  }

  /** Reads what has been committed since the last call; returns this for chaining in waits. */
  CommittedOutputs poll() {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      if (r.topic().equals(topics.decisions())) {
        decisions.add(decisionSerde.decode(r.value()));
      } else if (r.topic().equals(topics.contributions())) {
        contributionRecords.add(r);
        contributionLive.put(new String(r.key(), StandardCharsets.UTF_8), r.value() != null);
        if (r.value() == null) {
          tombstones++;
        }
      } else if (r.topic().equals(topics.receipts())) {
        receipts.add(receiptSerde.decode(r.value()));
      } else if (r.topic().equals(topics.aggregates())) {
        String key = new String(r.key(), StandardCharsets.UTF_8);
        ContributionAggregate a = r.value() == null ? null : aggregateSerde.decode(r.value());
        aggregateRecords.add(a);
        if (a == null) {
          aggregates.remove(key);
        } else {
          aggregates.put(key, a);
        }
      } else {
        deadLetters.add(r);
      }
    }
    return this;
  }

  /**
   * Whether everything committed so far has been read: a transaction's records are then all seen,
   * not only those of the first poll.
   */
  boolean caughtUp() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(10));
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  long eventDecisions() {
    return decisions.stream().filter(d -> d.getOutcome() != Outcome.REVOKED).count();
  }

  List<String> liveContributionIds() {
    return contributionLive.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
