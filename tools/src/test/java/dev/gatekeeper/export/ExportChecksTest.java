package dev.gatekeeper.export;

import static dev.gatekeeper.export.ManifestJsonTest.full;
import static dev.gatekeeper.export.ManifestJsonTest.offsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportChecksTest {
  private static final Instant EARLIER = Instant.parse("2026-09-01T10:00:00Z");
  private static final Duration ONE_DAY = Duration.ofDays(1);
  private static final Instant AN_HOUR_LATER = EARLIER.plus(Duration.ofHours(1));

  private static TopicState topic(String name, String id, long[] beginnings, long[] ends) {
    return new TopicState(name, id, offsets(beginnings), offsets(ends), ONE_DAY);
  }

  private static TopicState contributions(long[] beginnings, long[] ends) {
    return topic("contributions", "topic-id-1", beginnings, ends);
  }

  private final Manifest earlier = full("contributions", EARLIER, 17, 23);

  @Test
  void continuesFromTheEarlierManifestsEndOffsets() throws Exception {
    TopicState now = contributions(new long[] {0, 0}, new long[] {40, 23});
    assertThat(ExportChecks.sinceOffsets(earlier, "m.json", now, AN_HOUR_LATER)).isEqualTo(offsets(17, 23));
  }

  @Test
  void refusesAManifestOfAnotherTopic() {
    TopicState now = topic("contributions.eu", "topic-id-1", new long[] {0, 0}, new long[] {40, 40});
    assertThatThrownBy(() -> ExportChecks.sinceOffsets(earlier, "m.json", now, AN_HOUR_LATER))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("is of topic 'contributions', not 'contributions.eu'");
  }

  @Test
  void refusesATopicThatWasRecreatedUnderTheSameName() {
    TopicState now = topic("contributions", "topic-id-2", new long[] {0, 0}, new long[] {40, 40});
    assertThatThrownBy(() -> ExportChecks.sinceOffsets(earlier, "m.json", now, AN_HOUR_LATER))
        .hasMessageContaining("deleted and re-created")
        .hasMessageContaining("run a full export");
  }

  @Test
  void refusesAChangedPartitionCount() {
    TopicState now = contributions(new long[] {0, 0, 0}, new long[] {40, 40, 0});
    assertThatThrownBy(() -> ExportChecks.sinceOffsets(earlier, "m.json", now, AN_HOUR_LATER))
        .hasMessageContaining("has 3 partitions but the manifest m.json has 2")
        .hasMessageContaining("run a full export");
  }

  @Test
  void refusesAnOffsetBeyondTheTopicsEnd() {
    TopicState now = contributions(new long[] {0, 0}, new long[] {40, 22});
    assertThatThrownBy(() -> ExportChecks.sinceOffsets(earlier, "m.json", now, AN_HOUR_LATER))
        .hasMessageContaining("ends partition 1 at offset 23, beyond the topic's end (22)")
        .hasMessageContaining("run a full export");
  }

  @Test
  void refusesAnOffsetBeforeTheTopicsBeginningBecauseRecordsWereDeleted() {
    TopicState now = contributions(new long[] {0, 24}, new long[] {40, 30});
    assertThatThrownBy(() -> ExportChecks.sinceOffsets(earlier, "m.json", now, AN_HOUR_LATER))
        .hasMessageContaining("partition 1 of 'contributions' now begins at offset 24, after the manifest's offset 23")
        .hasMessageContaining("run a full export");
  }

  @Test
  void refusesAManifestOlderThanTheTopicsDeleteRetentionBecauseTombstonesMayBeGone() throws Exception {
    TopicState now = contributions(new long[] {0, 0}, new long[] {40, 40});
    assertThat(ExportChecks.sinceOffsets(earlier, "m.json", now, EARLIER.plus(ONE_DAY).minusMillis(1))).isNotNull();
    assertThatThrownBy(() -> ExportChecks.sinceOffsets(earlier, "m.json", now, EARLIER.plus(ONE_DAY)))
        .hasMessageContaining("keeps tombstones only delete.retention.ms=86400000 (24.0 h)")
        .hasMessageContaining("deletions could be missed")
        .hasMessageContaining("Run a full export into a new directory and replace the dataset");
  }

  @Test
  void refusesAReadThatEndedAfterTheTombstonesItNeededMayHaveGone() throws Exception {
    ExportChecks.readInTime(EARLIER, ONE_DAY, EARLIER.plus(ONE_DAY).minusMillis(1), "contributions");
    assertThatThrownBy(() -> ExportChecks.readInTime(EARLIER, ONE_DAY, EARLIER.plus(ONE_DAY), "contributions"))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("nothing was published");
  }
}
