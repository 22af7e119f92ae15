package dev.gatekeeper.ops;

import dev.gatekeeper.topology.Routing;
import dev.gatekeeper.topology.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics of CONTRACT.md with the configuration each needs: compaction where the latest value
 * per key is the truth (settings, contributions), time retention for logs (events, decisions,
 * dead letters).
 */
public final class TopicLayout {

  /** One topic to create or check. */
  public record Spec(String name, Map<String, String> configs, boolean compacted) {}

  static final Duration EVENTS_RETENTION = Duration.ofDays(7);
  static final Duration DECISIONS_RETENTION = Duration.ofDays(90);
  static final Duration DLQ_RETENTION = Duration.ofDays(14);
  static final Duration TOMBSTONE_RETENTION = Duration.ofDays(7);

  private TopicLayout() {}

  /**
   * The topics to create; a pattern of input topics contributes none (they are the producers').
   * Regional routing adds a compacted contributions topic (and aggregates topic, unless those
   * stay global) per configured region.
   */
  public static List<Spec> of(TopicNames topics, Routing routing) {
    List<Spec> specs = new ArrayList<>();
    for (String input : topics.inputTopics()) {
      specs.add(retained(input, EVENTS_RETENTION));
    }
    specs.add(compacted(topics.settings()));
    specs.add(contributions(topics.contributions()));
    specs.add(retained(topics.decisions(), DECISIONS_RETENTION));
    specs.add(retained(topics.deadLetters(), DLQ_RETENTION));
    specs.add(retained(topics.receipts(), DECISIONS_RETENTION));
    specs.add(compacted(topics.aggregates()));
    routing.regionalContributionTopics(topics).forEach(t -> specs.add(contributions(t)));
    routing.regionalAggregateTopics(topics).forEach(t -> specs.add(compacted(t)));
    return specs;
  }

  /**
   * Compacted, with tombstones kept a week rather than Kafka's default day: an incremental
   * {@code export} must read every revocation since the previous one, and refuses when the
   * previous one is older than this.
   */
  private static Spec contributions(String name) {
    return new Spec(
        name,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(TOMBSTONE_RETENTION.toMillis())),
        true);
  }

  private static Spec compacted(String name) {
    return new Spec(name, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT), true);
  }

  private static Spec retained(String name, Duration retention) {
    return new Spec(
        name,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())),
        false);
  }
}
