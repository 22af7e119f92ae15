package dev.gatekeeper.io;

import dev.gatekeeper.serde.AvroSerde;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints a topic as JSON lines in the replay format, reading only committed transactions
 * ({@code read_committed}) and without a consumer group (it assigns every partition itself, so
 * it commits nothing and disturbs no one). Tombstones print as {@code "value":null}; a value
 * that does not decode prints with an {@code "error"} and no payload.
 */
public final class JsonLinesConsumer implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final RecordLines lines = new RecordLines();
  private final String topic;
  private final AvroSerde<? extends SpecificRecord> serde;

  public JsonLinesConsumer(Properties clientProperties, TopicRoles roles, String topic, boolean fromBeginning) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    Optional<Class<? extends SpecificRecord>> type = roles.recordType(topic);
    this.serde = type.<AvroSerde<? extends SpecificRecord>>map(AvroSerde::of).orElse(null);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    if (partitions.isEmpty()) {
      throw new IllegalArgumentException("topic '" + topic + "' does not exist");
    }
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
    }
  }

  /**
   * Prints records until {@code idleTimeout} passes without one (null: until {@code stop} says
   * so), or {@code max} records were printed.
   *
   * @return the number of records printed
   */
  public long print(PrintWriter out, Duration idleTimeout, long max, BooleanSupplier stop) {
    long printed = 0;
    long idleSince = System.nanoTime();
    while (!stop.getAsBoolean() && printed < max) {
      var records = consumer.poll(Duration.ofMillis(200));
      if (records.isEmpty()) {
        if (idleTimeout != null && System.nanoTime() - idleSince > idleTimeout.toNanos()) {
          break;
        }
        continue;
      }
      idleSince = System.nanoTime();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        out.println(line(r));
        if (++printed >= max) {
          break;
        }
      }
      out.flush();
    }
    out.flush();
    return printed;
  }

  private String line(ConsumerRecord<byte[], byte[]> r) {
    if (serde == null) {
      return lines.raw(topic, r.key(), r.timestamp(), r.value(), r.headers()).toString();
    }
    String key = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      return lines.of(topic, key, r.timestamp(), serde.decode(r.value())).toString();
    } catch (SerializationException e) {
      var node = lines.of(topic, key, r.timestamp(), null);
      node.put("error", e.getMessage());
      return node.toString();
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
