package dev.gatekeeper.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Offsets for measuring progress without reading records: ends of topics, a group's commits. */
final class Offsets {
  private final Admin admin;

  Offsets(Admin admin) {
    this.admin = admin;
  }

  Map<TopicPartition, Long> ends(List<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
    for (var d : admin.describeTopics(topics).allTopicNames().get().values()) {
      d.partitions().forEach(p -> spec.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    admin.listOffsets(spec).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  /**
   * Blocks until every partition of {@code topics} has a leader that answers for its offsets, so
   * that a producer's first batches to just-created topics are not refused (an idempotent
   * producer refused there can stall on out-of-order sequences until its delivery timeout).
   */
  void awaitReady(List<String> topics, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        boolean led = admin.describeTopics(topics).allTopicNames().get().values().stream()
            .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        if (led) {
          ends(topics);
          return;
        }
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.RetriableException)) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics without a ready leader after " + timeout + ": " + topics);
      }
      // Leadership of new partitions is observed by asking the broker; no event announces it.
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
    }
  }

  /** Blocks until the group has committed every partition up to {@code ends}; returns when. */
  long awaitCommitted(String group, Map<TopicPartition, Long> ends, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      boolean done = ends.entrySet().stream().allMatch(e -> {
        OffsetAndMetadata c = committed.get(e.getKey());
        return e.getValue() == 0 || (c != null && c.offset() >= e.getValue());
      });
      if (done) {
        return System.nanoTime();
      }
      // Progress is observed by polling the group coordinator; no event announces it.
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
    }
    throw new IllegalStateException("group " + group + " did not catch up within " + timeout);
  }
}
