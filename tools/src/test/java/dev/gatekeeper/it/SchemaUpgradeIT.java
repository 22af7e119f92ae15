package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.broker.BrokerOptions;
import dev.gatekeeper.broker.EmbeddedBroker;
import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.OrgVersion;
import dev.gatekeeper.registry.RegistryClient;
import dev.gatekeeper.registry.RegistryDataDir;
import dev.gatekeeper.registry.RegistryHome;
import dev.gatekeeper.registry.RegistryProcess;
import dev.gatekeeper.registry.RegistrySettings;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.schema.history.SchemaHistory;
import dev.gatekeeper.serde.AvroSerde;
import dev.gatekeeper.serde.ConfluentAvroSerde;
import dev.gatekeeper.serde.WireFormat;
import dev.gatekeeper.state.OrgHistorySerde;
import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.topology.GatekeeperSerdes;
import dev.gatekeeper.topology.StoreNames;
import dev.gatekeeper.topology.TopicCatalog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An upgrade across an OrgSettings schema change, in the Confluent wire format on a real broker
 * and a real registry (Apicurio): a gatekeeper built on OrgSettings v1 runs, the schema gains an
 * optional field (v2: {@code changeReason}), and the current build restarts with the same
 * application id on the same topics, either on the local state the v1 build left (whose
 * changelog records are then deleted, so that the v1 histories can only come from that RocksDB
 * store) or with it wiped (the store then comes back from the changelog the v1 build wrote).
 * Every stored history still decodes, nothing is dead-lettered, no stream thread fails, and every
 * decision and the final live set are what the topology decides from the same inputs in one run
 * of the current build ({@link GateHarness}).
 *
 * <p>The v1 build is simulated: it is the current code whose settings-history store writes each
 * settings version with the v1 schema ({@link GatekeeperSerdes#writingHistoriesWith}, {@link
 * AvroSerde#writingWith}), and its upstream settings are v1 records, registered under the
 * settings topic's subject and framed with the v1 id. What it reads and decides is the current
 * code's; everything it writes that holds OrgSettings is in v1's layout with v1's fingerprint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaUpgradeIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  /** The first released OrgSettings schema, without {@code changeReason}. */
  private static final Schema V1 = SchemaHistory.released(OrgSettings.class).get(0);
  /** The OrgSettings schema of this build: v1 plus the optional {@code changeReason}. */
  private static final Schema CURRENT = OrgSettings.getClassSchema();
  /** Avro single-object encoding: two marker bytes, then the writer schema's 8-byte fingerprint. */
  private static final int SINGLE_OBJECT_HEADER = 10;
  private static final String CHANGE_REASON = "bought Jira for site s2";

  @TempDir static Path dir;
  private EmbeddedBroker broker;
  private RegistryProcess registry;

  /** What the upgraded instance starts on. */
  enum LocalState {
    /**
     * The state directory the v1 instance left, whose RocksDB store holds v1 bytes; the changelog
     * records the v1 build wrote are deleted, so they are not restored instead.
     */
    KEPT,
    /** A new, empty state directory: the store is restored from the changelog the v1 build wrote. */
    WIPED
  }

  @BeforeAll
  void start() throws Exception {
    broker = EmbeddedBroker.start(BrokerOptions.defaults());
    registry = RegistryProcess.start(RegistryHome.locate(), RegistryDataDir.of(dir.resolve("registry")), 0, "256m", Duration.ofSeconds(90));
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

  @ParameterizedTest(name = "local state {0}")
  @EnumSource(LocalState.class)
  void theUpgradedBuildDecodesWhatTheV1BuildStoredAndDecidesAsOneRunWould(LocalState local) throws Exception {
    assertThat(V1.getField("changeReason")).isNull();
    assertThat(CURRENT.getField("changeReason")).isNotNull();
    RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), 2,
        Map.of(ConfigKey.SCHEMA_REGISTRY_URL.key(), registry.confluentUrl().toString()));
    TopicCatalog upgraded = gk.config.catalog();
    assertThat(upgraded.serdes().format()).isEqualTo(WireFormat.CONFLUENT);
    TopicCatalog v1Build = TopicCatalog.of(gk.config.topics(), gk.config.routing(),
        GatekeeperSerdes.writingHistoriesWith(gk.config.wire(), AvroSerde.writingWith(OrgSettings.class, V1)));
    Scenario scenario = new Scenario(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    Reference reference = Reference.of(gk, scenario);
    String changelog = gk.config.applicationId() + "-" + StoreNames.SETTINGS_HISTORY + "-changelog";

    Path v1State = gk.newStateDir();
    Properties client = gk.config.clientProperties();
    Map<TopicPartition, Long> writtenByV1;
    try (Upstream upstream = new Upstream(gk.config, new RegistryClient(RegistrySettings.of(registry.confluentUrl())));
        CommittedOutputs out = new CommittedOutputs(client, upgraded)) {
      // Phase 1: the v1 build decides v1 settings and events.
      GatekeeperService v1 = gk.startInstance(v1State, v1Build);
      try {
        assertThat(v1.awaitRunning(WAIT)).isTrue();
        scenario.v1Settings.forEach(upstream::v1Settings);
        upstream.flush();
        scenario.firstEvents.forEach(upstream::event);
        upstream.flush();
        await("the v1 build's decisions").atMost(WAIT).failFast("the v1 build's stream thread failed", () -> failed(v1))
            .untilAsserted(() -> {
              assertThat(decided(out.poll().decisions)).containsExactlyInAnyOrderElementsOf(reference.firstDecisions);
              assertThat(out.liveContributionIds()).isEqualTo(reference.firstLive);
            });
        assertThat(v1.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
      } finally {
        v1.close();
      }
      assertThat(v1.awaitStop()).as("the v1 build's stream failure").isNull();
      assertThat(storeDirectories(v1State)).as("the v1 build's local settings-history store").isNotEmpty();
      writtenByV1 = endOffsets(client, changelog);
      List<ConsumerRecord<byte[], byte[]>> v1Records = readAll(client, changelog);
      Map<String, OrgHistory> byV1 = historiesWrittenWith(V1, CURRENT, v1Records, changelog);
      assertThat(byV1).containsOnlyKeys("o1", "o2", "o3");
      for (OrgSettings s : scenario.v1Settings) {
        assertThat(byV1.get(s.getOrgId()).versions()).extracting(OrgVersion::settings).containsExactly(s);
      }
      if (local == LocalState.KEPT) {
        // From now on only the local store knows what the v1 build stored: an upgraded instance
        // that restored from the changelog instead would find no settings for any org.
        deleteRecords(client, changelog, v1Records);
        assertThat(readAll(client, changelog)).isEmpty();
      }

      // Phase 2: the upgraded build, same application id and topics, on kept or wiped local state.
      Path upgradedState = local == LocalState.KEPT ? v1State : gk.newStateDir();
      GatekeeperService v2 = gk.startInstance(upgradedState, upgraded);
      try {
        assertThat(v2.awaitRunning(WAIT)).isTrue();
        scenario.v2Settings.forEach(upstream::settings);
        upstream.flush();
        scenario.laterEvents.forEach(upstream::event);
        upstream.flush();
        await("the upgraded build's decisions").atMost(WAIT).failFast("the upgraded build's stream thread failed", () -> failed(v2))
            .untilAsserted(() -> {
              assertThat(decided(out.poll().decisions)).containsExactlyInAnyOrderElementsOf(reference.allDecisions);
              assertThat(out.liveContributionIds()).isEqualTo(reference.finalLive);
            });
        assertThat(v2.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
      } finally {
        v2.close();
      }
      assertThat(v2.awaitStop()).as("the upgraded build's stream failure").isNull();
      assertThat(out.poll().deadLetters).as("dead letters").isEmpty();
      assertThat(decided(out.decisions)).containsExactlyInAnyOrderElementsOf(reference.allDecisions);
    }

    List<ConsumerRecord<byte[], byte[]>> byUpgradeRecords = readAll(client, changelog).stream()
        .filter(r -> r.offset() >= writtenByV1.get(new TopicPartition(r.topic(), r.partition())))
        .toList();
    Map<String, OrgHistory> byUpgrade = historiesWrittenWith(CURRENT, V1, byUpgradeRecords, changelog);
    assertThat(byUpgrade).containsOnlyKeys("o1", "o3");
    assertThat(byUpgrade.get("o1").versions()).extracting(OrgVersion::settings)
        .containsExactly(scenario.v1Settings.get(0), scenario.o1Change);
    assertThat(byUpgrade.get("o1").versions()).extracting(v -> v.settings().getChangeReason())
        .containsExactly(null, CHANGE_REASON);
    assertThat(byUpgrade.get("o3").versions()).extracting(OrgVersion::settings)
        .containsExactly(scenario.v1Settings.get(2), scenario.v2Settings.get(1));
  }

  /**
   * The settings histories in {@code records} of the settings-history changelog, by org, the
   * latest per org: each value decodes with this build's codec, and every settings version in it
   * carries {@code writer}'s single-object header and none carries {@code other}'s.
   */
  private static Map<String, OrgHistory> historiesWrittenWith(
      Schema writer, Schema other, List<ConsumerRecord<byte[], byte[]>> records, String changelog) {
    OrgHistorySerde codec = new GatekeeperSerdes().orgHistory;
    Map<String, OrgHistory> histories = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String org = new String(r.key(), StandardCharsets.UTF_8);
      assertThat(r.value()).as("history of %s", org).isNotNull();
      OrgHistory h = codec.deserializer().deserialize(changelog, r.value());
      assertThat(occurrences(r.value(), header(writer))).as("settings of %s with the writer's header", org).isEqualTo(h.size());
      assertThat(occurrences(r.value(), header(other))).as("settings of %s with the other header", org).isZero();
      histories.put(org, h);
    }
    return histories;
  }

  /**
   * The inputs, each org keyed by its id, at times before now: every settings record precedes
   * the events published after it, so both builds and the reference see them in one order.
   */
  private static final class Scenario {
    final List<OrgSettings> v1Settings;
    final List<DataEvent> firstEvents;
    final OrgSettings o1Change;
    final List<OrgSettings> v2Settings;
    final List<DataEvent> laterEvents;

    Scenario(Instant now) {
      String settingsAt = now.minus(Duration.ofMinutes(60)).toString();
      String firstAt = now.minus(Duration.ofMinutes(55)).toString();
      String changedAt = now.minus(Duration.ofMinutes(30)).toString();
      String laterAt = now.minus(Duration.ofMinutes(25)).toString();
      v1Settings = List.of(
          settings("o1", settingsAt).product("s1", "jira", FREE).build(),
          settings("o2", settingsAt).product("s1", "jira", ENTERPRISE).build(),
          settings("o3", settingsAt).product("s1", "jira", FREE).inApp(ContributionSetting.ON).build());
      firstEvents = List.of(
          event("o1-a", "o1", firstAt).build(), // contributed
          event("o1-b", "o1", firstAt).site("s2").build(), // no product on s2
          event("o2-a", "o2", firstAt).build(), // in-app off by default on Enterprise
          event("o2-b", "o2", firstAt).metadata().build(), // contributed
          event("o3-a", "o3", firstAt).build(), // contributed, revoked by the opt-out
          event("o3-b", "o3", firstAt).metadata().build(), // contributed, survives the in-app opt-out
          event("o4-a", "o4", firstAt).build()); // no settings
      o1Change = settings("o1", changedAt).product("s1", "jira", FREE).product("s2", "jira", FREE)
          .changeReason(CHANGE_REASON).build();
      v2Settings = List.of(
          o1Change,
          settings("o3", changedAt).product("s1", "jira", FREE).inApp(ContributionSetting.OFF).build());
      laterEvents = List.of(
          event("o1-c", "o1", laterAt).site("s2").build(), // contributed under the v2 version
          event("o1-d", "o1", laterAt).build(),
          event("o2-c", "o2", laterAt).metadata().build(), // decided on the history only v1 wrote
          event("o2-d", "o2", laterAt).build(),
          event("o3-c", "o3", laterAt).build(), // opted out
          event("o3-d", "o3", laterAt).metadata().build());
    }
  }

  /** What one run of the current build decides from the same inputs, in the same order. */
  private record Reference(List<Decided> firstDecisions, List<String> firstLive, List<Decided> allDecisions, List<String> finalLive) {
    static Reference of(RealGatekeeper gk, Scenario scenario) {
      try (GateHarness harness = new GateHarness(gk.config.gatekeeper())) {
        scenario.v1Settings.forEach(harness::settings);
        scenario.firstEvents.forEach(harness::event);
        List<Decided> first = decided(harness.decisions());
        List<String> firstLive = harness.live().keySet().stream().sorted().toList();
        // The scenario is worth upgrading through: contributions and drops, then a revocation.
        assertThat(harness.liveEventIds()).containsExactly("o1-a", "o2-b", "o3-a", "o3-b");
        assertThat(first).extracting(Decided::outcome).contains(Outcome.DROPPED);
        scenario.v2Settings.forEach(harness::settings);
        scenario.laterEvents.forEach(harness::event);
        Reference r = new Reference(first, firstLive, decided(harness.decisions()), harness.live().keySet().stream().sorted().toList());
        assertThat(harness.liveEventIds()).containsExactly("o1-a", "o1-c", "o1-d", "o2-b", "o2-c", "o3-b", "o3-d");
        assertThat(r.allDecisions).filteredOn(d -> d.outcome() == Outcome.REVOKED).extracting(Decided::eventId).containsExactly("o3-a");
        return r;
      }
    }
  }

  /** A decision without the wall-clock time it was made at. */
  private record Decided(String eventId, String orgId, Outcome outcome, String reason, String contributionId, Long settingsVersion) {}

  private static List<Decided> decided(List<ContributionDecision> decisions) {
    return decisions.stream()
        .map(d -> new Decided(d.getEventId(), d.getOrgId(), d.getOutcome(), d.getReason(), d.getContributionId(), d.getSettingsVersion()))
        .toList();
  }

  /**
   * Upstream producers in the Confluent format: events and current settings registered and framed
   * by {@link ConfluentAvroSerde}; v1 settings as a producer built on v1 writes them, the v1
   * schema registered under the settings subject and the datum in v1's layout.
   */
  private static final class Upstream implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String settingsTopic;
    private final String eventsTopic;
    private final ConfluentAvroSerde<OrgSettings> settings;
    private final ConfluentAvroSerde<DataEvent> events;
    private final AvroSerde<OrgSettings> v1SingleObject = AvroSerde.writingWith(OrgSettings.class, V1);
    private final int v1Id;

    Upstream(AppConfig config, RegistryClient client) {
      Properties p = new Properties();
      p.putAll(config.clientProperties());
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
      this.settingsTopic = config.topics().settings();
      this.eventsTopic = config.topics().inputTopics().get(0);
      this.settings = ConfluentAvroSerde.forValues(OrgSettings.class, client);
      this.events = ConfluentAvroSerde.forValues(DataEvent.class, client);
      this.v1Id = client.register(settings.subject(settingsTopic), V1.toString());
      assertThat(new Schema.Parser().parse(client.schemaById(v1Id))).isEqualTo(V1);
    }

    void v1Settings(OrgSettings s) {
      byte[] singleObject = v1SingleObject.encode(s);
      assertThat(Arrays.copyOf(singleObject, SINGLE_OBJECT_HEADER)).isEqualTo(header(V1));
      byte[] framed = ByteBuffer.allocate(ConfluentAvroSerde.HEADER_LENGTH + singleObject.length - SINGLE_OBJECT_HEADER)
          .put(ConfluentAvroSerde.MAGIC)
          .putInt(v1Id)
          .put(singleObject, SINGLE_OBJECT_HEADER, singleObject.length - SINGLE_OBJECT_HEADER)
          .array();
      send(settingsTopic, s.getOrgId(), s.getUpdatedAt(), framed);
    }

    void settings(OrgSettings s) {
      byte[] framed = settings.encode(settingsTopic, s);
      assertThat(ConfluentAvroSerde.schemaId(framed)).isNotEqualTo(v1Id);
      send(settingsTopic, s.getOrgId(), s.getUpdatedAt(), framed);
    }

    void event(DataEvent e) {
      send(eventsTopic, e.getOrgId(), e.getOccurredAt(), events.encode(eventsTopic, e));
    }

    private void send(String topic, String key, Instant timestamp, byte[] value) {
      producer.send(new ProducerRecord<>(topic, null, timestamp.toEpochMilli(), key.getBytes(StandardCharsets.UTF_8), value));
    }

    void flush() {
      producer.flush();
    }

    @Override
    public void close() {
      producer.close();
    }
  }

  private static boolean failed(GatekeeperService service) {
    return service.state() == KafkaStreams.State.PENDING_ERROR || service.state() == KafkaStreams.State.ERROR;
  }

  /** The single-object header of records written with {@code schema}. */
  private static byte[] header(Schema schema) {
    byte[] fingerprint;
    try {
      fingerprint = SchemaNormalization.parsingFingerprint("CRC-64-AVRO", schema);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return ByteBuffer.allocate(SINGLE_OBJECT_HEADER).put((byte) 0xC3).put((byte) 0x01).put(fingerprint).array();
  }

  private static int occurrences(byte[] haystack, byte[] needle) {
    int n = 0;
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        n++;
      }
    }
    return n;
  }

  /** The directories of the settings-history store under a state directory. */
  private static List<Path> storeDirectories(Path stateDir) throws Exception {
    try (Stream<Path> files = Files.walk(stateDir)) {
      return files.filter(Files::isDirectory).filter(p -> p.getFileName().toString().equals(StoreNames.SETTINGS_HISTORY)).toList();
    }
  }

  private static KafkaConsumer<byte[], byte[]> committedReader(Properties client) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
        .map(i -> new TopicPartition(topic, i.partition()))
        .sorted(Comparator.comparingInt(TopicPartition::partition))
        .toList();
  }

  /**
   * Deletes {@code records} and everything before them from a changelog, up to the last one: the
   * transaction marker after it stays, since the offset Streams stored for the store is that of
   * the marker, and a log starting after it would make Streams wipe the store and restore. A
   * compacted topic refuses DeleteRecords, so its cleanup policy allows deletion meanwhile; the
   * broker learns of the change asynchronously, hence the retries.
   */
  private static void deleteRecords(Properties client, String topic, List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
    Map<TopicPartition, RecordsToDelete> deletions = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      deletions.merge(new TopicPartition(r.topic(), r.partition()), RecordsToDelete.beforeOffset(r.offset() + 1),
          (a, b) -> a.beforeOffset() > b.beforeOffset() ? a : b);
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin admin = Admin.create(client)) {
      admin.incrementalAlterConfigs(Map.of(resource, List.of(cleanupPolicy("compact,delete")))).all().get();
      await("records deleted from " + topic).atMost(WAIT).ignoreExceptionsInstanceOf(ExecutionException.class)
          .until(() -> admin.deleteRecords(deletions).all().get() == null);
      admin.incrementalAlterConfigs(Map.of(resource, List.of(cleanupPolicy("compact")))).all().get();
    }
  }

  private static AlterConfigOp cleanupPolicy(String policy) {
    return new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, policy), AlterConfigOp.OpType.SET);
  }

  private static Map<TopicPartition, Long> endOffsets(Properties client, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader(client)) {
      return consumer.endOffsets(partitions(consumer, topic));
    }
  }

  /** Every committed record of {@code topic}, read to its current end. */
  private static List<ConsumerRecord<byte[], byte[]>> readAll(Properties client, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader(client)) {
      List<TopicPartition> all = partitions(consumer, topic);
      consumer.assign(all);
      consumer.seekToBeginning(all);
      Map<TopicPartition, Long> end = consumer.endOffsets(all);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      await("the whole of " + topic).atMost(WAIT).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return all.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
      });
      return records;
    }
  }
}
