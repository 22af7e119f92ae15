package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro record, as a JSON object with one property per field.
 *
 * <p>Reading fills a fresh instance of the generated class field by field, by position. A missing
 * property takes the field's default, converted anew on every read so that no two records share
 * a mutable default list or map. A missing property without a default is an error; a present
 * JSON null is read like any other value, so it is an error unless the field is nullable (a
 * default does not rescue it). Properties the schema does not know are ignored: producers with a
 * newer schema may add fields.
 *
 * <p>Writing emits every field in schema order, nulls included, which is the normalized form.
 */
final class RecordConverter implements Converter {

  /**
   * One field of the record.
   *
   * @param name the field name, also the JSON property name
   * @param position the field's index for {@link IndexedRecord#get}/{@link IndexedRecord#put}
   * @param converter converter of the field's type
   * @param defaultJson the field's default as JSON, or {@code null} if it has none; read by
   *     {@code converter} like input, since the only unions are {@code ["null", X]}, whose
   *     default Avro requires to be null
   * @param nullable whether a null value is valid when writing
   */
  record Field(String name, int position, Converter converter, JsonNode defaultJson,
      boolean nullable) {}

  private final Schema schema;
  private final Supplier<IndexedRecord> factory;
  private final Field[] fields;

  /**
   * @param schema the record schema
   * @param factory makes a new, empty instance of the generated class
   * @param fields the schema's fields, in order
   */
  RecordConverter(Schema schema, Supplier<IndexedRecord> factory, List<Field> fields) {
    this.schema = schema;
    this.factory = factory;
    this.fields = fields.toArray(new Field[0]);
  }

  @Override
  public Object read(JsonNode json) {
    if (!json.isObject()) {
      throw ConversionFailure.mismatch("an object (record " + schema.getName() + ")", json);
    }
    IndexedRecord record = factory.get();
    for (Field field : fields) {
      JsonNode value = json.get(field.name);
      try {
        if (value != null) {
          record.put(field.position, field.converter.read(value));
        } else if (field.defaultJson != null) {
          record.put(field.position, field.converter.read(field.defaultJson));
        } else {
          throw ConversionFailure.of("required field missing");
        }
      } catch (ConversionFailure failure) {
        throw failure.inField(field.name);
      }
    }
    return record;
  }

  @Override
  public void check(JsonNode json, ProblemCollector found) {
    if (!json.isObject()) {
      found.add(ConversionFailure.mismatch("an object (record " + schema.getName() + ")", json));
      return;
    }
    for (Field field : fields) {
      JsonNode value = json.get(field.name);
      if (value != null) {
        found.enter(field.name);
        field.converter.check(value, found);
        found.leave();
      } else if (field.defaultJson == null) {
        found.add(ConversionFailure.of("required field missing").inField(field.name));
      }
    }
  }

  @Override
  public JsonNode write(Object value) {
    IndexedRecord record = (IndexedRecord) value;
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (Field field : fields) {
      Object fieldValue = record.get(field.position);
      if (fieldValue == null && !field.nullable) {
        throw new IllegalArgumentException(
            "invalid " + schema.getName() + ": non-nullable field " + field.name + " is null");
      }
      object.set(field.name, field.converter.write(fieldValue));
    }
    return object;
  }
}
