package dev.gatekeeper.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.io.DirectoryTrees;
import dev.gatekeeper.io.RecordLines;
import dev.gatekeeper.io.TopicValues;
import dev.gatekeeper.json.PlainJsonException;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.testing.TopologyOutputs;
import dev.gatekeeper.topology.GatekeeperConfig;
import dev.gatekeeper.topology.GatekeeperTopology;
import dev.gatekeeper.topology.StreamsDefaults;
import dev.gatekeeper.topology.Topic;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs a replay scenario through the production topology in {@link TopologyTestDriver}: each
 * line is piped in file order, and after each one every record the topology wrote is printed as
 * a JSON line in the scenario's shape, in {@link TopologyOutputs}' order (contributions — default
 * topic, then regional ones —, decisions, receipts, aggregates, then dead letters). Topics and
 * their serdes come from the configuration's {@link TopicCatalog}. The driver's wall clock
 * follows the scenario's timestamps, and moves one aggregates flush interval after each line so
 * that the aggregates a line changed are published with it; the output is deterministic.
 */
public final class ReplayRunner implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final RecordLines lines = new RecordLines();
  private final GatekeeperConfig config;
  private final Path stateDir;
  private final TopologyTestDriver driver;
  private final Map<String, Input> inputs = new LinkedHashMap<>();
  private final TopologyOutputs outputs;
  private final Consumer<String> notices;
  private long wallClock = 0;

  /** An input topic and the driver's way into it. */
  private record Input(Topic<?, ?> topic, TestInputTopic<byte[], byte[]> records) {}

  /**
   * @param notices receives operator notices (lines whose value could not be converted), never
   *     payload values
   */
  public ReplayRunner(GatekeeperConfig config, Consumer<String> notices) {
    this.config = config;
    this.notices = notices;
    TopicCatalog catalog = TopicCatalog.of(config.topics(), config.routing());
    if (catalog.dataEventsPattern().isPresent()) {
      throw new IllegalArgumentException("replay needs data-event topics given as a list, not a pattern");
    }
    try {
      stateDir = Files.createTempDirectory("gatekeeper-replay-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a state directory for replay", e);
    }
    Properties props = StreamsDefaults.of("gatekeeper-replay", "replay.invalid:9092", stateDir);
    driver = new TopologyTestDriver(GatekeeperTopology.build(config, catalog, props), props, Instant.EPOCH);
    ByteArraySerializer bytes = new ByteArraySerializer();
    for (Topic<?, ?> topic : catalog.inputs()) {
      inputs.put(topic.name(), new Input(topic, driver.createInputTopic(topic.name(), bytes, bytes)));
    }
    outputs = new TopologyOutputs(driver, catalog);
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
    Input input = inputs.get(line.topic());
    if (input == null) {
      throw new ScenarioException(line.number(), "unknown input topic; expected one of " + inputs.keySet());
    }
    if (line.timestamp() > wallClock) {
      driver.advanceWallClockTime(Duration.ofMillis(line.timestamp() - wallClock));
      wallClock = line.timestamp();
    }
    byte[] key = line.key() == null ? null : line.key().getBytes(StandardCharsets.UTF_8);
    input.records().pipeInput(new TestRecord<>(key, value(line, input.topic()), Instant.ofEpochMilli(line.timestamp())));
  }

  /** Avro bytes of the line's value; a value that does not convert is sent as undecodable bytes. */
  private byte[] value(ScenarioLine line, Topic<?, ?> topic) {
    if (line.value() == null || line.value().isNull()) {
      return null;
    }
    try {
      return TopicValues.encode(topic, line.value());
    } catch (PlainJsonException e) {
      notices.accept(
          "line " + line.number() + ": value is not a valid " + topic.valueClass().getSimpleName()
              + " (" + e.getMessage() + "); sent as undecodable bytes");
      return line.value().toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private void drain(PrintWriter out, Counts counts) {
    outputs.drain(new TopologyOutputs.Reader() {
      @Override
      public void contribution(Topic<String, Contribution> topic, TestRecord<String, Contribution> r) {
        if (r.value() == null) {
          counts.tombstones++;
        }
        out.println(lines.of(topic.name(), r.key(), r.timestamp(), r.value()));
      }

      @Override
      public void decision(Topic<String, ContributionDecision> topic, TestRecord<String, ContributionDecision> r) {
        switch (r.value().getOutcome()) {
          case CONTRIBUTED -> counts.contributed++;
          case DROPPED -> counts.dropped++;
          case REVOKED -> counts.revoked++;
        }
        out.println(lines.of(topic.name(), r.key(), r.timestamp(), r.value()));
      }

      @Override
      public void receipt(Topic<String, RevocationReceipt> topic, TestRecord<String, RevocationReceipt> r) {
        out.println(lines.of(topic.name(), r.key(), r.timestamp(), r.value()));
      }

      @Override
      public void aggregate(Topic<String, ContributionAggregate> topic, TestRecord<String, ContributionAggregate> r) {
        out.println(lines.of(topic.name(), r.key(), r.timestamp(), r.value()));
      }

      @Override
      public void deadLetter(Topic<byte[], byte[]> topic, TestRecord<byte[], byte[]> r) {
        counts.deadLetters++;
        out.println(lines.raw(topic.name(), r.key(), r.timestamp(), r.value(), r.headers()));
      }
    });
  }

  @Override
  public void close() {
    driver.close();
    try {
      DirectoryTrees.delete(stateDir);
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
