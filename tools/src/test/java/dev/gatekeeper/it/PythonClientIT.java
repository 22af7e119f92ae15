package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.broker.BrokerOptions;
import dev.gatekeeper.broker.EmbeddedBroker;
import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.registry.RegistryClient;
import dev.gatekeeper.registry.RegistryDataDir;
import dev.gatekeeper.registry.RegistryHome;
import dev.gatekeeper.registry.RegistryProcess;
import dev.gatekeeper.registry.RegistrySettings;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.serde.ConfluentAvroSerde;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.topology.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party client on both sides of the gatekeeper, through a real registry (Apicurio, the
 * Confluent API): Debian's confluent-kafka for Python produces data events with its Avro
 * serializer, the gatekeeper decides them in the Confluent format, an org tombstone revokes some
 * of what it contributed, and a Python pipeline then reads the contributions topic read_committed,
 * decoding every record through the registry: the same records, tombstones included, with the
 * same field values as the gatekeeper's own decoding.
 *
 * <p>Needs {@code /usr/bin/python3} with {@code python3-confluent-kafka} and {@code python3-avro}:
 * skipped without them, failed when {@code CI=true} (see {@link PythonClient#locate}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonClientIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration PYTHON_TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private PythonClient python;
  private EmbeddedBroker broker;
  private RegistryProcess registry;

  @BeforeAll
  void start() throws Exception {
    python = PythonClient.locate(dir);
    if (!python.usable()) {
      return;
    }
    broker = EmbeddedBroker.start(BrokerOptions.defaults());
    registry = RegistryProcess.start(RegistryHome.locate(), RegistryDataDir.of(dir.resolve("registry")), 0, "256m", Duration.ofSeconds(90));
  }

  @BeforeEach
  void needsPython() {
    Assumptions.assumeTrue(python.usable(), python.problem());
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
  void aPythonPipelineDecodesEveryContributionOfEventsAPythonAppProduced() throws Exception {
    String registryUrl = registry.confluentUrl().toString();
    RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 2, Map.of(ConfigKey.SCHEMA_REGISTRY_URL.key(), registryUrl));
    TopicCatalog catalog = gk.config.catalog();
    String eventsTopic = catalog.dataEvents().get(0).name();
    String settingsTopic = catalog.orgSettings().name();
    String contributionsTopic = catalog.contributions().name();
    RegistryClient client = new RegistryClient(RegistrySettings.of(registry.confluentUrl()));
    ConfluentAvroSerde<OrgSettings> settingsSerde = ConfluentAvroSerde.forValues(OrgSettings.class, client);
    WireSerde<Contribution> contributionSerde = catalog.serdes().contribution;

    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant settingsAt = now.minusSeconds(60);
    String at = now.toString();
    // Some eligible, some not; the eligible ones of org py-2 are revoked afterwards.
    Map<DataEvent, String> expected = new LinkedHashMap<>();
    expected.put(event("e1", "py-1", at).text("Zoë asked Ada about the release").actor("u1", "Zoë", null).container("ENG").build(), "CONTRIBUTED");
    expected.put(event("e2", "py-1", at).metadata().attribute("issueType", "Bug").attribute("status", "Done").build(), "CONTRIBUTED");
    expected.put(event("e3", "py-1", at).app("confluence").text("meeting notes").build(), "CONTRIBUTED");
    expected.put(event("e4", "py-1", at).hosting(Hosting.DATA_CENTER).build(), "HOSTING_EXCLUDED");
    expected.put(event("e5", "py-1", at).app("loom").build(), "APP_NOT_IN_SCOPE");
    expected.put(event("e6", "py-2", at).text("a comment").build(), "CONTRIBUTED");
    expected.put(event("e7", "py-2", at).metadata().attribute("priority", "High").build(), "CONTRIBUTED");
    expected.put(event("e8", "py-3", at).build(), "ORG_EXCLUDED");
    expected.put(event("e9", "py-4", at).build(), "NO_SETTINGS");
    Path events = dir.resolve("events.jsonl");
    List<String> lines = new ArrayList<>();
    for (DataEvent e : expected.keySet()) {
      lines.add(JSON.writeValueAsString(PlainJson.toJson(e)));
    }
    Files.write(events, lines, StandardCharsets.UTF_8);
    Path schema = dir.resolve("DataEvent.avsc");
    Files.writeString(schema, DataEvent.getClassSchema().toString(), StandardCharsets.UTF_8);

    try (GatekeeperService service = gk.startInstance();
        KafkaProducer<byte[], byte[]> producer = producer(gk.config.clientProperties());
        CommittedOutputs outputs = new CommittedOutputs(gk.config.clientProperties(), catalog)) {
      assertThat(service.awaitRunning(WAIT)).as("gatekeeper reaches RUNNING").isTrue();
      for (OrgSettings s : List.of(
          settings("py-1", settingsAt.toString()).product("s1", "jira", FREE).product("s1", "confluence", FREE).build(),
          settings("py-2", settingsAt.toString()).product("s1", "jira", FREE).build(),
          settings("py-3", settingsAt.toString()).product("s1", "jira", FREE).hipaa().build())) {
        producer.send(new ProducerRecord<>(settingsTopic, null, settingsAt.toEpochMilli(), bytes(s.getOrgId()),
            settingsSerde.encode(settingsTopic, s))).get();
      }

      PythonClient.Result produced = python.run(PYTHON_TIMEOUT, "produce", "--bootstrap-server", broker.bootstrapServers(),
          "--registry-url", registryUrl, "--topic", eventsTopic, "--schema", schema.toString(), "--events", events.toString());
      assertThat(produced.exit()).as("python produce; standard error: %s", produced.stderr()).isZero();
      assertThat(produced.summary().get("delivered").asInt()).isEqualTo(expected.size());
      assertThat(client.latest(eventsTopic + "-value")).as("the Python serializer registered %s-value", eventsTopic).isPresent();

      await("a decision for every event the Python producer sent").atMost(WAIT)
          .until(() -> outputs.poll().eventDecisions() == expected.size());
      assertThat(outputs.decisions).extracting(ContributionDecision::getEventId, ContributionDecision::getReason)
          .containsExactlyInAnyOrderElementsOf(expected.entrySet().stream().map(e -> tuple(e.getKey().getEventId(), e.getValue())).toList());
      assertThat(outputs.deadLetters).isEmpty();

      producer.send(new ProducerRecord<>(settingsTopic, null, now.plusSeconds(1).toEpochMilli(), bytes("py-2"), (byte[]) null)).get();
      await("py-2's two contributions revoked").atMost(WAIT).until(() -> outputs.poll().tombstones == 2);
      assertThat(outputs.decisions).filteredOn(d -> d.getOutcome() == Outcome.REVOKED)
          .extracting(ContributionDecision::getEventId, ContributionDecision::getReason)
          .containsExactlyInAnyOrder(tuple("e6", "ORG_DELETED"), tuple("e7", "ORG_DELETED"));
      assertThat(outputs.contributionRecords).hasSize(7);

      PythonClient.Result consumed = python.run(PYTHON_TIMEOUT, "consume", "--bootstrap-server", broker.bootstrapServers(),
          "--registry-url", registryUrl, "--topic", contributionsTopic);
      assertThat(consumed.exit()).as("python consume; summary %s; standard error: %s", consumed.lines().stream()
          .filter(l -> l.has("summary") || l.has("error")).toList(), consumed.stderr()).isZero();
      JsonNode summary = consumed.summary();
      assertThat(summary.get("records").asInt()).isEqualTo(outputs.contributionRecords.size());
      assertThat(summary.get("tombstones").asInt()).isEqualTo(2);
      assertThat(summary.get("errors").asInt()).isZero();

      Map<String, Map<String, Object>> decodedByJava = new TreeMap<>();
      for (ConsumerRecord<byte[], byte[]> r : outputs.contributionRecords) {
        decodedByJava.put(position(r.partition(), r.offset()), fields(new String(r.key(), StandardCharsets.UTF_8), r.value() == null ? null : contributionSerde.decode(r.value())));
      }
      Map<String, Map<String, Object>> decodedByPython = new TreeMap<>();
      for (JsonNode row : consumed.with("key")) {
        decodedByPython.put(position(row.get("partition").asInt(), row.get("offset").asLong()), fields(row));
      }
      assertThat(decodedByPython).as("every contribution record, by partition and offset").isEqualTo(decodedByJava);
      System.out.printf("PythonClientIT: the Python client (%s) decoded %d contribution records, %d of them tombstones%n",
          summary.get("serde").asText(), summary.get("records").asInt(), summary.get("tombstones").asInt());
    }
  }

  /** What the test compares of one record; text and attribute values only as digests. */
  private static Map<String, Object> fields(String key, Contribution c) {
    Map<String, Object> f = new HashMap<>();
    f.put("key", key);
    f.put("tombstone", c == null);
    if (c != null) {
      f.put("contributionId", c.getContributionId());
      f.put("orgToken", c.getOrgToken());
      f.put("actorToken", c.getActorToken());
      f.put("containerToken", c.getContainerToken());
      f.put("app", c.getApp());
      f.put("dataType", c.getDataType().name());
      f.put("occurredAt", c.getOccurredAt().toEpochMilli());
      f.put("region", c.getRegion());
      f.put("policyVersion", c.getPolicyVersion());
      f.put("textSha256", c.getText() == null ? null : sha256(c.getText()));
      f.put("attributesSha256", sha256(new TreeMap<>(c.getAttributes()).entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))));
    }
    return f;
  }

  private static Map<String, Object> fields(JsonNode row) {
    Map<String, Object> f = new HashMap<>();
    f.put("key", row.get("key").asText());
    f.put("tombstone", row.get("tombstone").asBoolean());
    if (!row.get("tombstone").asBoolean()) {
      for (String name : List.of("contributionId", "orgToken", "actorToken", "containerToken", "app", "dataType", "region",
          "policyVersion", "textSha256", "attributesSha256")) {
        f.put(name, row.get(name).isNull() ? null : row.get(name).asText());
      }
      f.put("occurredAt", row.get("occurredAt").asLong());
    }
    return f;
  }

  private static String position(int partition, long offset) {
    return String.format("%d@%08d", partition, offset);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static KafkaProducer<byte[], byte[]> producer(Properties client) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
