package dev.gatekeeper.serde;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro binary in Avro's single-object encoding: a header with the writer schema's fingerprint,
 * then the datum. No schema registry: a reader resolves records written with any schema it was
 * given as history (older versions of the record), and rejects unknown fingerprints. A null value
 * (tombstone) stays null both ways. Thread-safe.
 *
 * @param <T> a class generated from {@code schemas/}
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroSerde(Class<T> type, List<Schema> history) {
    AvroSetup.ensure();
    this.type = type;
    this.encoder = invokeStatic(type, "getEncoder");
    SchemaStore.Cache store = new SchemaStore.Cache();
    history.forEach(store::addSchema);
    this.decoder = invokeStatic(type, "createDecoder", store);
  }

  /** A serde for the current schema of {@code type}. */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type, List.of());
  }

  /** A serde that also reads records written with the given older schemas of {@code type}. */
  public static <T extends SpecificRecord> AvroSerde<T> withHistory(
      Class<T> type, List<Schema> olderSchemas) {
    return new AvroSerde<>(type, olderSchemas);
  }

  /** Encodes a record; null stays null. */
  public byte[] encode(T value) {
    if (value == null) {
      return null;
    }
    try {
      ByteBuffer buf = encoder.encode(value);
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
