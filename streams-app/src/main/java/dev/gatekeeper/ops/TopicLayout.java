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
    specs.add(compacted(topics.contributions()));
    specs.add(retained(topics.decisions(), DECISIONS_RETENTION));
    specs.add(retained(topics.deadLetters(), DLQ_RETENTION));
    specs.add(retained(topics.receipts(), DECISIONS_RETENTION));
    specs.add(compacted(topics.aggregates()));
    for (String regional : routing.regionalTopics(topics)) {
      specs.add(compacted(regional));
    }
    return specs;
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
