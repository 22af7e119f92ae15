package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * Turns a field default, as {@link Schema.Field#defaultVal()} returns it, back into JSON.
 *
 * <p>Keeping defaults as JSON and converting them like input on each use is what guarantees that
 * records never share a mutable default, and it reuses the one set of conversion rules. Avro
 * hands over defaults typed by the field's schema, so only the Java types of the supported shapes
 * arrive here (a long default is a {@link Long}, an enum or string one a {@link CharSequence}).
 */
final class DefaultValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DefaultValues() {}

  /**
   * @param field a schema field
   * @return its default as JSON, or {@code null} if it has none
   */
  static JsonNode of(Schema.Field field) {
    return field.hasDefaultValue() ? toJson(field.defaultVal()) : null;
  }

  private static JsonNode toJson(Object value) {
    if (value == null || value == JsonProperties.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof Map) {
      ObjectNode object = NODES.objectNode();
      ((Map<?, ?>) value).forEach((key, item) -> object.set(key.toString(), toJson(item)));
      return object;
    }
    if (value instanceof Collection) {
      ArrayNode array = NODES.arrayNode();
      ((Collection<?>) value).forEach(item -> array.add(toJson(item)));
      return array;
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof Long) {
      return NODES.numberNode((Long) value);
    }
    if (value instanceof CharSequence) {
      return NODES.textNode(value.toString());
    }
    throw new IllegalArgumentException("unsupported default of type " + value.getClass().getName());
  }
}
