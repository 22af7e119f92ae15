package dev.gatekeeper.testing;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.topology.Topic;
import dev.gatekeeper.topology.TopicCatalog;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Every output topic of the gatekeeper's topology in a {@link TopologyTestDriver}, read with its
 * catalog topic's deserializers, in one fixed order: contributions (the default topic, then the
 * configured regions' in region order), decisions, receipts, aggregates (global, then regional),
 * then dead letters. Replay prints records in this order (README "Replay"); the test harness
 * collects them in it. Within a topic, records come in the order the topology wrote them.
 */
public final class TopologyOutputs {

  /** Receives the records {@link #drain} reads, one call per record. */
  public interface Reader {
    /** A contribution, or its tombstone (value null), on one of the contributions topics. */
    void contribution(Topic<String, Contribution> topic, TestRecord<String, Contribution> record);

    void decision(Topic<String, ContributionDecision> topic, TestRecord<String, ContributionDecision> record);

    void receipt(Topic<String, RevocationReceipt> topic, TestRecord<String, RevocationReceipt> record);

    /** A published bucket, or its tombstone (value null), on one of the aggregates topics. */
    void aggregate(Topic<String, ContributionAggregate> topic, TestRecord<String, ContributionAggregate> record);

    /** An undecodable input as received, with the dead-letter headers. */
    void deadLetter(Topic<byte[], byte[]> topic, TestRecord<byte[], byte[]> record);
  }

  private final List<Output<String, Contribution>> contributions = new ArrayList<>();
  private final Output<String, ContributionDecision> decisions;
  private final Output<String, RevocationReceipt> receipts;
  private final List<Output<String, ContributionAggregate>> aggregates = new ArrayList<>();
  private final Output<byte[], byte[]> deadLetters;

  /** Opens every output topic of {@code catalog} on {@code driver}. */
  public TopologyOutputs(TopologyTestDriver driver, TopicCatalog catalog) {
    catalog.allContributions().forEach(t -> contributions.add(new Output<>(t, driver)));
    decisions = new Output<>(catalog.decisions(), driver);
    receipts = new Output<>(catalog.receipts(), driver);
    catalog.allAggregates().forEach(t -> aggregates.add(new Output<>(t, driver)));
    deadLetters = new Output<>(catalog.deadLetters(), driver);
  }

  /** Reads every record written since the last drain, in this class's order. */
  public void drain(Reader reader) {
    contributions.forEach(o -> o.drain(reader::contribution));
    decisions.drain(reader::decision);
    receipts.drain(reader::receipt);
    aggregates.forEach(o -> o.drain(reader::aggregate));
    deadLetters.drain(reader::deadLetter);
  }

  /** One output topic and the driver's view of it. */
  private static final class Output<K, V> {
    private final Topic<K, V> topic;
    private final TestOutputTopic<K, V> records;

    Output(Topic<K, V> topic, TopologyTestDriver driver) {
      this.topic = topic;
      this.records = driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    void drain(RecordSink<K, V> sink) {
      while (!records.isEmpty()) {
        sink.accept(topic, records.readRecord());
      }
    }
  }

  @FunctionalInterface
  private interface RecordSink<K, V> {
    void accept(Topic<K, V> topic, TestRecord<K, V> record);
  }
}
