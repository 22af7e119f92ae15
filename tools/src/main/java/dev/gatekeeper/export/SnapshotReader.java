package dev.gatekeeper.export;

import java.util.HashMap;
import java.util.Map;

/**
 * Folds the records of a compacted topic into the latest record per key: what compaction
 * converges to. The latest value wins; a later tombstone deletes the key, a later value adds it
 * back. No Kafka types; the records go to a {@link LatestRecordStore} on disk, so the heap holds
 * only the last offset of each partition, however many keys the topic has.
 *
 * <p>It keeps each key's latest raw value bytes, not decoded records. Tombstones are kept too (a
 * key and a timestamp): an incremental export reports them, and both kinds need them to notice a
 * key in two partitions.
 *
 * <p>Contract for the caller: records of each partition arrive in offset order (a consumer's
 * order); partitions may interleave arbitrarily.
 */
public final class SnapshotReader {
  private final LatestRecordStore latest;
  private final Map<Integer, Long> lastOffsets = new HashMap<>();
  private long read;

  /** @param latest an empty store, which the caller closes after writing the {@link #snapshot} */
  SnapshotReader(LatestRecordStore latest) {
    this.latest = latest;
  }

  /**
   * Takes the next record of its partition. A key found in two partitions is refused when the
   * {@link #snapshot} is read, where the store has the key's records side by side.
   *
   * @throws ExportException if the key holds a 0 character, which no contribution id has
   * @throws IllegalArgumentException if offsets of a partition do not increase (a caller bug)
   * @throws java.io.UncheckedIOException if the store fails, e.g. its disk is full
   */
  public void accept(LogRecord r) throws ExportException {
    Long last = lastOffsets.put(r.partition(), r.offset());
    if (last != null && r.offset() <= last) {
      throw new IllegalArgumentException("partition " + r.partition() + ": offset " + r.offset() + " after " + last);
    }
    if (r.key().indexOf('\0') >= 0) {
      throw new ExportException("the record at partition " + r.partition() + " offset " + r.offset()
          + " has a key with a 0 character, so it is not a contribution id; nothing was published");
    }
    latest.put(r);
    read++;
  }

  /**
   * What was read, as a view of the store: the keys whose latest record has a value (live for a
   * full export; additions, including updates of keys exported before, for an incremental one)
   * and those whose latest is a tombstone (deletions), each in key order. Reading it refuses a
   * key found in two partitions ({@link ExportException}): a key's records are ordered only within
   * one partition, so which is the latest is unknown, and a stale value could outlive its
   * revocation.
   */
  public Snapshot snapshot() {
    return new Snapshot(latest, read);
  }
}
