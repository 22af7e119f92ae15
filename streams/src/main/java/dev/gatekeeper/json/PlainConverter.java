package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Avro {@code boolean}, {@code long} and {@code string}.
 *
 * <p>Each accepts only its own JSON type: a number where a string is expected is a producer bug
 * worth reporting, not something to coerce. Longs take only integral numbers ({@code 1.0} and
 * {@code 1e3} are rejected, so a fractional value is never silently truncated) and are
 * range-checked. Strings are read as {@link String}, which is what the schemas module generates.
 */
enum PlainConverter implements Converter {
  BOOLEAN {
    @Override
    public Object read(JsonNode json) {
      if (!json.isBoolean()) {
        throw ConversionFailure.mismatch("a boolean", json);
      }
      return json.booleanValue();
    }

    @Override
    public JsonNode write(Object value) {
      return NODES.booleanNode((Boolean) value);
    }
  },

  LONG {
    @Override
    public Object read(JsonNode json) {
      if (!json.isIntegralNumber()) {
        throw ConversionFailure.mismatch("an integer", json);
      }
      if (!json.canConvertToLong()) {
        throw ConversionFailure.of("integer out of range for long");
      }
      return json.longValue();
    }

    @Override
    public JsonNode write(Object value) {
      return NODES.numberNode((Long) value);
    }
  },

  STRING {
    @Override
    public Object read(JsonNode json) {
      if (!json.isTextual()) {
        throw ConversionFailure.mismatch("a string", json);
      }
      return json.textValue();
    }

    @Override
    public JsonNode write(Object value) {
      return NODES.textNode(value.toString());
    }
  };

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
}
