package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Avro {@code int}, {@code long}, {@code float} and {@code double}.
 *
 * <p>Integers accept only integral JSON numbers ({@code 1.0} and {@code 1e3} are rejected, so a
 * fractional value is never silently truncated) and are range-checked. Floating-point types
 * accept any JSON number, plus the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}, which is how Jackson writes non-finite numbers by default; without them
 * {@link #write} output would not read back.
 */
enum NumberConverter implements Converter {
  INT("an integer") {
    @Override
    public Object read(JsonNode json) {
      requireIntegral(json);
      if (!json.canConvertToInt()) {
        throw ConversionFailure.of("integer out of range for int");
      }
      return json.intValue();
    }

    @Override
    public JsonNode write(Object value) {
      return NODES.numberNode((Integer) value);
    }

    @Override
    public boolean owns(Object value) {
      return value instanceof Integer;
    }
  },

  LONG("an integer") {
    @Override
    public Object read(JsonNode json) {
      requireIntegral(json);
      if (!json.canConvertToLong()) {
        throw ConversionFailure.of("integer out of range for long");
      }
      return json.longValue();
    }

    @Override
    public JsonNode write(Object value) {
      return NODES.numberNode((Long) value);
    }

    @Override
    public boolean owns(Object value) {
      return value instanceof Long;
    }
  },

  FLOAT("a number") {
    @Override
    public Object read(JsonNode json) {
      double wide = readDouble(json);
      float narrow = (float) wide;
      if (Float.isInfinite(narrow) && !Double.isInfinite(wide)) {
        throw ConversionFailure.of("number out of range for float");
      }
      return narrow;
    }

    @Override
    public JsonNode write(Object value) {
      return NODES.numberNode((Float) value);
    }

    @Override
    public boolean owns(Object value) {
      return value instanceof Float;
    }
  },

  DOUBLE("a number") {
    @Override
    public Object read(JsonNode json) {
      return readDouble(json);
    }

    @Override
    public JsonNode write(Object value) {
      return NODES.numberNode((Double) value);
    }

    @Override
    public boolean owns(Object value) {
      return value instanceof Double;
    }
  };

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String expected;

  NumberConverter(String expected) {
    this.expected = expected;
  }

  @Override
  public boolean accepts(JsonNode json) {
    if (this == INT || this == LONG) {
      return json.isIntegralNumber();
    }
    return json.isNumber() || isNonFinite(json);
  }

  @Override
  public String expected() {
    return expected;
  }

  private static void requireIntegral(JsonNode json) {
    if (!json.isIntegralNumber()) {
      throw ConversionFailure.mismatch("an integer", json);
    }
  }

  private static double readDouble(JsonNode json) {
    if (isNonFinite(json)) {
      return Double.parseDouble(json.textValue());
    }
    if (!json.isNumber()) {
      throw ConversionFailure.mismatch("a number", json);
    }
    double value = json.doubleValue();
    if (Double.isInfinite(value)) {
      // Only a huge BigInteger/BigDecimal literal can get here; finite JSON stays finite.
      throw ConversionFailure.of("number out of range for double");
    }
    return value;
  }

  private static boolean isNonFinite(JsonNode json) {
    if (!json.isTextual()) {
      return false;
    }
    String text = json.textValue();
    return "NaN".equals(text) || "Infinity".equals(text) || "-Infinity".equals(text);
  }
}
