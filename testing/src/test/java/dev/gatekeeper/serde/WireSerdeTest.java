package dev.gatekeeper.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.testing.InMemorySchemaRegistry;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireSerdeTest {
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final AvroSerde<Contribution> singleObject = AvroSerde.of(Contribution.class);
  private final ConfluentAvroSerde<Contribution> confluent = ConfluentAvroSerde.forValues(Contribution.class, registry);
  private final Contribution contribution = ConfluentAvroSerdeTest.contribution();

  @Test
  void writesTheConfiguredFormat() {
    WireSerde<Contribution> toConfluent = new WireSerde<>(Contribution.class, WireFormat.CONFLUENT, singleObject, confluent);
    WireSerde<Contribution> toSingleObject = new WireSerde<>(Contribution.class, WireFormat.SINGLE_OBJECT, singleObject, confluent);

    assertThat(toConfluent.encode("contributions", contribution)[0]).isEqualTo(ConfluentAvroSerde.MAGIC);
    assertThat(toSingleObject.encode("contributions", contribution)).startsWith((byte) 0xC3, (byte) 0x01);
  }

  @Test
  void readsBothFormatsWhateverItWrites() {
    WireSerde<Contribution> serde = new WireSerde<>(Contribution.class, WireFormat.SINGLE_OBJECT, singleObject, confluent);

    assertThat(serde.decode(confluent.encode("contributions", contribution))).isEqualTo(contribution);
    assertThat(serde.decode(singleObject.encode(contribution))).isEqualTo(contribution);
    assertThat(serde.decode(null)).isNull();
    assertThat(serde.encode("contributions", null)).isNull();
  }

  @Test
  void withoutARegistryAConfluentRecordIsRefusedNotGuessedAt() {
    WireSerde<Contribution> serde = new WireSerde<>(Contribution.class, WireFormat.SINGLE_OBJECT, singleObject, null);
    byte[] framed = confluent.encode("contributions", contribution);

    assertThatThrownBy(() -> serde.decode(framed))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("no schema registry is configured (schema.registry.url)");
  }

  @Test
  void bytesInNeitherFormatAreASerializationExceptionThatQuotesNothing() {
    WireSerde<Contribution> serde = new WireSerde<>(Contribution.class, WireFormat.CONFLUENT, singleObject, confluent);

    assertThatThrownBy(() -> serde.decode("{\"text\":\"Ada Lovelace\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("neither Confluent's magic byte 0 nor Avro's single-object header")
        .hasMessageNotContaining("Ada");
  }

  @Test
  void theConfluentFormatCannotBeWrittenWithoutARegistry() {
    assertThatThrownBy(() -> new WireSerde<>(Contribution.class, WireFormat.CONFLUENT, singleObject, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a schema registry");
  }

  @Test
  void formatNamesParseAndAnUnknownOneListsTheKnown() {
    assertThat(WireFormat.parse(" Confluent ")).isEqualTo(WireFormat.CONFLUENT);
    assertThat(WireFormat.parse("single-object")).isEqualTo(WireFormat.SINGLE_OBJECT);
    assertThatThrownBy(() -> WireFormat.parse("json")).hasMessageContaining("use confluent or single-object");
  }
}
