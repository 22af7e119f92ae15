package dev.gatekeeper.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.testing.ConfluentFrames;
import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.testing.InMemorySchemaRegistry;
import dev.gatekeeper.schema.Contribution;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {
  private static final int ID = InMemorySchemaRegistry.FIRST_ID;

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final ConfluentAvroSerde<Contribution> serde = ConfluentAvroSerde.forValues(Contribution.class, registry);

  static Contribution contribution() {
    return Fixtures.contribution("c-1", "v1").build();
  }

  @Test
  void theBytesAreMagicZeroThenTheBigEndianIdThenTheAvroBinaryDatum() throws Exception {
    byte[] framed = serde.encode("contributions", contribution());

    ByteArrayOutputStream avro = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(avro, null);
    new SpecificDatumWriter<Contribution>(Contribution.getClassSchema()).write(contribution(), encoder);
    encoder.flush();
    assertThat(Arrays.copyOf(framed, 5)).containsExactly(0, 1, 2, 3, 4);
    assertThat(Arrays.copyOfRange(framed, 5, framed.length)).isEqualTo(avro.toByteArray());
    assertThat(ConfluentAvroSerde.schemaId(framed)).isEqualTo(ID);
    assertThat(registry.registrations()).containsExactly("contributions-value");
  }

  @Test
  void roundTripsAndRegistersOncePerTopic() {
    byte[] first = serde.serializer().serialize("contributions", contribution());
    serde.serializer().serialize("contributions", contribution());

    assertThat(serde.deserializer().deserialize("contributions", first)).isEqualTo(contribution());
    assertThat(registry.registrations()).hasSize(1);
    assertThat(ConfluentAvroSerde.forKeys(Contribution.class, registry).subject("contributions")).isEqualTo("contributions-key");
  }

  @Test
  void aTombstoneStaysNull() {
    assertThat(serde.encode("contributions", null)).isNull();
    assertThat(serde.decode(null)).isNull();
  }

  @Test
  void anOlderWriterSchemaResolvesToTheCurrentOne() throws Exception {
    Schema older = without(Contribution.getClassSchema(), "region");
    int id = registry.register("contributions-value", older.toString());

    Contribution decoded = serde.decode(frame(id, older));

    assertThat(decoded.getRegion()).isNull();
    assertThat(decoded.getPolicyVersion()).isEqualTo("v1");
  }

  @Test
  void aWriterSchemaThatCannotResolveIsASerializationException() throws Exception {
    Schema incompatible = without(Contribution.getClassSchema(), "policyVersion");
    int id = registry.register("contributions-value", incompatible.toString());

    assertThatThrownBy(() -> serde.decode(frame(id, incompatible)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("id " + id)
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
        .hasMessageContaining("policyVersion");
    // Refused again without a second look-up or resolution attempt, with the same reason.
    assertThatThrownBy(() -> serde.decode(frame(id, incompatible))).hasMessageContaining("policyVersion");
  }

  @Test
  void withRegistrationOffWritingNeedsTheSchemaRegisteredAlready() {
    ConfluentAvroSerde<Contribution> lookingUp = ConfluentAvroSerde.lookingUp(Contribution.class, registry);

    assertThatThrownBy(() -> lookingUp.encode("contributions", contribution()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not registered under subject contributions-value");
    assertThat(registry.registrations()).isEmpty();

    int id = registry.register("contributions-value", Contribution.getClassSchema().toString());
    assertThat(ConfluentAvroSerde.schemaId(lookingUp.encode("contributions", contribution()))).isEqualTo(id);
  }

  @Test
  void anUnknownIdOrAnUnframedRecordIsASerializationExceptionWithoutThePayload() {
    byte[] framed = serde.encode("contributions", contribution());
    framed[4] = 99;

    assertThatThrownBy(() -> serde.decode(framed)).isInstanceOf(SerializationException.class).hasMessageContaining("no writer schema");
    assertThatThrownBy(() -> serde.decode(new byte[] {(byte) 0xC3, 1, 'x', 'y', 'z', 'w'}))
        .isInstanceOf(SerializationException.class)
        .hasMessageNotContaining("xyz");
  }

  /** {@code schema} without the field {@code name}. */
  private static Schema without(Schema schema, String name) {
    List<Schema.Field> fields =
        schema.getFields().stream().filter(f -> !f.name().equals(name)).map(f -> new Schema.Field(f, f.schema())).toList();
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  /** A framed datum written with {@code writer}, values taken from {@link #contribution()}. */
  private static byte[] frame(int id, Schema writer) {
    Contribution source = contribution();
    GenericRecord record = new GenericData.Record(writer);
    for (Schema.Field f : writer.getFields()) {
      record.put(f.name(), source.get(f.name()));
    }
    return ConfluentFrames.frame(id, writer, record);
  }
}
