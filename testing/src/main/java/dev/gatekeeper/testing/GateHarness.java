package dev.gatekeeper.testing;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.topology.GatekeeperConfig;
import dev.gatekeeper.topology.GatekeeperSerdes;
import dev.gatekeeper.topology.GatekeeperTopology;
import dev.gatekeeper.topology.StreamsDefaults;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology in a {@link TopologyTestDriver}, with typed inputs and the outputs
 * collected: every decision, every contribution record, the live set, and dead letters.
 */
public final class GateHarness implements AutoCloseable {
  private final GatekeeperSerdes serdes = new GatekeeperSerdes();
  private final Path ownedStateDir;
  private final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> events;
  private final TestInputTopic<byte[], byte[]> settings;
  private final String contributionsTopic;
  private final java.time.Duration flushInterval;
  private boolean flushAfterEachInput = true;
  private final Map<String, TestOutputTopic<String, Contribution>> contributionOutputs = new LinkedHashMap<>();
  private final Map<String, TestOutputTopic<String, ContributionAggregate>> aggregateOutputs = new LinkedHashMap<>();
  private final Map<String, Map<String, Contribution>> liveByTopic = new LinkedHashMap<>();
  private final List<Written<ContributionAggregate>> aggregateRecords = new ArrayList<>();
  private final Map<String, Map<String, ContributionAggregate>> publishedByTopic = new LinkedHashMap<>();
  private final TestOutputTopic<String, ContributionDecision> decisionsOut;
  private final TestOutputTopic<byte[], byte[]> deadOut;
  private final TestOutputTopic<String, dev.gatekeeper.schema.RevocationReceipt> receiptsOut;
  private final List<dev.gatekeeper.schema.RevocationReceipt> receipts = new ArrayList<>();
  private final List<ContributionDecision> decisions = new ArrayList<>();
  private final List<TestRecord<String, Contribution>> contributionRecords = new ArrayList<>();
  private final Map<String, Contribution> live;
  private final List<TestRecord<byte[], byte[]>> deadLetters = new ArrayList<>();

  public GateHarness() {
    this(TestConfigs.gatekeeper());
  }

  public GateHarness(GatekeeperConfig config) {
    this(config, tempDir());
  }

  private GateHarness(GatekeeperConfig config, Path stateDir) {
    this.ownedStateDir = stateDir;
    Properties props = StreamsDefaults.of("gatekeeper-test", "test.invalid:9092", stateDir);
    driver = new TopologyTestDriver(GatekeeperTopology.build(config, props), props, Instant.EPOCH);
    ByteArraySerializer bytes = new ByteArraySerializer();
    events = driver.createInputTopic(config.topics().inputTopics().get(0), bytes, bytes);
    settings = driver.createInputTopic(config.topics().settings(), bytes, bytes);
    flushInterval = config.aggregates().flushInterval();
    StringDeserializer strings = new StringDeserializer();
    contributionsTopic = config.topics().contributions();
    List<String> contributionTopics = new ArrayList<>(List.of(contributionsTopic));
    contributionTopics.addAll(config.routing().regionalContributionTopics(config.topics()));
    for (String topic : contributionTopics) {
      contributionOutputs.put(topic, driver.createOutputTopic(topic, strings, serdes.contribution.deserializer()));
      liveByTopic.put(topic, new LinkedHashMap<>());
    }
    List<String> aggregateTopics = new ArrayList<>(List.of(config.topics().aggregates()));
    aggregateTopics.addAll(config.routing().regionalAggregateTopics(config.topics()));
    for (String topic : aggregateTopics) {
      aggregateOutputs.put(topic, driver.createOutputTopic(topic, strings, serdes.aggregate.deserializer()));
      publishedByTopic.put(topic, new LinkedHashMap<>());
    }
    live = liveByTopic.get(contributionsTopic);
    decisionsOut =
        driver.createOutputTopic(config.topics().decisions(), new StringDeserializer(), serdes.decision.deserializer());
    receiptsOut =
        driver.createOutputTopic(config.topics().receipts(), new StringDeserializer(), serdes.receipt.deserializer());
    deadOut =
        driver.createOutputTopic(config.topics().deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("gate-harness-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public GateHarness settings(OrgSettings s) {
    return rawSettings(s.getOrgId(), serdes.orgSettings.encode(s), s.getUpdatedAt());
  }

  public GateHarness tombstone(String orgId, String at) {
    return rawSettings(orgId, null, Instant.parse(at));
  }

  public GateHarness rawSettings(String key, byte[] value, Instant timestamp) {
    settings.pipeInput(new TestRecord<>(utf8(key), value, timestamp));
    return drain();
  }

  public GateHarness event(DataEvent e) {
    return rawEvent(e.getOrgId(), serdes.dataEvent.encode(e), e.getOccurredAt());
  }

  public GateHarness eventKeyedBy(String key, DataEvent e) {
    return rawEvent(key, serdes.dataEvent.encode(e), e.getOccurredAt());
  }

  public GateHarness rawEvent(String key, byte[] value, Instant timestamp) {
    events.pipeInput(new TestRecord<>(utf8(key), value, timestamp));
    return drain();
  }

  public GateHarness rawEvent(String key, byte[] value, Instant timestamp, Headers headers) {
    events.pipeInput(new TestRecord<>(utf8(key), value, headers, timestamp));
    return drain();
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
    contributionOutputs.forEach((topic, output) -> {
      while (!output.isEmpty()) {
        TestRecord<String, Contribution> r = output.readRecord();
        if (topic.equals(contributionsTopic)) {
          contributionRecords.add(r);
        }
        apply(liveByTopic.get(topic), r);
      }
    });
    aggregateOutputs.forEach((topic, output) -> {
      while (!output.isEmpty()) {
        TestRecord<String, ContributionAggregate> r = output.readRecord();
        aggregateRecords.add(new Written<>(topic, r.key(), r.value()));
        apply(publishedByTopic.get(topic), r);
      }
    });
    decisions.addAll(decisionsOut.readValuesToList());
    deadLetters.addAll(deadOut.readRecordsToList());
    receipts.addAll(receiptsOut.readValuesToList());
    return this;
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
  public List<dev.gatekeeper.schema.RevocationReceipt> receipts() {
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
