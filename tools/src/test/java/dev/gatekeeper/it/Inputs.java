package dev.gatekeeper.it;

import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.serde.AvroSerde;
import dev.gatekeeper.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends settings, events and raw bytes to the gatekeeper's input topics, as upstream apps do. */
final class Inputs implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final TopicNames topics;
  private final AvroSerde<DataEvent> events = AvroSerde.of(DataEvent.class);
  private final AvroSerde<OrgSettings> settings = AvroSerde.of(OrgSettings.class);

  Inputs(Properties client, TopicNames topics) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.topics = topics;
  }

  void settings(OrgSettings s) {
    send(topics.settings(), s.getOrgId(), s.getUpdatedAt().toEpochMilli(), settings.encode(s));
  }

  void event(DataEvent e) {
    send(topics.inputTopics().get(0), e.getOrgId(), e.getOccurredAt().toEpochMilli(), events.encode(e));
  }

  void rawSettings(String key, byte[] value, long timestamp) {
    send(topics.settings(), key, timestamp, value);
  }

  void rawEvent(String key, byte[] value, long timestamp) {
    send(topics.inputTopics().get(0), key, timestamp, value);
  }

  /** Settings in {@code partition}, wherever the default partitioner would put their key. */
  void settingsIn(int partition, OrgSettings s) {
    producer.send(new ProducerRecord<>(topics.settings(), partition, s.getUpdatedAt().toEpochMilli(),
        s.getOrgId().getBytes(StandardCharsets.UTF_8), settings.encode(s)));
  }

  /** An event in {@code partition}, wherever the default partitioner would put its key. */
  void eventIn(int partition, DataEvent e) {
    producer.send(new ProducerRecord<>(topics.inputTopics().get(0), partition, e.getOccurredAt().toEpochMilli(),
        e.getOrgId().getBytes(StandardCharsets.UTF_8), events.encode(e)));
  }

  private void send(String topic, String key, long timestamp, byte[] value) {
    producer.send(new ProducerRecord<>(topic, null, timestamp, key.getBytes(StandardCharsets.UTF_8), value));
  }

  void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
