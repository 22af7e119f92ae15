package dev.gatekeeper.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidOffsetException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a fixed range of every partition of a topic, committed records only, and hands each
 * record to a {@link SnapshotReader}. It assigns the partitions itself, with no consumer group:
 * it commits nothing and disturbs no one.
 */
final class LogReader implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Duration stallTimeout;

  /** @param stallTimeout how long the read may go without progress before it gives up */
  LogReader(Properties clientProperties, Duration stallTimeout) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // A position outside the log means records were deleted under us: fail, never skip ahead.
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.stallTimeout = stallTimeout;
  }

  /**
   * Reads each partition from {@code from} up to {@code end} (exclusive).
   *
   * @throws ExportException if a record has no key, records in the range were deleted while
   *     reading, or the read stalls for longer than the stall timeout
   */
  void read(String topic, Map<Integer, Long> from, Map<Integer, Long> end, SnapshotReader sink) throws ExportException {
    Map<TopicPartition, Long> remaining = new HashMap<>();
    end.forEach((p, e) -> {
      if (from.get(p) < e) {
        remaining.put(new TopicPartition(topic, p), e);
      }
    });
    consumer.assign(new ArrayList<>(remaining.keySet()));
    remaining.keySet().forEach(tp -> consumer.seek(tp, from.get(tp.partition())));
    Map<TopicPartition, Long> positions = new HashMap<>();
    long lastProgress = System.nanoTime();
    while (!remaining.isEmpty()) {
      boolean progressed = false;
      for (ConsumerRecord<byte[], byte[]> r : poll(topic)) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        Long stop = remaining.get(tp);
        // A fetch may run past the end offset, and a finished partition may still deliver.
        if (stop != null && r.offset() < stop) {
          sink.accept(record(r));
          progressed = true;
        }
      }
      progressed |= advance(remaining, positions);
      if (progressed) {
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
        throw new ExportException("reading topic '" + topic + "' made no progress for " + stallTimeout.toSeconds()
            + " s with partitions " + partitions(remaining) + " unfinished; check the brokers and run the export again");
      }
    }
  }

  private Iterable<ConsumerRecord<byte[], byte[]>> poll(String topic) throws ExportException {
    try {
      return consumer.poll(POLL);
    } catch (OffsetOutOfRangeException | InvalidOffsetException e) {
      throw new ExportException("records of topic '" + topic + "' were deleted while or before reading them (retention or"
          + " deleteRecords), so the range is incomplete: run a full export into a new directory");
    }
  }

  /**
   * Notes each partition's position and stops fetching those that reached their end.
   *
   * @return whether any position moved: past transaction markers and aborted records a position
   *     moves without a record arriving, which is progress too
   */
  private boolean advance(Map<TopicPartition, Long> remaining, Map<TopicPartition, Long> positions) {
    boolean moved = false;
    List<TopicPartition> finished = new ArrayList<>();
    for (Map.Entry<TopicPartition, Long> e : remaining.entrySet()) {
      long position = consumer.position(e.getKey());
      Long before = positions.put(e.getKey(), position);
      moved |= before == null || position > before;
      if (position >= e.getValue()) {
        finished.add(e.getKey());
      }
    }
    finished.forEach(remaining::remove);
    consumer.pause(finished);
    return moved;
  }

  private static LogRecord record(ConsumerRecord<byte[], byte[]> r) throws ExportException {
    if (r.key() == null) {
      throw new ExportException("the record at partition " + r.partition() + " offset " + r.offset()
          + " has no key, so it cannot be a contribution; nothing was published");
    }
    return new LogRecord(r.partition(), r.offset(), new String(r.key(), StandardCharsets.UTF_8), r.value(), r.timestamp());
  }

  private static List<Integer> partitions(Map<TopicPartition, Long> remaining) {
    return remaining.keySet().stream().map(TopicPartition::partition).sorted().toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
