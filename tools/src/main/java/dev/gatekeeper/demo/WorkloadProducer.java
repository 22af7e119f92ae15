package dev.gatekeeper.demo;

import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.topology.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a {@link Workload} to the input topics on its own thread until stopped, keeping at most
 * {@code maxLag} events ahead of what the gatekeeper has decided (so a demo's final drain is
 * short). Now and then it sends a record of garbage bytes, which must land in the dead-letter
 * topic.
 */
final class WorkloadProducer implements Runnable {
  private static final int GARBAGE_EVERY = 20_000;

  private final KafkaProducer<byte[], byte[]> producer;
  private final Workload workload;
  private final TopicCatalog topics;
  private final LongSupplier decided;
  private final long maxLag;
  private final WireSerde<DataEvent> events;
  private final WireSerde<OrgSettings> settings;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong eventsSent = new AtomicLong();
  private final AtomicLong settingsSent = new AtomicLong();
  private final AtomicLong garbageSent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final java.util.Set<String> failures = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Object progress = new Object();

  /** Writes as an upstream app would: in the catalog's wire format (Confluent when it has a registry). */
  WorkloadProducer(Properties clientProperties, Workload workload, TopicCatalog topics, LongSupplier decided, long maxLag) {
    this.events = topics.serdes().dataEvent;
    this.settings = topics.serdes().orgSettings;
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.workload = workload;
    this.topics = topics;
    this.decided = decided;
    this.maxLag = maxLag;
  }

  @Override
  public void run() {
    try {
      while (!stop.get()) {
        if (eventsSent.get() - decided.getAsLong() > maxLag) {
          synchronized (progress) {
            progress.wait(100); // woken by decisionsAdvanced(); the timeout re-checks stop
          }
          continue;
        }
        send(workload.next());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      producer.flush();
      producer.close();
    }
  }

  private void send(Workload.Item item) {
    byte[] key = item.orgId().getBytes(StandardCharsets.UTF_8);
    if (item.settings()) {
      String settingsTopic = topics.orgSettings().name();
      producer.send(new ProducerRecord<>(settingsTopic, null, item.timestamp(), key, settings.encode(settingsTopic, item.orgSettings())));
      settingsSent.incrementAndGet();
      return;
    }
    String input = topics.dataEvents().get(0).name();
    producer.send(new ProducerRecord<>(input, null, item.timestamp(), key, events.encode(input, item.event())), (meta, e) -> {
      if (e != null) {
        failed.incrementAndGet();
        failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    });
    if (eventsSent.incrementAndGet() % GARBAGE_EVERY == 0) {
      producer.send(new ProducerRecord<>(input, null, item.timestamp(), key, "not an event".getBytes(StandardCharsets.UTF_8)));
      garbageSent.incrementAndGet();
    }
  }

  /** Called by whoever watches decisions, so a producer held back by the lag bound goes on. */
  void decisionsAdvanced() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  void stop() {
    stop.set(true);
    decisionsAdvanced();
  }

  long eventsSent() {
    return eventsSent.get();
  }

  long settingsSent() {
    return settingsSent.get();
  }

  long failed() {
    return failed.get();
  }

  java.util.Set<String> failures() {
    return failures;
  }

  long garbageSent() {
    return garbageSent.get();
  }
}
