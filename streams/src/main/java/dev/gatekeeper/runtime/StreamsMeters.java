package dev.gatekeeper.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The process's own meters beside the gatekeeper's counters: every numeric metric of the Kafka
 * Streams client and its consumers and producers ({@link KafkaStreamsMetrics}, as {@code
 * kafka_stream_*}, {@code kafka_consumer_*}, {@code kafka_producer_*}: lag, process rate, commit
 * latency, restore progress, threads), the client's state as {@code gatekeeper_streams_state}
 * (1 for the current state, 0 for the others), and the JVM's memory, GC, threads, CPU and
 * uptime. Kafka's metrics carry client, thread, task, topic and partition ids as labels: names
 * of this deployment, never data.
 */
final class StreamsMeters implements AutoCloseable {
  /** How often metrics that Kafka adds later (a newly assigned partition's lag) are picked up. */
  static final Duration REFRESH = Duration.ofSeconds(10);

  private final ScheduledExecutorService refresher;
  private final KafkaStreamsMetrics kafka;
  private final JvmGcMetrics gc;
  private final AtomicBoolean closed = new AtomicBoolean();

  private StreamsMeters(ScheduledExecutorService refresher, KafkaStreamsMetrics kafka, JvmGcMetrics gc) {
    this.refresher = refresher;
    this.kafka = kafka;
    this.gc = gc;
  }

  static StreamsMeters bind(KafkaStreams streams, MeterRegistry registry) {
    for (KafkaStreams.State state : KafkaStreams.State.values()) {
      Gauge.builder("gatekeeper.streams.state", streams, s -> s.state() == state ? 1 : 0)
          .description("1 for the Kafka Streams client's current state, 0 for every other state")
          .tag("state", state.name())
          .strongReference(true)
          .register(registry);
    }
    ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gatekeeper-metrics-refresh");
      t.setDaemon(true);
      return t;
    });
    KafkaStreamsMetrics kafka = new KafkaStreamsMetrics(streams, Tags.empty(), refresher, REFRESH);
    kafka.bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return new StreamsMeters(refresher, kafka, gc);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    kafka.close();
    refresher.shutdownNow();
    gc.close();
  }
}
