package dev.gatekeeper.topology;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic is kept on the brokers: compacted where the latest value per key is the truth
 * (settings, contributions, aggregates), retained for a time where the topic is a log (events,
 * decisions, receipts, dead letters). {@code topics create} creates topics with {@link #configs()}
 * and the start-up check insists on compaction where {@link #isCompacted()} says so.
 *
 * @param cleanup the cleanup policy
 * @param retention how long a log's records are kept; null for a compacted topic (kept until
 *     superseded)
 * @param tombstoneRetention how long a compacted topic keeps tombstones; null for the broker's
 *     default
 */
public record TopicLayout(Cleanup cleanup, Duration retention, Duration tombstoneRetention) {

  /** Kafka's {@code cleanup.policy}. */
  public enum Cleanup { COMPACT, DELETE }

  public TopicLayout {
    Objects.requireNonNull(cleanup, "cleanup");
    if (cleanup == Cleanup.COMPACT && retention != null) {
      throw new IllegalArgumentException("a compacted topic keeps the latest value per key; give it no time retention");
    }
    if (cleanup == Cleanup.DELETE && tombstoneRetention != null) {
      throw new IllegalArgumentException("tombstone retention applies to compacted topics only");
    }
  }

  /** Compacted, tombstones kept as long as the broker's default says. */
  public static TopicLayout compacted() {
    return new TopicLayout(Cleanup.COMPACT, null, null);
  }

  /** Compacted, tombstones kept at least {@code tombstones}. */
  public static TopicLayout compactedKeepingTombstones(Duration tombstones) {
    return new TopicLayout(Cleanup.COMPACT, null, Objects.requireNonNull(tombstones, "tombstones"));
  }

  /** A log whose records are deleted after {@code retention}; null keeps the broker's default. */
  public static TopicLayout retained(Duration retention) {
    return new TopicLayout(Cleanup.DELETE, retention, null);
  }

  public boolean isCompacted() {
    return cleanup == Cleanup.COMPACT;
  }

  /** The topic configurations to create the topic with. */
  public Map<String, String> configs() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        isCompacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
    if (retention != null) {
      configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }
    if (tombstoneRetention != null) {
      configs.put(TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(tombstoneRetention.toMillis()));
    }
    return Map.copyOf(configs);
  }
}
