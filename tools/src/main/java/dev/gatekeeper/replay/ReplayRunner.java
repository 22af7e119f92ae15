package dev.gatekeeper.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.io.RecordLines;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.json.PlainJsonException;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.topology.GatekeeperConfig;
import dev.gatekeeper.topology.GatekeeperSerdes;
import dev.gatekeeper.topology.GatekeeperTopology;
import dev.gatekeeper.topology.StreamsDefaults;
import dev.gatekeeper.topology.TopicNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs a replay scenario through the production topology in {@link TopologyTestDriver}: each
 * line is piped in file order, and after each one every record the topology wrote is printed as
 * a JSON line in the scenario's shape (contributions — default topic, then regional ones —,
 * decisions, receipts, aggregates, then dead letters). The driver's wall clock follows the
 * scenario's timestamps, and moves one aggregates flush interval after each line so that the
 * aggregates a line changed are published with it; the output is deterministic.
 */
public final class ReplayRunner implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final RecordLines lines = new RecordLines();
  private final GatekeeperConfig config;
  private final GatekeeperSerdes serdes = new GatekeeperSerdes();
  private final Path stateDir;
  private final TopologyTestDriver driver;
  private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
  private final Map<String, TestOutputTopic<String, Contribution>> contributions = new LinkedHashMap<>();
  private final TestOutputTopic<String, ContributionDecision> decisions;
  private final TestOutputTopic<byte[], byte[]> deadLetters;
  private final TestOutputTopic<String, RevocationReceipt> receipts;
  private final Map<String, TestOutputTopic<String, ContributionAggregate>> aggregates = new LinkedHashMap<>();
  private final Consumer<String> notices;
  private long wallClock = 0;

  /**
   * @param notices receives operator notices (lines whose value could not be converted), never
   *     payload values
   */
  public ReplayRunner(GatekeeperConfig config, Consumer<String> notices) {
    this.config = config;
    this.notices = notices;
    TopicNames topics = config.topics();
    if (topics.inputPattern() != null) {
      throw new IllegalArgumentException("replay needs data-event topics given as a list, not a pattern");
    }
    try {
      stateDir = Files.createTempDirectory("gatekeeper-replay-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a state directory for replay", e);
    }
    Properties props = StreamsDefaults.of("gatekeeper-replay", "replay.invalid:9092", stateDir);
    driver = new TopologyTestDriver(GatekeeperTopology.build(config, props), props, Instant.EPOCH);
    ByteArraySerializer bytes = new ByteArraySerializer();
    for (String topic : topics.inputTopics()) {
      inputs.put(topic, driver.createInputTopic(topic, bytes, bytes));
    }
    inputs.put(topics.settings(), driver.createInputTopic(topics.settings(), bytes, bytes));
    StringDeserializer strings = new StringDeserializer();
    contributions.put(topics.contributions(), driver.createOutputTopic(topics.contributions(), strings, serdes.contribution.deserializer()));
    for (String topic : config.routing().regionalContributionTopics(topics)) {
      contributions.put(topic, driver.createOutputTopic(topic, strings, serdes.contribution.deserializer()));
    }
    aggregates.put(topics.aggregates(), driver.createOutputTopic(topics.aggregates(), strings, serdes.aggregate.deserializer()));
    for (String topic : config.routing().regionalAggregateTopics(topics)) {
      aggregates.put(topic, driver.createOutputTopic(topic, strings, serdes.aggregate.deserializer()));
    }
    decisions =
        driver.createOutputTopic(topics.decisions(), new StringDeserializer(), serdes.decision.deserializer());
    receipts =
        driver.createOutputTopic(topics.receipts(), new StringDeserializer(), serdes.receipt.deserializer());
    deadLetters =
        driver.createOutputTopic(topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Replays every line of {@code scenario}, writing the topology's output to {@code out}. */
  public ReplaySummary run(BufferedReader scenario, PrintWriter out) throws IOException, ScenarioException {
    Counts counts = new Counts();
    long start = System.nanoTime();
    String text;
    int number = 0;
    while ((text = scenario.readLine()) != null) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      pipe(ScenarioLine.parse(json, number, text));
      // One flush interval passes after each line, so the aggregates it changed are published with it.
      driver.advanceWallClockTime(config.aggregates().flushInterval());
      wallClock += config.aggregates().flushInterval().toMillis();
      counts.lines++;
      drain(out, counts);
    }
    out.flush();
    return new ReplaySummary(
        counts.lines, counts.contributed, counts.dropped, counts.revoked, counts.tombstones,
        counts.deadLetters, System.nanoTime() - start);
  }

  private void pipe(ScenarioLine line) throws ScenarioException {
    TestInputTopic<byte[], byte[]> input = inputs.get(line.topic());
    if (input == null) {
      throw new ScenarioException(line.number(), "unknown input topic; expected one of " + inputs.keySet());
    }
    if (line.timestamp() > wallClock) {
      driver.advanceWallClockTime(Duration.ofMillis(line.timestamp() - wallClock));
      wallClock = line.timestamp();
    }
    byte[] key = line.key() == null ? null : line.key().getBytes(StandardCharsets.UTF_8);
    input.pipeInput(new TestRecord<>(key, value(line), Instant.ofEpochMilli(line.timestamp())));
  }

  /** Avro bytes of the line's value; a value that does not convert is sent as undecodable bytes. */
  private byte[] value(ScenarioLine line) {
    if (line.value() == null || line.value().isNull()) {
      return null;
    }
    boolean settings = line.topic().equals(config.topics().settings());
    try {
      return settings
          ? serdes.orgSettings.encode(PlainJson.fromJson(line.value(), OrgSettings.class))
          : serdes.dataEvent.encode(PlainJson.fromJson(line.value(), DataEvent.class));
    } catch (PlainJsonException e) {
      notices.accept(
          "line " + line.number() + ": value is not a valid " + (settings ? "OrgSettings" : "DataEvent")
              + " (" + e.getMessage() + "); sent as undecodable bytes");
      return line.value().toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private void drain(PrintWriter out, Counts counts) {
    contributions.forEach((topic, output) -> {
      while (!output.isEmpty()) {
        TestRecord<String, Contribution> r = output.readRecord();
        if (r.value() == null) {
          counts.tombstones++;
        }
        out.println(lines.of(topic, r.key(), r.timestamp(), r.value()));
      }
    });
    while (!decisions.isEmpty()) {
      TestRecord<String, ContributionDecision> r = decisions.readRecord();
      switch (r.value().getOutcome()) {
        case CONTRIBUTED -> counts.contributed++;
        case DROPPED -> counts.dropped++;
        case REVOKED -> counts.revoked++;
      }
      out.println(lines.of(config.topics().decisions(), r.key(), r.timestamp(), r.value()));
    }
    while (!receipts.isEmpty()) {
      TestRecord<String, RevocationReceipt> r = receipts.readRecord();
      out.println(lines.of(config.topics().receipts(), r.key(), r.timestamp(), r.value()));
    }
    aggregates.forEach((topic, output) -> {
      while (!output.isEmpty()) {
        TestRecord<String, ContributionAggregate> r = output.readRecord();
        out.println(lines.of(topic, r.key(), r.timestamp(), r.value()));
      }
    });
    while (!deadLetters.isEmpty()) {
      TestRecord<byte[], byte[]> r = deadLetters.readRecord();
      counts.deadLetters++;
      out.println(lines.raw(config.topics().deadLetters(), r.key(), r.timestamp(), r.value(), r.headers()));
    }
  }

  @Override
  public void close() {
    driver.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      notices.accept("could not delete the replay state directory " + stateDir);
    }
  }

  private static final class Counts {
    long lines;
    long contributed;
    long dropped;
    long revoked;
    long tombstones;
    long deadLetters;
  }
}
