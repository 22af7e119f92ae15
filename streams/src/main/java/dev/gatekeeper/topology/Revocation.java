package dev.gatekeeper.topology;

import dev.gatekeeper.aggregate.BucketCounts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.OrgVersion;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.state.IndexEntry;
import dev.gatekeeper.state.IndexKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Re-checks every live contribution of an org after its settings changed (POLICY.md
 * "Revocation"): each one the policy (rules 1–7 of the new state) or its place (residency) no
 * longer allows ({@link RevocationRules#revocationReason}, which the admin API's preview also
 * asks) is revoked with a tombstone, a REVOKED decision and its removal from the index;
 * its aggregate share is withdrawn at once. One receipt follows when anything was revoked.
 */
final class Revocation {
  /** What a revocation writes; the gate turns each into an output record. */
  interface Outputs {
    void tombstone(String contributionId, Topic<String, Contribution> topic);

    void revoked(String eventId, String orgId, Reason reason, String contributionId, Long settingsVersion);

    void receipt(String orgId, long settingsVersion, SortedSet<String> reasons, long contributions, long buckets);
  }

  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

  private final RevocationRules rules;
  private final ContributionPlaces places;
  private final KeyValueStore<String, IndexEntry> index;
  private final OrgShares shares;
  private final PendingBucketChanges pending;

  Revocation(RevocationRules rules, ContributionPlaces places, KeyValueStore<String, IndexEntry> index,
      OrgShares shares, PendingBucketChanges pending) {
    this.rules = rules;
    this.places = places;
    this.index = index;
    this.shares = shares;
    this.pending = pending;
  }

  /**
   * Revokes what the org's new state disallows.
   *
   * @param flush called when a withdrawal changed buckets: withdrawals never wait for the flush
   *     interval, and go out with every change still pending
   */
  void revokeDisallowed(String orgId, OrgHistory after, long timestamp, Outputs out, Runnable flush) {
    OrgVersion latest = after.latest();
    Long settingsVersion = latest == null ? null : latest.time();
    List<String> revoked = new ArrayList<>();
    SortedSet<String> reasons = new TreeSet<>();
    OrgShares.Withdrawal withdrawal = shares.withdrawal(orgId);
    try (KeyValueIterator<String, IndexEntry> it = index.prefixScan(IndexKeys.prefix(orgId), PREFIX_SERIALIZER)) {
      while (it.hasNext()) {
        KeyValue<String, IndexEntry> kv = it.next();
        IndexEntry entry = kv.value;
        Reason reason = rules.revocationReason(after, entry);
        if (reason != null) {
          String contributionId = IndexKeys.contributionId(kv.key);
          out.tombstone(contributionId, places.topicOf(entry));
          out.revoked(entry.eventId(), orgId, reason, contributionId, settingsVersion);
          withdrawal.revoked(entry.facts().app(), entry.share());
          revoked.add(kv.key);
          reasons.add(reason.name());
        } else {
          withdrawal.kept(entry.facts().app(), entry.share());
        }
      }
    }
    revoked.forEach(index::delete);
    Map<String, BucketCounts> changes = new LinkedHashMap<>();
    int bucketsLeft = withdrawal.apply(changes);
    if (!changes.isEmpty()) {
      pending.add(changes);
      flush.run();
    }
    if (!revoked.isEmpty()) {
      out.receipt(orgId, settingsVersion == null ? timestamp : settingsVersion, reasons, revoked.size(), bucketsLeft);
    }
  }
}
