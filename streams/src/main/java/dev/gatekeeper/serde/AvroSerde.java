package dev.gatekeeper.serde;

import dev.gatekeeper.schema.history.SchemaHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro binary in Avro's single-object encoding: a header with the writer schema's fingerprint,
 * then the datum. No schema registry: a reader resolves records written with the current schema
 * or with any released schema of the record ({@link SchemaHistory}, kept compatible by the
 * schemas module's build check), and rejects other fingerprints. A null value (tombstone) stays
 * null both ways. Thread-safe.
 *
 * @param <T> a class generated from {@code schemas/}
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final Class<T> type;
  private final Writer<T> writer;
  private final BinaryMessageDecoder<T> decoder;

  /** Writes one record in single-object encoding. */
  private interface Writer<T> {
    ByteBuffer write(T value) throws IOException;
  }

  private AvroSerde(Class<T> type, Writer<T> writer) {
    this.type = type;
    this.writer = writer;
    SchemaStore.Cache store = new SchemaStore.Cache();
    SchemaHistory.released(type).forEach(store::addSchema);
    this.decoder = invokeStatic(type, "createDecoder", store);
  }

  /**
   * A serde that writes with the current schema of {@code type} and reads every released one.
   *
   * @throws IllegalArgumentException if {@code type} is not a generated record class with a
   *     released schema
   */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    AvroSetup.ensure();
    BinaryMessageEncoder<T> encoder = invokeStatic(type, "getEncoder");
    return new AvroSerde<>(type, encoder::encode);
  }

  /**
   * For upgrade tests: a serde that writes as an older build did, with {@code writerSchema}, a
   * released schema of {@code type} (its fingerprint in the header, the datum in its layout), and
   * reads like {@link #of}. Each record is first resolved to {@code writerSchema} the way Avro
   * resolves data by field name: fields the older schema lacks are left out, and a record it
   * cannot hold (a symbol it does not know, a field it requires but the record leaves null) fails
   * to encode.
   *
   * @throws IllegalArgumentException if {@code writerSchema} is not a released schema of {@code
   *     type}
   */
  public static <T extends SpecificRecord> AvroSerde<T> writingWith(Class<T> type, Schema writerSchema) {
    AvroSetup.ensure();
    List<Schema> released = SchemaHistory.released(type);
    if (!released.contains(writerSchema)) {
      throw new IllegalArgumentException(
          "not a released schema of " + type.getSimpleName() + " (" + released.size() + " released)");
    }
    Schema current = SpecificData.get().getSchema(type);
    SpecificDatumWriter<T> currentWriter = new SpecificDatumWriter<>(current, SpecificData.getForClass(type));
    GenericDatumReader<GenericRecord> toOlder = new GenericDatumReader<>(current, writerSchema, GenericData.get());
    BinaryMessageEncoder<GenericRecord> olderEncoder = new BinaryMessageEncoder<>(GenericData.get(), writerSchema);
    return new AvroSerde<>(type, value -> {
      ByteArrayOutputStream datum = new ByteArrayOutputStream();
      BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(datum, null);
      currentWriter.write(value, out);
      out.flush();
      GenericRecord older = toOlder.read(null, DecoderFactory.get().binaryDecoder(datum.toByteArray(), null));
      return olderEncoder.encode(older);
    });
  }

  /** Encodes a record; null stays null. */
  public byte[] encode(T value) {
    if (value == null) {
      return null;
    }
    try {
      ByteBuffer buf = writer.write(value);
      if (buf.hasArray() && buf.arrayOffset() == 0 && buf.position() == 0 && buf.remaining() == buf.array().length) {
        // Avro's encoder hands over a buffer wrapping a fresh array of exactly the record: no copy.
        return buf.array();
      }
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getClass().getSimpleName());
    }
  }

  /**
   * Decodes a record; null stays null.
   *
   * @throws SerializationException naming the record type and the kind of failure, never the
   *     payload
   */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "not a decodable " + type.getSimpleName() + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }

  @SuppressWarnings("unchecked")
  private static <R> R invokeStatic(Class<?> type, String method, Object... args) {
    try {
      if (args.length == 0) {
        return (R) type.getMethod(method).invoke(null);
      }
      return (R) type.getMethod(method, SchemaStore.class).invoke(null, args);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalArgumentException(type.getName() + " is not a generated Avro record class", e);
    }
  }
}
