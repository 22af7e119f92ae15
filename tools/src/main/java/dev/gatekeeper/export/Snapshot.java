package dev.gatekeeper.export;

/**
 * What an export writes, read back from the {@link LatestRecordStore} one record at a time, so
 * that writing needs no more memory than reading. Valid while the store is open. Each pass
 * refuses a key found in two partitions with an {@link ExportException}.
 */
public final class Snapshot {
  private final LatestRecordStore store;
  private final long logRecordsRead;

  Snapshot(LatestRecordStore store, long logRecordsRead) {
    this.store = store;
    this.logRecordsRead = logRecordsRead;
  }

  /** The latest record of each key that has a value, in key order: live (full) or added (incremental). */
  LatestRecordStore.Cursor records() throws ExportException {
    return store.inKeyOrder(false);
  }

  /** The tombstone of each key whose latest record is one, in key order: the deletions of an incremental export. */
  LatestRecordStore.Cursor deletions() throws ExportException {
    return store.inKeyOrder(true);
  }

  /** How many records of the topic were read to compute it. */
  public long logRecordsRead() {
    return logRecordsRead;
  }
}
