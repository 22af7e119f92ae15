package dev.gatekeeper.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.testing.GateHarness;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input on the event and settings topics: random bytes, truncated and bit-flipped Avro,
 * null keys, keys that are not the orgId, huge texts, texts that are nothing but PII, extreme
 * times. The topology never stops, every input gets exactly one outcome (a decision or a dead
 * letter), and no canary survives into a contribution.
 */
class HostileInputProperties {
  private static final GatekeeperSerdes SERDES = new GatekeeperSerdes();
  private static final List<String> CANARIES = List.of("zed.canary@example.com", "Zedekiah", "Canaryson", "4111111111111111", "AKIAZZZZZZZZZZZZZZZZ");
  private static final String PII_ONLY = "Zedekiah Canaryson zed.canary@example.com +44 20 7946 0958 4111111111111111 AKIAZZZZZZZZZZZZZZZZ 10.1.2.3";

  /** One hostile input: which topic, its key, its value bytes. */
  record Input(boolean settings, String key, byte[] value, String kind) {
    @Override
    public String toString() {
      return kind + (settings ? " on settings" : " on events") + " key=" + key + " bytes=" + (value == null ? -1 : value.length);
    }
  }

  @Property(tries = 60)
  void neverStopsNeverContributesWhatItCannotDecide(@ForAll("inputs") List<Input> inputs) {
    try (GateHarness gate = new GateHarness()) {
      gate.settings(Fixtures.settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", Plan.FREE).build());
      for (Input in : inputs) {
        int before = gate.decisions().size() + gate.deadLetters().size();
        if (in.settings()) {
          gate.rawSettings(in.key(), in.value(), Instant.parse("2026-09-01T00:00:00Z"));
        } else {
          gate.rawEvent(in.key(), in.value(), Instant.parse("2026-09-02T00:00:00Z"));
          int after = gate.decisions().stream().filter(d -> d.getOutcome() != Outcome.REVOKED).toList().size() + gate.deadLetters().size();
          int perEventBefore = before - (int) gate.decisions().stream().filter(d -> d.getOutcome() == Outcome.REVOKED).count();
          assertThat(after).as("one decision or one dead letter for %s", in).isGreaterThanOrEqualTo(perEventBefore + 1);
        }
      }
      for (Contribution c : gate.live().values()) {
        for (String canary : CANARIES) {
          assertThat(c.toString()).doesNotContainIgnoringCase(canary);
        }
      }
      for (ContributionDecision d : gate.decisions()) {
        if (d.getOutcome() == Outcome.CONTRIBUTED) {
          assertThat(d.getOrgId()).isEqualTo("o1");
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Input>> inputs() {
    Arbitrary<String> key = Arbitraries.of("o1", "o2", "not-the-org", "").injectNull(0.2);
    Arbitrary<Input> randomBytes = Combinators.combine(Arbitraries.of(true, false), key,
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
        .as((s, k, b) -> new Input(s, k, b, "random bytes"));
    Arbitrary<Input> truncated = Combinators.combine(Arbitraries.integers().between(0, 60), key)
        .as((cut, k) -> {
          byte[] valid = SERDES.dataEvent.encode("data-events", event("t", "a text").build());
          return new Input(false, k, Arrays.copyOf(valid, Math.min(cut, valid.length - 1)), "truncated Avro");
        });
    Arbitrary<Input> flipped = Combinators.combine(Arbitraries.integers().between(0, 200), key)
        .as((pos, k) -> {
          byte[] valid = SERDES.dataEvent.encode("data-events", event("f", "flip me").build());
          valid[pos % valid.length] ^= (byte) 0x5a;
          return new Input(false, k, valid, "bit-flipped Avro");
        });
    Arbitrary<Input> validEvent = Combinators.combine(key, Arbitraries.of(PII_ONLY, "x".repeat(1_000_000), "Deploy notes for Zedekiah", ""),
        Arbitraries.longs().between(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2).injectDuplicates(0.1))
        .as((k, text, occurred) -> {
          var e = event("v" + Math.abs(occurred % 1000), text).actor("acc-1", "Zedekiah Canaryson", "zed.canary@example.com").build();
          e.setOccurredAt(Instant.ofEpochMilli(occurred)); // extreme times, far past and far future
          return new Input(false, k, SERDES.dataEvent.encode("data-events", e), "valid event");
        });
    Arbitrary<Input> badSettings = key.map(k -> new Input(true, k, new byte[] {(byte) 0xC3, 0x01, 1, 2, 3}, "bad settings"));
    Arbitrary<Input> unknownFingerprint = key.map(k -> {
      byte[] valid = SERDES.dataEvent.encode("data-events", event("u", "x").build());
      valid[2] ^= 0x01; // the fingerprint follows the two-byte marker
      return new Input(false, k, valid, "unknown fingerprint");
    });
    return Arbitraries.oneOf(randomBytes, truncated, flipped, validEvent, validEvent, badSettings, unknownFingerprint)
        .list().ofMinSize(1).ofMaxSize(12);
  }

  private static Fixtures.EventBuilder event(String id, String text) {
    return Fixtures.event(id, "o1", "2026-09-02T00:00:00Z").text(text);
  }
}
