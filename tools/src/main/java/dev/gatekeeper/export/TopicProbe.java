package dev.gatekeeper.export;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Reads a topic's {@link TopicState} through the admin client. */
final class TopicProbe {
  private final Admin admin;
  private final Duration timeout;

  TopicProbe(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** @throws ExportException if the topic does not exist or cannot be described in time */
  TopicState describe(String topic) throws ExportException {
    TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames(), topic, "describe").get(topic);
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    description.partitions().forEach(p -> {
      earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
      latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
    });
    SortedMap<Integer, Long> beginning = offsets(earliest, new ListOffsetsOptions(), topic);
    // read_committed makes "latest" the last stable offset: nothing at or after it is settled yet.
    SortedMap<Integer, Long> end = offsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED), topic);
    return new TopicState(topic, description.topicId().toString(), beginning, end, deleteRetention(topic));
  }

  private SortedMap<Integer, Long> offsets(Map<TopicPartition, OffsetSpec> specs, ListOffsetsOptions options, String topic)
      throws ExportException {
    SortedMap<Integer, Long> out = new TreeMap<>();
    await(admin.listOffsets(specs, options).all(), topic, "list the offsets of").forEach((tp, info) -> out.put(tp.partition(), info.offset()));
    return out;
  }

  private Duration deleteRetention(String topic) throws ExportException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = await(admin.describeConfigs(List.of(resource)).all(), topic, "describe the configuration of").get(resource);
    ConfigEntry entry = config == null ? null : config.get(TopicConfig.DELETE_RETENTION_MS_CONFIG);
    if (entry == null || entry.value() == null) {
      throw new ExportException("cannot read delete.retention.ms of topic '" + topic
          + "', which bounds how long revocations stay readable; grant the client DescribeConfigs on the topic");
    }
    return Duration.ofMillis(Long.parseLong(entry.value()));
  }

  private <T> T await(KafkaFuture<T> future, String topic, String what) throws ExportException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new ExportException("topic '" + topic + "' does not exist; pass an existing topic to --topic, or set topics.contributions");
      }
      throw new ExportException("cannot " + what + " topic '" + topic + "' (" + e.getCause().getClass().getSimpleName()
          + "); check the cluster and the client's permissions");
    } catch (TimeoutException e) {
      throw new ExportException("cannot " + what + " topic '" + topic + "' within " + timeout.toSeconds() + " s; check the cluster");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExportException("interrupted while trying to " + what + " topic '" + topic + "'");
    }
  }
}
