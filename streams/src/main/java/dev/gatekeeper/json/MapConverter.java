package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Avro map, as a JSON object; a new mutable {@link LinkedHashMap} per read, so key order
 * survives a round trip.
 *
 * <p>Errors name an entry by position ({@code attributes{2}}), never by key: keys are data too.
 */
final class MapConverter implements Converter {
  private final Converter values;

  /** @param values converter of the map's values */
  MapConverter(Converter values) {
    this.values = values;
  }

  @Override
  public Object read(JsonNode json) {
    if (!json.isObject()) {
      throw ConversionFailure.mismatch("an object (map)", json);
    }
    // Capacity for the default load factor, so the map never rehashes while filling.
    Map<String, Object> map = new LinkedHashMap<>(json.size() * 4 / 3 + 1);
    int position = 0;
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      try {
        map.put(entry.getKey(), values.read(entry.getValue()));
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
}
