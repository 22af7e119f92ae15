package dev.gatekeeper.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.json.PlainJsonException;
import dev.gatekeeper.topology.Topic;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends JSON lines in the replay format to Kafka as Avro records (idempotent, acks=all). Each
 * line goes to its own {@code topic}, or to the override; the record type and serde are the
 * catalog topic's. A line that is not valid stops the run with its line number, before anything after it is
 * sent.
 */
public final class JsonLinesProducer implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final KafkaProducer<byte[], byte[]> producer;
  private final TopicCatalog catalog;

  /** A line that cannot be sent; the message names the line and never quotes its values. */
  public static final class BadLine extends Exception {
    BadLine(int line, String problem) {
      super("line " + line + ": " + problem);
    }
  }

  public JsonLinesProducer(Properties clientProperties, TopicCatalog catalog) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.catalog = catalog;
  }

  /**
   * @param topicOverride send every line here instead of to its own topic, or null
   * @return the number of records sent
   */
  public long send(BufferedReader in, String topicOverride) throws IOException, BadLine {
    long sent = 0;
    int number = 0;
    String text;
    while ((text = in.readLine()) != null) {
      number++;
      if (!text.isBlank()) {
        producer.send(record(number, text, topicOverride));
        sent++;
      }
    }
    producer.flush();
    return sent;
  }

  private ProducerRecord<byte[], byte[]> record(int number, String text, String topicOverride) throws BadLine {
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (IOException e) {
      throw new BadLine(number, "not JSON");
    }
    String topic = topicOverride != null ? topicOverride : node.path("topic").asText(null);
    if (topic == null) {
      throw new BadLine(number, "no \"topic\" and no --topic");
    }
    Topic<?, ?> target;
    try {
      target = catalog.topic(topic);
    } catch (IllegalArgumentException e) {
      throw new BadLine(number, e.getMessage());
    }
    if (!target.carriesRecords()) {
      throw new BadLine(number, "the dead-letter topic is written by the gatekeeper, not produced to");
    }
    Long timestamp = null;
    if (node.hasNonNull("timestamp")) {
      try {
        timestamp = Instant.parse(node.get("timestamp").asText()).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new BadLine(number, "\"timestamp\" is not an ISO-8601 instant");
      }
    }
    JsonNode key = node.get("key");
    byte[] keyBytes = key == null || key.isNull() ? null : key.asText().getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, null, timestamp, keyBytes, value(number, node.get("value"), target));
  }

  private static byte[] value(int number, JsonNode value, Topic<?, ?> topic) throws BadLine {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return TopicValues.encode(topic, value);
    } catch (PlainJsonException e) {
      throw new BadLine(number, "not a valid " + topic.valueClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
