package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Avro {@code long} with logical type {@code timestamp-millis}.
 *
 * <p>Reads an ISO-8601 instant ({@code 2026-09-01T10:00:00Z}, or with an offset such as
 * {@code +02:00}) or an integral number of epoch milliseconds. A local date-time without zone or
 * offset is rejected rather than guessed. Precision below a millisecond is truncated, as the
 * generated setters do. Writes {@link Instant#toString()} in UTC at millisecond precision.
 *
 * <p>Whether the generated class holds {@link Instant} or a plain {@link Long} depends on whether
 * its model registers the timestamp conversion, so that is decided per class by the compiler.
 */
final class TimestampMillisConverter implements Converter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final boolean asInstant;

  /** @param asInstant whether the generated class stores {@link Instant} rather than millis */
  TimestampMillisConverter(boolean asInstant) {
    this.asInstant = asInstant;
  }

  @Override
  public Object read(JsonNode json) {
    long millis;
    if (json.isTextual()) {
      millis = parseIso(json.textValue());
    } else if (json.isIntegralNumber()) {
      if (!json.canConvertToLong()) {
        throw ConversionFailure.of("epoch milliseconds out of range for long");
      }
      millis = json.longValue();
    } else {
      throw ConversionFailure.mismatch(expected(), json);
    }
    return asInstant ? Instant.ofEpochMilli(millis) : Long.valueOf(millis);
  }

  @Override
  public JsonNode write(Object value) {
    Instant instant = value instanceof Instant
        ? ((Instant) value).truncatedTo(ChronoUnit.MILLIS)
        : Instant.ofEpochMilli(((Long) value).longValue());
    return NODES.textNode(instant.toString());
  }

  @Override
  public boolean accepts(JsonNode json) {
    return json.isTextual() || json.isIntegralNumber();
  }

  @Override
  public boolean owns(Object value) {
    return value instanceof Instant || value instanceof Long;
  }

  @Override
  public String expected() {
    return "an ISO-8601 instant or epoch milliseconds";
  }

  private static long parseIso(String text) {
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeException notInstant) {
      try {
        // Some JDKs' ISO_INSTANT parser only takes 'Z'; offsets are explicitly allowed here.
        instant = OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeException notOffset) {
        // The parser's message quotes the text, so it is not passed on.
        throw ConversionFailure.of("not an ISO-8601 instant");
      }
    }
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException tooFar) {
      throw ConversionFailure.of("instant out of range for timestamp-millis");
    }
  }
}
