package dev.gatekeeper.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the records of a compacted topic into the latest record per key: what compaction
 * converges to. The latest value wins; a later tombstone deletes the key, a later value adds it
 * back. Pure: no Kafka types, no I/O.
 *
 * <p>It holds each key's latest raw value bytes, not decoded records, so memory stays close to
 * the size of the live data. Tombstones are kept too (a key and a timestamp): an incremental
 * export reports them, and both kinds need them to notice a key in two partitions.
 *
 * <p>Contract for the caller: records of each partition arrive in offset order (a consumer's
 * order); partitions may interleave arbitrarily.
 */
public final class SnapshotReader {
  private final Map<String, LogRecord> latest = new HashMap<>();
  private final Map<Integer, Long> lastOffsets = new HashMap<>();
  private long read;

  /**
   * Takes the next record of its partition.
   *
   * @throws ExportException if the key was seen in another partition: a key's records are ordered
   *     only within one partition, so which is the latest is unknown (the partition count was
   *     changed, or a producer used another partitioner), and a stale value could outlive its
   *     revocation
   * @throws IllegalArgumentException if offsets of a partition do not increase (a caller bug)
   */
  public void accept(LogRecord r) throws ExportException {
    Long last = lastOffsets.put(r.partition(), r.offset());
    if (last != null && r.offset() <= last) {
      throw new IllegalArgumentException("partition " + r.partition() + ": offset " + r.offset() + " after " + last);
    }
    LogRecord before = latest.put(r.key(), r);
    if (before != null && before.partition() != r.partition()) {
      throw new ExportException("one key has records in partitions " + before.partition() + " (offset " + before.offset()
          + ") and " + r.partition() + " (offset " + r.offset() + "), so its latest state is undefined; the topic's partition"
          + " count may have changed. Fix the topic (re-key it into a new topic) before exporting it");
    }
    read++;
  }

  /** For a full export: the keys whose latest record has a value, in key order. */
  public Snapshot live() {
    return new Snapshot(sorted(false), List.of(), read);
  }

  /**
   * For an incremental export: the keys whose latest record in the range read has a value
   * (additions, including updates of keys exported before) and those whose latest is a tombstone
   * (deletions), each in key order.
   */
  public Snapshot changes() {
    return new Snapshot(sorted(false), sorted(true), read);
  }

  private List<LogRecord> sorted(boolean tombstones) {
    List<LogRecord> out = new ArrayList<>();
    for (LogRecord r : latest.values()) {
      if (r.isTombstone() == tombstones) {
        out.add(r);
      }
    }
    // Key order makes the files of the same topic state identical, whatever the partitioning.
    out.sort(Comparator.comparing(LogRecord::key));
    return out;
  }
}
