package dev.gatekeeper.export;

import java.time.Duration;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A topic as found when an export starts.
 *
 * @param topicId the topic's id, which changes when the topic is deleted and re-created
 * @param beginningOffsets per partition, the first offset still in the log
 * @param endOffsets per partition, the last stable offset: everything before it is committed or
 *     aborted, so a {@code read_committed} reader sees a settled history up to it
 * @param deleteRetention the topic's {@code delete.retention.ms}: how long compaction keeps a
 *     tombstone, at the least, after it was written
 */
public record TopicState(
    String topic,
    String topicId,
    SortedMap<Integer, Long> beginningOffsets,
    SortedMap<Integer, Long> endOffsets,
    Duration deleteRetention) {

  public TopicState {
    beginningOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(beginningOffsets));
    endOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(endOffsets));
    if (!beginningOffsets.keySet().equals(endOffsets.keySet())) {
      throw new IllegalArgumentException("beginning and end offsets name different partitions");
    }
  }

  public int partitions() {
    return endOffsets.size();
  }
}
