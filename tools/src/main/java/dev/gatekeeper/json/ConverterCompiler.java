package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Logical types follow the class's own model ({@code MODEL$}), which is what its decoder uses:
 * {@code timestamp-millis} becomes {@link Instant} if the model registers the conversion, else a
 * {@code long}. Other logical types are read raw when the model has no conversion for them and
 * are refused when it has one, rather than handing the class a value of the wrong Java type.
 * {@code fixed} is refused: no schema of the service needs it.
 *
 * <p>Not thread-safe; each instance compiles one class and is then dropped.
 */
final class ConverterCompiler {
  private final SpecificData model;
  private final GeneratedClasses classes;
  private final Map<String, Converter> named = new HashMap<>();
  private final Map<String, List<RecursiveReference>> inProgress = new HashMap<>();

  private ConverterCompiler(Class<? extends SpecificRecord> type) {
    this.model = SpecificData.getForClass(type);
    this.classes = new GeneratedClasses(type);
  }

  /**
   * @param type a generated record class
   * @return the converter of its records
   * @throws IllegalArgumentException if the class or a type in its schema is unsupported
   */
  static RecordConverter compile(Class<? extends SpecificRecord> type) {
    ConverterCompiler compiler = new ConverterCompiler(type);
    return (RecordConverter) compiler.converter(compiler.classes.rootSchema());
  }

  private Converter converter(Schema schema) {
    LogicalType logicalType = schema.getLogicalType();
    if (logicalType != null) {
      Conversion<?> conversion = model.getConversionFor(logicalType);
      if (logicalType instanceof LogicalTypes.TimestampMillis) {
        if (conversion != null && conversion.getConvertedType() != Instant.class) {
          throw unsupported(schema, "timestamp-millis converted to " + conversion.getConvertedType());
        }
        return new TimestampMillisConverter(conversion != null);
      }
      if (conversion != null) {
        throw unsupported(schema, "logical type " + logicalType.getName());
      }
    }
    switch (schema.getType()) {
      case NULL: return PlainConverter.NULL;
      case BOOLEAN: return PlainConverter.BOOLEAN;
      case INT: return NumberConverter.INT;
      case LONG: return NumberConverter.LONG;
      case FLOAT: return NumberConverter.FLOAT;
      case DOUBLE: return NumberConverter.DOUBLE;
      case BYTES: return PlainConverter.BYTES;
      case STRING: return PlainConverter.forStringType(schema.getProp(GenericData.STRING_PROP));
      case ARRAY: return new ArrayConverter(converter(schema.getElementType()));
      case MAP:
        boolean utf8Keys = "Utf8".equals(schema.getProp(GenericData.STRING_PROP));
        return new MapConverter(converter(schema.getValueType()), utf8Keys);
      case UNION: return union(schema);
      case ENUM: return named.computeIfAbsent(schema.getFullName(), name -> enumeration(schema));
      case RECORD: return record(schema);
      default: throw unsupported(schema, "type " + schema.getType());
    }
  }

  private Converter union(Schema schema) {
    List<Converter> branches = new ArrayList<>();
    boolean nullable = false;
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        nullable = true;
      } else {
        branches.add(converter(branch));
      }
    }
    return new UnionConverter(branches, nullable);
  }

  private Converter enumeration(Schema schema) {
    Class<?> type = classes.enumClass(schema);
    return new EnumConverter(schema, type, type.getEnumConstants());
  }

  private Converter record(Schema schema) {
    String name = schema.getFullName();
    Converter done = named.get(name);
    if (done != null) {
      return done;
    }
    List<RecursiveReference> references = inProgress.get(name);
    if (references != null) {
      // The record contains itself: refer to it now, bind once it is complete.
      RecursiveReference reference = new RecursiveReference();
      references.add(reference);
      return reference;
    }
    inProgress.put(name, new ArrayList<>());
    List<RecordConverter.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(field(field));
    }
    RecordConverter converter = new RecordConverter(schema, classes.recordFactory(schema), fields);
    inProgress.remove(name).forEach(reference -> reference.bind(converter));
    named.put(name, converter);
    return converter;
  }

  private RecordConverter.Field field(Schema.Field field) {
    Schema schema = field.schema();
    Converter converter = converter(schema);
    JsonNode defaultJson = DefaultValues.of(field);
    // Avro defines a union's default against its first branch, whatever its JSON shape.
    Converter defaultConverter = schema.getType() == Schema.Type.UNION
        ? converter(schema.getTypes().get(0))
        : converter;
    boolean nullable = schema.getType() == Schema.Type.NULL
        || schema.getType() == Schema.Type.UNION && schema.getTypes().stream()
            .anyMatch(branch -> branch.getType() == Schema.Type.NULL);
    return new RecordConverter.Field(
        field.name(), field.pos(), converter, defaultJson, defaultConverter, nullable);
  }

  private static IllegalArgumentException unsupported(Schema schema, String what) {
    return new IllegalArgumentException(
        "plain JSON does not support " + what + " (in schema " + schema.getName() + ")");
  }

  /** Stands for a record inside its own definition; bound before the tree is published. */
  private static final class RecursiveReference implements Converter {
    // Volatile only as a belt over ClassValue's publication; recursive schemas are rare.
    private volatile Converter target;

    void bind(Converter converter) {
      target = converter;
    }

    @Override
    public Object read(JsonNode json) {
      return target.read(json);
    }

    @Override
    public JsonNode write(Object value) {
      return target.write(value);
    }

    @Override
    public boolean accepts(JsonNode json) {
      return target.accepts(json);
    }

    @Override
    public boolean owns(Object value) {
      return target.owns(value);
    }

    @Override
    public String expected() {
      // Asked while the union containing it is built, before binding.
      Converter bound = target;
      return bound != null ? bound.expected() : "an object (record)";
    }
  }
}
