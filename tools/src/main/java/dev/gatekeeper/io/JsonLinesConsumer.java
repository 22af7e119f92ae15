package dev.gatekeeper.io;

import dev.gatekeeper.topology.Topic;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
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
  private final Topic<?, ?> source;

  /**
   * @throws IllegalArgumentException when {@code topic} is none of the catalog's or does not exist
   */
  public JsonLinesConsumer(Properties clientProperties, TopicCatalog catalog, String topic, boolean fromBeginning) {
    this.source = catalog.topic(topic);
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
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
    String topic = source.name();
    if (!source.carriesRecords()) {
      return lines.raw(topic, r.key(), r.timestamp(), r.value(), r.headers()).toString();
    }
    String key = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      return lines.of(topic, key, r.timestamp(), TopicValues.decode(source, r.value())).toString();
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
