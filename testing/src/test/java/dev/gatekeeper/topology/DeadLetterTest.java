package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Undecodable input goes to the dead-letter topic with its error in headers; processing goes on. */
class DeadLetterTest {
  private static final Instant T1 = Instant.parse("2026-09-02T00:00:00Z");
  private static final byte[] GARBAGE = "canary garbage ada@example.com".getBytes(StandardCharsets.UTF_8);

  private static String header(Headers h, String key) {
    return new String(h.lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  @Test
  void deadLettersGarbageWithItsOriginAndErrorAndKeepsProcessing() {
    try (GateHarness gate = new GateHarness()) {
      gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
      gate.rawEvent("o1", GARBAGE, T1);
      gate.event(event("e1", "o1", "2026-09-02T00:00:00Z").build());

      assertThat(gate.deadLetters()).hasSize(1);
      TestRecord<byte[], byte[]> dead = gate.deadLetters().get(0);
      assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("o1");
      assertThat(dead.value()).as("payload is left out by default").isNull();
      Headers h = dead.headers();
      assertThat(header(h, DeadLetters.SOURCE_TOPIC)).isEqualTo("data-events");
      assertThat(header(h, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
      assertThat(header(h, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
      assertThat(header(h, DeadLetters.ERROR_CLASS)).contains("SerializationException");
      assertThat(header(h, DeadLetters.ERROR_MESSAGE)).contains("DataEvent").doesNotContain("canary");
      assertThat(header(h, DeadLetters.PAYLOAD_SHA256)).isEqualTo(sha256(GARBAGE));
      assertThat(gate.decisions()).extracting(d -> d.getEventId()).containsExactly("e1");
      assertThat(gate.live()).hasSize(1);
    }
  }

  @Test
  void includesThePayloadOnlyWhenConfigured() {
    var base = TestConfigs.gatekeeper();
    var config = new GatekeeperConfig(base.topics(), base.policy(), base.deid(), true, base.historyCacheSize());
    try (GateHarness gate = new GateHarness(config)) {
      gate.rawEvent("o1", GARBAGE, T1);
      assertThat(gate.deadLetters().get(0).value()).isEqualTo(GARBAGE);
    }
  }

  @Test
  void deadLettersEventsWithoutAnEventIdOrWithAnEmptyOrgId() {
    try (GateHarness gate = new GateHarness()) {
      gate.event(event("", "o1", "2026-09-02T00:00:00Z").build());
      gate.eventKeyedBy("o1", event("e2", "", "2026-09-02T00:00:00Z").build());
      gate.rawEvent("o1", null, T1);
      assertThat(gate.deadLetters()).hasSize(3);
      assertThat(gate.decisions()).isEmpty();
    }
  }

  @Test
  void deadLettersSettingsWithoutAKey() {
    try (GateHarness gate = new GateHarness()) {
      gate.rawSettings(null, GARBAGE, T1);
      assertThat(gate.deadLetters()).hasSize(1);
      assertThat(header(gate.deadLetters().get(0).headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo("org-settings");
    }
  }

  @Test
  void neverCopiesInputHeadersOntoContributions() {
    try (GateHarness gate = new GateHarness()) {
      gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
      Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
      headers.add("x-user-email", "ada@example.com".getBytes(StandardCharsets.UTF_8));
      gate.rawEvent("o1", new GatekeeperSerdes().dataEvent.encode("data-events", event("e1", "o1", "2026-09-02T00:00:00Z").build()), T1, headers);
      assertThat(gate.contributionRecords()).hasSize(1);
      assertThat(gate.contributionRecords().get(0).headers().toArray()).isEmpty();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
