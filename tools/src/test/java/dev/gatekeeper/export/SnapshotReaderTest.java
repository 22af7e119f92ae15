package dev.gatekeeper.export;

import static dev.gatekeeper.export.Records.tombstone;
import static dev.gatekeeper.export.Records.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderTest {
  @TempDir Path root;
  private LatestRecordStore store;
  private SnapshotReader reader;

  @BeforeEach
  void open() throws Exception {
    store = LatestRecordStore.create(root.resolve("store"));
    reader = new SnapshotReader(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void read(LogRecord... records) throws ExportException {
    for (LogRecord r : records) {
      reader.accept(r);
    }
  }

  private List<LogRecord> records() throws ExportException {
    try (LatestRecordStore.Cursor in = reader.snapshot().records()) {
      return drain(in);
    }
  }

  private List<LogRecord> deletions() throws ExportException {
    try (LatestRecordStore.Cursor in = reader.snapshot().deletions()) {
      return drain(in);
    }
  }

  private static List<LogRecord> drain(LatestRecordStore.Cursor in) throws ExportException {
    List<LogRecord> out = new ArrayList<>();
    while (in.hasNext()) {
      out.add(in.next());
    }
    return out;
  }

  private static List<String> keys(List<LogRecord> records) {
    return records.stream().map(LogRecord::key).toList();
  }

  /** LogRecord holds a byte array, so records are compared by their parts. */
  private static String describe(LogRecord r) {
    return r.partition() + "/" + r.offset() + "/" + r.key() + "/" + r.timestamp() + "/" + java.util.Arrays.toString(r.value());
  }

  @Test
  void theLatestValueOfAKeyWins() throws Exception {
    LogRecord newer = value(0, 5, "a");
    read(value(0, 1, "a"), newer);
    assertThat(records()).extracting(SnapshotReaderTest::describe).containsExactly(describe(newer));
  }

  @Test
  void aTombstoneDeletesTheKeyFromAFullSnapshot() throws Exception {
    read(value(0, 1, "a"), value(0, 2, "b"), tombstone(0, 3, "a", 99));
    assertThat(keys(records())).containsExactly("b");
    assertThat(reader.snapshot().logRecordsRead()).isEqualTo(3);
  }

  @Test
  void aValueAfterATombstoneAddsTheKeyBack() throws Exception {
    LogRecord readded = value(0, 3, "a");
    read(value(0, 1, "a"), tombstone(0, 2, "a", 99), readded);
    assertThat(records()).extracting(SnapshotReaderTest::describe).containsExactly(describe(readded));
    assertThat(deletions()).isEmpty();
  }

  @Test
  void changesSplitKeysByTheirLatestRecordIntoAdditionsAndDeletions() throws Exception {
    read(value(0, 10, "added"), tombstone(0, 11, "revoked", 1234), value(1, 7, "updated"), value(1, 8, "updated"),
        value(1, 9, "added-then-revoked"), tombstone(1, 12, "added-then-revoked", 5678));
    assertThat(keys(records())).containsExactly("added", "updated");
    assertThat(records().get(1).offset()).isEqualTo(8);
    assertThat(keys(deletions())).containsExactly("added-then-revoked", "revoked");
    assertThat(deletions()).extracting(LogRecord::timestamp).containsExactly(5678L, 1234L);
    assertThat(deletions()).allMatch(LogRecord::isTombstone);
  }

  @Test
  void writesKeysInKeyOrderWhateverThePartitionInterleaving() throws Exception {
    read(value(1, 0, "c"), value(0, 0, "b"), value(1, 1, "a"), value(0, 1, "d"));
    assertThat(keys(records())).containsExactly("a", "b", "c", "d");
  }

  @Test
  void ordersKeysByCodePointSoTheOrderIsTheSameOnEveryRun() throws Exception {
    read(value(0, 0, "\uD83D\uDE00"), value(0, 1, "\uFFFD"), value(0, 2, "z"), value(0, 3, "\u00E9"));
    assertThat(keys(records())).containsExactly("z", "\u00E9", "\uFFFD", "\uD83D\uDE00");
  }

  @Test
  void refusesAKeyInTwoPartitionsBecauseItsLatestRecordIsUndefined() throws Exception {
    read(value(0, 1, "a"), value(0, 2, "b"), tombstone(1, 1, "a", 5));
    assertThatThrownBy(this::records)
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("partitions 0 (offset 1) and 1 (offset 1)")
        .hasMessageNotContaining("\"a\"");
    assertThatThrownBy(this::deletions).isInstanceOf(ExportException.class);
  }

  @Test
  void refusesAKeyInTwoPartitionsAfterOtherKeysWereWritten() throws Exception {
    read(value(0, 1, "a"), value(1, 1, "b"), value(0, 2, "c"), value(1, 2, "c"));
    try (LatestRecordStore.Cursor in = reader.snapshot().records()) {
      assertThat(in.next().key()).isEqualTo("a");
      assertThat(in.next().key()).isEqualTo("b");
      assertThatThrownBy(in::next).isInstanceOf(ExportException.class).hasMessageContaining("partitions 0 (offset 2) and 1 (offset 2)");
    }
  }

  @Test
  void refusesAKeyWithA0CharacterWhichWouldMixUpTheOrder() throws Exception {
    assertThatThrownBy(() -> reader.accept(value(0, 1, "a\0b")))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("partition 0 offset 1 has a key with a 0 character");
  }

  @Test
  void rejectsOffsetsThatDoNotIncreaseWithinAPartition() throws Exception {
    read(value(0, 5, "a"));
    assertThatThrownBy(() -> reader.accept(value(0, 5, "b"))).isInstanceOf(IllegalArgumentException.class);
  }
}
