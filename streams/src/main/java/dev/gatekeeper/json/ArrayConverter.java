package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An Avro array, as a JSON array; a new mutable {@link ArrayList} per read. */
final class ArrayConverter implements Converter {
  private final Converter items;

  ArrayConverter(Converter items) {
    this.items = items;
  }

  @Override
  public Object read(JsonNode json) {
    if (!json.isArray()) {
      throw ConversionFailure.mismatch("an array", json);
    }
    List<Object> list = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      try {
        list.add(items.read(json.get(i)));
      } catch (ConversionFailure failure) {
        throw failure.atIndex(i);
      }
    }
    return list;
  }

  @Override
  public void check(JsonNode json, ProblemCollector found) {
    if (!json.isArray()) {
      found.add(ConversionFailure.mismatch("an array", json));
      return;
    }
    for (int i = 0; i < json.size(); i++) {
      found.enter("[" + i + "]");
      items.check(json.get(i), found);
      found.leave();
    }
  }

  @Override
  public JsonNode write(Object value) {
    Collection<?> elements = (Collection<?>) value;
    ArrayNode array = JsonNodeFactory.instance.arrayNode(elements.size());
    for (Object element : elements) {
      array.add(items.write(element));
    }
    return array;
  }
}
