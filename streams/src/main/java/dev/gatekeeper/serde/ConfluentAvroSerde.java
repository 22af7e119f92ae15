package dev.gatekeeper.serde;

import dev.gatekeeper.registry.SchemaNotFoundException;
import dev.gatekeeper.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
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
 * client caches the id), or, with registration off ({@link #lookingUp}), only looks it up and
 * refuses to write when it is not there. Reading fetches the writer schema by id once, checks
 * that it resolves to the record class's schema, and caches the resolving reader, so records
 * written by older or newer compatible schemas decode. A null value (tombstone) stays null both
 * ways. Thread-safe.
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
  private final boolean registering;
  private final SpecificDatumWriter<T> writer;
  private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();
  private final Map<Integer, SpecificDatumReader<T>> readersById = new ConcurrentHashMap<>();
  /** Writer schemas that exist but do not resolve to ours: refused without asking again. */
  private final Map<Integer, String> refusedIds = new ConcurrentHashMap<>();

  private ConfluentAvroSerde(Class<T> type, SchemaRegistry registry, boolean forKeys, boolean registering) {
    AvroSetup.ensure();
    this.type = type;
    this.readerSchema = SpecificData.get().getSchema(type);
    this.schemaText = readerSchema.toString();
    this.registry = registry;
    this.subjectSuffix = forKeys ? "-key" : "-value";
    this.registering = registering;
    this.writer = new SpecificDatumWriter<>(readerSchema);
  }

  /** A serde for record values of {@code type}, subjects {@code <topic>-value}, registering its schema. */
  public static <T extends SpecificRecord> ConfluentAvroSerde<T> forValues(Class<T> type, SchemaRegistry registry) {
    return new ConfluentAvroSerde<>(type, registry, false, true);
  }

  /** A serde for record keys of {@code type}, subjects {@code <topic>-key}, registering its schema. */
  public static <T extends SpecificRecord> ConfluentAvroSerde<T> forKeys(Class<T> type, SchemaRegistry registry) {
    return new ConfluentAvroSerde<>(type, registry, true, true);
  }

  /**
   * A serde for record values of {@code type} that never registers: its schema must already be
   * registered under {@code <topic>-value}, or writing fails.
   */
  public static <T extends SpecificRecord> ConfluentAvroSerde<T> lookingUp(Class<T> type, SchemaRegistry registry) {
    return new ConfluentAvroSerde<>(type, registry, false, false);
  }

  /** The schema this serde writes: the current schema of {@code T}. */
  public Schema schema() {
    return readerSchema;
  }

  /**
   * The id this serde writes under for {@code topic}: registered, or looked up when registration
   * is off.
   *
   * @throws SchemaNotFoundException with registration off, when the subject lacks the schema
   */
  public int schemaIdFor(String topic) {
    return idsByTopic.computeIfAbsent(topic, t -> registering ? registry.register(subject(t), schemaText) : registry.lookup(subject(t), schemaText));
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
    int id;
    try {
      id = schemaIdFor(topic);
    } catch (SchemaNotFoundException e) {
      throw new SerializationException("the " + type.getSimpleName() + " schema is not registered under subject " + subject(topic)
          + " and this serde does not register (schema.registry.auto-register=false); register it first", e);
    }
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
    String refused = refusedIds.get(id);
    if (refused != null) {
      throw new SerializationException(refused);
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
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      String why = "the writer schema with id " + id + " cannot be read as a " + type.getSimpleName() + ": "
          + describe(compatibility.getResult());
      refusedIds.putIfAbsent(id, why);
      throw new SerializationException(why);
    }
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema);
    readersById.putIfAbsent(id, reader);
    return reader;
  }

  /** Avro's first incompatibility, by kind and location, without the schemas' full text. */
  private static String describe(SchemaCompatibility.SchemaCompatibilityResult result) {
    return result.getIncompatibilities().stream()
        .findFirst()
        .map(i -> i.getType() + " at " + i.getLocation() + (i.getMessage() == null ? "" : " (" + i.getMessage() + ")"))
        .orElse(String.valueOf(result.getCompatibility()));
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
