package dev.gatekeeper.serde;

import static dev.gatekeeper.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.history.SchemaHistory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private final AvroSerde<DataEvent> serde = AvroSerde.of(DataEvent.class);

  @Test
  void roundTripsARecordInSingleObjectEncoding() {
    DataEvent e = event("e1", "o1", "2026-09-02T00:00:00Z").text("hello").attribute("status", "done").build();
    byte[] bytes = serde.encode(e);
    assertThat(bytes[0]).isEqualTo((byte) 0xC3); // single-object marker
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(serde.decode(bytes)).isEqualTo(e);
  }

  @Test
  void keepsTombstonesNull() {
    assertThat(serde.encode(null)).isNull();
    assertThat(serde.decode(null)).isNull();
  }

  @Test
  void rejectsGarbageWithoutQuotingIt() {
    byte[] garbage = "canary-payload-text".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serde.decode(garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("DataEvent")
        .hasMessageNotContaining("canary");
  }

  @Test
  void rejectsTruncatedRecords() {
    byte[] bytes = serde.encode(event("e1", "o1", "2026-09-02T00:00:00Z").build());
    assertThatThrownBy(() -> serde.decode(Arrays.copyOf(bytes, bytes.length - 5)))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void rejectsAnotherRecordTypesFingerprint() {
    byte[] settings = AvroSerde.of(OrgSettings.class).encode(
        dev.gatekeeper.testing.Fixtures.settings("o1", "2026-09-01T00:00:00Z").build());
    assertThatThrownBy(() -> serde.decode(settings)).isInstanceOf(SerializationException.class);
  }

  @Test
  void rejectsRecordsWrittenWithASchemaThatWasNeverReleased() {
    // A DataEvent without the optional fields: a plausible older schema, but not a released one.
    Schema unreleased =
        SchemaBuilder.record("DataEvent").namespace("dev.gatekeeper.schema").fields()
            .requiredString("eventId").requiredString("orgId").requiredString("siteId").requiredString("app")
            .name("hosting").type(DataEvent.getClassSchema().getField("hosting").schema()).noDefault()
            .name("dataType").type(DataEvent.getClassSchema().getField("dataType").schema()).noDefault()
            .name("occurredAt").type(DataEvent.getClassSchema().getField("occurredAt").schema()).noDefault()
            .endRecord();
    GenericRecord old = new GenericData.Record(unreleased);
    old.put("eventId", "e1");
    old.put("orgId", "o1");
    old.put("siteId", "s1");
    old.put("app", "jira");
    old.put("hosting", new GenericData.EnumSymbol(unreleased.getField("hosting").schema(), "CLOUD"));
    old.put("dataType", new GenericData.EnumSymbol(unreleased.getField("dataType").schema(), "IN_APP"));
    old.put("occurredAt", 1_788_000_000_000L);
    byte[] bytes;
    try {
      bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), unreleased).encode(old).array();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }

    assertThatThrownBy(() -> serde.decode(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessage("not a decodable DataEvent (MissingSchemaException)");
    assertThatThrownBy(() -> AvroSerde.writingWith(DataEvent.class, unreleased))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a released schema of DataEvent");
  }

  @Test
  void writingWithTheLatestReleasedSchemaWritesWhatOfWrites() {
    DataEvent e = event("e1", "o1", "2026-09-02T00:00:00Z").text("hello").attribute("status", "done").build();
    AvroSerde<DataEvent> asReleased = AvroSerde.writingWith(DataEvent.class, SchemaHistory.latestReleased(DataEvent.class));

    assertThat(asReleased.encode(e)).isEqualTo(serde.encode(e));
    assertThat(asReleased.decode(serde.encode(e))).isEqualTo(e);
  }
}
