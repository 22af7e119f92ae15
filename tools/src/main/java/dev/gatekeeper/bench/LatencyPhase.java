package dev.gatekeeper.bench;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.demo.Workload;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * End-to-end latency at a fixed load: events are sent at {@code rate} with their record time set
 * at sending, and a read_committed consumer of the decisions (which carry their event's record
 * time) measures the time until each decision is visible.
 */
final class LatencyPhase {
  private final AppConfig config;
  private final TopicCatalog catalog;
  private final PrintStream out;

  /** @param catalog the topics of {@code config}, whose serdes encode events as the gatekeeper's producers would */
  LatencyPhase(AppConfig config, TopicCatalog catalog, PrintStream out) {
    this.catalog = catalog;
    this.config = config;
    this.out = out;
  }

  void run(double rate, Duration duration, Map<String, Object> results) throws Exception {
    Properties cp = new Properties();
    cp.putAll(config.clientProperties());
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Percentiles latencies = new Percentiles();
    AtomicBoolean sending = new AtomicBoolean(true);
    long start = System.currentTimeMillis();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      consumer.partitionsFor(config.topics().decisions(), Duration.ofSeconds(10)).forEach(i -> tps.add(new TopicPartition(i.topic(), i.partition())));
      consumer.assign(tps);
      consumer.seekToEnd(tps);
      tps.forEach(consumer::position);
      Thread sender = new Thread(() -> send(rate, duration, sending), "bench-latency-sender");
      sender.start();
      long quietUntil = Long.MAX_VALUE;
      while (System.currentTimeMillis() < quietUntil) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          if (r.timestamp() >= start) {
            latencies.add(System.currentTimeMillis() - r.timestamp());
          }
        }
        if (!sending.get() && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.currentTimeMillis() + 5_000;
        }
      }
      sender.join();
    }
    results.put("latency_load_events_per_s", Math.round(rate));
    results.put("latency_samples", latencies.count());
    results.put("latency_p50_ms", latencies.at(50));
    results.put("latency_p99_ms", latencies.at(99));
    out.printf("latency at %,.0f events/s (half the gatekeeper's warm median): p50 %d ms, p99 %d ms over %,d decisions%n",
        rate, latencies.at(50), latencies.at(99), latencies.count());
  }

  private void send(double rate, Duration duration, AtomicBoolean sending) {
    Properties p = new Properties();
    p.putAll(config.clientProperties());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    WireSerde<DataEvent> serde = catalog.serdes().dataEvent;
    Workload w = new Workload(7L, 2000, 0, System::currentTimeMillis);
    String topic = config.topics().inputTopics().get(0);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      long t0 = System.nanoTime();
      long sent = 0;
      while (System.nanoTime() - t0 < duration.toNanos()) {
        long due = (long) ((System.nanoTime() - t0) / 1e9 * rate);
        while (sent < due) {
          Workload.Item item = w.next();
          if (item.settings()) {
            continue; // the orgs were provisioned by the throughput input
          }
          producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(),
              item.orgId().getBytes(StandardCharsets.UTF_8), serde.encode(topic, item.event())));
          sent++;
        }
        // Pacing: the next batch is due in a millisecond; no event to wait on.
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
      }
    } finally {
      sending.set(false);
    }
  }
}
