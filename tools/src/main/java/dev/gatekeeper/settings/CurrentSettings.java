package dev.gatekeeper.settings;

import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.serde.WireSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads an org's current settings record from the compacted settings topic: the last committed
 * record with the org's key, in the partition the default partitioner puts that key in (the one
 * every producer of settings must use, since the gatekeeper joins events and settings by
 * partition).
 */
public final class CurrentSettings {
  /** What the topic holds for an org. */
  public sealed interface Found permits Found.Record, Found.Deleted, Found.Never {
    /** A settings record, at its partition and offset. */
    record Record(OrgSettings settings, int partition, long offset) implements Found {}

    /** A tombstone: the org was deleted. */
    record Deleted(int partition, long offset) implements Found {}

    /** No record with the org's key. */
    record Never() implements Found {}
  }

  private final Properties client;
  private final String topic;
  private final WireSerde<OrgSettings> serde;
  private final Duration timeout;

  public CurrentSettings(Properties clientProperties, String topic, WireSerde<OrgSettings> serde, Duration timeout) {
    this.client = clientProperties;
    this.topic = topic;
    this.serde = serde;
    this.timeout = timeout;
  }

  /**
   * What the topic holds for {@code orgId} now.
   *
   * @throws IllegalArgumentException when the topic does not exist
   * @throws org.apache.kafka.common.errors.SerializationException when the org's latest record does
   *     not decode
   */
  public Found of(String orgId) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    byte[] key = orgId.getBytes(StandardCharsets.UTF_8);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
      if (partitions == null || partitions.isEmpty()) {
        throw new IllegalArgumentException("topic " + topic + " does not exist; check topics.org-settings and bootstrap.servers");
      }
      TopicPartition tp = new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions.size());
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
      ConsumerRecord<byte[], byte[]> latest = null;
      long deadline = System.nanoTime() + timeout.toNanos();
      while (consumer.position(tp, timeout) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + tp + " took longer than " + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() != null && Arrays.equals(r.key(), key)) {
            latest = r;
          }
        }
      }
      if (latest == null) {
        return new Found.Never();
      }
      if (latest.value() == null) {
        return new Found.Deleted(latest.partition(), latest.offset());
      }
      return new Found.Record(serde.decode(latest.value()), latest.partition(), latest.offset());
    }
  }

  /** The settings record found, if it is one. */
  public static Optional<OrgSettings> settings(Found found) {
    return found instanceof Found.Record r ? Optional.of(r.settings()) : Optional.empty();
  }
}
