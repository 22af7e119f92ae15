package dev.gatekeeper.export;

/**
 * One record of a compacted topic as the export sees it, free of Kafka types.
 *
 * @param key the record key (the contribution id)
 * @param value the raw value bytes, or null for a tombstone
 * @param timestamp the record timestamp, epoch milliseconds
 */
public record LogRecord(int partition, long offset, String key, byte[] value, long timestamp) {
  public boolean isTombstone() {
    return value == null;
  }
}
