package dev.gatekeeper.runtime;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.ops.Admins;
import dev.gatekeeper.topology.GatekeeperTopology;
import dev.gatekeeper.topology.TopicCatalog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gatekeeper's Kafka Streams client and its lifecycle. Uncaught-exception policy: an
 * exception that escapes processing shuts this client down (SHUTDOWN_CLIENT) rather than
 * replacing the thread: the gatekeeper never skips a record it could not decide, and exactly-once
 * processing means a restart resumes from the last committed transaction. The failure is logged
 * by class only (messages may quote data) and {@link #awaitStop} reports it.
 *
 * <p>Its meters ({@link MicrometerGatekeeperMetrics}, {@link StreamsMeters}) are in a Prometheus
 * registry that {@link #scrape} renders; they count from this process's start.
 */
public final class GatekeeperService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatekeeperService.class);

  private static final StringSerializer KEY_SERIALIZER = new StringSerializer();

  private final KafkaStreams streams;
  private final PrometheusMeterRegistry registry;
  private static final Duration PARTITIONS_TIMEOUT = Duration.ofSeconds(30);
  private final StreamsMeters meters;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CompletableFuture<Boolean> firstRunning = new CompletableFuture<>();

  public GatekeeperService(AppConfig config) {
    this(config, config.catalog());
  }

  /** A service on {@code catalog}'s topics: the catalog the start-up checks approved. */
  public GatekeeperService(AppConfig config, TopicCatalog catalog) {
    this(config, catalog, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** A service counting into {@code registry}. */
  public GatekeeperService(AppConfig config, TopicCatalog catalog, PrometheusMeterRegistry registry) {
    Properties props = config.streamsProperties();
    this.registry = registry;
    this.streams = new KafkaStreams(
        GatekeeperTopology.build(
            config.gatekeeper().withInputPartitions(inputPartitions(config, catalog)), catalog, props, new MicrometerGatekeeperMetrics(registry)),
        props);
    this.meters = StreamsMeters.bind(streams, registry);
    streams.setUncaughtExceptionHandler(this::onUncaught);
    streams.setStateListener((now, before) -> {
      LOG.info("Streams state {} -> {}", before, now);
      if (now == KafkaStreams.State.RUNNING) {
        firstRunning.complete(true);
      }
      if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
        firstRunning.complete(false);
        stopped.countDown();
      }
    });
  }

  /**
   * The partition count of the settings topic (events are co-partitioned with it; the start-up
   * check refuses otherwise), asked of the cluster so that records outside their key's partition
   * can be moved to it.
   *
   * @throws IllegalStateException when the cluster does not tell: the gatekeeper does not start
   *     without knowing
   */
  private static int inputPartitions(AppConfig config, TopicCatalog catalog) {
    String topic = catalog.orgSettings().name();
    try (Admin admin = Admins.create(config.clientProperties(), PARTITIONS_TIMEOUT)) {
      TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(PARTITIONS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
      return d.partitions().size();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot learn the partition count of " + topic + " (" + e.getClass().getSimpleName()
          + "); check bootstrap.servers and that the topic exists (gatekeeper topics create)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while learning the partition count of " + topic, e);
    }
  }

  private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaught(Throwable e) {
    failure.compareAndSet(null, e);
    LOG.error("Stream processing failed with {}; shutting this instance down (restart it to resume from the last commit)",
        e.getClass().getName());
    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  public void start() {
    streams.start();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Which instance holds the state of {@code key} in a store (interactive queries, by each
   * instance's {@code application.server}); {@link KeyQueryMetadata#NOT_AVAILABLE} while that is
   * not known, e.g. during a rebalance.
   */
  public KeyQueryMetadata ownerOf(String storeName, String key) {
    return streams.queryMetadataForKey(storeName, key, KEY_SERIALIZER);
  }

  /**
   * A store of this instance's active task for one partition, read-only.
   *
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while it cannot be queried
   *     (the task is restoring, migrating, or not this instance's); ask again later
   */
  public <V> ReadOnlyKeyValueStore<String, V> localStore(String storeName, int partition) {
    return streams.store(
        StoreQueryParameters.<ReadOnlyKeyValueStore<String, V>>fromNameAndType(storeName, QueryableStoreTypes.keyValueStore())
            .withPartition(partition));
  }

  /** Every meter in the Prometheus text format, for {@code /metrics}. */
  public String scrape() {
    return registry.scrape();
  }

  /** Blocks until the client stops; returns the failure that stopped it, or null. */
  public Throwable awaitStop() throws InterruptedException {
    stopped.await();
    return failure.get();
  }

  /** Waits up to {@code timeout} for the client to reach RUNNING. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    try {
      return firstRunning.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("unreachable: the future is only ever completed normally", e);
    }
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    meters.close();
    stopped.countDown();
  }
}
