package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.deid.Placeholder;
import dev.gatekeeper.runtime.MicrometerGatekeeperMetrics;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.testing.TestConfigs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The topology's counters, through the Micrometer implementation, equal what it wrote: decisions
 * by outcome and reason, receipts, dead letters by input and cause, placeholders by type in the
 * contributions, aggregate buckets published and withdrawn.
 */
class MetricsTest {
  private static final String T0 = "2026-09-01T00:00:00Z";
  private static final String T1 = "2026-09-02T10:00:00Z";
  private static final String T2 = "2026-09-03T00:00:00Z";
  private static final int K = 10;
  private static final Pattern TOKEN = Pattern.compile("\\[([A-Z_]+)]");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final GateHarness gate = new GateHarness(TestConfigs.gatekeeper(), new MicrometerGatekeeperMetrics(registry));

  @BeforeEach
  void kOrgsContributeThenOneOptsOutAndOneSendsGarbageSettings() {
    for (int i = 0; i < K; i++) {
      gate.settings(org("o" + i, T0, ContributionSetting.ON).build());
      gate.event(event("bug-" + i, "o" + i, T1).metadata().attribute("issueType", "Bug").build());
      gate.event(event("text-" + i, "o" + i, T1)
          .actor("acc-" + i, "Ada Lovelace", "ada@example.com")
          .text("Ada Lovelace (ada@example.com) asked acc-" + i + " to call +44 20 7946 0958 from 192.168.0.1")
          .build());
    }
    gate.event(event("stranger", "o-unknown", T1).build());
    gate.event(event("too-early", "o1", "2026-08-01T00:00:00Z").build());
    gate.settings(org("o0", T2, ContributionSetting.OFF).build());
    gate.rawSettings("o1", "garbage settings".getBytes(StandardCharsets.UTF_8), Instant.parse(T2));
    gate.rawSettings(null, "settings without a key".getBytes(StandardCharsets.UTF_8), Instant.parse(T2));
    gate.rawEvent("o2", "garbage event".getBytes(StandardCharsets.UTF_8), Instant.parse(T1));
    gate.event(event("", "o2", T1).build());
  }

  @AfterEach
  void close() {
    gate.close();
  }

  private static dev.gatekeeper.testing.Fixtures.SettingsBuilder org(String orgId, String at, ContributionSetting setting) {
    return settings(orgId, at).product("s1", "jira", ENTERPRISE).metadata(setting).inApp(setting);
  }

  @Test
  void countsEveryDecisionWrittenByOutcomeAndReason() {
    Map<String, Long> written = new TreeMap<>();
    gate.decisions().forEach(d -> written.merge(d.getOutcome() + "/" + d.getReason(), 1L, Long::sum));

    assertThat(counted(MicrometerGatekeeperMetrics.DECISIONS, c -> c.getId().getTag("outcome") + "/" + c.getId().getTag("reason")))
        .isEqualTo(written);
    assertThat(gate.decisions()).extracting(d -> d.getOutcome())
        .contains(Outcome.CONTRIBUTED, Outcome.DROPPED, Outcome.REVOKED);
    assertThat(written.keySet()).contains("REVOKED/METADATA_OFF", "REVOKED/SETTINGS_INVALID", "DROPPED/NO_SETTINGS");
  }

  @Test
  void countsReceiptsAndBucketsAsWritten() {
    long published = gate.aggregateRecords().stream().filter(r -> r.value() != null).count();
    long withdrawn = gate.aggregateRecords().stream().filter(r -> r.value() == null).count();

    assertThat(gate.receipts()).hasSize(2);
    assertThat(registry.get(MicrometerGatekeeperMetrics.RECEIPTS).counter().count()).isEqualTo(2);
    assertThat(published).isPositive();
    assertThat(withdrawn).isPositive();
    assertThat(registry.get(MicrometerGatekeeperMetrics.BUCKETS_PUBLISHED).counter().count()).isEqualTo(published);
    assertThat(registry.get(MicrometerGatekeeperMetrics.BUCKETS_WITHDRAWN).counter().count()).isEqualTo(withdrawn);
  }

  @Test
  void countsDeadLettersByInputAndErrorClassSimpleName() {
    assertThat(counted(MicrometerGatekeeperMetrics.DEAD_LETTERS, c -> c.getId().getTag("input") + "/" + c.getId().getTag("cause")))
        .isEqualTo(Map.of(
            "data-events/SerializationException", 1L,
            "data-events/InvalidDataEvent", 1L,
            "org-settings/SerializationException", 1L,
            "org-settings/InvalidOrgSettings", 1L));
    assertThat(gate.deadLetters()).hasSize(4);
  }

  @Test
  void countsThePlaceholdersInTheContributionsWritten() {
    Map<String, Long> written = new TreeMap<>();
    for (TestRecord<String, Contribution> r : gate.contributionRecords()) {
      if (r.value() != null) {
        tokens(r.value().getText(), written);
        r.value().getAttributes().values().forEach(v -> tokens(v, written));
      }
    }
    Map<String, Long> counted = counted(MicrometerGatekeeperMetrics.PLACEHOLDERS, c -> c.getId().getTag("type"));
    counted.values().removeIf(n -> n == 0);

    assertThat(counted).isEqualTo(written);
    assertThat(written).containsKeys(Placeholder.NAME.name(), Placeholder.EMAIL.name(), Placeholder.MENTION.name(),
        Placeholder.PHONE.name(), Placeholder.IP.name());
    assertThat(registry.find(MicrometerGatekeeperMetrics.PLACEHOLDERS).counters())
        .as("every type has its series from the start").hasSize(Placeholder.values().length);
  }

  private Map<String, Long> counted(String name, Function<Counter, String> key) {
    Map<String, Long> out = new TreeMap<>();
    registry.find(name).counters().forEach(c -> out.merge(key.apply(c), (long) c.count(), Long::sum));
    return out;
  }

  private static void tokens(String text, Map<String, Long> into) {
    if (text == null) {
      return;
    }
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      into.merge(m.group(1), 1L, Long::sum);
    }
  }
}
