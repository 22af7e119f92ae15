package dev.gatekeeper.topology;

import dev.gatekeeper.aggregate.AggregateConfig;
import dev.gatekeeper.aggregate.BucketCounts;
import dev.gatekeeper.aggregate.Bucketing;
import dev.gatekeeper.deid.Deidentifier;
import dev.gatekeeper.deid.Scrubber;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.RevocationReceipt;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the gatekeeper's topology from its configuration: a pure function, nothing started.
 *
 * <pre>
 * data-events ─ decode ─┬─ dead ───────────────────────────────────────────── data-events-dlq
 *                       ├─ key ≠ orgId ─ repartition data-events-by-org ─┐
 *                       └─ keyed by orgId ───────────────────────────────┼─ gate ─┬─ contributions[.region]
 * org-settings ─ decode ┬─ dead ─────────────────────────── dlq           │        ├─ contribution-decisions
 *                       ├─ not in its key's partition ─ repartition       │        │
 *                       │    org-settings-by-org ─ decode ─ (as below) ───┤        ├─ revocation-receipts
 *                       └─ settings / tombstone / invalid ────────────────┘        └─ bucket changes ─┐
 *   ┌─────────────────────────────────────────────────────────────────────────────────────────────────┘
 *   └─ repartition aggregate-bucket-changes (key bucket) ─ aggregate ─ contribution-aggregates[.region]
 * </pre>
 *
 * The gate owns the stores {@value StoreNames#SETTINGS_HISTORY}, {@value
 * StoreNames#CONTRIBUTION_INDEX}, {@value StoreNames#ORG_SHARES} and {@value
 * StoreNames#PENDING_BUCKET_CHANGES}, so an org's settings, index, aggregate shares and events
 * meet in one task; the aggregator owns {@value
 * StoreNames#AGGREGATE_BUCKETS}, keyed by bucket. Every store is changelogged. Every topic, with
 * its serdes, comes from the {@link TopicCatalog}; contributions and aggregates go to a topic
 * chosen per record ({@link Routed}), the others to their one topic.
 */
public final class GatekeeperTopology {
  private GatekeeperTopology() {}

  /**
   * The topology with a catalog of its own, built from the configuration's names and routing.
   *
   * @param streamsProperties the application's Streams configuration, so that topology
   *     optimizations it enables apply
   */
  public static Topology build(GatekeeperConfig config, Properties streamsProperties) {
    return build(config, TopicCatalog.of(config.topics(), config.routing(), new GatekeeperSerdes()), streamsProperties);
  }

  /**
   * The topology reading and writing {@code catalog}'s topics, for callers that drive it through
   * the same catalog (replay, the test harness). The catalog must be the one of {@code config}'s
   * names and routing.
   *
   * @param streamsProperties the application's Streams configuration, so that topology
   *     optimizations it enables apply
   */
  public static Topology build(GatekeeperConfig config, TopicCatalog catalog, Properties streamsProperties) {
    return build(config, catalog, streamsProperties, GatekeeperMetrics.NONE);
  }

  /**
   * The topology reading and writing {@code catalog}'s topics and counting what it writes in
   * {@code metrics}; the counting changes neither its shape nor its outputs.
   *
   * @param streamsProperties the application's Streams configuration, so that topology
   *     optimizations it enables apply
   */
  public static Topology build(
      GatekeeperConfig config, TopicCatalog catalog, Properties streamsProperties, GatekeeperMetrics metrics) {
    if (!catalog.routing().equals(config.routing())) {
      throw new IllegalArgumentException("the catalog was built for another routing than the configuration's");
    }
    GatekeeperSerdes serdes = catalog.serdes();
    DeadLetters deadLetters = new DeadLetters(config.dlqIncludePayload(), metrics);
    Policy policy = new Policy(config.policy());
    Scrubber scrubber = Scrubber.standard();
    StreamsBuilder builder = new StreamsBuilder();

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.SETTINGS_HISTORY), Serdes.String(), serdes.orgHistory));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.CONTRIBUTION_INDEX), Serdes.String(), serdes.indexEntry));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.ORG_SHARES), Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            // A handful of hot buckets at any time: memory, restored from its changelog after a crash.
            Stores.inMemoryKeyValueStore(StoreNames.PENDING_BUCKET_CHANGES), Serdes.String(), serdes.bucketCounts)
            .withCachingEnabled());

    // Inputs are read as bytes and decoded by the decoders, so that what does not decode becomes
    // a dead letter instead of stopping the application.
    Consumed<byte[], byte[]> eventsConsumed =
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("data-events-source");
    KStream<byte[], byte[]> rawEvents =
        catalog.dataEventsPattern().isPresent()
            ? builder.stream(catalog.dataEventsPattern().get(), eventsConsumed)
            : builder.stream(catalog.dataEvents().stream().map(Topic::name).toList(), eventsConsumed);
    Map<String, KStream<String, Inbound>> events =
        rawEvents
            .process(() -> new EventDecoder(serdes.dataEvent, deadLetters, config.inputPartitions()), Named.as("decode-data-events"))
            .split(Named.as("events-"))
            .branch((k, v) -> v instanceof DeadLetter, Branched.as("dead"))
            .branch((k, v) -> !((Inbound.EventIn) v).keyedByOrg(), Branched.as("rekey"))
            .defaultBranch(Branched.as("keyed"));

    KStream<String, Inbound> rekeyed =
        events
            .get("events-rekey")
            .mapValues(v -> ((Inbound.EventIn) v).event(), Named.as("unwrap-for-rekey"))
            .repartition(
                Repartitioned.<String, DataEvent>as(StoreNames.EVENTS_BY_ORG)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(serdes.internalDataEvent))
            .mapValues(e -> (Inbound) new Inbound.EventIn(e, true), Named.as("wrap-rekeyed"));

    Map<String, KStream<String, Inbound>> settings =
        builder
            .stream(
                catalog.orgSettings().name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("org-settings-source"))
            .process(() -> new SettingsDecoder(serdes.orgSettings, deadLetters, config.inputPartitions()), Named.as("decode-org-settings"))
            .split(Named.as("settings-"))
            .branch((k, v) -> v instanceof DeadLetter, Branched.as("dead"))
            .branch((k, v) -> v instanceof Inbound.Misplaced, Branched.as("misplaced"))
            .defaultBranch(Branched.as("valid"));
    // A settings record in the wrong partition goes, as received, to the one its key belongs in;
    // the raw key bytes are partitioned as the producer's should have been.
    Map<String, KStream<String, Inbound>> placedSettings =
        settings
            .get("settings-misplaced")
            .map((k, v) -> KeyValue.pair(((Inbound.Misplaced) v).key(), ((Inbound.Misplaced) v).value()),
                Named.as("unwrap-misplaced-settings"))
            .repartition(
                Repartitioned.<byte[], byte[]>as(StoreNames.SETTINGS_BY_ORG)
                    .withKeySerde(Serdes.ByteArray())
                    .withValueSerde(Serdes.ByteArray()))
            .process(() -> new SettingsDecoder(serdes.orgSettings, deadLetters, 0), Named.as("decode-placed-org-settings"))
            .split(Named.as("placed-settings-"))
            .branch((k, v) -> v instanceof DeadLetter, Branched.as("dead"))
            .defaultBranch(Branched.as("valid"));

    Topic<byte[], byte[]> deadLetterTopic = catalog.deadLetters();
    events
        .get("events-dead")
        .merge(settings.get("settings-dead"), Named.as("merge-dead-letters"))
        .merge(placedSettings.get("placed-settings-dead"), Named.as("merge-placed-dead-letters"))
        .map((k, v) -> KeyValue.pair(((DeadLetter) v).key(), ((DeadLetter) v).value()), Named.as("unwrap-dead-letters"))
        .to(
            deadLetterTopic.name(),
            Produced.with(deadLetterTopic.keySerde(), deadLetterTopic.valueSerde()).withName("dead-letters-sink"));

    KStream<String, Outbound> outputs =
        events
            .get("events-keyed")
            .merge(rekeyed, Named.as("merge-rekeyed-events"))
            .merge(settings.get("settings-valid"), Named.as("merge-settings"))
            .merge(placedSettings.get("placed-settings-valid"), Named.as("merge-placed-settings"))
            .process(
                () ->
                    new Gate(
                        policy,
                        () -> new Deidentifier(config.deid(), scrubber, config.policy().policyVersion()),
                        config.historyCacheSize(),
                        catalog,
                        new Bucketing(config.aggregates()),
                        config.aggregates().flushInterval(),
                        metrics),
                Named.as("gate"),
                StoreNames.SETTINGS_HISTORY,
                StoreNames.CONTRIBUTION_INDEX,
                StoreNames.ORG_SHARES,
                StoreNames.PENDING_BUCKET_CHANGES);

    Topic<String, RevocationReceipt> receipts = catalog.receipts();
    Topic<String, ContributionDecision> decisions = catalog.decisions();
    outputs
        .split(Named.as("out-"))
        .branch(
            (k, v) -> v instanceof Outbound.ContributionOut,
            Branched.withConsumer(
                s ->
                    s.to(
                        (k, v, ctx) -> ((Outbound.ContributionOut) v).topic().name(),
                        Produced.with(catalog.contributions().keySerde(), new RoutedSerde<Outbound>())
                            .withName("contributions-sink")),
                "contributions"))
        .branch(
            (k, v) -> v instanceof Outbound.ReceiptOut,
            Branched.withConsumer(
                s ->
                    s.mapValues(v -> ((Outbound.ReceiptOut) v).receipt(), Named.as("unwrap-receipts"))
                        .to(
                            receipts.name(),
                            Produced.with(receipts.keySerde(), receipts.valueSerde()).withName("receipts-sink")),
                "receipts"))
        .branch(
            (k, v) -> v instanceof Outbound.BucketChangeOut,
            Branched.withConsumer(s -> aggregate(s, config, catalog, builder, metrics), "bucket-changes"))
        .branch(
            (k, v) -> v instanceof Outbound.DecisionOut,
            Branched.withConsumer(
                s ->
                    s.mapValues(v -> ((Outbound.DecisionOut) v).decision(), Named.as("unwrap-decisions"))
                        .to(
                            decisions.name(),
                            Produced.with(decisions.keySerde(), decisions.valueSerde()).withName("decisions-sink")),
                "decisions"))
        // Outbound is sealed and every kind has its branch above; a new kind without one must stop
        // the task rather than vanish or be written as something else.
        .defaultBranch(
            Branched.withConsumer(
                s -> s.foreach(
                    (k, v) -> {
                      throw new IllegalStateException("the gate made an output with no sink: " + v.getClass().getName());
                    },
                    Named.as("no-sink")),
                "unexpected"));

    return builder.build(streamsProperties);
  }

  /** Bucket changes travel to the bucket's owner, which publishes buckets of at least k orgs. */
  private static void aggregate(
      KStream<String, Outbound> changes, GatekeeperConfig config, TopicCatalog catalog, StreamsBuilder builder,
      GatekeeperMetrics metrics) {
    AggregateConfig aggregates = config.aggregates();
    GatekeeperSerdes serdes = catalog.serdes();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.AGGREGATE_BUCKETS), Serdes.String(), serdes.bucketCounts)
            .withCachingEnabled());
    changes
        .mapValues(v -> ((Outbound.BucketChangeOut) v).change(), Named.as("unwrap-bucket-changes"))
        .repartition(
            Repartitioned.<String, BucketCounts>as(StoreNames.BUCKET_CHANGES)
                .withKeySerde(Serdes.String())
                .withValueSerde(serdes.bucketCounts))
        .process(
            () -> new Aggregator(aggregates, config.policy().policyVersion(), catalog, metrics),
            Named.as("aggregate"),
            StoreNames.AGGREGATE_BUCKETS)
        .to(
            (k, v, ctx) -> v.topic().name(),
            Produced.with(catalog.aggregates().keySerde(), new RoutedSerde<AggregateOut>()).withName("aggregates-sink"));
  }
}
