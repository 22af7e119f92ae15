package dev.gatekeeper.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatekeeper.json.PlainJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One output record as a JSON line in the replay format: {@code topic}, {@code key}, ISO-8601
 * {@code timestamp}, plain-JSON {@code value} (null for a tombstone); raw records (dead letters)
 * carry their bytes as UTF-8 text and their headers.
 */
public final class RecordLines {
  private final ObjectMapper json = new ObjectMapper();

  public ObjectNode of(String topic, String key, long timestamp, SpecificRecord value) {
    ObjectNode node = json.createObjectNode();
    node.put("topic", topic);
    node.put("key", key);
    node.put("timestamp", Instant.ofEpochMilli(timestamp).toString());
    node.set("value", value == null ? null : PlainJson.toJson(value));
    return node;
  }

  public ObjectNode raw(String topic, byte[] key, long timestamp, byte[] value, Headers headers) {
    ObjectNode node = of(topic, key == null ? null : new String(key, StandardCharsets.UTF_8), timestamp, null);
    if (value != null) {
      node.put("value", new String(value, StandardCharsets.UTF_8));
    }
    ObjectNode h = node.putObject("headers");
    for (Header header : headers) {
      h.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    return node;
  }
}
