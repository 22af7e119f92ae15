package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * An Avro union {@code ["null", X]}, written bare: JSON null is null, anything else is read by X
 * (not Avro's {@code {"string": "x"}} tagging). X reports a mismatch in its own terms, so a wrong
 * value in an optional field reads like one in a required field.
 *
 * @param branch converter of X, the non-null branch
 */
record NullableConverter(Converter branch) implements Converter {

  @Override
  public Object read(JsonNode json) {
    return json.isNull() ? null : branch.read(json);
  }

  @Override
  public void check(JsonNode json, ProblemCollector found) {
    if (!json.isNull()) {
      branch.check(json, found);
    }
  }

  @Override
  public JsonNode write(Object value) {
    return value == null ? JsonNodeFactory.instance.nullNode() : branch.write(value);
  }
}
