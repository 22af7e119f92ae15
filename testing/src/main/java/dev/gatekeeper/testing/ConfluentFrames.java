package dev.gatekeeper.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Records in the Confluent wire format written by hand, as a producer with its own schema would
 * write them: for tests of what the gatekeeper does with writer schemas it did not write.
 */
public final class ConfluentFrames {
  /** Generic data that writes {@code java.time.Instant} values of timestamp-millis fields, as the generated classes hold them. */
  private static final GenericData DATA = new GenericData();

  static {
    DATA.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
  }

  private ConfluentFrames() {}

  /** Magic byte 0, {@code id} big-endian, then {@code record} written with {@code schema}. */
  public static byte[] frame(int id, Schema schema, GenericRecord record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(schema, DATA).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A producer's own {@code DataEvent} whose {@code eventId} is a number: a writer schema that
   * cannot be resolved to the gatekeeper's.
   */
  public static Schema foreignDataEvent() {
    return new Schema.Parser().parse("""
        {"type": "record", "name": "DataEvent", "namespace": "dev.gatekeeper.schema",
         "fields": [{"name": "eventId", "type": "long"}, {"name": "orgId", "type": "string"}]}""");
  }

  /** A record of {@link #foreignDataEvent()} for {@code orgId}. */
  public static GenericRecord foreignEvent(String orgId) {
    GenericRecord record = new GenericData.Record(foreignDataEvent());
    record.put("eventId", 7L);
    record.put("orgId", orgId);
    return record;
  }
}
