package dev.gatekeeper.json;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A hand-written specific record for the Avro types and shapes the service's schemas do not use:
 * int, float, double, bytes, unions with several non-null branches, a map of arrays, a record
 * that contains itself, and a timestamp in a class whose model has no time conversion.
 */
public class PlainJsonSample extends SpecificRecordBase {
  public static final Schema SCHEMA$ = new Schema.Parser().parse("""
      {"type": "record", "name": "PlainJsonSample", "namespace": "dev.gatekeeper.json", "fields": [
        {"name": "count", "type": "int", "default": 0},
        {"name": "ratio", "type": "float", "default": 0.5},
        {"name": "score", "type": "double", "default": 0.0},
        {"name": "blob", "type": "bytes", "default": "\\u00ff"},
        {"name": "choice", "type": ["null", "string", "long"], "default": null},
        {"name": "number", "type": ["null", "int", "double"], "default": null},
        {"name": "tags", "type": {"type": "map", "values": {"type": "array", "items": "int"}},
         "default": {}},
        {"name": "at", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}],
         "default": null},
        {"name": "next", "type": ["null", "PlainJsonSample"], "default": null}
      ]}""");

  // Its own model without the time conversions, so "at" is held as epoch millis.
  @SuppressWarnings("unused")
  private static final SpecificData MODEL$ = new SpecificData();

  private final Object[] values = new Object[SCHEMA$.getFields().size()];

  @Override
  public Schema getSchema() {
    return SCHEMA$;
  }

  @Override
  public Object get(int field) {
    return values[field];
  }

  @Override
  public void put(int field, Object value) {
    values[field] = value;
  }
}
