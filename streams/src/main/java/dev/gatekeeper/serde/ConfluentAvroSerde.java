package dev.gatekeeper.serde;

import dev.gatekeeper.registry.SchemaNotFoundException;
import dev.gatekeeper.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro in the Confluent wire format, which Confluent's {@code KafkaAvroSerializer}, Spark, Flink,
 * confluent-kafka-python and Kafka UIs read: byte 0 is the magic {@code 0x00}, bytes 1–4 the
 * writer schema's registry id (big-endian), then the Avro binary datum. Subjects follow
 * TopicNameStrategy: {@code <topic>-value}, or {@code <topic>-key} for a key serde.
 *
 * <p>Writing registers the record's schema under the subject once per topic (the registry
 * client caches the id). Reading fetches the writer schema by id once and resolves it to the
 * record class's schema, so records written by older or newer compatible schemas decode. A null
 * value (tombstone) stays null both ways. Thread-safe.
 *
 * <p>Errors: a record that is not in this format, names an unknown id, or whose writer schema
 * cannot be resolved is a {@link SerializationException} (so Kafka Streams' deserialization
 * handler can dead-letter it), naming the type, id and kind of failure, never the payload. A
 * registry that cannot be reached is not the record's fault: its {@link
 * dev.gatekeeper.registry.RegistryUnavailableException} propagates.
 *
 * @param <T> a class generated from {@code schemas/}
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {
  /** The first byte of every record in this format. */
  public static final byte MAGIC = 0;
  /** Magic byte plus the 4-byte id. */
  public static final int HEADER_LENGTH = 5;

  private final Class<T> type;
  private final Schema readerSchema;
  private final String schemaText;
  private final SchemaRegistry registry;
  private final String subjectSuffix;
  private final SpecificDatumWriter<T> writer;
  private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();
  private final Map<Integer, SpecificDatumReader<T>> readersById = new ConcurrentHashMap<>();

  private ConfluentAvroSerde(Class<T> type, SchemaRegistry registry, boolean forKeys) {
    AvroSetup.ensure();
    this.type = type;
    this.readerSchema = SpecificData.get().getSchema(type);
    this.schemaText = readerSchema.toString();
    this.registry = registry;
    this.subjectSuffix = forKeys ? "-key" : "-value";
    this.writer = new SpecificDatumWriter<>(readerSchema);
  }

  /** A serde for record values of {@code type}, subjects {@code <topic>-value}. */
  public static <T extends SpecificRecord> ConfluentAvroSerde<T> forValues(Class<T> type, SchemaRegistry registry) {
    return new ConfluentAvroSerde<>(type, registry, false);
  }

  /** A serde for record keys of {@code type}, subjects {@code <topic>-key}. */
  public static <T extends SpecificRecord> ConfluentAvroSerde<T> forKeys(Class<T> type, SchemaRegistry registry) {
    return new ConfluentAvroSerde<>(type, registry, true);
  }

  /** The subject this serde uses for {@code topic}. */
  public String subject(String topic) {
    return topic + subjectSuffix;
  }

  /** Encodes {@code value} for {@code topic}; null stays null. */
  public byte[] encode(String topic, T value) {
    if (value == null) {
      return null;
    }
    int id = idsByTopic.computeIfAbsent(topic, t -> registry.register(subject(t), schemaText));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(64);
      out.write(MAGIC);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer.write(value, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getClass().getSimpleName());
    }
  }

  /**
   * Decodes a record; null stays null.
   *
   * @throws SerializationException when the bytes are not this format, the id is unknown, or
   *     the writer schema does not resolve to {@code T}'s
   */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length < HEADER_LENGTH || bytes[0] != MAGIC) {
      throw new SerializationException("not a Confluent-framed " + type.getSimpleName() + " (no magic byte 0 and schema id)");
    }
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    SpecificDatumReader<T> reader = readerFor(id);
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "not a decodable " + type.getSimpleName() + " with writer schema id " + id + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The schema id in a framed record's header. */
  public static int schemaId(byte[] framed) {
    if (framed == null || framed.length < HEADER_LENGTH || framed[0] != MAGIC) {
      throw new IllegalArgumentException("not a Confluent-framed record");
    }
    return ByteBuffer.wrap(framed, 1, 4).getInt();
  }

  private SpecificDatumReader<T> readerFor(int id) {
    SpecificDatumReader<T> cached = readersById.get(id);
    if (cached != null) {
      return cached;
    }
    String writerText;
    try {
      writerText = registry.schemaById(id);
    } catch (SchemaNotFoundException e) {
      throw new SerializationException("no writer schema with id " + id + " in the registry for a " + type.getSimpleName(), e);
    }
    Schema writerSchema;
    try {
      writerSchema = new Schema.Parser().parse(writerText);
    } catch (SchemaParseException e) {
      throw new SerializationException("the writer schema with id " + id + " is not a valid Avro schema", e);
    }
    // Resolution failures (a field without a default, an incompatible type) surface on read.
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema);
    readersById.putIfAbsent(id, reader);
    return reader;
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
