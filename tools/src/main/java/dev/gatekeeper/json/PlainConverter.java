package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.apache.avro.util.Utf8;

/**
 * Avro {@code null}, {@code boolean}, {@code string} and {@code bytes}.
 *
 * <p>Strings accept only JSON strings: a number where a string is expected is a producer bug worth
 * reporting, not something to coerce. Which Java string type a generated class wants depends on
 * the {@code avro.java.string} property the compiler wrote into the schema: {@code String} and
 * the default {@code CharSequence} both take a {@link String}; {@code Utf8} needs {@link Utf8}.
 * Bytes are standard base64 strings (defaults arrive as binary nodes, which are taken as is).
 */
enum PlainConverter implements Converter {
  NULL("null") {
    @Override
    public Object read(JsonNode json) {
      if (!json.isNull()) {
        throw ConversionFailure.mismatch(expected(), json);
      }
      return null;
    }

    @Override
    public JsonNode write(Object value) {
      return NODES.nullNode();
    }

    @Override
    public boolean accepts(JsonNode json) {
      return json.isNull();
    }

    @Override
    public boolean owns(Object value) {
      return value == null;
    }
  },

  BOOLEAN("a boolean") {
    @Override
    public Object read(JsonNode json) {
      if (!json.isBoolean()) {
        throw ConversionFailure.mismatch(expected(), json);
      }
      return json.booleanValue();
    }

    @Override
    public JsonNode write(Object value) {
      return NODES.booleanNode((Boolean) value);
    }

    @Override
    public boolean accepts(JsonNode json) {
      return json.isBoolean();
    }

    @Override
    public boolean owns(Object value) {
      return value instanceof Boolean;
    }
  },

  STRING("a string") {
    @Override
    public Object read(JsonNode json) {
      return text(json);
    }
  },

  UTF8_STRING("a string") {
    @Override
    public Object read(JsonNode json) {
      return new Utf8(text(json));
    }
  },

  BYTES("a base64 string") {
    @Override
    public Object read(JsonNode json) {
      if (json.isBinary()) {
        return ByteBuffer.wrap(((BinaryNode) json).binaryValue());
      }
      if (!json.isTextual()) {
        throw ConversionFailure.mismatch(expected(), json);
      }
      try {
        return ByteBuffer.wrap(Base64.getDecoder().decode(json.textValue()));
      } catch (IllegalArgumentException e) {
        // The decoder's message quotes the bad character, so it is dropped.
        throw ConversionFailure.of("not valid base64");
      }
    }

    @Override
    public JsonNode write(Object value) {
      // A duplicate, so the record's buffer position is left alone.
      ByteBuffer buffer = ((ByteBuffer) value).duplicate();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }

    @Override
    public boolean accepts(JsonNode json) {
      return json.isTextual() || json.isBinary();
    }

    @Override
    public boolean owns(Object value) {
      return value instanceof ByteBuffer;
    }
  };

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String expected;

  PlainConverter(String expected) {
    this.expected = expected;
  }

  /** Strings, unless overridden: written from any {@link CharSequence}. */
  @Override
  public JsonNode write(Object value) {
    return NODES.textNode(value.toString());
  }

  @Override
  public boolean accepts(JsonNode json) {
    return json.isTextual();
  }

  @Override
  public boolean owns(Object value) {
    return value instanceof CharSequence;
  }

  @Override
  public String expected() {
    return expected;
  }

  /** The string converter for a schema compiled with the given {@code avro.java.string}. */
  static PlainConverter forStringType(String javaStringType) {
    return "Utf8".equals(javaStringType) ? UTF8_STRING : STRING;
  }

  private static String text(JsonNode json) {
    if (!json.isTextual()) {
      throw ConversionFailure.mismatch("a string", json);
    }
    return json.textValue();
  }
}
