package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Avro {@code long} with logical type {@code timestamp-millis}, held as {@link Instant} as the
 * generated classes' models convert it.
 *
 * <p>Reads an ISO-8601 instant ({@code 2026-09-01T10:00:00Z}, or with an offset such as
 * {@code +02:00}) or an integral number of epoch milliseconds. A local date-time without zone or
 * offset is rejected rather than guessed. Precision below a millisecond is truncated, as the
 * generated setters do. Writes {@link Instant#toString()} in UTC at millisecond precision.
 */
enum TimestampMillisConverter implements Converter {
  INSTANCE;

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
      throw ConversionFailure.mismatch("an ISO-8601 instant or epoch milliseconds", json);
    }
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public JsonNode write(Object value) {
    // put() does not truncate as the setters do, so a record may hold finer precision.
    Instant instant = ((Instant) value).truncatedTo(ChronoUnit.MILLIS);
    return JsonNodeFactory.instance.textNode(instant.toString());
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
