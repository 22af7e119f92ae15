package dev.gatekeeper.ops;

import dev.gatekeeper.topology.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Rewinds the gatekeeper's data-event inputs to their beginning so that the next start decides
 * every retained event again. The state stores are kept on purpose: the settings history already
 * holds each org's current settings, so replayed settings records are stale and ignored, and
 * every replayed event is decided against the org's current settings from the first record on —
 * nothing the current settings forbid is contributed, not even for a moment. Refuses while any
 * instance of the application is alive.
 */
public final class Reprocessing {
  private final Admin admin;
  private final Duration timeout;

  public Reprocessing(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** Thrown when an instance is still a member of the application's group. */
  public static final class InstanceAlive extends Exception {
    InstanceAlive(String message) {
      super(message);
    }
  }

  /** Rewinds; returns the partitions rewound with the offset each will start from. */
  public Map<TopicPartition, Long> rewind(String applicationId, TopicNames topics) throws Exception {
    ConsumerGroupDescription group =
        admin.describeConsumerGroups(List.of(applicationId)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(applicationId);
    if (group != null && !group.members().isEmpty()) {
      throw new InstanceAlive("application '" + applicationId + "' has " + group.members().size()
          + " live instance(s); stop every instance (SIGTERM) and run reset again");
    }
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    for (var d : admin.describeTopics(topics.inputTopics()).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).values()) {
      d.partitions().forEach(p -> earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest()));
    }
    Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
    Map<TopicPartition, Long> result = new HashMap<>();
    admin.listOffsets(earliest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach((tp, info) -> {
      target.put(tp, new OffsetAndMetadata(info.offset()));
      result.put(tp, info.offset());
    });
    admin.alterConsumerGroupOffsets(applicationId, target).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return result;
  }
}
