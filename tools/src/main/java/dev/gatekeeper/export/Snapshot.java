package dev.gatekeeper.export;

import java.util.List;

/**
 * What an export writes, each list in key order.
 *
 * @param records the latest record of each key that has a value: live (full) or added (incremental)
 * @param deletions the tombstone of each key deleted in the range read (incremental; empty for full)
 * @param logRecordsRead how many records of the topic were read to compute it
 */
public record Snapshot(List<LogRecord> records, List<LogRecord> deletions, long logRecordsRead) {
  public Snapshot {
    records = List.copyOf(records);
    deletions = List.copyOf(deletions);
  }
}
