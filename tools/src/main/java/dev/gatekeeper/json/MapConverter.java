package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.util.Utf8;

/**
 * An Avro map, as a JSON object; a new mutable {@link LinkedHashMap} per read, so key order
 * survives a round trip.
 *
 * <p>Errors name an entry by position ({@code attributes{2}}), never by key: keys are data too.
 */
final class MapConverter implements Converter {
  private final Converter values;
  private final boolean utf8Keys;

  /**
   * @param values converter of the map's values
   * @param utf8Keys whether the generated class wants {@link Utf8} keys rather than strings
   */
  MapConverter(Converter values, boolean utf8Keys) {
    this.values = values;
    this.utf8Keys = utf8Keys;
  }

  @Override
  public Object read(JsonNode json) {
    if (!json.isObject()) {
      throw ConversionFailure.mismatch(expected(), json);
    }
    // Capacity for the default load factor, so the map never rehashes while filling.
    Map<Object, Object> map = new LinkedHashMap<>(json.size() * 4 / 3 + 1);
    int position = 0;
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      Object key = utf8Keys ? new Utf8(entry.getKey()) : entry.getKey();
      try {
        map.put(key, values.read(entry.getValue()));
      } catch (ConversionFailure failure) {
        throw failure.atEntry(position);
      }
      position++;
    }
    return map;
  }

  @Override
  public JsonNode write(Object value) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      object.set(entry.getKey().toString(), values.write(entry.getValue()));
    }
    return object;
  }

  @Override
  public boolean accepts(JsonNode json) {
    return json.isObject();
  }

  @Override
  public boolean owns(Object value) {
    return value instanceof Map;
  }

  @Override
  public String expected() {
    return "an object (map)";
  }
}
