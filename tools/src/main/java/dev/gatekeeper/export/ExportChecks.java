package dev.gatekeeper.export;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/**
 * The rules that keep an export from being silently incomplete. Pure: the topic's state and the
 * time are given.
 *
 * <p>Why time matters: compaction removes a tombstone once it has been in the cleaned part of the
 * log for {@code delete.retention.ms}, so a tombstone is guaranteed to be readable only until
 * that long after it was written. A reader that starts at a point in time must therefore reach
 * the end of its range within {@code delete.retention.ms} of that point, or a revocation may be
 * missed: for a full export a revoked record would stay in the snapshot, for an incremental one
 * the deletion would be missing. Both are privacy failures, so both are refused.
 */
public final class ExportChecks {
  private static final String FULL_EXPORT = "run a full export into a new directory and replace the dataset with it";

  private ExportChecks() {}

  /**
   * Where an incremental export continues: the earlier manifest's end offsets, once they are known
   * to still describe this topic's history.
   *
   * @param source how to name the earlier manifest in messages (its path)
   * @throws ExportException if the manifest is of another topic or another incarnation of it, the
   *     partition count changed, its offsets are beyond the topic's end or before its beginning, or
   *     it is too old for every tombstone written since to still be on the topic
   */
  public static SortedMap<Integer, Long> sinceOffsets(Manifest earlier, String source, TopicState now, Instant clock)
      throws ExportException {
    if (!earlier.topic().equals(now.topic())) {
      throw new ExportException("the manifest " + source + " is of topic '" + earlier.topic() + "', not '" + now.topic()
          + "': pass --topic " + earlier.topic() + ", or a manifest of '" + now.topic() + "'");
    }
    if (!earlier.topicId().equals(now.topicId())) {
      throw new ExportException("topic '" + now.topic() + "' was deleted and re-created since the manifest " + source
          + " (topic id " + earlier.topicId() + ", now " + now.topicId() + "), so its offsets mean something else: " + FULL_EXPORT);
    }
    if (earlier.endOffsets().size() != now.partitions()) {
      throw new ExportException("topic '" + now.topic() + "' has " + now.partitions() + " partitions but the manifest " + source
          + " has " + earlier.endOffsets().size() + ": keys have moved between partitions, so changes cannot be followed: " + FULL_EXPORT);
    }
    for (Map.Entry<Integer, Long> e : earlier.endOffsets().entrySet()) {
      int p = e.getKey();
      long offset = e.getValue();
      if (offset > now.endOffsets().get(p)) {
        throw new ExportException("the manifest " + source + " ends partition " + p + " at offset " + offset + ", beyond the topic's end ("
            + now.endOffsets().get(p) + "): the manifest is not from this topic's history, or the log was truncated: " + FULL_EXPORT);
      }
      if (offset < now.beginningOffsets().get(p)) {
        throw new ExportException("partition " + p + " of '" + now.topic() + "' now begins at offset " + now.beginningOffsets().get(p)
            + ", after the manifest's offset " + offset + ": records in between were deleted, so changes would be missed: " + FULL_EXPORT);
      }
    }
    Duration age = Duration.between(earlier.createdAt(), clock);
    if (age.compareTo(now.deleteRetention()) >= 0) {
      throw new ExportException("the manifest " + source + " is from " + earlier.createdAt() + ", " + hours(age) + " ago, but topic '"
          + now.topic() + "' keeps tombstones only delete.retention.ms=" + now.deleteRetention().toMillis() + " (" + hours(now.deleteRetention())
          + "): compaction may have removed revocations since, so deletions could be missed. " + capitalized(FULL_EXPORT)
          + "; export incrementally more often than every " + hours(now.deleteRetention()) + ", or raise the topic's delete.retention.ms");
    }
    return earlier.endOffsets();
  }

  /**
   * Checks, after reading, that the read ended while every tombstone it needed was still
   * guaranteed on the topic.
   *
   * @param readFrom the point in time the range starts at: the earlier manifest's {@code
   *     createdAt} (incremental) or when this export took its end offsets (full)
   * @throws ExportException if {@code delete.retention.ms} had passed since {@code readFrom}
   */
  public static void readInTime(Instant readFrom, Duration deleteRetention, Instant clock, String topic) throws ExportException {
    Duration taken = Duration.between(readFrom, clock);
    if (taken.compareTo(deleteRetention) >= 0) {
      throw new ExportException("the export finished " + hours(taken) + " after its starting point, more than topic '" + topic
          + "' keeps tombstones (delete.retention.ms=" + deleteRetention.toMillis() + "): revocations may have been compacted away"
          + " while reading, so nothing was published. Run a full export again (a faster disk or network, or a larger"
          + " delete.retention.ms, gives it the time)");
    }
  }

  private static String hours(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f h", d.toMillis() / 3_600_000.0);
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
