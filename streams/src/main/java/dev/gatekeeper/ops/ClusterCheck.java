package dev.gatekeeper.ops;

import dev.gatekeeper.topology.Topic;
import dev.gatekeeper.topology.TopicCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Checks before the gatekeeper starts: the cluster answers, every topic of the catalog exists,
 * the ones its layout compacts are compacted (and only compacted: a delete policy would drop
 * settings or tombstones), and events and settings are co-partitioned.
 */
public final class ClusterCheck {
  private final Admin admin;
  private final Duration timeout;

  public ClusterCheck(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** Thrown when the cluster cannot be reached in time. */
  public static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message);
    }
  }

  /** Waits for the cluster to answer. */
  public void reachable(String bootstrap) throws Unreachable {
    try {
      admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new Unreachable("cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds()
          + " s; check bootstrap.servers and that the brokers are up (./gatekeeper broker starts one for development)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while reaching Kafka at " + bootstrap);
    }
  }

  /** Problems with the topics, each saying what to do; empty when all is well. */
  public List<String> topicProblems(TopicCatalog catalog) throws Unreachable {
    List<Topic<?, ?>> topics = catalog.all();
    List<String> problems = new ArrayList<>();
    Set<String> existing = names();
    List<String> present = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      if (existing.contains(topic.name())) {
        present.add(topic.name());
      } else {
        problems.add("topic '" + topic.name() + "' does not exist; create the topics with: ./gatekeeper topics create");
      }
    }
    if (present.isEmpty()) {
      return problems;
    }
    Map<String, TopicDescription> descriptions = describe(present);
    Map<ConfigResource, Config> configs = configs(present);
    for (Topic<?, ?> topic : topics) {
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
      if (config == null) {
        continue;
      }
      ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
      String value = policy == null ? "delete" : policy.value();
      if (topic.layout().isCompacted() && !value.equals(TopicConfig.CLEANUP_POLICY_COMPACT)) {
        problems.add("topic '" + topic.name() + "' has cleanup.policy=" + value + "; it must be compact: kafka-configs --alter --entity-type topics --entity-name "
            + topic.name() + " --add-config cleanup.policy=compact");
      }
    }
    TopicDescription settings = descriptions.get(catalog.orgSettings().name());
    if (settings != null) {
      for (Topic<?, ?> input : catalog.dataEvents()) {
        TopicDescription events = descriptions.get(input.name());
        if (events != null && events.partitions().size() != settings.partitions().size()) {
          problems.add("topic '" + input.name() + "' has " + events.partitions().size() + " partitions and '" + catalog.orgSettings().name()
              + "' has " + settings.partitions().size() + "; events and settings must be co-partitioned by orgId: give them the same count");
        }
      }
    }
    return problems;
  }

  private Set<String> names() throws Unreachable {
    return await(admin.listTopics().names(), "list topics");
  }

  private Map<String, TopicDescription> describe(Collection<String> names) throws Unreachable {
    return await(admin.describeTopics(names).allTopicNames(), "describe topics");
  }

  private Map<ConfigResource, Config> configs(Collection<String> names) throws Unreachable {
    Set<ConfigResource> resources = new HashSet<>();
    names.forEach(n -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, n)));
    return await(admin.describeConfigs(resources).all(), "describe topic configs");
  }

  private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) throws Unreachable {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new Unreachable("cannot " + what + " (" + e.getClass().getSimpleName() + "); check the cluster and the client's permissions");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while trying to " + what);
    }
  }
}
