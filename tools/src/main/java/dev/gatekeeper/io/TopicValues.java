package dev.gatekeeper.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.json.PlainJsonException;
import dev.gatekeeper.topology.Topic;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain-JSON values to and from a catalog topic's bytes, with the topic's own value class and
 * serde, so that a line meant for one topic is never encoded as another topic's record.
 */
public final class TopicValues {
  private TopicValues() {}

  /**
   * The bytes {@code topic} carries for a plain-JSON value.
   *
   * @throws PlainJsonException when the value is not a valid record of the topic's class
   * @throws IllegalArgumentException when the topic carries raw bytes (the dead letters)
   */
  public static <V> byte[] encode(Topic<?, V> topic, JsonNode value) throws PlainJsonException {
    V record = topic.valueClass().cast(PlainJson.fromJson(value, recordClass(topic)));
    return topic.valueSerde().serializer().serialize(topic.name(), record);
  }

  /**
   * The record {@code topic} carries in {@code bytes}; null for a tombstone.
   *
   * @throws org.apache.kafka.common.errors.SerializationException when the bytes do not decode
   * @throws IllegalArgumentException when the topic carries raw bytes (the dead letters)
   */
  public static SpecificRecord decode(Topic<?, ?> topic, byte[] bytes) {
    recordClass(topic);
    return (SpecificRecord) topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
  }

  private static Class<? extends SpecificRecord> recordClass(Topic<?, ?> topic) {
    if (!topic.carriesRecords()) {
      throw new IllegalArgumentException("topic '" + topic.name() + "' carries raw bytes, not records");
    }
    return topic.valueClass().asSubclass(SpecificRecord.class);
  }
}
