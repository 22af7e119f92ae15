package dev.gatekeeper.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Conversion;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds the converter tree of one generated record class, once, so that converting a record
 * does no schema inspection or reflection beyond one constructor call per record.
 *
 * <p>It supports exactly the shapes of the contract's schemas: records, enums, {@code string}
 * (held as {@link String}), {@code long}, {@code boolean}, {@code timestamp-millis} held as
 * {@link Instant}, arrays, maps and {@code ["null", X]} unions. Anything else (int, float, double,
 * bytes, fixed, other logical types, other unions, a record that contains itself) is refused here
 * with the field path and the shape, so that a schema change that needs more fails on first use
 * instead of converting some values wrongly.
 *
 * <p>Not thread-safe; each instance compiles one class and is then dropped.
 */
final class ConverterCompiler {
  private final SpecificData model;
  private final GeneratedClasses classes;
  /** Full names of the records that enclose the schema being compiled; a repeat is recursion. */
  private final Set<String> enclosing = new HashSet<>();

  private ConverterCompiler(Class<? extends SpecificRecord> type) {
    this.model = SpecificData.getForClass(type);
    this.classes = new GeneratedClasses(type);
  }

  /**
   * @param type a generated record class
   * @return the converter of its records
   * @throws IllegalArgumentException if the class, or a shape in its schema, is unsupported
   */
  static RecordConverter compile(Class<? extends SpecificRecord> type) {
    ConverterCompiler compiler = new ConverterCompiler(type);
    Schema root = compiler.classes.rootSchema();
    return compiler.record(root, root.getName());
  }

  /** @param path where {@code schema} is, as {@code Record.field[]{}} (array item, map value) */
  private Converter converter(Schema schema, String path) {
    if (schema.getLogicalType() != null) {
      return timestamp(schema.getLogicalType(), path);
    }
    return switch (schema.getType()) {
      case BOOLEAN -> PlainConverter.BOOLEAN;
      case LONG -> PlainConverter.LONG;
      case STRING -> string(schema, path);
      case ENUM -> new EnumConverter(schema, classes.enumClass(schema).getEnumConstants());
      case ARRAY -> new ArrayConverter(converter(schema.getElementType(), path + "[]"));
      case MAP -> new MapConverter(converter(schema.getValueType(), path + "{}"));
      case UNION -> nullable(schema, path);
      case RECORD -> record(schema, path);
      default -> throw unsupported(schema.getType().getName(), path);
    };
  }

  private Converter timestamp(LogicalType logicalType, String path) {
    if (!(logicalType instanceof LogicalTypes.TimestampMillis)) {
      throw unsupported("logical type " + logicalType.getName(), path);
    }
    Conversion<?> conversion = model.getConversionFor(logicalType);
    if (conversion == null || conversion.getConvertedType() != Instant.class) {
      throw unsupported("timestamp-millis not held as java.time.Instant", path);
    }
    return TimestampMillisConverter.INSTANCE;
  }

  private Converter string(Schema schema, String path) {
    // Utf8 fields would take a String through put() and fail only when the record is used.
    if ("Utf8".equals(schema.getProp(GenericData.STRING_PROP))) {
      throw unsupported("string held as Utf8", path);
    }
    return PlainConverter.STRING;
  }

  private Converter nullable(Schema union, String path) {
    List<Schema> branches = union.getTypes();
    // Avro allows neither two null branches nor a union directly inside a union.
    if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
      String names = branches.stream().map(Schema::getName).collect(Collectors.joining(", "));
      throw unsupported("union [" + names + "], only [null, X]", path);
    }
    return new NullableConverter(converter(branches.get(1), path));
  }

  private RecordConverter record(Schema schema, String path) {
    if (!enclosing.add(schema.getFullName())) {
      throw unsupported("recursive record " + schema.getName(), path);
    }
    List<RecordConverter.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      Converter converter = converter(field.schema(), path + "." + field.name());
      fields.add(new RecordConverter.Field(field.name(), field.pos(), converter,
          DefaultValues.of(field), converter instanceof NullableConverter));
    }
    enclosing.remove(schema.getFullName());
    return new RecordConverter(schema, classes.recordFactory(schema), fields);
  }

  private static IllegalArgumentException unsupported(String shape, String path) {
    return new IllegalArgumentException(path + ": plain JSON does not support " + shape);
  }
}
