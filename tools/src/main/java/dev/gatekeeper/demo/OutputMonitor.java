package dev.gatekeeper.demo;

import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.topology.TopicCatalog;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches what the gatekeeper commits, as an ML pipeline would ({@code read_committed}): the
 * decisions by outcome and reason, the live contribution keys (tombstones applied), and dead
 * letters. Not thread-safe: one thread polls, and reads its {@link Snapshot}s.
 */
public final class OutputMonitor implements AutoCloseable {

  /** Counts so far. */
  public record Snapshot(long decisions, long contributed, long dropped, long revoked, long live, long deadLetters,
      Map<String, Long> byReason, long bucketsPublished, long smallestPublishedBucket, long receipts) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final TopicCatalog topics;
  private final WireSerde<ContributionDecision> decisions;
  private final Set<String> live = new HashSet<>();
  private final Map<String, Long> byReason = new TreeMap<>();
  private long decided;
  private long contributed;
  private long dropped;
  private long revoked;
  private long deadLetters;
  private final WireSerde<ContributionAggregate> aggregates;
  private final Map<String, Long> published = new java.util.HashMap<>();
  private long receipts;

  public OutputMonitor(Properties clientProperties, TopicCatalog topics) {
    this.decisions = topics.serdes().decision;
    this.aggregates = topics.serdes().aggregate;
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.topics = topics;
    List<TopicPartition> partitions = new java.util.ArrayList<>();
    for (String t : List.of(topics.decisions().name(), topics.contributions().name(), topics.deadLetters().name(), topics.aggregates().name(), topics.receipts().name())) {
      consumer.partitionsFor(t, Duration.ofSeconds(15)).forEach(i -> partitions.add(new TopicPartition(t, i.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls once and folds what arrived into the counts. */
  public void poll(Duration timeout) {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
      if (r.topic().equals(topics.contributions().name())) {
        String key = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
        if (r.value() == null) {
          live.remove(key);
        } else {
          live.add(key);
        }
      } else if (r.topic().equals(topics.decisions().name())) {
        ContributionDecision d = decisions.decode(r.value());
        decided++;
        if (d.getOutcome() == Outcome.CONTRIBUTED) {
          contributed++;
        } else if (d.getOutcome() == Outcome.DROPPED) {
          dropped++;
          byReason.merge(d.getReason(), 1L, Long::sum);
        } else {
          revoked++;
          byReason.merge("revoked:" + d.getReason(), 1L, Long::sum);
        }
      } else if (r.topic().equals(topics.aggregates().name())) {
        String key = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
        if (r.value() == null) {
          published.remove(key);
        } else {
          published.put(key, aggregates.decode(r.value()).getDistinctOrgs());
        }
      } else if (r.topic().equals(topics.receipts().name())) {
        receipts++;
      } else {
        deadLetters++;
      }
    }
  }

  public Snapshot snapshot() {
    long smallest = published.values().stream().mapToLong(Long::longValue).min().orElse(0);
    return new Snapshot(decided, contributed, dropped, revoked, live.size(), deadLetters, new TreeMap<>(byReason),
        published.size(), smallest, receipts);
  }

  /** The decisions about events (not revocations) seen so far. */
  public long eventDecisions() {
    return contributed + dropped;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
