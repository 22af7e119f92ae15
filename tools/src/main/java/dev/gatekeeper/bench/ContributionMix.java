package dev.gatekeeper.bench;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.serde.WireSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many contribution records of each data type a topic holds up to given end offsets: what
 * turns a cost per event into a cost per contributed (metadata) record.
 */
final class ContributionMix {
  long metadata;
  long inApp;

  static ContributionMix read(Properties client, Map<TopicPartition, Long> ends, WireSerde<Contribution> serde) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    ContributionMix mix = new ContributionMix();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(ends.keySet());
      consumer.seekToBeginning(ends.keySet());
      Map<TopicPartition, Long> remaining = new HashMap<>(ends);
      remaining.values().removeIf(end -> end == 0);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!remaining.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() != null) {
            if (serde.decode(r.value()).getDataType() == DataType.METADATA) {
              mix.metadata++;
            } else {
              mix.inApp++;
            }
          }
        }
        remaining.keySet().removeIf(tp -> consumer.position(tp) >= remaining.get(tp));
      }
    }
    return mix;
  }
}
