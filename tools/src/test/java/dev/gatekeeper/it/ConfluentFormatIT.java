package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.cli.Cli;
import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.registry.RegistryClient;
import dev.gatekeeper.registry.RegistrySettings;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.serde.AvroSerde;
import dev.gatekeeper.serde.ConfluentAvroSerde;
import dev.gatekeeper.testing.ConfluentFrames;
import dev.gatekeeper.topology.TopicCatalog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in the Confluent wire format on a real broker and a real registry (Apicurio, the
 * Confluent API): upstream records in either format are decided, contributions are framed with
 * an id the registry resolves to the Contribution schema, and records whose writer schema is
 * unknown or foreign are dead letters with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfluentFormatIT {
  @TempDir static Path dir;
  private TestKafka broker;
  private TestRegistry registry;

  /** Started by the first test, not in {@code @BeforeAll}, so a skip (no Docker) is reported per test. */
  @BeforeEach
  void start() throws Exception {
    if (broker == null) {
      broker = TestKafka.start();
    }
    if (registry == null) {
      registry = TestRegistry.start(dir.resolve("registry"));
    }
  }

  @AfterAll
  void stop() {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void decidesBothFormatsWritesConfluentAndDeadLettersUnknownAndForeignWriterSchemas() throws Exception {
    RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 2,
        Map.of(ConfigKey.SCHEMA_REGISTRY_URL.key(), registry.url().toString()));
    TopicCatalog catalog = gk.config.catalog();
    RegistryClient client = new RegistryClient(RegistrySettings.of(registry.url()));
    String eventsTopic = catalog.dataEvents().get(0).name();
    String settingsTopic = catalog.orgSettings().name();
    ConfluentAvroSerde<DataEvent> upstreamEvents = ConfluentAvroSerde.forValues(DataEvent.class, client);
    ConfluentAvroSerde<OrgSettings> upstreamSettings = ConfluentAvroSerde.forValues(OrgSettings.class, client);

    byte[] unknownId = upstreamEvents.encode(eventsTopic, event("e3", "o1", "2026-09-02T00:00:00Z").build());
    ByteBuffer.wrap(unknownId, 1, 4).putInt(987_654);
    Schema foreign = ConfluentFrames.foreignDataEvent();
    int foreignId = client.register("some-other-app-value", foreign.toString());

    GatekeeperService service = gk.startInstance();
    try (KafkaProducer<byte[], byte[]> producer = producer(gk.config.clientProperties());
        CommittedOutputs outputs = new CommittedOutputs(gk.config.clientProperties(), catalog)) {
      byte[] o1 = "o1".getBytes(StandardCharsets.UTF_8);
      producer.send(new ProducerRecord<>(settingsTopic, o1,
          upstreamSettings.encode(settingsTopic, settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build()))).get();
      producer.send(new ProducerRecord<>(eventsTopic, o1,
          upstreamEvents.encode(eventsTopic, event("e1", "o1", "2026-09-02T00:00:00Z").build()))).get();
      producer.send(new ProducerRecord<>(eventsTopic, o1,
          AvroSerde.of(DataEvent.class).encode(event("e2", "o1", "2026-09-02T00:00:00Z").build()))).get();
      producer.send(new ProducerRecord<>(eventsTopic, o1, unknownId)).get();
      producer.send(new ProducerRecord<>(eventsTopic, o1, ConfluentFrames.frame(foreignId, foreign, ConfluentFrames.foreignEvent("o1")))).get();

      await().atMost(Duration.ofSeconds(60)).until(() -> outputs.poll().decisions.size() >= 2 && outputs.deadLetters.size() >= 2);

      assertThat(outputs.decisions).extracting(d -> d.getEventId()).containsExactlyInAnyOrder("e1", "e2");
      assertThat(outputs.liveContributionIds()).hasSize(2);
      for (ConsumerRecord<byte[], byte[]> r : outputs.contributionRecords) {
        assertThat(r.value()[0]).isEqualTo(ConfluentAvroSerde.MAGIC);
        Schema writer = new Schema.Parser().parse(client.schemaById(ConfluentAvroSerde.schemaId(r.value())));
        assertThat(writer).isEqualTo(Contribution.getClassSchema());
      }
      assertThat(client.latest(catalog.contributions().name() + "-value")).isPresent();
      assertThat(outputs.deadLetters).extracting(r -> header(r, "gatekeeper.error.message"))
          .anySatisfy(m -> assertThat(m).contains("no writer schema with id 987654"))
          .anySatisfy(m -> assertThat(m).contains("writer schema with id " + foreignId + " cannot be read as a DataEvent"));
    } finally {
      service.close();
    }
  }

  @Test
  void runExitsThreeWhenTheRegistryCannotBeReached() throws Exception {
    RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 1, Map.of());
    Cli.Result result = Cli.run(runArgs(gk, "schema.registry.url=http://127.0.0.1:1/apis/ccompat/v7", "schema.registry.max.retries=1"));

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.err()).contains("cannot reach the schema registry at http://127.0.0.1:1/apis/ccompat/v7")
        .contains("./gatekeeper registry starts one");
  }

  @Test
  void runExitsTwoListingTheSubjectsWhenAutoRegistrationIsOffAndTheyAreMissing() throws Exception {
    RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 1, Map.of());
    Cli.Result result = Cli.run(runArgs(gk, "schema.registry.url=" + registry.url(), "schema.registry.auto-register=false"));

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("subject " + gk.config.topics().contributions() + "-value does not hold the gatekeeper's Contribution schema")
        .contains("subject " + gk.config.topics().decisions() + "-value");
  }

  private String[] runArgs(RealGatekeeper gk, String... settings) throws Exception {
    Path secret = dir.resolve("secret");
    java.nio.file.Files.write(secret, dev.gatekeeper.testing.TestConfigs.TEST_SECRET);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--bootstrap-server", broker.bootstrapServers(),
        "--set", "deid.hmac-secret-file=" + secret, "--set", "health.port=0", "--set", "api.port=0", "--set", "state.dir=" + gk.config.stateDir()));
    Map<ConfigKey, String> topics = Map.of(
        ConfigKey.TOPIC_DATA_EVENTS, gk.config.topics().inputTopics().get(0),
        ConfigKey.TOPIC_ORG_SETTINGS, gk.config.topics().settings(),
        ConfigKey.TOPIC_CONTRIBUTIONS, gk.config.topics().contributions(),
        ConfigKey.TOPIC_DECISIONS, gk.config.topics().decisions(),
        ConfigKey.TOPIC_DLQ, gk.config.topics().deadLetters(),
        ConfigKey.TOPIC_RECEIPTS, gk.config.topics().receipts(),
        ConfigKey.TOPIC_AGGREGATES, gk.config.topics().aggregates());
    topics.forEach((k, v) -> args.addAll(java.util.List.of("--set", k.key() + "=" + v)));
    for (String s : settings) {
      args.addAll(java.util.List.of("--set", s));
    }
    return args.toArray(String[]::new);
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
    return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  private static KafkaProducer<byte[], byte[]> producer(Properties client) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

}
