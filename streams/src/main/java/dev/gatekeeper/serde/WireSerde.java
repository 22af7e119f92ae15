package dev.gatekeeper.serde;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of one record type's values on the gatekeeper's topics. Writes in the configured
 * {@link WireFormat}; reads either format, told apart by the first bytes, so a topic can move
 * from one format to the other while producers and the records already on it still have the
 * old one. Without a schema registry a Confluent-framed record cannot be read: it is refused
 * like any other undecodable record, never guessed at. A null value (tombstone) stays null both
 * ways. Thread-safe.
 *
 * @param <T> a class generated from {@code schemas/}
 */
public final class WireSerde<T extends SpecificRecord> implements Serde<T> {
  private final Class<T> type;
  private final WireFormat writes;
  private final AvroSerde<T> singleObject;
  private final ConfluentAvroSerde<T> confluent;

  /**
   * @param confluent the Confluent-format serde, or null when no registry is configured (then
   *     {@code writes} must be {@link WireFormat#SINGLE_OBJECT})
   */
  public WireSerde(Class<T> type, WireFormat writes, AvroSerde<T> singleObject, ConfluentAvroSerde<T> confluent) {
    this.type = Objects.requireNonNull(type, "type");
    this.writes = Objects.requireNonNull(writes, "writes");
    this.singleObject = Objects.requireNonNull(singleObject, "singleObject");
    this.confluent = confluent;
    if (writes == WireFormat.CONFLUENT && confluent == null) {
      throw new IllegalArgumentException("writing the Confluent format needs a schema registry");
    }
  }

  /** The format records are written in. */
  public WireFormat writes() {
    return writes;
  }

  /** The Confluent-format serde, or null without a registry. */
  public ConfluentAvroSerde<T> confluent() {
    return confluent;
  }

  /** Encodes {@code value} for {@code topic} in the configured format; null stays null. */
  public byte[] encode(String topic, T value) {
    return writes == WireFormat.CONFLUENT ? confluent.encode(topic, value) : singleObject.encode(value);
  }

  /**
   * Decodes a record in either format; null stays null.
   *
   * @throws SerializationException when the bytes are in neither format, in the Confluent format
   *     without a registry, or not decodable in their format (the message names the type and the
   *     kind of failure, never the payload)
   * @throws dev.gatekeeper.registry.RegistryUnavailableException when the registry cannot be
   *     reached: not the record's fault, so not a dead letter
   */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    WireFormat format = WireFormat.of(bytes);
    if (format == WireFormat.SINGLE_OBJECT) {
      return singleObject.decode(bytes);
    }
    if (format == WireFormat.CONFLUENT) {
      if (confluent == null) {
        throw new SerializationException("a Confluent-framed " + type.getSimpleName()
            + " (magic byte 0 and schema id) but no schema registry is configured (schema.registry.url)");
      }
      return confluent.decode(bytes);
    }
    throw new SerializationException("not a " + type.getSimpleName()
        + " in either wire format (neither Confluent's magic byte 0 nor Avro's single-object header C3 01)");
  }

  @Override
  public Serializer<T> serializer() {
    return this::encode;
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
