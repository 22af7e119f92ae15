package dev.gatekeeper.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams settings every gatekeeper runs with, offline or against a cluster: exactly-once
 * processing and fully acknowledged writes, so that a contribution and its decision commit
 * together or not at all.
 */
public final class StreamsDefaults {
  /**
   * The producer's transaction time-out: 15 minutes, the broker's default {@code
   * transaction.max.timeout.ms}. A revocation writes all of an org's tombstones, REVOKED
   * decisions and index deletions in the one transaction that processes its settings record;
   * under Streams' own 10 s default the coordinator aborted a 1M-contribution revocation and the
   * thread, fenced, processed the record again (README "Large revocations").
   */
  public static final int TRANSACTION_TIMEOUT_MS = 900_000;

  /**
   * The lowest transaction time-out, and the lowest {@code max.poll.interval.ms}, the
   * gatekeeper starts with: 5 minutes, four times the 75 s a 5M-contribution revocation took on a
   * shared 2-core machine (README "Large revocations"). Below it a large org's opt-out could be
   * aborted, or its thread dropped from the group, on every attempt.
   */
  public static final int MIN_TRANSACTION_TIMEOUT_MS = 300_000;

  private StreamsDefaults() {}

  public static Properties of(String applicationId, String bootstrapServers, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    // One settings record may revoke millions of contributions in one transaction: give it the
    // time, and keep the thread in its group while it writes (it does not poll meanwhile; past
    // max.poll.interval.ms its partitions would move and the transaction be fenced).
    props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), Integer.toString(TRANSACTION_TIMEOUT_MS));
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), Integer.toString(TRANSACTION_TIMEOUT_MS));
    // Also covers global state processing, as Kafka 5.0 will by default; this app has none.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
    // Kafka Streams re-reads its config from the main consumer's settings for partition
    // assignment, and would warn that the above is off: give the consumer the same value.
    props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), "true");
    // A store or internal topic with a generated name would be renamed by any change to the
    // topology, and its state lost in production: refuse to start with one.
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    // Each new contribution's index lookup misses: a memtable Bloom filter makes the miss cheap.
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, IndexLookupOptions.class.getName());
    return props;
  }

  /**
   * The producers' transaction time-out with the pass-through settings {@code kafka} (keys
   * without the {@code kafka.} prefix) applied as Streams applies them: {@code producer.}-prefixed
   * over unprefixed over the default.
   *
   * @throws NumberFormatException if the value that wins is not a whole number
   */
  public static long transactionTimeoutMs(Map<String, String> kafka) {
    return first(kafka, TRANSACTION_TIMEOUT_MS,
        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
  }

  /** The main consumer's {@code max.poll.interval.ms}, {@code main.consumer.} over {@code consumer.} over unprefixed. */
  public static long maxPollIntervalMs(Map<String, String> kafka) {
    return first(kafka, TRANSACTION_TIMEOUT_MS,
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG),
        StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG),
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
  }

  /**
   * Why {@code kafka} would leave a large revocation without the time it needs; empty when it
   * does not. Each problem names the setting as given ({@code kafka.}-prefixed).
   */
  public static List<String> revocationTimeProblems(Map<String, String> kafka) {
    List<String> problems = new ArrayList<>();
    check(problems, "transaction time-out", () -> transactionTimeoutMs(kafka), kafka,
        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
    check(problems, "poll interval", () -> maxPollIntervalMs(kafka), kafka,
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG),
        StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
    return problems;
  }

  private static void check(List<String> problems, String what, java.util.function.LongSupplier value, Map<String, String> kafka,
      String... keys) {
    String key = null;
    for (String k : keys) {
      if (kafka.containsKey(k)) {
        key = k;
        break;
      }
    }
    if (key == null) {
      return;
    }
    long ms;
    try {
      ms = value.getAsLong();
    } catch (NumberFormatException e) {
      problems.add("kafka." + key + " is '" + kafka.get(key) + "'; expected a whole number of milliseconds");
      return;
    }
    if (ms < MIN_TRANSACTION_TIMEOUT_MS) {
      problems.add("kafka." + key + " is '" + kafka.get(key) + "'; the " + what + " must be at least " + MIN_TRANSACTION_TIMEOUT_MS
          + " ms, because an opt-out revokes all of an org's contributions in one transaction (a 5M-contribution org took 75 s"
          + " on 2 shared cores) and one that runs out of time is aborted and retried, forever if it never fits: raise it or remove the setting (default "
          + TRANSACTION_TIMEOUT_MS + ")");
    }
  }

  private static long first(Map<String, String> kafka, long fallback, String... keys) {
    for (String k : keys) {
      String v = kafka.get(k);
      if (v != null) {
        return Long.parseLong(v.strip());
      }
    }
    return fallback;
  }
}
