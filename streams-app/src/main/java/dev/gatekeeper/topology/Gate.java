package dev.gatekeeper.topology;

import dev.gatekeeper.deid.Deidentifier;
import dev.gatekeeper.policy.Decision;
import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.OrgVersion;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.state.IndexEntry;
import dev.gatekeeper.state.IndexKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gatekeeper's one stateful step, in the task that owns an org's events and settings
 * (co-partitioned by orgId). An event is decided by the {@link Policy}; a contribution is
 * de-identified, written and remembered in the contribution index. A settings record updates the
 * org's history and re-checks every live contribution of the org, revoking those now disallowed:
 * a tombstone, a REVOKED decision, and removal from the index, then one receipt for the settings
 * record when it revoked anything. Outputs never carry input headers.
 */
final class Gate implements Processor<String, Inbound, String, Outbound> {
  private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

  private final Policy policy;
  private final Supplier<Deidentifier> deidentifiers;
  private final int historyCacheSize;
  private ProcessorContext<String, Outbound> context;
  private OrgHistories histories;
  private KeyValueStore<String, IndexEntry> index;
  private Deidentifier deid;

  Gate(Policy policy, Supplier<Deidentifier> deidentifiers, int historyCacheSize) {
    this.policy = policy;
    this.deidentifiers = deidentifiers;
    this.historyCacheSize = historyCacheSize;
  }

  @Override
  public void init(ProcessorContext<String, Outbound> context) {
    this.context = context;
    this.histories = new OrgHistories(context.getStateStore(StoreNames.SETTINGS_HISTORY), historyCacheSize);
    this.index = context.getStateStore(StoreNames.CONTRIBUTION_INDEX);
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
    String contributionId = null;
    if (d.contributed()) {
      contributionId = deid.contributionId(orgId, e.getEventId());
      String region = history.latest().residencyRegion();
      Contribution c = deid.deidentify(e, contributionId, region);
      index.put(IndexKeys.key(orgId, contributionId), new IndexEntry(e.getEventId(), facts, region));
      emit(contributionId, new Outbound.ContributionOut(c), c.getOccurredAt().toEpochMilli());
    }
    Outcome outcome = d.contributed() ? Outcome.CONTRIBUTED : Outcome.DROPPED;
    emit(orgId, decision(e.getEventId(), orgId, outcome, d.reason(), contributionId, d.settingsVersion()), timestamp);
  }

  private void onSettings(Inbound.SettingsIn in, long timestamp) {
    String orgId = in.orgId();
    OrgHistory before = histories.get(orgId);
    OrgHistory after;
    if (in.isTombstone()) {
      after = before.cleared(OrgHistory.State.DELETED, timestamp);
    } else if (in.isInvalid()) {
      after = before.cleared(OrgHistory.State.INVALID, timestamp);
    } else if (before.isStale(in.settings().getUpdatedAt().toEpochMilli())) {
      LOG.info(
          "Ignored a stale settings record (older than the org's current version) at {}",
          context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"));
      return;
    } else {
      long cutoff = context.currentStreamTimeMs() - policy.config().historyRetention().toMillis();
      after =
          before
              .append(in.settings())
              .prunedBefore(cutoff, policy.config().reviewWindow().toMillis());
    }
    histories.put(orgId, after);
    revokeDisallowed(orgId, after, timestamp);
  }

  /** Re-checks every live contribution of the org under its new state. */
  private void revokeDisallowed(String orgId, OrgHistory after, long timestamp) {
    OrgVersion latest = after.latest();
    Long settingsVersion = latest == null ? null : latest.time();
    List<String> revoked = new ArrayList<>();
    java.util.SortedSet<String> reasons = new java.util.TreeSet<>();
    try (KeyValueIterator<String, IndexEntry> it =
        index.prefixScan(IndexKeys.prefix(orgId), PREFIX_SERIALIZER)) {
      while (it.hasNext()) {
        KeyValue<String, IndexEntry> kv = it.next();
        Reason reason = policy.revocationReason(after, kv.value.facts());
        if (reason != null) {
          String contributionId = IndexKeys.contributionId(kv.key);
          emit(contributionId, new Outbound.ContributionOut(null), timestamp);
          emit(
              orgId,
              decision(kv.value.eventId(), orgId, Outcome.REVOKED, reason, contributionId, settingsVersion),
              timestamp);
          revoked.add(kv.key);
          reasons.add(reason.name());
        }
      }
    }
    revoked.forEach(index::delete);
    if (!revoked.isEmpty()) {
      emit(orgId, receipt(orgId, settingsVersion == null ? timestamp : settingsVersion, reasons, revoked.size()), timestamp);
    }
  }

  /** Proof for an admin that the opt-out, deletion or exclusion was carried out. */
  private Outbound receipt(String orgId, long settingsVersion, java.util.SortedSet<String> reasons, long count) {
    return new Outbound.ReceiptOut(
        dev.gatekeeper.schema.RevocationReceipt.newBuilder()
            .setOrgId(orgId)
            .setSettingsVersion(settingsVersion)
            .setReasons(new ArrayList<>(reasons))
            .setContributionsRevoked(count)
            .setBucketsRevoked(0)
            .setCompletedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
            .build());
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
