package dev.gatekeeper.topology;

import dev.gatekeeper.aggregate.AggregateShare;
import dev.gatekeeper.aggregate.BucketCounts;
import dev.gatekeeper.aggregate.Bucketing;
import dev.gatekeeper.deid.Deidentifier;
import dev.gatekeeper.deid.PlaceholderCounts;
import dev.gatekeeper.policy.Decision;
import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.state.IndexEntry;
import dev.gatekeeper.state.IndexKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gatekeeper's one stateful step, in the task that owns an org's events and settings
 * (co-partitioned by orgId). An event is decided by the {@link Policy} and placed by
 * {@link dev.gatekeeper.policy.Placement} (residency); a contribution is de-identified, written and
 * remembered in the contribution index. A settings record updates the org's history and hands
 * the org to {@link Revocation}. Contributed metadata also counts toward aggregate buckets
 * ({@link OrgShares}); its bucket changes wait in {@link PendingBucketChanges} for at most the
 * flush interval. Outputs never carry input headers. Decisions, receipts and the placeholders of
 * each contribution are counted in {@link GatekeeperMetrics} once written.
 */
final class Gate implements Processor<String, Inbound, String, Outbound> {
  private static final Logger LOG = LoggerFactory.getLogger(Gate.class);

  private final Policy policy;
  private final Supplier<Deidentifier> deidentifiers;
  private final int historyCacheSize;
  private final TopicCatalog catalog;
  private final Routing routing;
  private final Bucketing bucketing;
  private final Duration flushInterval;
  private final GatekeeperMetrics metrics;
  private final PlaceholderCounts placeholders = new PlaceholderCounts();
  private ProcessorContext<String, Outbound> context;
  private OrgHistories histories;
  private KeyValueStore<String, IndexEntry> index;
  private OrgShares shares;
  private PendingBucketChanges pending;
  private ContributionPlaces places;
  private RevocationRules rules;
  private Revocation revocation;
  private Deidentifier deid;

  Gate(Policy policy, Supplier<Deidentifier> deidentifiers, int historyCacheSize, TopicCatalog catalog,
      Bucketing bucketing, Duration flushInterval, GatekeeperMetrics metrics) {
    this.flushInterval = flushInterval;
    this.metrics = metrics;
    this.policy = policy;
    this.deidentifiers = deidentifiers;
    this.historyCacheSize = historyCacheSize;
    this.catalog = catalog;
    this.routing = catalog.routing();
    this.bucketing = bucketing;
  }

  @Override
  public void init(ProcessorContext<String, Outbound> context) {
    this.context = context;
    this.histories = new OrgHistories(context.getStateStore(StoreNames.SETTINGS_HISTORY), historyCacheSize);
    this.index = context.getStateStore(StoreNames.CONTRIBUTION_INDEX);
    this.shares = new OrgShares(context.getStateStore(StoreNames.ORG_SHARES));
    this.pending = new PendingBucketChanges(context.getStateStore(StoreNames.PENDING_BUCKET_CHANGES));
    this.places = new ContributionPlaces(catalog, routing.placement());
    this.rules = new RevocationRules(policy, routing.placement());
    this.revocation = new Revocation(rules, places, index, shares, pending);
    context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flushPending(context.currentStreamTimeMs()));
    if (bucketing.config().enabled()) {
      context.schedule(bucketing.config().window(), PunctuationType.STREAM_TIME,
          streamTime -> shares.forgetWindows(windowStart -> bucketing.config().isFinal(windowStart, streamTime)));
    }
    this.deid = deidentifiers.get();
  }

  @Override
  public void process(Record<String, Inbound> record) {
    Inbound in = record.value();
    if (in instanceof Inbound.EventIn event) {
      onEvent(event.event(), record.timestamp());
    } else if (in instanceof Inbound.SettingsIn settings) {
      onSettings(settings, record.timestamp());
    } else {
      throw new IllegalStateException("dead letters never reach the gate");
    }
  }

  @Override
  public void close() {
    if (histories != null) {
      histories.clear();
    }
  }

  private void onEvent(DataEvent e, long timestamp) {
    String orgId = e.getOrgId();
    OrgHistory history = histories.get(orgId);
    EventFacts facts = EventFacts.of(e);
    Decision d = policy.decide(history, facts);
    Reason reason = d.reason();
    String contributionId = null;
    if (d.contributed()) {
      String region = history.latest().residencyRegion();
      Optional<Topic<String, Contribution>> topic = places.topicFor(region);
      if (topic.isEmpty()) {
        // The org's region has no configured topic: its data may go nowhere else.
        reason = routing.placement().contributionReason(region);
      } else {
        contributionId = deid.contributionId(orgId, e.getEventId());
        contribute(e, facts, orgId, contributionId, region, topic.get(), timestamp);
      }
    }
    Outcome outcome = contributionId != null ? Outcome.CONTRIBUTED : Outcome.DROPPED;
    decide(e.getEventId(), orgId, outcome, reason, contributionId, d.settingsVersion(), timestamp);
  }

  private void contribute(
      DataEvent e, EventFacts facts, String orgId, String contributionId, String region, Topic<String, Contribution> topic, long timestamp) {
    Contribution c = deid.deidentify(e, contributionId, region, placeholders);
    String key = IndexKeys.key(orgId, contributionId);
    IndexEntry previous = index.get(key);
    AggregateShare share;
    if (previous == null) {
      share = bucketing.share(e.getDataType(), c.getAttributes(), facts.occurredAt(), routing.aggregateRegion(region), context.currentStreamTimeMs());
      Map<String, BucketCounts> changes = new LinkedHashMap<>();
      shares.add(orgId, c.getApp(), share, changes);
      pending.add(changes);
    } else {
      // A re-delivery of a live contribution: it was counted once already.
      share = previous.share();
      Topic<String, Contribution> previousTopic = places.topicOf(previous);
      if (!previousTopic.name().equals(topic.name())) {
        emit(contributionId, new Outbound.ContributionOut(null, previousTopic), timestamp);
      }
    }
    boolean regional = !places.isDefault(topic);
    index.put(key, new IndexEntry(e.getEventId(), facts, region, regional, share));
    emit(contributionId, new Outbound.ContributionOut(c, topic), c.getOccurredAt().toEpochMilli());
    placeholders.drain(metrics::placeholders);
  }

  private void onSettings(Inbound.SettingsIn in, long timestamp) {
    String orgId = in.orgId();
    OrgHistory before = histories.get(orgId);
    OrgHistory after;
    if (in.isTombstone()) {
      after = rules.afterTombstone(before, timestamp);
    } else if (in.isInvalid()) {
      after = rules.afterInvalid(before, timestamp);
    } else {
      Optional<OrgHistory> appended = rules.afterSettings(before, in.settings(), context.currentStreamTimeMs());
      if (appended.isEmpty()) {
        LOG.info(
            "Ignored a stale settings record (older than the org's current version) at {}",
            context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"));
        return;
      }
      after = appended.get();
    }
    histories.put(orgId, after);
    revocation.revokeDisallowed(orgId, after, timestamp, new Revocation.Outputs() {
      @Override
      public void tombstone(String contributionId, Topic<String, Contribution> topic) {
        emit(contributionId, new Outbound.ContributionOut(null, topic), timestamp);
      }

      @Override
      public void revoked(String eventId, String org, Reason reason, String contributionId, Long settingsVersion) {
        decide(eventId, org, Outcome.REVOKED, reason, contributionId, settingsVersion, timestamp);
      }

      @Override
      public void receipt(String org, long settingsVersion, SortedSet<String> reasons, long contributions, long buckets) {
        emit(org, Gate.this.receipt(org, settingsVersion, reasons, contributions, buckets), timestamp);
        metrics.receipt();
      }
    }, () -> flushPending(timestamp));
  }

  /** Sends every pending bucket change to the buckets' owners. */
  private void flushPending(long timestamp) {
    pending.flush((bucketKey, change) -> emit(bucketKey, new Outbound.BucketChangeOut(change), Math.max(0, timestamp)));
  }

  /** Proof for an admin that the opt-out, deletion or exclusion was carried out. */
  private Outbound receipt(String orgId, long settingsVersion, SortedSet<String> reasons, long count, long buckets) {
    return new Outbound.ReceiptOut(
        RevocationReceipt.newBuilder()
            .setOrgId(orgId)
            .setSettingsVersion(settingsVersion)
            .setReasons(new ArrayList<>(reasons))
            .setContributionsRevoked(count)
            .setBucketsRevoked(buckets)
            .setCompletedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
            .build());
  }

  /** Writes a decision (key orgId) and counts it. */
  private void decide(
      String eventId, String orgId, Outcome outcome, Reason reason, String contributionId, Long settingsVersion, long timestamp) {
    emit(orgId, decision(eventId, orgId, outcome, reason, contributionId, settingsVersion), timestamp);
    metrics.decided(outcome, reason);
  }

  private Outbound decision(
      String eventId, String orgId, Outcome outcome, Reason reason, String contributionId, Long settingsVersion) {
    return new Outbound.DecisionOut(
        ContributionDecision.newBuilder()
            .setEventId(eventId)
            .setOrgId(orgId)
            .setOutcome(outcome)
            .setReason(reason.name())
            .setContributionId(contributionId)
            .setDecidedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
            .setSettingsVersion(settingsVersion)
            .setPolicyVersion(policy.config().policyVersion())
            .build());
  }

  private void emit(String key, Outbound value, long timestamp) {
    context.forward(new Record<>(key, value, timestamp, new RecordHeaders()));
  }
}
