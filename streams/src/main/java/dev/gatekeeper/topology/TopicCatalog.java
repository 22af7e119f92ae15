package dev.gatekeeper.topology;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.RevocationReceipt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic the gatekeeper reads or writes (CONTRACT.md), each declared once with its serdes,
 * value class, role and layout, built once from the configured names and the routing. The
 * topology, {@code topics create}, the start-up checks, produce/consume, replay and the test
 * harness all take their topics from here. Regional topics are present only for the regions
 * routing configures. State stores and the internal repartition topics are not topics of the
 * catalog: Kafka Streams owns them ({@link StoreNames}).
 *
 * <p>Immutable and thread-safe; the derived topics of unconfigured regions ({@link
 * #contributionsOfRegion}, {@link #aggregatesFor}) are made on first use and kept.
 */
public final class TopicCatalog {
  static final Duration EVENTS_RETENTION = Duration.ofDays(7);
  static final Duration DECISIONS_RETENTION = Duration.ofDays(90);
  static final Duration DLQ_RETENTION = Duration.ofDays(14);

  /**
   * Contribution tombstones are kept a week rather than Kafka's default day: an incremental
   * {@code export} must read every revocation since the previous one, and refuses when the
   * previous one is older than this.
   */
  static final Duration TOMBSTONE_RETENTION = Duration.ofDays(7);

  private final TopicNames names;
  private final Routing routing;
  private final GatekeeperSerdes serdes;
  private final List<Topic<String, DataEvent>> dataEvents;
  private final Topic<String, OrgSettings> orgSettings;
  private final Topic<String, Contribution> contributions;
  private final Topic<String, ContributionDecision> decisions;
  private final Topic<byte[], byte[]> deadLetters;
  private final Topic<String, RevocationReceipt> receipts;
  private final Topic<String, ContributionAggregate> aggregates;
  private final Map<String, Topic<String, Contribution>> regionalContributions = new LinkedHashMap<>();
  private final Map<String, Topic<String, ContributionAggregate>> regionalAggregates = new LinkedHashMap<>();
  private final Map<String, Topic<?, ?>> byName = new LinkedHashMap<>();
  private final Map<String, Topic<String, Contribution>> derivedContributions = new ConcurrentHashMap<>();
  private final Map<String, Topic<String, ContributionAggregate>> derivedAggregates = new ConcurrentHashMap<>();

  private TopicCatalog(TopicNames names, Routing routing, GatekeeperSerdes serdes) {
    this.names = names;
    this.routing = routing;
    this.serdes = serdes;
    this.dataEvents = names.inputTopics().stream().map(this::dataEventsTopic).toList();
    this.orgSettings = new Topic<>(names.settings(), Serdes.String(), serdes.orgSettings, OrgSettings.class,
        Topic.Role.INPUT, null, TopicLayout.compacted());
    this.contributions = new Topic<>(names.contributions(), Serdes.String(), serdes.contribution, Contribution.class,
        Topic.Role.OUTPUT, null, TopicLayout.compactedKeepingTombstones(TOMBSTONE_RETENTION));
    this.decisions = new Topic<>(names.decisions(), Serdes.String(), serdes.decision, ContributionDecision.class,
        Topic.Role.OUTPUT, null, TopicLayout.retained(DECISIONS_RETENTION));
    this.deadLetters = new Topic<>(names.deadLetters(), Serdes.ByteArray(), Serdes.ByteArray(), byte[].class,
        Topic.Role.DEAD_LETTERS, null, TopicLayout.retained(DLQ_RETENTION));
    this.receipts = new Topic<>(names.receipts(), Serdes.String(), serdes.receipt, RevocationReceipt.class,
        Topic.Role.OUTPUT, null, TopicLayout.retained(DECISIONS_RETENTION));
    this.aggregates = new Topic<>(names.aggregates(), Serdes.String(), serdes.aggregate, ContributionAggregate.class,
        Topic.Role.OUTPUT, null, TopicLayout.compacted());
    for (String region : routing.sortedRegions()) {
      regionalContributions.put(region, regional(contributions, region));
    }
    for (String region : routing.aggregateRegions()) {
      regionalAggregates.put(region, regional(aggregates, region));
    }
    // The order topics create and the start-up check report them in.
    List<Topic<?, ?>> all = new ArrayList<>(dataEvents);
    all.addAll(List.of(orgSettings, contributions, decisions, deadLetters, receipts, aggregates));
    all.addAll(regionalContributions.values());
    all.addAll(regionalAggregates.values());
    for (Topic<?, ?> t : all) {
      if (byName.putIfAbsent(t.name(), t) != null) {
        throw new IllegalArgumentException("topic '" + t.name() + "' is configured for two roles; give each topics.* setting its own name");
      }
    }
  }

  /** The catalog of the configured names and routing, with its own serdes. */
  public static TopicCatalog of(TopicNames names, Routing routing) {
    return of(names, routing, new GatekeeperSerdes());
  }

  /**
   * The catalog of the configured names and routing, whose topics use {@code serdes}.
   *
   * @throws IllegalArgumentException when two roles are given the same topic name
   */
  public static TopicCatalog of(TopicNames names, Routing routing, GatekeeperSerdes serdes) {
    return new TopicCatalog(names, routing, serdes);
  }

  /** The serdes the topics use; the topology's state stores use the same instances. */
  public GatekeeperSerdes serdes() {
    return serdes;
  }

  /** The configured topic names the catalog was built from. */
  public TopicNames names() {
    return names;
  }

  /** The routing the regional topics were made for. */
  public Routing routing() {
    return routing;
  }

  /** The data-event topics given as a list; empty when they are given as a pattern. */
  public List<Topic<String, DataEvent>> dataEvents() {
    return dataEvents;
  }

  /** The pattern data-event topics are given as, if they are. */
  public Optional<Pattern> dataEventsPattern() {
    return Optional.ofNullable(names.inputPattern());
  }

  public Topic<String, OrgSettings> orgSettings() {
    return orgSettings;
  }

  /** The default contributions topic. */
  public Topic<String, Contribution> contributions() {
    return contributions;
  }

  /**
   * Where an org of {@code region} (null: none) contributes now: the default topic while routing
   * is off or the org has no region, its region's topic when that region is configured, and
   * nowhere (empty: fail closed) when it is not.
   */
  public Optional<Topic<String, Contribution>> contributionsFor(String region) {
    if (!routing.routable(region)) {
      return Optional.empty();
    }
    String routed = routing.contributionRegion(region);
    return Optional.of(routed == null ? contributions : regionalContributions.get(routed));
  }

  /**
   * The contributions topic of {@code region}, configured or not: a contribution written under an
   * earlier routing is tombstoned where it was written, even after its region left the
   * configuration. Not part of {@link #all()} unless configured.
   */
  public Topic<String, Contribution> contributionsOfRegion(String region) {
    Topic<String, Contribution> configured = regionalContributions.get(region);
    return configured != null ? configured : derivedContributions.computeIfAbsent(region, r -> regional(contributions, r));
  }

  /** The default contributions topic, then the configured regions' ones in region order. */
  public List<Topic<String, Contribution>> allContributions() {
    List<Topic<String, Contribution>> all = new ArrayList<>(List.of(contributions));
    all.addAll(regionalContributions.values());
    return Collections.unmodifiableList(all);
  }

  public Topic<String, ContributionDecision> decisions() {
    return decisions;
  }

  public Topic<String, RevocationReceipt> receipts() {
    return receipts;
  }

  /** The global aggregates topic. */
  public Topic<String, ContributionAggregate> aggregates() {
    return aggregates;
  }

  /**
   * The aggregates topic of an aggregate region (null: the global one). A bucket counted under an
   * earlier routing is published, or tombstoned, where it was counted, configured or not.
   */
  public Topic<String, ContributionAggregate> aggregatesFor(String aggregateRegion) {
    if (aggregateRegion == null) {
      return aggregates;
    }
    Topic<String, ContributionAggregate> configured = regionalAggregates.get(aggregateRegion);
    return configured != null ? configured : derivedAggregates.computeIfAbsent(aggregateRegion, r -> regional(aggregates, r));
  }

  /** The global aggregates topic, then the configured regions' ones in region order. */
  public List<Topic<String, ContributionAggregate>> allAggregates() {
    List<Topic<String, ContributionAggregate>> all = new ArrayList<>(List.of(aggregates));
    all.addAll(regionalAggregates.values());
    return Collections.unmodifiableList(all);
  }

  /** Where undecodable inputs go, as received. */
  public Topic<byte[], byte[]> deadLetters() {
    return deadLetters;
  }

  /**
   * Every named topic: data events (when listed), settings, contributions, decisions, dead
   * letters, receipts, aggregates, then the configured regions' contributions and aggregates.
   * Topics matching a data-events pattern are the producers' and are not listed.
   */
  public List<Topic<?, ?>> all() {
    return List.copyOf(byName.values());
  }

  /** The topics the gatekeeper reads: the listed data-event topics, then the settings. */
  public List<Topic<?, ?>> inputs() {
    List<Topic<?, ?>> inputs = new ArrayList<>(dataEvents);
    inputs.add(orgSettings);
    return Collections.unmodifiableList(inputs);
  }

  /**
   * The topic of this name: one of {@link #all()}, or a data-events topic when the name matches
   * the data-events pattern.
   *
   * @throws IllegalArgumentException naming the topic and the known ones when it is none of them
   */
  public Topic<?, ?> topic(String name) {
    Topic<?, ?> topic = byName.get(name);
    if (topic != null) {
      return topic;
    }
    if (names.inputPattern() != null && names.inputPattern().matcher(name).matches()) {
      return dataEventsTopic(name);
    }
    StringBuilder known = new StringBuilder(String.join(", ", byName.keySet()));
    dataEventsPattern().ifPresent(p -> known.append(", data events matching /").append(p.pattern()).append('/'));
    String hint = !routing.regional() && (name.startsWith(names.contributions() + ".") || name.startsWith(names.aggregates() + "."))
        ? "; regional topics are known only with routing.regional=true and their region in routing.regions"
        : "";
    throw new IllegalArgumentException("topic '" + name + "' is none of the gatekeeper's topics (" + known
        + ")" + hint + "; configure its name (topics.*) or pick one of these");
  }

  private Topic<String, DataEvent> dataEventsTopic(String name) {
    return new Topic<>(name, Serdes.String(), serdes.dataEvent, DataEvent.class, Topic.Role.INPUT, null,
        TopicLayout.retained(EVENTS_RETENTION));
  }

  /** A region's own copy of a default topic, named {@code <default>.<region>}. */
  private static <V> Topic<String, V> regional(Topic<String, V> base, String region) {
    if (!Routing.isValidRegion(region)) {
      throw new IllegalArgumentException("region '" + region + "' is not usable in a topic name");
    }
    return base.forRegion(base.name() + "." + region, region);
  }
}
