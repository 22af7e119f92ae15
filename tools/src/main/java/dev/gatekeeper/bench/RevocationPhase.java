package dev.gatekeeper.bench;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.Product;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * The cost of revoking: one org gets {@code count} live contributions, then opts out of in-app
 * data; measured from sending the opt-out to the last tombstone a read_committed consumer sees.
 * Also the contribution index's size on disk per contribution.
 */
final class RevocationPhase {
  private static final String ORG = "bench-revocation-org";
  private final AppConfig config;
  private final Offsets offsets;
  private final PrintStream out;
  private final WireSerde<OrgSettings> settingsSerde;
  private final WireSerde<DataEvent> eventSerde;

  /** @param catalog the topics of {@code config}, whose serdes encode inputs as the gatekeeper's producers would */
  RevocationPhase(AppConfig config, TopicCatalog catalog, Offsets offsets, PrintStream out) {
    this.settingsSerde = catalog.serdes().orgSettings;
    this.eventSerde = catalog.serdes().dataEvent;
    this.config = config;
    this.offsets = offsets;
    this.out = out;
  }

  void run(long count, Path stateRoot, Map<String, Object> results) throws Exception {
    long indexBefore = Memory.bytesOf(stateRoot, "contribution-index");
    String eventsTopic = config.topics().inputTopics().get(0);
    try (KafkaProducer<byte[], byte[]> producer = producer();
        KafkaConsumer<byte[], byte[]> tombstones = consumerAtEnd()) {
      long now = System.currentTimeMillis();
      send(producer, config.topics().settings(), now - 60_000, settingsSerde.encode(config.topics().settings(), settings(now - 60_000, null)));
      for (long i = 0; i < count; i++) {
        send(producer, eventsTopic, now, eventSerde.encode(eventsTopic, event(i, now)));
      }
      producer.flush();
      var ends = offsets.ends(List.of(eventsTopic, config.topics().settings()));
      offsets.awaitCommitted(config.applicationId(), ends, Duration.ofMinutes(10));
      long indexAfter = Memory.bytesOf(stateRoot, "contribution-index");
      results.put("index_bytes_per_1m_contributions", Math.round(Math.max(0, indexAfter - indexBefore) * 1e6 / count));

      long t0 = System.currentTimeMillis();
      send(producer, config.topics().settings(), now, settingsSerde.encode(config.topics().settings(), settings(now, ContributionSetting.OFF)));
      producer.flush();
      long seen = 0;
      long last = t0;
      long deadline = t0 + 600_000;
      while (seen < count && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : tombstones.poll(Duration.ofMillis(100))) {
          if (r.value() == null) {
            seen++;
            last = System.currentTimeMillis();
          }
        }
      }
      double secs = Math.max(1, last - t0) / 1000.0;
      results.put("revocation_contributions", count);
      results.put("revocation_tombstones_seen", seen);
      results.put("revocation_seconds", BenchRun.round(secs, 2));
      results.put("revocation_tombstones_per_s", Math.round(seen / secs));
      out.printf("revocation: %,d tombstones visible to read_committed %.2f s after the opt-out: %,.0f tombstones/s%n",
          seen, secs, seen / secs);
    }
  }

  private void send(KafkaProducer<byte[], byte[]> producer, String topic, long ts, byte[] value) {
    producer.send(new ProducerRecord<>(topic, null, ts, ORG.getBytes(StandardCharsets.UTF_8), value));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.putAll(config.clientProperties());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private KafkaConsumer<byte[], byte[]> consumerAtEnd() {
    Properties p = new Properties();
    p.putAll(config.clientProperties());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
    KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> tps = new ArrayList<>();
    c.partitionsFor(config.topics().contributions(), Duration.ofSeconds(10)).forEach(i -> tps.add(new TopicPartition(i.topic(), i.partition())));
    c.assign(tps);
    c.seekToEnd(tps);
    tps.forEach(c::position);
    return c;
  }

  private static OrgSettings settings(long at, ContributionSetting inApp) {
    return OrgSettings.newBuilder()
        .setOrgId(ORG)
        .setCloudEnvironment(dev.gatekeeper.schema.CloudEnvironment.COMMERCIAL)
        .setProducts(new ArrayList<>(List.of(new Product("s1", "jira", Plan.FREE, false))))
        .setCompliance(dev.gatekeeper.schema.Compliance.newBuilder().setHipaa(false).setGovernmentEntity(false)
            .setEducationalInstitution(false).setRegulatedFinancialServices(false).setExcludedOfferings(new ArrayList<>()).build())
        .setInAppContribution(inApp)
        .setUpdatedAt(Instant.ofEpochMilli(at))
        .build();
  }

  private static DataEvent event(long i, long at) {
    return DataEvent.newBuilder()
        .setEventId("revocation-" + i)
        .setOrgId(ORG)
        .setSiteId("s1")
        .setApp("jira")
        .setHosting(Hosting.CLOUD)
        .setDataType(DataType.IN_APP)
        .setContainerId("ENG")
        .setOccurredAt(Instant.ofEpochMilli(at))
        .setText("Release checklist item " + i)
        .build();
  }
}
