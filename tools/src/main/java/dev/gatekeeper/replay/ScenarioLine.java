package dev.gatekeeper.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One line of a replay scenario (CONTRACT.md "Replay format"): the topic, key, record timestamp
 * and plain-JSON value of one input record.
 *
 * @param value JSON null for a tombstone
 */
record ScenarioLine(int number, String topic, String key, long timestamp, JsonNode value) {

  /**
   * @throws ScenarioException naming the line and what is wrong with its shape
   */
  static ScenarioLine parse(ObjectMapper json, int number, String text) throws ScenarioException {
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (Exception e) {
      throw new ScenarioException(number, "not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new ScenarioException(number, "not a JSON object");
    }
    JsonNode topic = node.get("topic");
    if (topic == null || !topic.isTextual()) {
      throw new ScenarioException(number, "\"topic\" must be a string");
    }
    JsonNode key = node.get("key");
    if (key != null && !key.isNull() && !key.isTextual()) {
      throw new ScenarioException(number, "\"key\" must be a string or null");
    }
    JsonNode ts = node.get("timestamp");
    if (ts == null || !ts.isTextual()) {
      throw new ScenarioException(number, "\"timestamp\" must be an ISO-8601 instant");
    }
    long timestamp;
    try {
      timestamp = Instant.parse(ts.asText()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new ScenarioException(number, "\"timestamp\" must be an ISO-8601 instant");
    }
    if (!node.has("value")) {
      throw new ScenarioException(number, "\"value\" is missing (use null for a tombstone)");
    }
    return new ScenarioLine(
        number, topic.asText(), key == null || key.isNull() ? null : key.asText(), timestamp, node.get("value"));
  }
}
