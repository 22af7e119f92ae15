package dev.gatekeeper.export;

import static dev.gatekeeper.export.Records.tombstone;
import static dev.gatekeeper.export.Records.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotReaderTest {
  private final SnapshotReader reader = new SnapshotReader();

  private void read(LogRecord... records) throws ExportException {
    for (LogRecord r : records) {
      reader.accept(r);
    }
  }

  private static List<String> keys(List<LogRecord> records) {
    return records.stream().map(LogRecord::key).toList();
  }

  @Test
  void theLatestValueOfAKeyWins() throws Exception {
    LogRecord newer = value(0, 5, "a");
    read(value(0, 1, "a"), newer);
    assertThat(reader.live().records()).containsExactly(newer);
  }

  @Test
  void aTombstoneDeletesTheKeyFromAFullSnapshot() throws Exception {
    read(value(0, 1, "a"), value(0, 2, "b"), tombstone(0, 3, "a", 99));
    Snapshot live = reader.live();
    assertThat(keys(live.records())).containsExactly("b");
    assertThat(live.deletions()).isEmpty();
    assertThat(live.logRecordsRead()).isEqualTo(3);
  }

  @Test
  void aValueAfterATombstoneAddsTheKeyBack() throws Exception {
    LogRecord readded = value(0, 3, "a");
    read(value(0, 1, "a"), tombstone(0, 2, "a", 99), readded);
    assertThat(reader.live().records()).containsExactly(readded);
    assertThat(reader.changes().deletions()).isEmpty();
  }

  @Test
  void changesSplitKeysByTheirLatestRecordIntoAdditionsAndDeletions() throws Exception {
    read(value(0, 10, "added"), tombstone(0, 11, "revoked", 1234), value(1, 7, "updated"), value(1, 8, "updated"),
        value(1, 9, "added-then-revoked"), tombstone(1, 12, "added-then-revoked", 5678));
    Snapshot changes = reader.changes();
    assertThat(keys(changes.records())).containsExactly("added", "updated");
    assertThat(changes.records().get(1).offset()).isEqualTo(8);
    assertThat(keys(changes.deletions())).containsExactly("added-then-revoked", "revoked");
    assertThat(changes.deletions()).extracting(LogRecord::timestamp).containsExactly(5678L, 1234L);
  }

  @Test
  void writesKeysInKeyOrderWhateverThePartitionInterleaving() throws Exception {
    read(value(1, 0, "c"), value(0, 0, "b"), value(1, 1, "a"), value(0, 1, "d"));
    assertThat(keys(reader.live().records())).containsExactly("a", "b", "c", "d");
  }

  @Test
  void refusesAKeyInTwoPartitionsBecauseItsLatestRecordIsUndefined() throws Exception {
    read(value(0, 1, "a"));
    assertThatThrownBy(() -> reader.accept(tombstone(1, 1, "a", 5)))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("partitions 0 (offset 1) and 1 (offset 1)")
        .hasMessageNotContaining("\"a\"");
  }

  @Test
  void rejectsOffsetsThatDoNotIncreaseWithinAPartition() throws Exception {
    read(value(0, 5, "a"));
    assertThatThrownBy(() -> reader.accept(value(0, 5, "b"))).isInstanceOf(IllegalArgumentException.class);
  }
}
