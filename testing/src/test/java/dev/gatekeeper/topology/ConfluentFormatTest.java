package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.registry.RegistryUnavailableException;
import dev.gatekeeper.registry.SchemaRegistry;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.serde.AvroSerde;
import dev.gatekeeper.serde.ConfluentAvroSerde;
import dev.gatekeeper.serde.WireFormat;
import dev.gatekeeper.testing.ConfluentFrames;
import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.testing.InMemorySchemaRegistry;
import dev.gatekeeper.testing.TestConfigs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The topology on the Confluent wire format: inputs in either format are decided, outputs are
 * written under {@code <topic>-value} subjects, and a record whose writer schema is unknown or
 * cannot be read as the gatekeeper's is a dead letter with the reason, never a decision.
 */
class ConfluentFormatTest {
  private static final Instant T1 = Instant.parse("2026-09-02T00:00:00Z");
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final GateHarness gate =
      new GateHarness(TestConfigs.gatekeeper(), new GatekeeperSerdes(WireFormat.CONFLUENT, registry, true));
  private final ConfluentAvroSerde<DataEvent> upstream = ConfluentAvroSerde.forValues(DataEvent.class, registry);

  @AfterEach
  void close() {
    gate.close();
  }

  private static String header(Headers h, String key) {
    return new String(h.lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  @Test
  void decidesConfluentAndSingleObjectInputsAlikeAndWritesUnderTopicSubjects() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    gate.rawEvent("o1", upstream.encode("data-events", event("e1", "o1", "2026-09-02T00:00:00Z").build()), T1);
    gate.rawEvent("o1", AvroSerde.of(DataEvent.class).encode(event("e2", "o1", "2026-09-02T00:00:00Z").build()), T1);

    assertThat(gate.decisions()).extracting(d -> d.getEventId() + ":" + d.getOutcome())
        .containsExactly("e1:" + Outcome.CONTRIBUTED, "e2:" + Outcome.CONTRIBUTED);
    assertThat(gate.live()).hasSize(2);
    assertThat(gate.deadLetters()).isEmpty();
    assertThat(registry.registrations())
        .contains("data-events-value", "org-settings-value", "contributions-value", "contribution-decisions-value");
  }

  @Test
  void deadLettersAnEventWithAnUnknownSchemaIdAndDecidesNothingForIt() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    byte[] framed = upstream.encode("data-events", event("e1", "o1", "2026-09-02T00:00:00Z").build());
    ByteBuffer.wrap(framed, 1, 4).putInt(424242);

    gate.rawEvent("o1", framed, T1);

    assertThat(gate.decisions()).isEmpty();
    assertThat(gate.live()).isEmpty();
    assertThat(gate.deadLetters()).hasSize(1);
    Headers h = gate.deadLetters().get(0).headers();
    assertThat(header(h, DeadLetters.ERROR_CLASS)).contains("SerializationException");
    assertThat(header(h, DeadLetters.ERROR_MESSAGE)).contains("no writer schema with id 424242");
  }

  @Test
  void deadLettersAnEventWhoseWriterSchemaCannotBeReadAsADataEvent() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    Schema foreign = ConfluentFrames.foreignDataEvent();
    int id = registry.register("data-events-value", foreign.toString());

    gate.rawEvent("o1", ConfluentFrames.frame(id, foreign, ConfluentFrames.foreignEvent("o1")), T1);

    assertThat(gate.decisions()).isEmpty();
    assertThat(gate.live()).isEmpty();
    TestRecord<byte[], byte[]> dead = gate.deadLetters().get(0);
    assertThat(header(dead.headers(), DeadLetters.ERROR_CLASS)).contains("SerializationException");
    assertThat(header(dead.headers(), DeadLetters.ERROR_MESSAGE))
        .contains("writer schema with id " + id + " cannot be read as a DataEvent");
  }

  @Test
  void settingsWithAnUnknownSchemaIdMakeTheOrgUndecidable() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    gate.event(event("e1", "o1", "2026-09-02T00:00:00Z").build());
    byte[] framed = ConfluentAvroSerde.forValues(dev.gatekeeper.schema.OrgSettings.class, registry)
        .encode("org-settings", settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", FREE).build());
    ByteBuffer.wrap(framed, 1, 4).putInt(99);

    gate.rawSettings("o1", framed, Instant.parse("2026-09-03T00:00:00Z"));
    gate.event(event("e2", "o1", "2026-09-04T00:00:00Z").build());

    assertThat(gate.live()).as("fail closed: the org's contribution is revoked").isEmpty();
    assertThat(gate.lastDecision("e2").getReason()).isEqualTo("SETTINGS_INVALID");
    assertThat(header(gate.deadLetters().get(0).headers(), DeadLetters.ERROR_MESSAGE)).contains("no writer schema with id 99");
  }

  @Test
  void anUnreachableRegistryFailsTheTaskInsteadOfDeadLetteringOrGuessing() {
    byte[] framed = upstream.encode("data-events", event("e1", "o1", "2026-09-02T00:00:00Z").build());
    ByteBuffer.wrap(framed, 1, 4).putInt(5150); // an id no reader has cached: it must ask the registry
    SchemaRegistry down = new SchemaRegistry() {
      @Override
      public int register(String subject, String schema) {
        throw new RegistryUnavailableException("registry down", -1, -1, null);
      }

      @Override
      public int lookup(String subject, String schema) {
        throw new RegistryUnavailableException("registry down", -1, -1, null);
      }

      @Override
      public String schemaById(int id) {
        throw new RegistryUnavailableException("registry down", -1, -1, null);
      }
    };
    try (GateHarness cut = new GateHarness(TestConfigs.gatekeeper(), new GatekeeperSerdes(WireFormat.SINGLE_OBJECT, down, true))) {
      assertThatThrownBy(() -> cut.rawEvent("o1", framed, T1))
          .hasRootCauseInstanceOf(RegistryUnavailableException.class);
      assertThat(cut.deadLetters()).as("not the record's fault: no dead letter").isEmpty();
      assertThat(cut.decisions()).isEmpty();
    }
  }

}
