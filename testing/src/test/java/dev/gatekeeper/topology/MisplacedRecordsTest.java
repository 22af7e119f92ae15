package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * A producer that does not partition by murmur2 (librdkafka's default is CRC32) puts an org's
 * records outside the partition its key belongs in. The test driver reads every input from
 * partition 0, so with two partitions configured, an org whose key hashes to partition 1 is such
 * an org: its settings and events must still meet, and its opt-out still revoke.
 */
class MisplacedRecordsTest {
  private static final int PARTITIONS = 2;

  /** The first org id of the form {@code org-N} whose key belongs in partition 1. */
  private static final String ELSEWHERE = IntStream.range(0, 100).mapToObj(i -> "org-" + i)
      .filter(o -> Utils.toPositive(Utils.murmur2(o.getBytes(StandardCharsets.UTF_8))) % PARTITIONS == 1)
      .findFirst().orElseThrow();

  @Test
  void settingsAndEventsOutsideTheirKeysPartitionMeetAndAnOptOutRevokes() {
    assertThat(KeyPartitions.misplaced(ELSEWHERE.getBytes(StandardCharsets.UTF_8), 0, PARTITIONS)).isTrue();
    try (GateHarness gate = new GateHarness(TestConfigs.gatekeeper().withInputPartitions(PARTITIONS))) {
      gate.settings(settings(ELSEWHERE, "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
      gate.event(event("e1", ELSEWHERE, "2026-09-02T00:00:00Z").build());

      assertThat(gate.lastDecision("e1").getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
      assertThat(gate.live()).hasSize(1);

      gate.settings(settings(ELSEWHERE, "2026-09-03T00:00:00Z").product("s1", "jira", FREE).inApp(ContributionSetting.OFF).build());

      assertThat(gate.live()).as("the opt-out reached the task holding the contribution").isEmpty();
      assertThat(gate.decisions()).extracting(d -> d.getOutcome() + ":" + d.getReason())
          .containsExactly("CONTRIBUTED:CONTRIBUTED", "REVOKED:IN_APP_OFF");
    }
  }

  @Test
  void aMisplacedSettingsRecordThatDoesNotDecodeIsStillADeadLetterAndMakesTheOrgUndecidable() {
    try (GateHarness gate = new GateHarness(TestConfigs.gatekeeper().withInputPartitions(PARTITIONS))) {
      gate.settings(settings(ELSEWHERE, "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
      gate.event(event("e1", ELSEWHERE, "2026-09-02T00:00:00Z").build());
      gate.rawSettings(ELSEWHERE, new byte[] {(byte) 0xC3, 0x01, 1, 2, 3}, Instant.parse("2026-09-03T00:00:00Z"));

      assertThat(gate.deadLetters()).hasSize(1);
      assertThat(gate.live()).as("fail closed").isEmpty();
    }
  }

  @Test
  void withThePartitionCountUnknownNothingIsMoved() {
    assertThat(KeyPartitions.misplaced(ELSEWHERE.getBytes(StandardCharsets.UTF_8), 0, 0)).isFalse();
    assertThat(KeyPartitions.misplaced(null, 0, PARTITIONS)).isFalse();
    assertThat(KeyPartitions.misplaced(ELSEWHERE.getBytes(StandardCharsets.UTF_8), 1, PARTITIONS)).isFalse();
  }
}
