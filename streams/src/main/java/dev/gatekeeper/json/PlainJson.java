package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * Converts between "plain JSON" and Avro generated (specific) records, for replay scenarios and
 * the operator CLI.
 *
 * <p>Plain JSON is what a person would write, not Avro's JSON encoding: records are objects,
 * enums are their symbol strings, {@code timestamp-millis} fields are ISO-8601 instants, optional
 * ({@code ["null", X]}) fields are bare values ({@code null} or the value itself, never
 * {@code {"string": "x"}}), maps are objects and arrays are arrays. On input, an omitted field
 * takes its schema default, an integral number is also accepted as epoch milliseconds for a
 * timestamp, and properties the schema does not know are ignored. On output every field is
 * present, nulls included, and timestamps are UTC at millisecond precision, e.g.
 * {@code 2026-09-01T10:00:00Z}.
 *
 * <p>The converters of a record class are built on first use and cached for the life of the
 * class; both methods are thread-safe. They work without Avro's
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} setting (see {@code GeneratedClasses} for why).
 */
public final class PlainJson {
  private static final ClassValue<RecordConverter> CONVERTERS = new ClassValue<>() {
    @Override
    protected RecordConverter computeValue(Class<?> type) {
      if (!SpecificRecord.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(type.getName() + " is not a generated Avro record");
      }
      return ConverterCompiler.compile(type.asSubclass(SpecificRecord.class));
    }
  };

  private PlainJson() {}

  /**
   * Converts a plain-JSON value to an instance of the given generated record class.
   *
   * @param <T> the generated record type
   * @param json the record as a JSON object
   * @param type the generated class, e.g. {@code DataEvent.class}
   * @return a new record that the class's own encoder accepts; lists and maps in it are fresh
   *     and mutable
   * @throws PlainJsonException if {@code json} does not fit the schema; its message names the
   *     field path and the problem but never the offending value, which may be personal data
   * @throws IllegalArgumentException if {@code type} is not a usable generated record class or
   *     its schema uses a shape plain JSON does not support (see {@code ConverterCompiler}); a
   *     programming error, not bad input
   */
  public static <T extends SpecificRecord> T fromJson(JsonNode json, Class<T> type)
      throws PlainJsonException {
    Objects.requireNonNull(type, "type");
    RecordConverter converter = CONVERTERS.get(type);
    if (json == null || json.isMissingNode()) {
      throw new PlainJsonException(PlainJsonException.ROOT, "no value");
    }
    try {
      return type.cast(converter.read(json));
    } catch (ConversionFailure failure) {
      throw failure.toException();
    }
  }

  /**
   * Every way {@code json} does not fit {@code type}'s schema, each with its field path, in field
   * order; empty when {@link #fromJson} would succeed. For tools that show a person all that is
   * wrong at once; {@link #fromJson} stops at the first problem.
   */
  public static List<PlainJsonException> problems(JsonNode json, Class<? extends SpecificRecord> type) {
    Objects.requireNonNull(type, "type");
    RecordConverter converter = CONVERTERS.get(type);
    if (json == null || json.isMissingNode()) {
      return List.of(new PlainJsonException(PlainJsonException.ROOT, "no value"));
    }
    ProblemCollector found = new ProblemCollector();
    converter.check(json, found);
    return found.problems();
  }

  /**
   * Converts a record to plain JSON; the inverse of {@link #fromJson}.
   *
   * @param record a valid record of a generated class
   * @return a new JSON object with every field of the record's schema, in schema order
   * @throws IllegalArgumentException if the record is invalid, e.g. null in a non-nullable field
   */
  public static ObjectNode toJson(SpecificRecord record) {
    Objects.requireNonNull(record, "record");
    return (ObjectNode) CONVERTERS.get(record.getClass()).write(record);
  }
}
