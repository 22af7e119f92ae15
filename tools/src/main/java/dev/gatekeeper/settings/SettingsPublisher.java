package dev.gatekeeper.settings;

import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.topology.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes one settings record or an org's tombstone to the settings topic, keyed by org id
 * (the default partitioner, as the gatekeeper expects), idempotent with {@code acks=all}, and
 * waits for the broker's acknowledgement. A record's timestamp is its {@code updatedAt}, as
 * POLICY.md asks of every producer of settings.
 */
public final class SettingsPublisher {
  private final Properties client;
  private final Topic<String, OrgSettings> topic;
  private final Duration timeout;

  public SettingsPublisher(Properties clientProperties, Topic<String, OrgSettings> topic, Duration timeout) {
    this.client = clientProperties;
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * Publishes {@code settings} for {@code orgId}; returns where it was written.
   *
   * @throws TimeoutException when no acknowledgement came within the timeout: the record may or
   *     may not have been written
   */
  public RecordMetadata publish(String orgId, OrgSettings settings) throws TimeoutException, ExecutionException, InterruptedException {
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), settings);
    return send(orgId, value, settings.getUpdatedAt().toEpochMilli());
  }

  /** Publishes the org's tombstone, stamped {@code at}. */
  public RecordMetadata delete(String orgId, long at) throws TimeoutException, ExecutionException, InterruptedException {
    return send(orgId, null, at);
  }

  private RecordMetadata send(String orgId, byte[] value, long timestamp)
      throws TimeoutException, ExecutionException, InterruptedException {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    try {
      return producer
          .send(new ProducerRecord<>(topic.name(), null, timestamp, orgId.getBytes(StandardCharsets.UTF_8), value))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
