package dev.gatekeeper.testing;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.topology.GatekeeperConfig;
import dev.gatekeeper.topology.GatekeeperMetrics;
import dev.gatekeeper.topology.GatekeeperSerdes;
import dev.gatekeeper.topology.GatekeeperTopology;
import dev.gatekeeper.topology.StreamsDefaults;
import dev.gatekeeper.topology.Topic;
import dev.gatekeeper.topology.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology in a {@link TopologyTestDriver}, with typed inputs and the outputs
 * collected: every decision, every contribution record, the live set, and dead letters. Topics
 * and their serdes come from the configuration's {@link TopicCatalog}; the outputs are read by
 * {@link TopologyOutputs}, as replay reads them.
 */
public final class GateHarness implements AutoCloseable {
  private final TopicCatalog catalog;
  private final Path ownedStateDir;
  private final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> events;
  private final TestInputTopic<byte[], byte[]> settings;
  private final TopologyOutputs outputs;
  private final java.time.Duration flushInterval;
  private boolean flushAfterEachInput = true;
  private final Map<String, Map<String, Contribution>> liveByTopic = new LinkedHashMap<>();
  private final List<Written<ContributionAggregate>> aggregateRecords = new ArrayList<>();
  private final Map<String, Map<String, ContributionAggregate>> publishedByTopic = new LinkedHashMap<>();
  private final List<RevocationReceipt> receipts = new ArrayList<>();
  private final List<ContributionDecision> decisions = new ArrayList<>();
  private final List<TestRecord<String, Contribution>> contributionRecords = new ArrayList<>();
  private final Map<String, Contribution> live;
  private final List<TestRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
  private final TopologyOutputs.Reader collector = new Collector();

  public GateHarness() {
    this(TestConfigs.gatekeeper());
  }

  public GateHarness(GatekeeperConfig config) {
    this(config, tempDir());
  }

  /** The topology on topics whose values use {@code serdes} (a wire format, a registry). */
  public GateHarness(GatekeeperConfig config, GatekeeperSerdes serdes) {
    this(config, serdes, GatekeeperMetrics.NONE, tempDir());
  }

  /** The topology counting what it writes in {@code metrics}. */
  public GateHarness(GatekeeperConfig config, GatekeeperMetrics metrics) {
    this(config, new GatekeeperSerdes(), metrics, tempDir());
  }

  private GateHarness(GatekeeperConfig config, Path stateDir) {
    this(config, new GatekeeperSerdes(), GatekeeperMetrics.NONE, stateDir);
  }

  private GateHarness(GatekeeperConfig config, GatekeeperSerdes serdes, GatekeeperMetrics metrics, Path stateDir) {
    this.ownedStateDir = stateDir;
    this.catalog = TopicCatalog.of(config.topics(), config.routing(), serdes);
    Properties props = StreamsDefaults.of("gatekeeper-test", "test.invalid:9092", stateDir);
    driver = new TopologyTestDriver(GatekeeperTopology.build(config, catalog, props, metrics), props, Instant.EPOCH);
    ByteArraySerializer bytes = new ByteArraySerializer();
    events = driver.createInputTopic(catalog.dataEvents().get(0).name(), bytes, bytes);
    settings = driver.createInputTopic(catalog.orgSettings().name(), bytes, bytes);
    flushInterval = config.aggregates().flushInterval();
    catalog.allContributions().forEach(t -> liveByTopic.put(t.name(), new LinkedHashMap<>()));
    catalog.allAggregates().forEach(t -> publishedByTopic.put(t.name(), new LinkedHashMap<>()));
    live = liveByTopic.get(catalog.contributions().name());
    outputs = new TopologyOutputs(driver, catalog);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("gate-harness-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public GateHarness settings(OrgSettings s) {
    return rawSettings(s.getOrgId(), encode(catalog.orgSettings(), s), s.getUpdatedAt());
  }

  public GateHarness tombstone(String orgId, String at) {
    return rawSettings(orgId, null, Instant.parse(at));
  }

  public GateHarness rawSettings(String key, byte[] value, Instant timestamp) {
    settings.pipeInput(new TestRecord<>(utf8(key), value, timestamp));
    return drain();
  }

  public GateHarness event(DataEvent e) {
    return rawEvent(e.getOrgId(), encode(catalog.dataEvents().get(0), e), e.getOccurredAt());
  }

  public GateHarness eventKeyedBy(String key, DataEvent e) {
    return rawEvent(key, encode(catalog.dataEvents().get(0), e), e.getOccurredAt());
  }

  public GateHarness rawEvent(String key, byte[] value, Instant timestamp) {
    events.pipeInput(new TestRecord<>(utf8(key), value, timestamp));
    return drain();
  }

  public GateHarness rawEvent(String key, byte[] value, Instant timestamp, Headers headers) {
    events.pipeInput(new TestRecord<>(utf8(key), value, headers, timestamp));
    return drain();
  }

  private static <V> byte[] encode(Topic<?, V> topic, V value) {
    return topic.valueSerde().serializer().serialize(topic.name(), value);
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * From now on, the wall clock moves only by {@link #advance}: pending aggregate changes wait for
   * their flush as in production. By default the clock moves one flush interval after each input,
   * so each input's aggregates are visible when it returns.
   */
  public GateHarness holdAggregates() {
    flushAfterEachInput = false;
    return this;
  }

  /** Moves the wall clock, firing the punctuations that fall due. */
  public GateHarness advance(java.time.Duration d) {
    driver.advanceWallClockTime(d);
    return collect();
  }

  private GateHarness drain() {
    if (flushAfterEachInput) {
      driver.advanceWallClockTime(flushInterval);
    }
    return collect();
  }

  private GateHarness collect() {
    outputs.drain(collector);
    return this;
  }

  /** Keeps what the outputs say: records in order, and the latest value per key per topic. */
  private final class Collector implements TopologyOutputs.Reader {
    @Override
    public void contribution(Topic<String, Contribution> topic, TestRecord<String, Contribution> r) {
      if (!topic.regional()) {
        contributionRecords.add(r);
      }
      apply(liveByTopic.get(topic.name()), r);
    }

    @Override
    public void decision(Topic<String, ContributionDecision> topic, TestRecord<String, ContributionDecision> r) {
      decisions.add(r.value());
    }

    @Override
    public void receipt(Topic<String, RevocationReceipt> topic, TestRecord<String, RevocationReceipt> r) {
      receipts.add(r.value());
    }

    @Override
    public void aggregate(Topic<String, ContributionAggregate> topic, TestRecord<String, ContributionAggregate> r) {
      aggregateRecords.add(new Written<>(topic.name(), r.key(), r.value()));
      apply(publishedByTopic.get(topic.name()), r);
    }

    @Override
    public void deadLetter(Topic<byte[], byte[]> topic, TestRecord<byte[], byte[]> r) {
      deadLetters.add(r);
    }
  }

  private static <V> void apply(Map<String, V> latest, TestRecord<String, V> r) {
    if (r.value() == null) {
      latest.remove(r.key());
    } else {
      latest.put(r.key(), r.value());
    }
  }

  /** A record written to a topic; {@code value} null is a tombstone. */
  public record Written<V>(String topic, String key, V value) {}

  /** Live contributions of a topic (the default one or a regional one), tombstones applied. */
  public Map<String, Contribution> liveIn(String topic) {
    Map<String, Contribution> m = liveByTopic.get(topic);
    if (m == null) {
      throw new IllegalArgumentException("not a contributions topic of this configuration: " + topic);
    }
    return m;
  }

  /** Every record written to any aggregates topic, in order, tombstones included. */
  public List<Written<ContributionAggregate>> aggregateRecords() {
    return aggregateRecords;
  }

  /** Buckets currently published on an aggregates topic, by bucket key. */
  public Map<String, ContributionAggregate> published(String topic) {
    Map<String, ContributionAggregate> m = publishedByTopic.get(topic);
    if (m == null) {
      throw new IllegalArgumentException("not an aggregates topic of this configuration: " + topic);
    }
    return m;
  }

  /**
   * A state store of the topology ({@link dev.gatekeeper.topology.StoreNames}), as the admin API
   * reads it on a running instance.
   */
  public <V> org.apache.kafka.streams.state.KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  /** Every decision written so far, in order. */
  public List<ContributionDecision> decisions() {
    return decisions;
  }

  /** The last decision written for an event id. */
  public ContributionDecision lastDecision(String eventId) {
    for (int i = decisions.size() - 1; i >= 0; i--) {
      if (decisions.get(i).getEventId().equals(eventId)) {
        return decisions.get(i);
      }
    }
    throw new AssertionError("no decision for " + eventId);
  }

  /** Live contributions by contributionId, tombstones applied. */
  public Map<String, Contribution> live() {
    return live;
  }

  /** Event ids whose contribution is live. */
  public List<String> liveEventIds() {
    Map<String, String> eventOf = new LinkedHashMap<>();
    for (ContributionDecision d : decisions) {
      if (d.getContributionId() != null) {
        eventOf.put(d.getContributionId(), d.getEventId());
      }
    }
    return live.keySet().stream().map(eventOf::get).sorted().toList();
  }

  public List<TestRecord<String, Contribution>> contributionRecords() {
    return contributionRecords;
  }

  /** Revocation receipts written so far, in order. */
  public List<RevocationReceipt> receipts() {
    return receipts;
  }

  public List<TestRecord<byte[], byte[]>> deadLetters() {
    return deadLetters;
  }

  @Override
  public void close() {
    driver.close();
    if (ownedStateDir != null) {
      try (var files = Files.walk(ownedStateDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
